/**
 * `/jamun reload` (and SIGHUP, which runs the same service): the files are
 * read again, running rounds change as the change rules allow, and staff
 * always get a report — applied, refused with the reason, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { RoundDefinition } from '../../../src/core/model.ts';
import type { ConfigSnapshot, ConfigSource } from '../../../src/core/ports/config-source.ts';
import { createTestApp, seedConfig } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const member = { platform: 'local' as const, userId: 'm-kang' };

/** The seed configuration with `edit` applied to its round: the file as staff saved it. */
function editedSeed(edit: (round: RoundDefinition) => void): ConfigSnapshot {
  const seed = seedConfig();
  for (const round of seed.rounds) edit(round);
  return seed;
}

async function openRound(source: ConfigSource) {
  const t = await createTestApp({ messengers: [new LocalMessenger()], configSource: source });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  await t.app.runDueJobs();
  return t;
}

describe('reloading the configuration', () => {
  it('GIVEN an open round with an answer WHEN a prompt typo is fixed, a question added and the deadline moved in the file and staff reload THEN the typo applies, the rest is refused with its reason, all audited', async () => {
    let snapshot = seedConfig();
    const t = await openRound(async () => ({ ok: true, value: snapshot }));
    expect((await t.app.saveDraft(member, ROUND, [{ questionId: '1.1', value: '의견' }])).ok).toBe(true);
    snapshot = editedSeed((r) => {
      const item = r.agenda[0];
      const question = item?.questions[0];
      if (!item || !question) throw new Error('seed round has no question');
      question.prompt = `${question.prompt} (수정)`;
      item.questions.push({ id: '1.9', prompt: '추가 질문', kind: 'long_text', required: false, maxLength: 500 });
      r.window.closes = '2024-02-20 18:00';
    });

    const reply = await t.app.runStaffCommand(staff, { verb: 'reload' });

    expect(reply.error).toBeUndefined();
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('설정을 다시 읽었습니다(위원회 1개, 회차 1개).');
    expect(lines[1]).toBe('진행 중인 회차의 변경 사항:');
    expect(reply.text).toContain('질문 1.1 문구');
    expect(reply.text).toContain('반영하였습니다. 이후 보내는 안내부터 바뀐 문구를 씁니다');
    expect(reply.text).toContain('• 회차 "2024-1" 질문 1.9: (없음) → "추가 질문"');
    expect(reply.text).toContain('위원 1명이 이미 답변을 작성하여 질문 구성은 바꿀 수 없습니다');
    expect(reply.text).toContain('extend 2024-1 YYYY-MM-DD [HH:mm]로 연장하여 주시기 바랍니다');
    const view = await t.app.questionnaire(member, ROUND);
    if (!view.ok) throw new Error('no questionnaire');
    const questions = view.value.items.flatMap((i) => i.questions);
    expect(questions[0]?.prompt).toMatch(/\(수정\)$/);
    expect(questions.map((q) => q.id)).not.toContain('1.9');
    const actions = (await t.store.listAudit(ROUND)).map((e) => e.action);
    expect(actions.filter((a) => a === 'round.change.applied')).toHaveLength(1);
    expect(actions.filter((a) => a === 'round.change.refused')).toHaveLength(2);
  });

  it('GIVEN nothing changed WHEN staff reload THEN they are told so, never silence', async () => {
    const t = await openRound(async () => ({ ok: true, value: seedConfig() }));
    const reply = await t.app.runStaffCommand(staff, { verb: 'reload' });
    expect(reply.text).toBe(
      '설정을 다시 읽었습니다(위원회 1개, 회차 1개).\n진행 중인 회차에 반영할 변경 사항은 없습니다.',
    );
  });

  it('GIVEN files with problems WHEN staff reload THEN every problem is listed and nothing changes', async () => {
    const t = await openRound(async () => ({
      ok: false,
      problems: ['config/rounds/2024-1.yaml: agenda[0].questions[0].prompt: required'],
    }));
    const before = await t.store.getRound(ROUND);
    const reply = await t.app.runStaffCommand(staff, { verb: 'reload' });
    expect(reply.text.split('\n')).toEqual([
      '설정에 문제가 있어 다시 읽지 않았습니다. 기존 설정으로 계속 운영합니다.',
      'config/rounds/2024-1.yaml: agenda[0].questions[0].prompt: required',
    ]);
    expect(await t.store.getRound(ROUND)).toEqual(before);
  });

  it('GIVEN a member of the committee WHEN they run reload THEN it is refused and audited', async () => {
    const t = await openRound(async () => ({ ok: true, value: seedConfig() }));
    const reply = await t.app.runStaffCommand(member, { verb: 'reload' });
    expect(reply.error?.code).toBe('STAFF.FORBIDDEN');
    expect((await t.store.listAudit()).some((e) => e.action === 'staff.refused')).toBe(true);
  });

  it('GIVEN no way to read the files (an app built without a source) WHEN staff reload THEN they are told to restart', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    const reply = await t.app.runStaffCommand(staff, { verb: 'reload' });
    expect(reply.text).toBe('이 실행 환경에서는 설정을 다시 읽을 수 없습니다. 봇을 다시 시작하여 주시기 바랍니다.');
  });
});
