/**
 * `/jamun reload` (and SIGHUP, which runs the same service): the files are
 * read again, running rounds change as the change rules allow, and staff
 * always get a report — applied, refused with the reason, or nothing.
 * Then the service itself: which stored rounds are compared, how each change
 * reads (field names, values, dates in the committee zone), what is stored
 * and audited, and the report's shape.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { applyReload, differenceReport, reloadFromSource, reloadReport } from '../../../src/core/app/reload-config.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import type { Committee, Round, RoundDefinition } from '../../../src/core/model.ts';
import type { ConfigSnapshot, ConfigSource } from '../../../src/core/ports/config-source.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
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

  it('GIVEN a member removed in chat and renamed in the file WHEN staff reload THEN the report ends with the roster conflict, each on its own line', async () => {
    let snapshot = seedConfig();
    const t = await openRound(async () => ({ ok: true, value: snapshot }));
    await t.app.removeMember(staff, 'regional-coprosperity', member);
    snapshot = seedConfig();
    const kangInFile = snapshot.committees[0]?.members[0];
    if (kangInFile) kangInFile.name = '강도영(파일)';
    const reply = await t.app.runStaffCommand(staff, { verb: 'reload' });
    expect(reply.text.split('\n')).toEqual([
      '설정을 다시 읽었습니다(위원회 1개, 회차 1개).',
      '진행 중인 회차에 반영할 변경 사항은 없습니다.',
      '위원 명단: 위원회 파일과 대화에서의 변경이 겹칩니다.',
      '위원 강도영: 위원회 파일도 고쳐졌으나 대화에서 변경한 내용이 쓰입니다. 파일을 맞추어 주시기 바랍니다.',
    ]);
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

const NOW = new Date('2024-02-13T01:00:00Z');

/** The seed configuration with its committee reading English. */
function english(): ConfigSnapshot {
  const seed = seedConfig();
  for (const c of seed.committees) c.locale = 'en';
  return seed;
}

async function setup(
  patch: Partial<Round> = { status: 'open', openedAt: new Date('2024-02-08T00:00:00Z') },
  config = english(),
) {
  const store = createMemoryStore();
  const ctx = new AppContext({
    store,
    messengers: [],
    committees: config.committees,
    rounds: config.rounds,
    clock: new ManualClock(NOW),
    logger: silentLogger,
  });
  const round = roundFromDefinition(config.rounds[0] as RoundDefinition, config.committees[0] as Committee);
  if (!round.ok) throw new Error('seed round is invalid');
  await store.createRound({ ...round.value, ...patch });
  return { ctx, store };
}

async function answer(store: ReturnType<typeof createMemoryStore>, memberId: string, questionId: string) {
  await store.saveAnswers('2024-1', memberId, [{ questionId, value: { kind: 'text', text: 'x' } }], NOW);
}

function editedEnglish(edit: (round: RoundDefinition, committee: Committee) => void): ConfigSnapshot {
  const config = english();
  edit(config.rounds[0] as RoundDefinition, config.committees[0] as Committee);
  return config;
}

const manyEdits = editedEnglish((r) => {
  r.title = 'New title';
  const item = r.agenda[1];
  if (item) item.title = 'Item two';
  const [first, second] = r.agenda[0]?.questions ?? [];
  if (first) first.prompt = `Long\n\n  prompt ${'y'.repeat(100)}`;
  if (second) second.help = 'Some help';
  r.agenda[0]?.questions.push({ id: '1.9', prompt: 'Added', kind: 'long_text', required: false, maxLength: 500 });
  r.allowLate = true;
  r.window.closes = '2024-02-20 18:00';
});

describe('differenceReport', () => {
  it('GIVEN wording, a question, a setting and the deadline changed while two members answered THEN two lines per change, values as people read them', async () => {
    const { ctx, store } = await setup();
    await answer(store, 'm-kang', '1.1');
    await answer(store, 'm-kang', '1.2');
    await answer(store, 'm-kim', '1.1');
    const lines = await differenceReport(ctx, manyEdits);
    expect(lines).toEqual([
      'Differences between running rounds and the files (applied by `jamun config reload`):',
      `• Round "2024-1" title: "'24년 제1차 지역상생발전위원회 서면자문" → "New title"`,
      '  Applied: later messages use the new wording (messages already sent stay as they were).',
      `• Round "2024-1" agenda item 2 title: "'24년 지역연계형 청년 창업 지원사업(넥스트로컬)" → "Item two"`,
      '  Applied: later messages use the new wording (messages already sent stay as they were).',
      `• Round "2024-1" question 1.1 prompt: "2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안" → "Long prompt ${'y'.repeat(67)}…"`,
      '  Applied: later messages use the new wording (messages already sent stay as they were).',
      '• Round "2024-1" question 1.2 help: (none) → "Some help"',
      '  Applied: later messages use the new wording (messages already sent stay as they were).',
      '• Round "2024-1" question 1.9: (none) → "Added"',
      '  Not applied: 2 members have already answered, so the questionnaire cannot change. To change questions, cancel this round and open a new one (wording changes still apply).',
      '• Round "2024-1" late answers: no → yes',
      '  Not applied: the committee, anonymity, late answers and reminders are fixed when a round opens. To change them, cancel the round and open a new one.',
      '• Round "2024-1" deadline: Thu 15 Feb 2024 18:00 → Tue 20 Feb 2024 18:00',
      '  Not applied: the deadline does not change from the file. Use extend 2024-1 YYYY-MM-DD [HH:mm].',
    ]);
  });

  it('GIVEN a scale label, a maximum length and the opening changed before anyone answered THEN the field names are the catalogue’s', async () => {
    const { ctx } = await setup();
    const lines = await differenceReport(
      ctx,
      editedEnglish((r) => {
        const q = r.agenda[0]?.questions[0];
        if (q) q.maxLength = 99;
        r.window.opens = '2024-02-08 10:00';
      }),
    );
    expect(lines.filter((l) => l.startsWith('•'))).toEqual([
      '• Round "2024-1" question 1.1 maximum length: "4000" → "99"',
      '• Round "2024-1" opening time: Thu 8 Feb 2024 09:00 → Thu 8 Feb 2024 10:00',
    ]);
    expect(lines[2]).toBe('  Applied: nobody has answered yet, so the questionnaire was changed.');
  });

  it('GIVEN two questions swapped before anyone answered THEN the change reads 질문 순서, not a question called "order"', async () => {
    const { ctx } = await setup(undefined, seedConfig());
    const lines = await differenceReport(
      ctx,
      editedSeed((r) => r.agenda[0]?.questions.reverse()),
    );
    expect(lines.filter((l) => l.startsWith('•'))[0]).toMatch(/^• 회차 "2024-1" 질문 순서: "/);
  });

  it('GIVEN one member answered WHEN a question is added THEN the refusal counts one member in the singular', async () => {
    const { ctx, store } = await setup();
    await answer(store, 'm-kang', '1.1');
    const lines = await differenceReport(
      ctx,
      editedEnglish((r) => {
        r.agenda[0]?.questions.push({ id: '1.9', prompt: 'Added', kind: 'long_text', required: false, maxLength: 500 });
      }),
    );
    expect(lines).toContain(
      '  Not applied: 1 member has already answered, so the questionnaire cannot change. To change questions, cancel this round and open a new one (wording changes still apply).',
    );
  });

  it('GIVEN nothing changed THEN no lines at all', async () => {
    const { ctx } = await setup();
    expect(await differenceReport(ctx, english())).toEqual([]);
  });

  it.each([
    ['the round is no longer in the files', editedEnglish((r) => void (r.id = 'other'))],
    ['its committee is no longer in the files', editedEnglish((_r, c) => void (c.id = 'other'))],
    ['its window is not a date', editedEnglish((r) => void (r.window.closes = '2024-02-30 18:00'))],
  ])('GIVEN a changed title but %s THEN the stored round is passed over', async (_name, snapshot) => {
    const { ctx } = await setup();
    const round = snapshot.rounds[0];
    if (round) round.title = 'Changed';
    expect(await differenceReport(ctx, snapshot)).toEqual([]);
  });

  it('GIVEN a round never opened (a draft) THEN it is not compared', async () => {
    const { ctx } = await setup({ status: 'draft' });
    expect(await differenceReport(ctx, manyEdits)).toEqual([]);
  });
});

describe('applyReload', () => {
  it('GIVEN wording and a refused change THEN the wording is stored, each change audited with its verdict, the reload audited, the new files used', async () => {
    const { ctx, store } = await setup();
    await answer(store, 'm-kang', '1.1');
    const snapshot = editedEnglish((r, c) => {
      r.title = 'New title';
      r.anonymous = true;
      const gone = c.members[1];
      if (gone) gone.active = false;
    });
    await store.createInvitations([{ roundId: '2024-1', memberId: 'm-kim', deliveryState: 'delivered', late: false }]);
    const reloads = await applyReload(ctx, snapshot, 'slack:U-staff');
    expect(reloads).toHaveLength(1);
    expect(reloads[0]?.membersWithAnswers).toBe(1);
    expect((await store.getRound('2024-1'))?.title).toBe('New title');
    expect((await store.getRound('2024-1'))?.anonymous).toBe(false);
    const audit = await store.listAudit();
    expect(audit.filter((e) => e.action.startsWith('round.change'))).toEqual([
      {
        at: NOW,
        actor: 'slack:U-staff',
        action: 'round.change.applied',
        roundId: '2024-1',
        detail: {
          field: 'title',
          verdict: 'applied',
          reason: 'wording',
          from: "'24년 제1차 지역상생발전위원회 서면자문",
          to: 'New title',
        },
      },
      {
        at: NOW,
        actor: 'slack:U-staff',
        action: 'round.change.refused',
        roundId: '2024-1',
        detail: { field: 'anonymous', verdict: 'refused', reason: 'setting', from: 'false', to: 'true' },
      },
    ]);
    expect(audit.find((e) => e.action === 'config.reloaded')).toEqual({
      at: NOW,
      actor: 'slack:U-staff',
      action: 'config.reloaded',
      detail: { committees: 1, rounds: 1 },
    });
    expect(ctx.definitions.get('2024-1')?.anonymous).toBe(true);
    expect((await store.getInvitation('2024-1', 'm-kim'))?.removedAt).toEqual(NOW);
  });

  it('GIVEN only a refused change THEN the stored round is not revised', async () => {
    const { ctx, store } = await setup();
    const before = await store.getRound('2024-1');
    await applyReload(
      ctx,
      editedEnglish((r) => void (r.anonymous = true)),
      'cli',
    );
    expect(await store.getRound('2024-1')).toEqual(before);
  });
});

describe('the reload report', () => {
  it('GIVEN no change THEN what was read and that nothing changed; GIVEN changes THEN the header and the lines', async () => {
    const { ctx } = await setup();
    expect(reloadReport(ctx, english(), [], 'en')).toBe(
      'The configuration was read again (1 committee, 1 round).\nNo change to apply to running rounds.',
    );
    const reloads = await applyReload(
      ctx,
      editedEnglish((r) => void (r.title = 'T2')),
      'cli',
    );
    expect(reloadReport(ctx, english(), reloads, 'en').split('\n')).toEqual([
      'The configuration was read again (1 committee, 1 round).',
      'Changes to running rounds:',
      `• Round "2024-1" title: "'24년 제1차 지역상생발전위원회 서면자문" → "T2"`,
      '  Applied: later messages use the new wording (messages already sent stay as they were).',
    ]);
  });
});

describe('reloadFromSource', () => {
  it('GIVEN no source THEN it cannot reload here', async () => {
    const { ctx } = await setup();
    expect(await reloadFromSource(ctx, undefined, 'cli')).toEqual({
      ok: false,
      text: 'The configuration cannot be read again here; restart the bot.',
    });
  });

  it('GIVEN files with problems THEN nothing changes, the refusal is audited with the problems, and they are listed', async () => {
    const { ctx, store } = await setup();
    const problems = ['a.yaml: x: required', 'b.yaml: y: bad'];
    expect(await reloadFromSource(ctx, async () => ({ ok: false, problems }), 'system')).toEqual({
      ok: false,
      text: [
        'The configuration has problems, so it was not read again; the bot goes on with the previous one.',
        ...problems,
      ].join('\n'),
    });
    expect(await store.listAudit()).toEqual([
      { at: NOW, actor: 'system', action: 'config.reload.refused', detail: { problems } },
    ]);
  });

  it('GIVEN good files THEN they are applied and the report comes back, in the new first committee’s language', async () => {
    const { ctx } = await setup();
    const snapshot = editedEnglish((r, c) => {
      r.title = 'T2';
      c.locale = 'ko';
    });
    const result = await reloadFromSource(ctx, async () => ({ ok: true, value: snapshot }), 'system');
    expect(result.ok).toBe(true);
    expect(result.text.split('\n')[0]).toBe('설정을 다시 읽었습니다(위원회 1개, 회차 1개).');
    expect(result.text).toContain('T2');
  });
});
