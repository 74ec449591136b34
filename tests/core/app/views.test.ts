import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/i18n/catalogue.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import {
  invitationView,
  progressView,
  questionnaireView,
  receiptView,
  reminderView,
} from '../../../src/core/app/views.ts';
import type { Answer, Committee, Invitation, Round } from '../../../src/core/model.ts';
import type { MaterialView } from '../../../src/core/ports/messenger.ts';
import { formatMoney } from '../../../src/core/summary/format.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { seedConfig } from '../../fakes/app-harness.ts';
import { round, textQuestion } from '../summary/builders.ts';

/** The seed deadline, 2024-02-15 18:00 in Seoul. */
const CLOSES = new Date('2024-02-15T09:00:00Z');
const HOUR = 3_600_000;

function setup(now: Date, overrides: Partial<Round> = {}) {
  const { committees, rounds } = seedConfig();
  const committee = committees[0] as Committee;
  const ctx = new AppContext({
    store: createMemoryStore(),
    messengers: [],
    committees,
    rounds,
    clock: new ManualClock(now),
    logger: silentLogger,
  });
  const member = committee.members[0];
  if (!member) throw new Error('seed committee has no members');
  const r = round([{ id: '1', title: '안건', questions: [textQuestion('1.1', '의견'), textQuestion('1.2', '기타')] }], {
    committeeId: committee.id,
    status: 'open',
    closesAt: CLOSES,
    ...overrides,
  });
  return { ctx, committee, member, round: r };
}

function answer(questionId: string, text: string): Answer {
  return {
    roundId: 'r-2024-1',
    memberId: 'm',
    questionId,
    value: { kind: 'text', text },
    status: 'draft',
    revision: 1,
    updatedAt: new Date(0),
  };
}

function invitation(memberId: string, patch: Partial<Invitation> = {}): Invitation {
  return { roundId: 'r-2024-1', memberId, deliveryState: 'delivered', late: false, ...patch };
}

describe('reminder view', () => {
  it('GIVEN 2 h 59 min before the deadline THEN 2 hours are left (rounded down, never up)', () => {
    const s = setup(new Date(CLOSES.getTime() - 3 * HOUR + 60_000));
    expect(reminderView(s.ctx, s.committee, s.member, s.round, []).hoursLeft).toBe(2);
  });

  it('GIVEN exactly 3 h before the deadline THEN 3 hours are left', () => {
    const s = setup(new Date(CLOSES.getTime() - 3 * HOUR));
    expect(reminderView(s.ctx, s.committee, s.member, s.round, []).hoursLeft).toBe(3);
  });

  it('GIVEN 30 min before the deadline THEN 0 hours; GIVEN a time after it THEN 0, never negative', () => {
    const soon = setup(new Date(CLOSES.getTime() - HOUR / 2));
    expect(reminderView(soon.ctx, soon.committee, soon.member, soon.round, []).hoursLeft).toBe(0);
    const late = setup(new Date(CLOSES.getTime() + 5 * HOUR));
    expect(reminderView(late.ctx, late.committee, late.member, late.round, []).hoursLeft).toBe(0);
  });

  it('GIVEN the morning two days before the deadline THEN the whole view: the deadline in the committee zone, business days and hours left, not abroad', () => {
    const s = setup(new Date('2024-02-13T00:00:00Z'));
    expect(reminderView(s.ctx, s.committee, s.member, s.round, [answer('1.1', '의견')])).toEqual({
      roundId: s.round.id,
      roundTitle: s.round.title,
      closesAt: CLOSES,
      closesAtLocal: '2024. 2. 15.(목) 18:00',
      timeZone: 'Asia/Seoul',
      businessDaysLeft: 3,
      hoursLeft: 57,
      answeredCount: 1,
      questionCount: 2,
      committeeName: s.committee.name,
      abroad: false,
    });
  });

  it('GIVEN a member in Berlin THEN the reminder is in their zone and language, and they are abroad', () => {
    const s = setup(new Date('2024-02-13T00:00:00Z'));
    const member = { ...s.member, timeZone: 'Europe/Berlin', locale: 'en' as const };
    const view = reminderView(s.ctx, s.committee, member, s.round, []);
    expect([view.timeZone, view.abroad, view.closesAtLocal]).toEqual([
      'Europe/Berlin',
      true,
      s.ctx.when(CLOSES, 'Europe/Berlin', 'en'),
    ]);
  });

  it('GIVEN one answered and one blank answer THEN one answer counts, out of two questions', () => {
    const s = setup(new Date(CLOSES.getTime() - 24 * HOUR));
    const view = reminderView(s.ctx, s.committee, s.member, s.round, [answer('1.1', '의견'), answer('1.2', '  ')]);
    expect([view.answeredCount, view.questionCount]).toEqual([1, 2]);
  });
});

describe('receipt view', () => {
  it('GIVEN an open round before its deadline THEN the member can still edit', () => {
    const s = setup(new Date(CLOSES.getTime() - 1));
    expect(receiptView(s.ctx, s.committee, s.member, s.round, [], s.ctx.now()).canEdit).toBe(true);
  });

  it('GIVEN the very moment of the deadline or later THEN editing is over, even while the round is still open', () => {
    const at = setup(CLOSES);
    expect(receiptView(at.ctx, at.committee, at.member, at.round, [], CLOSES).canEdit).toBe(false);
    const after = setup(new Date(CLOSES.getTime() + HOUR));
    expect(receiptView(after.ctx, after.committee, after.member, after.round, [], CLOSES).canEdit).toBe(false);
  });

  it('GIVEN a round closed early, before its deadline THEN editing is over', () => {
    const s = setup(new Date(CLOSES.getTime() - 24 * HOUR), { status: 'closed' });
    expect(receiptView(s.ctx, s.committee, s.member, s.round, [], s.ctx.now()).canEdit).toBe(false);
  });

  it('GIVEN a submission THEN the receipt gives the times in the member’s zone and each item’s title and prompts', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const at = new Date('2024-02-14T01:30:00Z');
    expect(receiptView(s.ctx, s.committee, s.member, s.round, [answer('1.2', '기타 의견')], at)).toEqual({
      roundId: s.round.id,
      roundTitle: s.round.title,
      submittedAt: at,
      submittedAtLocal: '2024. 2. 14.(수) 10:30',
      editableUntilLocal: '2024. 2. 15.(목) 18:00',
      canEdit: true,
      items: [
        {
          title: '안건',
          answers: [
            { questionId: '1.1', prompt: '의견', answer: '' },
            { questionId: '1.2', prompt: '기타', answer: '기타 의견' },
          ],
        },
      ],
    });
  });

  it('GIVEN answers THEN each question shows its stored text, and an unanswered one is empty', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const view = receiptView(s.ctx, s.committee, s.member, s.round, [answer('1.1', '찬성합니다')], s.ctx.now());
    expect(view.items[0]?.answers.map((a) => [a.questionId, a.answer])).toEqual([
      ['1.1', '찬성합니다'],
      ['1.2', ''],
    ]);
  });
});

describe('invitation view', () => {
  it('GIVEN the seed round on its opening morning (Thu 8 Feb) THEN 4 business days are left (Seollal closes 9–12 Feb) and the agenda is listed', () => {
    const s = setup(new Date('2024-02-08T00:00:00Z'));
    const view = invitationView(s.ctx, s.committee, s.member, s.round);
    expect(view).toMatchObject({
      roundId: s.round.id,
      roundTitle: s.round.title,
      committeeName: s.committee.name,
      closesAt: CLOSES,
      timeZone: 'Asia/Seoul',
      businessDaysLeft: 4,
      questionCount: 2,
      agendaTitles: ['안건'],
    });
    expect(view.closesAtLocal).toContain('18:00');
  });

  it('GIVEN the morning of the deadline THEN 1 business day is left (today counts)', () => {
    const s = setup(new Date(CLOSES.getTime() - 8 * HOUR));
    expect(invitationView(s.ctx, s.committee, s.member, s.round).businessDaysLeft).toBe(1);
  });
});

describe('questionnaire view', () => {
  it('GIVEN saved text, choice and scale drafts THEN each question shows its own draft and an unanswered one none', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const r = {
      ...s.round,
      agenda: [{ id: '1', title: '안건', questions: ['a', 'b', 'c', 'd'].map((id) => textQuestion(id, id)) }],
    };
    const answers: Answer[] = [
      answer('a', '의견'),
      { ...answer('b', ''), value: { kind: 'choices', choices: ['x', 'y'] } },
      { ...answer('c', ''), value: { kind: 'scale', value: 4 } },
    ];
    const view = questionnaireView(s.ctx, s.committee, s.member, r, invitation('m'), answers);
    expect(view.items[0]?.drafts).toEqual({ a: '의견', b: ['x', 'y'], c: 4, d: undefined });
    expect(view).toMatchObject({ roundId: r.id, roundTitle: r.title, locale: 'ko', submitted: false });
  });

  it('GIVEN a submitted invitation THEN the questionnaire says so', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const view = questionnaireView(s.ctx, s.committee, s.member, s.round, invitation('m', { submittedAt: CLOSES }), []);
    expect(view.submitted).toBe(true);
  });
});

describe('progress view', () => {
  it('GIVEN a tally with failures THEN the counts are shown and the failed are named with the reason in words; one not on the roster by id', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const [first] = s.committee.members;
    const view = progressView(s.ctx, s.committee, s.round, {
      total: 4,
      delivered: 1,
      pending: 1,
      failed: [
        { memberId: first?.id ?? '', failureReason: 'dm_closed' },
        { memberId: 'm-gone', failureReason: 'uncertain' },
      ],
    });
    expect(view).toEqual({
      roundId: s.round.id,
      roundTitle: s.round.title,
      total: 4,
      delivered: 1,
      pending: 1,
      failed: [
        { memberName: first?.name, reason: 'DM 수신 차단 또는 서버 탈퇴' },
        { memberName: 'm-gone', reason: t('ko', 'staff.failure.uncertain') },
      ],
      done: false,
    });
  });

  it('GIVEN nothing pending any more THEN the fan-out is done', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const view = progressView(s.ctx, s.committee, s.round, {
      total: 2,
      delivered: 1,
      pending: 0,
      failed: [{ memberId: 'b' }],
    });
    expect([view.total, view.done]).toEqual([2, true]);
  });
});

describe('invitation view: the letter', () => {
  const file = (title: string, itemIndex?: number): MaterialView => ({
    kind: 'file',
    title,
    name: `${title}.pdf`,
    size: 10,
    delivery: 'attached',
    ...(itemIndex === undefined ? {} : { itemIndex }),
  });

  it('GIVEN the seed office, honorarium and a purpose THEN the letter names the sender, purpose, honorarium, contact and each item’s question count', () => {
    const s = setup(new Date('2024-02-08T00:00:00Z'), { description: '의견 수렴' });
    const r = {
      ...s.round,
      agenda: [...s.round.agenda, { id: '2', title: '안건 2', questions: [textQuestion('2.1', '의견')] }],
    };
    const materials = [file('자료')];
    expect(invitationView(s.ctx, s.committee, s.member, r, materials)).toEqual({
      materials,
      roundId: r.id,
      roundTitle: r.title,
      committeeName: s.committee.name,
      closesAt: CLOSES,
      closesAtLocal: '2024. 2. 15.(목) 18:00',
      timeZone: 'Asia/Seoul',
      businessDaysLeft: 4,
      questionCount: 3,
      agendaTitles: ['안건', '안건 2'],
      agendaQuestionCounts: [2, 1],
      abroad: false,
      sender: '서울특별시 행정국 대외협력과',
      purpose: '의견 수렴',
      honorarium: formatMoney(100_000, 'KRW', 'ko'),
      contact: '대외협력과 성춘향 주무관(☎ 02-2133-0002)',
    });
  });

  it('GIVEN no office, no honorarium, a blank purpose and no materials THEN those fields are absent, not empty', () => {
    const s = setup(new Date('2024-02-08T00:00:00Z'), { description: '' });
    const committee: Committee = { ...s.committee, honorarium: { amount: 0, currency: 'KRW' } };
    delete committee.office;
    const view = invitationView(s.ctx, committee, s.member, s.round, []);
    for (const key of ['materials', 'sender', 'purpose', 'honorarium', 'contact'])
      expect(Object.keys(view)).not.toContain(key);
  });

  it('GIVEN a member living in Berlin THEN the deadline is in their zone and language and they are abroad', () => {
    const s = setup(new Date('2024-02-08T00:00:00Z'));
    const member = { ...s.member, timeZone: 'Europe/Berlin', locale: 'en' as const };
    const view = invitationView(s.ctx, s.committee, member, s.round);
    expect([view.timeZone, view.abroad, view.closesAtLocal]).toEqual([
      'Europe/Berlin',
      true,
      s.ctx.when(CLOSES, 'Europe/Berlin', 'en'),
    ]);
    expect(questionnaireView(s.ctx, s.committee, member, s.round, invitation('m'), [])).toMatchObject({
      locale: 'en',
      closesAtLocal: s.ctx.when(CLOSES, 'Europe/Berlin', 'en'),
    });
  });

  it('GIVEN materials of the whole round, of item 1 and of item 2 THEN the first item lists the round’s and its own, the second its own, a third none', () => {
    const s = setup(new Date(CLOSES.getTime() - HOUR));
    const items = ['1', '2', '3'].map((id) => ({ id, title: id, questions: [textQuestion(`${id}.1`, id)] }));
    const all = [file('전체'), file('하나', 1), file('둘', 2)];
    const view = questionnaireView(
      s.ctx,
      s.committee,
      s.member,
      { ...s.round, agenda: items },
      invitation('m'),
      [],
      all,
    );
    expect(view.items.map((item) => item.materials?.map((m) => m.title))).toEqual([
      ['전체', '하나'],
      ['둘'],
      undefined,
    ]);
    expect(Object.keys(view.items[2] ?? {})).not.toContain('materials');
  });
});
