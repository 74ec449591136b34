/**
 * Rounds staff write in chat or import (issue 12), in the core: stored as
 * drafts, listed, opened like a round file's, refused for the wrong staff,
 * an unknown committee or an id already opened; every save audited.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { roundFromForm } from '../../../src/config/round-from-form.ts';
import type { RoundDefinition } from '../../../src/core/model.ts';
import { t as text } from '../../../src/core/i18n/catalogue.ts';
import { createTestApp } from '../../fakes/app-harness.ts';

const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

/** A round as staff would type it into the form: two agenda items, three questions. */
function typedRound(id = 'chat-1', title = '제2차 서면자문'): RoundDefinition {
  const result = roundFromForm({
    id,
    committee: 'regional-coprosperity',
    title,
    opens: '2024-02-08 09:00',
    closes: '2024-02-15 18:00',
    anonymous: false,
    allowLate: false,
    agendaText: '# 지역상생교류\n사업 평가의견\n만족도 (선택: 만족 / 보통)\n# 넥스트로컬\n성과목표 제안',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.round;
}

async function app() {
  const messenger = new LocalMessenger();
  const t = await createTestApp({ messengers: [messenger], mutateRound: () => {} });
  return { ...t, messenger };
}

describe('round drafts', () => {
  it('GIVEN staff save a typed round THEN it is stored, listed and shown, and the reply says what was kept and how to open it', async () => {
    const t = await app();
    const saved = await t.app.saveRoundDraft(typedRound(), 'chat', staff);
    expect(saved).toEqual({
      ok: true,
      value: {
        created: true,
        text: '초안 「제2차 서면자문」을 저장하였습니다: 안건 2건, 질문 3개. 시작하려면 open chat-1',
      },
    });
    expect((await t.store.getRoundDraft('chat-1'))?.createdBy).toBe('local:staff-son');
    const list = await t.app.runStaffCommand(staff, { verb: 'list' });
    expect(list.rounds?.map((r) => r.roundId)).toContain('chat-1');
    const show = await t.app.runStaffCommand(staff, { verb: 'show', roundId: 'chat-1' });
    expect(show.error).toBeUndefined();
    expect(show.text).toContain('제2차 서면자문');
    expect(await t.app.roundIds('chat')).toEqual(['chat-1']);
  });

  it('GIVEN a stored draft WHEN staff open it THEN every active member is invited, with no file and no restart', async () => {
    const t = await app();
    await t.app.saveRoundDraft(typedRound(), 'chat', staff);
    const opened = await t.app.runStaffCommand(staff, { verb: 'open', roundId: 'chat-1' });
    expect(opened.error).toBeUndefined();
    await t.app.runDueJobs();
    const invited = (await t.store.listInvitations('chat-1')).filter((i) => i.deliveryState === 'delivered');
    const active = t.committees[0]?.members.filter((m) => m.active).length ?? 0;
    expect(active).toBeGreaterThan(0);
    expect(invited).toHaveLength(active);
    expect((await t.store.getRound('chat-1'))?.agenda.flatMap((i) => i.questions.map((q) => q.prompt))).toEqual([
      '사업 평가의견',
      '만족도',
      '성과목표 제안',
    ]);
  });

  it('GIVEN a draft saved twice THEN the second replaces it and the audit keeps before and after', async () => {
    const t = await app();
    await t.app.saveRoundDraft(typedRound(), 'chat', staff);
    const again = await t.app.saveRoundDraft(typedRound('chat-1', '고친 제목'), 'import');
    expect(again.ok && again.value.created).toBe(false);
    expect(again.ok && again.value.text).toContain('고쳐 저장하였습니다');
    const audit = (await t.store.listAudit('chat-1')).filter((a) => a.action.startsWith('round.draft'));
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['round.draft.created', 'local:staff-son'],
      ['round.draft.replaced', 'cli'],
    ]);
    expect(audit[1]?.detail).toMatchObject({
      source: 'import',
      before: { title: '제2차 서면자문' },
      after: { title: '고친 제목' },
    });
  });

  it('GIVEN a member who is not staff THEN the draft is refused, audited, and nothing is stored', async () => {
    const t = await app();
    const saved = await t.app.saveRoundDraft(typedRound(), 'chat', kang);
    expect(saved).toEqual({ ok: false, error: { code: 'STAFF.FORBIDDEN', params: {} } });
    expect(await t.store.getRoundDraft('chat-1')).toBeNull();
    expect((await t.store.listAudit('chat-1')).map((a) => a.action)).toEqual(['staff.refused']);
  });

  it('GIVEN an unknown committee THEN it is refused by name', async () => {
    const t = await app();
    const saved = await t.app.saveRoundDraft({ ...typedRound(), committeeId: 'nope' }, 'chat', staff);
    expect(saved).toEqual({ ok: false, error: { code: 'DRAFT.UNKNOWN_COMMITTEE', params: { committeeId: 'nope' } } });
  });

  it('GIVEN the id of a round already opened THEN the draft is refused and the running round is untouched', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const saved = await t.app.saveRoundDraft(typedRound('2024-1'), 'chat', staff);
    expect(saved.ok ? null : saved.error.code).toBe('DRAFT.ROUND_EXISTS');
    expect((await t.store.getRound('2024-1'))?.title).toBe("'24년 제1차 지역상생발전위원회 서면자문");
  });

  it('GIVEN a draft with the id of a round file THEN the stored draft is used, and the reply says so', async () => {
    const t = await app();
    const saved = await t.app.saveRoundDraft(typedRound('2024-1', '초안 제목'), 'chat', staff);
    expect(saved.ok && saved.value.text).toContain('회차 파일에도 같은 id(2024-1)가 있습니다');
    expect(saved.ok && saved.value.text.split('\n')).toEqual([
      text('ko', 'authoring.draft.created', { title: '초안 제목', items: 2, questions: 3, roundId: '2024-1' }),
      text('ko', 'authoring.draft.file-conflict', { roundId: '2024-1' }),
    ]);
    const show = await t.app.runStaffCommand(staff, { verb: 'show', roundId: '2024-1' });
    expect(show.text).toContain('초안 제목');
  });
});

describe('round drafts: what the audit keeps', () => {
  const shape = (title: string) => ({
    title,
    window: { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' },
    items: 2,
    questions: 3,
    prompts: ['사업 평가의견', '만족도', '성과목표 제안'],
  });

  it('GIVEN a draft created, then replaced THEN each save is audited at its time with its source, the shape after, and before only on replacing', async () => {
    const t = await app();
    await t.app.saveRoundDraft(typedRound(), 'chat', staff);
    t.clock.advance(60_000);
    const again = await t.app.saveRoundDraft(typedRound('chat-1', '고친 제목'), 'import', staff);
    expect(again).toEqual({
      ok: true,
      value: {
        created: false,
        text: text('ko', 'authoring.draft.replaced', { title: '고친 제목', items: 2, questions: 3, roundId: 'chat-1' }),
      },
    });
    expect(await t.store.listAudit('chat-1')).toEqual([
      {
        at: new Date('2024-02-08T00:00:00Z'),
        actor: 'local:staff-son',
        action: 'round.draft.created',
        roundId: 'chat-1',
        detail: { source: 'chat', after: shape('제2차 서면자문') },
      },
      {
        at: new Date('2024-02-08T00:01:00Z'),
        actor: 'local:staff-son',
        action: 'round.draft.replaced',
        roundId: 'chat-1',
        detail: { source: 'import', before: shape('제2차 서면자문'), after: shape('고친 제목') },
      },
    ]);
  });

  it('GIVEN a member, or the id of a round already opened THEN the refusal is audited with the verb, and the existing round is named', async () => {
    const t = await app();
    await t.app.saveRoundDraft(typedRound(), 'chat', kang);
    expect(await t.store.listAudit('chat-1')).toEqual([
      {
        at: t.clock.now(),
        actor: 'local:m-kang',
        action: 'staff.refused',
        roundId: 'chat-1',
        detail: { verb: 'draft' },
      },
    ]);
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    expect(await t.app.saveRoundDraft(typedRound('2024-1', '다른 제목'), 'chat', staff)).toEqual({
      ok: false,
      error: { code: 'DRAFT.ROUND_EXISTS', params: { roundId: '2024-1', roundTitle: '다른 제목' } },
    });
  });
});
