/**
 * What members do, on the in-memory store with a manual clock and no
 * messenger: who they are and which rounds they may answer, drafts and their
 * problems, submitting and editing (audited, a receipt queued), declining,
 * and a plain DM reply filed under the question asked last.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { MemberService } from '../../../src/core/app/member-service.ts';
import type { Actor, Committee, Invitation, Member, Question, Round } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { committee, member, round } from '../summary/builders.ts';

const NOW = new Date('2024-02-13T01:00:00Z');
const CLOSES = new Date('2024-02-15T09:00:00Z');
const kang: Actor = { platform: 'slack', userId: 'U1' };
const lee: Actor = { platform: 'slack', userId: 'U2' };
const stranger: Actor = { platform: 'slack', userId: 'U9' };

const questions: Question[] = [
  { id: '1.1', prompt: 'Opinion', kind: 'long_text', required: true, maxLength: 10 },
  { id: '1.2', prompt: 'Pick one', kind: 'single_choice', options: ['A', 'B'], required: true, maxLength: 100 },
  { id: '1.3', prompt: 'Anything else', kind: 'short_text', required: false, maxLength: 100 },
];

function members(): Member[] {
  return [
    { ...member('m-kang', 'Kang'), platforms: { slack: 'U1' } },
    { ...member('m-lee', 'Lee'), platforms: { slack: 'U2' }, locale: 'ko', timeZone: 'Europe/Paris' },
  ];
}

async function setup(options: { round?: Partial<Round>; committees?: Committee[] } = {}) {
  const store = createMemoryStore();
  const clock = new ManualClock(NOW);
  let due = 0;
  const ctx = new AppContext({
    store,
    messengers: [],
    committees: options.committees ?? [committee(members(), { locale: 'en' })],
    rounds: [],
    clock,
    logger: silentLogger,
    onWorkDue: () => void (due += 1),
  });
  await store.createRound(
    round([{ id: '1', title: 'Item', questions }], {
      id: 'R1',
      title: 'Round one',
      status: 'open',
      allowLate: false,
      closesAt: CLOSES,
      openedAt: new Date('2024-02-08T00:00:00Z'),
      ...options.round,
    }),
  );
  await store.createInvitations([invitation('m-kang'), invitation('m-lee')]);
  return { store, clock, ctx, service: new MemberService(ctx), due: () => due };
}

function invitation(memberId: string, patch: Partial<Invitation> = {}, roundId = 'R1'): Invitation {
  return { roundId, memberId, deliveryState: 'delivered', late: false, ...patch };
}

const complete = [
  { questionId: '1.1', value: 'Good' },
  { questionId: '1.2', value: 'B' },
];

describe('who a member is', () => {
  it('GIVEN a member, one with their own locale, and a stranger THEN the committee locale, theirs, and Korean', async () => {
    const { service } = await setup();
    expect(await service.localeOf(kang)).toBe('en');
    expect(await service.localeOf(lee)).toBe('ko');
    expect(await service.localeOf(stranger)).toBe('ko');
  });

  it('GIVEN open, closed, removed and foreign invitations THEN only the open round is listed, with its deadline in the member’s zone and language', async () => {
    const { store, service } = await setup();
    await store.createRound(round([], { id: 'R2', status: 'closed' }));
    await store.createRound(round([], { id: 'R3', status: 'open', committeeId: 'elsewhere' }));
    await store.createRound(round([], { id: 'R4', status: 'open', title: 'Round four' }));
    await store.createInvitations([
      invitation('m-lee', {}, 'R2'),
      invitation('m-lee', {}, 'R3'),
      invitation('m-lee', { removedAt: NOW }, 'R4'),
      invitation('m-lee', {}, 'R-missing'),
    ]);
    expect(await service.openRounds(lee)).toEqual({
      ok: true,
      value: [{ roundId: 'R1', title: 'Round one', closesAtLocal: '2024. 2. 15.(목) 10:00' }],
    });
    expect(await service.openRounds(kang)).toEqual({
      ok: true,
      value: [{ roundId: 'R1', title: 'Round one', closesAtLocal: 'Thu 15 Feb 2024 18:00' }],
    });
    expect(await service.openRounds(stranger)).toEqual({ ok: false, error: { code: 'MEMBER.UNKNOWN', params: {} } });
  });

  it('GIVEN someone unknown, a round of another committee, no invitation, a removed member, an unknown round THEN each reason', async () => {
    const other = committee([{ ...member('m-park', 'Park'), platforms: { slack: 'U3' } }], { id: 'other' });
    const { store, service } = await setup({ committees: [committee(members(), { locale: 'en' }), other] });
    const park: Actor = { platform: 'slack', userId: 'U3' };
    const named = { roundId: 'R1', roundTitle: 'Round one' };
    expect(await service.questionnaire(stranger, 'R1')).toEqual({
      ok: false,
      error: { code: 'MEMBER.UNKNOWN', params: {} },
    });
    expect(await service.questionnaire(park, 'R1')).toEqual({
      ok: false,
      error: { code: 'MEMBER.NOT_IN_ROUND', params: named },
    });
    await store.createRound(round([], { id: 'R2', title: 'Round two', status: 'open', committeeId: 'other' }));
    expect(await service.saveDraft(park, 'R2', complete)).toEqual({
      ok: false,
      error: { code: 'MEMBER.NOT_IN_ROUND', params: { roundId: 'R2', roundTitle: 'Round two' } },
    });
    await store.updateInvitation('R1', 'm-kang', { removedAt: NOW });
    expect(await service.submit(kang, 'R1', complete)).toEqual({
      ok: false,
      error: { code: 'MEMBER.REMOVED', params: named },
    });
    expect(await service.decline(kang, 'nope', 'busy')).toMatchObject({
      ok: false,
      error: { code: 'ROUND.NOT_FOUND' },
    });
  });
});

describe('the answer window', () => {
  it('GIVEN the deadline passed in a round without late answers THEN every member action is refused with the round title and the deadline', async () => {
    const { clock, service } = await setup();
    clock.set(CLOSES);
    const closed = {
      ok: false,
      error: {
        code: 'ROUND.CLOSED',
        params: { roundId: 'R1', closesAt: 'Thu 15 Feb 2024 18:00', roundTitle: 'Round one' },
      },
    };
    expect(await service.questionnaire(kang, 'R1')).toEqual(closed);
    expect(await service.saveDraft(kang, 'R1', complete)).toEqual(closed);
    expect(await service.submit(kang, 'R1', complete)).toEqual(closed);
    expect(await service.decline(kang, 'R1', 'busy')).toEqual(closed);
  });

  it('GIVEN the deadline passed in a round taking late answers THEN a submission is received as late, in the member’s words', async () => {
    const { clock, store, service } = await setup({ round: { allowLate: true } });
    clock.set(new Date(CLOSES.getTime() + 60_000));
    expect(await service.submit(kang, 'R1', complete)).toEqual({
      ok: true,
      value: { roundId: 'R1', late: true, message: 'Received as submitted after the deadline. Thank you.' },
    });
    expect(await store.getInvitation('R1', 'm-kang')).toMatchObject({ late: true });
    expect((await store.listAudit('R1'))[0]?.detail).toEqual({ late: true });
  });
});

describe('questionnaire', () => {
  it('GIVEN a draft THEN the view shows the round and the saved answer', async () => {
    const { service } = await setup();
    await service.saveDraft(kang, 'R1', [{ questionId: '1.1', value: 'Draft' }]);
    const view = await service.questionnaire(kang, 'R1');
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.roundId).toBe('R1');
    expect(JSON.stringify(view.value)).toContain('Draft');
  });
});

describe('saving drafts', () => {
  it('GIVEN answers THEN they are stored and the member is told which, privately in their language', async () => {
    const { store, service } = await setup();
    expect(await service.saveDraft(kang, 'R1', complete)).toEqual({
      ok: true,
      value: { roundId: 'R1', saved: ['1.1', '1.2'], problems: [], message: 'Draft saved: questions 1.1, 1.2.' },
    });
    expect((await store.listAnswers('R1', 'm-kang')).map((a) => [a.questionId, a.value])).toEqual([
      ['1.1', { kind: 'text', text: 'Good' }],
      ['1.2', { kind: 'choices', choices: ['B'] }],
    ]);
  });

  it('GIVEN nothing THEN there was nothing to save', async () => {
    const { service } = await setup();
    expect(await service.saveDraft(kang, 'R1', [])).toEqual({
      ok: true,
      value: { roundId: 'R1', saved: [], problems: [], message: 'There was nothing to save.' },
    });
  });

  it('GIVEN a text over its limit, an unknown question and an unknown option THEN the text is kept and every problem reported; the rest is not stored', async () => {
    const { store, service } = await setup();
    const saved = await service.saveDraft(kang, 'R1', [
      { questionId: '1.1', value: 'Far too long text' },
      { questionId: '9.9', value: 'x' },
      { questionId: '1.2', value: 'C' },
      { questionId: '1.3', value: 'fine' },
    ]);
    if (!saved.ok) throw new Error(saved.error.code);
    expect(saved.value.saved).toEqual(['1.1', '1.3']);
    expect(saved.value.problems.map((p) => [p.questionId, p.code])).toEqual([
      ['1.1', 'ANSWER.TOO_LONG'],
      ['9.9', 'ANSWER.UNKNOWN_QUESTION'],
      ['1.2', 'ANSWER.INVALID_CHOICE'],
    ]);
    expect(saved.value.problems[1]?.message).toBe('There is no question "9.9" in this round.');
    expect(saved.value.message.split('\n')).toEqual([
      'Draft saved: questions 1.1, 1.3.',
      'Your answer to question 1.1 has 17 characters; the limit is 10. Your text was saved as a draft: please shorten it by 7 characters and save again.',
      'There is no question "9.9" in this round.',
      'Question 1.2 has no option "C". Options: A, B',
    ]);
    expect((await store.listAnswers('R1', 'm-kang')).map((a) => a.questionId)).toEqual(['1.1', '1.3']);
  });

  it('GIVEN only answers that cannot be stored THEN the first problem is the answer and nothing is stored', async () => {
    const { store, service } = await setup();
    expect(
      await service.saveDraft(kang, 'R1', [
        { questionId: '1.2', value: 'C' },
        { questionId: '9.9', value: 'x' },
      ]),
    ).toEqual({
      ok: false,
      error: { code: 'ANSWER.INVALID_CHOICE', params: { questionId: '1.2', choice: 'C', options: 'A, B' } },
    });
    expect(await store.listAnswers('R1', 'm-kang')).toEqual([]);
  });

  it('GIVEN a member who declined THEN answering takes part after all; GIVEN one who did not THEN the invitation is untouched', async () => {
    const { store, service } = await setup();
    await service.decline(kang, 'R1', 'busy');
    await service.saveDraft(kang, 'R1', [{ questionId: '1.3', value: 'after all' }]);
    const invitation = await store.getInvitation('R1', 'm-kang');
    expect(invitation?.declinedAt).toBeUndefined();
    expect(invitation?.declineReason).toBeUndefined();
    await service.saveDraft(lee, 'R1', [{ questionId: '1.3', value: 'x' }]);
    expect(await store.getInvitation('R1', 'm-lee')).toEqual(invitation && { ...invitation, memberId: 'm-lee' });
  });
  it('GIVEN a blank answer to a required question THEN it is saved as a draft without a problem (required is checked on submit)', async () => {
    const { service } = await setup();
    expect(await service.saveDraft(kang, 'R1', [{ questionId: '1.1', value: '' }])).toEqual({
      ok: true,
      value: { roundId: 'R1', saved: ['1.1'], problems: [], message: 'Draft saved: questions 1.1.' },
    });
  });

  it('GIVEN a member who declined and saves nothing THEN they stay declined', async () => {
    const { store, service } = await setup();
    await service.decline(kang, 'R1', 'busy');
    await service.saveDraft(kang, 'R1', []);
    expect(await store.getInvitation('R1', 'm-kang')).toMatchObject({ declinedAt: NOW, declineReason: 'busy' });
  });
});

describe('submitting', () => {
  it('GIVEN every required answer THEN submitted once, audited, a receipt queued under the count of revisions, work due', async () => {
    const { store, service, due } = await setup();
    await service.saveDraft(kang, 'R1', [{ questionId: '1.1', value: 'First' }]);
    expect(await service.submit(kang, 'R1', complete)).toEqual({
      ok: true,
      value: { roundId: 'R1', late: false, message: 'Your advice was submitted. Thank you.' },
    });
    expect(await store.getInvitation('R1', 'm-kang')).toMatchObject({ submittedAt: NOW, late: false });
    expect(await store.listAudit('R1')).toEqual([
      {
        at: NOW,
        actor: 'slack:U1',
        action: 'answer.submit',
        roundId: 'R1',
        memberId: 'm-kang',
        detail: { late: false },
      },
    ]);
    const jobs = await store.listJobs('R1');
    expect(jobs.map((j) => [j.key, j.kind, j.memberId, j.dueAt, j.payload])).toEqual([
      ['receipt:R1:m-kang:3', 'receipt', 'm-kang', NOW, { submittedAt: NOW.toISOString() }],
    ]);
    expect(due()).toBe(1);
  });

  it('GIVEN a submitted member who edits later THEN the first submission time stays, the edit is audited and a new receipt names that time', async () => {
    const { clock, store, service } = await setup();
    await service.submit(kang, 'R1', complete);
    clock.advance(3_600_000);
    const edited = await service.submit(kang, 'R1', [{ questionId: '1.1', value: 'Better' }]);
    expect(edited.ok).toBe(true);
    expect((await store.getInvitation('R1', 'm-kang'))?.submittedAt).toEqual(NOW);
    expect((await store.listAudit('R1')).map((e) => e.action)).toEqual(['answer.submit', 'answer.edit']);
    const receipts = (await store.listJobs('R1')).map((j) => [j.key, j.payload]);
    expect(receipts).toEqual([
      ['receipt:R1:m-kang:2', { submittedAt: NOW.toISOString() }],
      ['receipt:R1:m-kang:3', { submittedAt: NOW.toISOString() }],
    ]);
  });

  it('GIVEN a submitted member who submits again with nothing new THEN already submitted, with when, in their zone', async () => {
    const { service } = await setup();
    await service.submit(lee, 'R1', complete);
    expect(await service.submit(lee, 'R1')).toEqual({
      ok: false,
      error: { code: 'ANSWER.ALREADY_SUBMITTED', params: { submittedAt: '2024. 2. 13.(화) 02:00' } },
    });
  });

  it('GIVEN a required answer missing THEN ANSWER.MISSING naming every one, nothing submitted', async () => {
    const { store, service } = await setup();
    expect(await service.submit(kang, 'R1', [{ questionId: '1.3', value: 'only this' }])).toEqual({
      ok: false,
      error: { code: 'ANSWER.MISSING', params: { questions: '1.1, 1.2' } },
    });
    expect(await service.submit(kang, 'R1')).toEqual({
      ok: false,
      error: { code: 'ANSWER.MISSING', params: { questions: '1.1, 1.2' } },
    });
    expect((await store.getInvitation('R1', 'm-kang'))?.submittedAt).toBeUndefined();
    expect(await store.listJobs('R1')).toEqual([]);
  });

  it('GIVEN an answer over its limit stored earlier THEN submit is refused with its length, even when other questions are missing', async () => {
    const { service } = await setup();
    await service.saveDraft(kang, 'R1', [{ questionId: '1.1', value: 'Far too long text' }]);
    expect(await service.submit(kang, 'R1')).toMatchObject({
      ok: false,
      error: { code: 'ANSWER.TOO_LONG', params: { questionId: '1.1', length: 17, limit: 10 } },
    });
  });

  it('GIVEN an unknown option with the submission THEN refused with that problem, even though the text was stored', async () => {
    const { store, service } = await setup();
    expect(
      await service.submit(kang, 'R1', [
        { questionId: '1.1', value: 'Good' },
        { questionId: '1.2', value: 'C' },
      ]),
    ).toMatchObject({ ok: false, error: { code: 'ANSWER.INVALID_CHOICE' } });
    expect((await store.getInvitation('R1', 'm-kang'))?.submittedAt).toBeUndefined();
    expect(await service.submit(kang, 'R1', [{ questionId: '9.9', value: 'x' }])).toMatchObject({
      ok: false,
      error: { code: 'ANSWER.UNKNOWN_QUESTION' },
    });
  });
});

describe('declining', () => {
  it('GIVEN a reason THEN it is recorded trimmed and cut at 1,000 characters, audited, and echoed', async () => {
    const { store, service } = await setup();
    const reason = `  ${'x'.repeat(1005)}  `;
    expect(await service.decline(kang, 'R1', reason)).toEqual({
      ok: true,
      value: { message: `Recorded that you will not take part in this round. Reason: ${'x'.repeat(1000)}` },
    });
    expect(await store.getInvitation('R1', 'm-kang')).toMatchObject({
      declinedAt: NOW,
      declineReason: 'x'.repeat(1000),
    });
    expect(await store.listAudit('R1')).toEqual([
      { at: NOW, actor: 'slack:U1', action: 'answer.decline', roundId: 'R1', memberId: 'm-kang' },
    ]);
  });

  it('GIVEN a blank reason THEN a reason is asked for; GIVEN a submitted member THEN already submitted', async () => {
    const { store, service } = await setup();
    expect(await service.decline(kang, 'R1', '   ')).toEqual({
      ok: false,
      error: { code: 'DECLINE.REASON_REQUIRED', params: {} },
    });
    await service.submit(kang, 'R1', complete);
    expect(await service.decline(kang, 'R1', 'busy')).toEqual({
      ok: false,
      error: { code: 'ANSWER.ALREADY_SUBMITTED', params: { submittedAt: 'Tue 13 Feb 2024 10:00' } },
    });
    expect((await store.getInvitation('R1', 'm-kang'))?.declinedAt).toBeUndefined();
  });
});

describe('replying in a DM', () => {
  it('GIVEN a question shown THEN a plain reply is saved under it, with its prompt and length', async () => {
    const { store, service } = await setup();
    expect(await service.markAsked(kang, 'R1', '1.3')).toEqual({ ok: true, value: undefined });
    expect((await store.getInvitation('R1', 'm-kang'))?.lastAskedQuestionId).toBe('1.3');
    expect(await service.reply(kang, 'my view')).toEqual({
      ok: true,
      value: {
        roundId: 'R1',
        questionId: '1.3',
        message: 'Saved as your draft answer to question 1.3 (Anything else), 7 characters. Press "Submit" to submit.',
      },
    });
    expect((await store.listAnswers('R1', 'm-kang'))[0]?.value).toEqual({ kind: 'text', text: 'my view' });
  });

  it('GIVEN an unknown question THEN it is not remembered', async () => {
    const { store, service } = await setup();
    expect(await service.markAsked(kang, 'R1', '9.9')).toEqual({
      ok: false,
      error: { code: 'ANSWER.UNKNOWN_QUESTION', params: { questionId: '9.9' } },
    });
    expect((await store.getInvitation('R1', 'm-kang'))?.lastAskedQuestionId).toBeUndefined();
    expect(await service.markAsked(stranger, 'R1', '1.1')).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.UNKNOWN' },
    });
  });

  it('GIVEN a reply over the limit THEN it is saved and the problem follows the confirmation', async () => {
    const { service } = await setup();
    await service.markAsked(kang, 'R1', '1.1');
    const reply = await service.reply(kang, 'Far too long text');
    expect(reply.ok && reply.value.message.split('\n')).toEqual([
      'Saved as your draft answer to question 1.1 (Opinion), 17 characters. Press "Submit" to submit.',
      'Your answer to question 1.1 has 17 characters; the limit is 10. Your text was saved as a draft: please shorten it by 7 characters and save again.',
    ]);
  });

  it('GIVEN two open rounds asked about THEN the reply goes to the one opened last; removed, closed, foreign and never-asked ones never count', async () => {
    const { store, service } = await setup();
    const newer = { status: 'open' as const, openedAt: new Date('2024-02-10T00:00:00Z') };
    await store.createRound(round([{ id: '1', title: 'Item', questions }], { id: 'R2', ...newer }));
    await store.createRound(
      round([{ id: '1', title: 'Item', questions }], { id: 'R3', ...newer, openedAt: NOW, status: 'closed' }),
    );
    await store.createRound(
      round([{ id: '1', title: 'Item', questions }], { id: 'R4', ...newer, openedAt: NOW, committeeId: 'x' }),
    );
    await store.createRound(round([{ id: '1', title: 'Item', questions }], { id: 'R5', ...newer, openedAt: NOW }));
    await store.createRound(round([{ id: '1', title: 'Item', questions }], { id: 'R6', ...newer, openedAt: NOW }));
    await store.createInvitations([
      invitation('m-kang', { lastAskedQuestionId: '1.3' }, 'R2'),
      invitation('m-kang', { lastAskedQuestionId: '1.3' }, 'R3'),
      invitation('m-kang', { lastAskedQuestionId: '1.3' }, 'R4'),
      invitation('m-kang', { lastAskedQuestionId: '1.3', removedAt: NOW }, 'R5'),
      invitation('m-kang', { lastAskedQuestionId: '1.3' }, 'R-missing'),
      invitation('m-kang', {}, 'R6'),
    ]);
    await service.markAsked(kang, 'R1', '1.1');
    expect(await service.reply(kang, 'x')).toMatchObject({ ok: true, value: { roundId: 'R2', questionId: '1.3' } });
  });

  it('GIVEN a round never opened (no opening time) and nothing else THEN it still takes the reply', async () => {
    const { store, service } = await setup({ round: { openedAt: undefined } });
    await store.updateInvitation('R1', 'm-kang', { lastAskedQuestionId: '1.3' });
    expect(await service.reply(kang, 'x')).toMatchObject({ ok: true, value: { roundId: 'R1' } });
  });

  it('GIVEN nothing asked, or a stranger THEN the member is told to open the questionnaire, or that they are unknown', async () => {
    const { service } = await setup();
    expect(await service.reply(kang, 'x')).toEqual({
      ok: false,
      error: { code: 'ANSWER.NO_QUESTION_ASKED', params: {} },
    });
    expect(await service.reply(stranger, 'x')).toEqual({ ok: false, error: { code: 'MEMBER.UNKNOWN', params: {} } });
  });

  it('GIVEN a reply that cannot be stored (a word for a choice) THEN the refusal', async () => {
    const { service } = await setup();
    await service.markAsked(kang, 'R1', '1.2');
    expect(await service.reply(kang, 'C')).toMatchObject({ ok: false, error: { code: 'ANSWER.INVALID_CHOICE' } });
  });
});
