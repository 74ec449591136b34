/**
 * The behaviour every Store must have. Each adapter's test file runs it:
 * `runStoreContract('memory', async () => createMemoryStore())`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Committee, Invitation, Round } from '../../src/core/model.ts';
import type { NewJob, Store } from '../../src/core/ports/store.ts';
import { krCalendar } from '../fakes/kr-calendar.ts';
import { claimOrderContract } from './store-contract-claim-order.ts';
import { followUpContract } from './store-contract-follow-ups.ts';
import { roundDraftContract } from './store-contract-round-drafts.ts';
import { rosterContract } from './store-contract-roster.ts';

const T0 = new Date('2024-02-08T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/** A committee of `memberIds`, for syncCommittee. */
export function sampleCommittee(memberIds: string[]): Committee {
  return {
    id: 'c1',
    name: '지역상생발전위원회',
    timeZone: 'Asia/Seoul',
    locale: 'ko',
    staff: { userIds: { discord: ['s1'] }, discordRoleIds: [] },
    staffChannels: { discord: 'chan-staff' },
    honorarium: { amount: 100_000, currency: 'KRW' },
    calendar: krCalendar(),
    members: memberIds.map((id) => ({ id, name: `위원 ${id}`, platforms: { discord: `d-${id}` }, active: true })),
  };
}

/** A round with two agenda items and three questions of different kinds. */
export function sampleRound(id = 'r1'): Round {
  return {
    id,
    committeeId: 'c1',
    title: '2024년 제1차 서면자문',
    agenda: [
      {
        id: '1',
        title: '교류사업',
        description: '2023 실적',
        questions: [
          { id: '1.1', prompt: '평가는?', kind: 'long_text', required: true, maxLength: 2000 },
          { id: '1.2', prompt: '고르세요', kind: 'multi_choice', options: ['A', 'B'], required: false, maxLength: 100 },
        ],
      },
      {
        id: '2',
        title: '넥스트로컬',
        questions: [
          {
            id: '2.1',
            prompt: '점수',
            help: '1-5',
            kind: 'scale',
            scale: { min: 1, max: 5, minLabel: '낮음' },
            required: true,
            maxLength: 10,
          },
        ],
      },
    ],
    anonymous: false,
    allowLate: true,
    reminders: { slots: [{ kind: 'business_days_before', days: 1, at: '10:00' }], graceMinutes: 60 },
    status: 'draft',
    opensAt: at(0),
    closesAt: at(7 * 24 * 60),
  };
}

function invitation(memberId: string, roundId = 'r1'): Invitation {
  return { roundId, memberId, deliveryState: 'pending', late: false };
}

function job(key: string, dueMinutes: number, extra: Partial<NewJob> = {}): NewJob {
  return { key, kind: 'remind', roundId: 'r1', memberId: 'm1', dueAt: at(dueMinutes), payload: { slot: 0 }, ...extra };
}

/** Registers the store contract tests for one Store implementation. */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    followUpContract(() => store);
    claimOrderContract(() => store);
    roundDraftContract(() => store);
    rosterContract(() => store);

    describe('committees', () => {
      it('GIVEN a committee synced twice with fewer members THEN syncing succeeds both times', async () => {
        await store.syncCommittee(sampleCommittee(['m1', 'm2']));
        await expect(store.syncCommittee(sampleCommittee(['m1']))).resolves.toBeUndefined();
      });
    });

    describe('rounds', () => {
      it('GIVEN a new round WHEN created THEN it reads back with its agenda snapshot', async () => {
        expect(await store.createRound(sampleRound())).toBe(true);
        expect(await store.getRound('r1')).toEqual(sampleRound());
      });

      it('GIVEN an existing round id WHEN created again THEN it returns false and nothing changes', async () => {
        await store.createRound(sampleRound());
        expect(await store.createRound({ ...sampleRound(), title: 'other' })).toBe(false);
        expect((await store.getRound('r1'))?.title).toBe(sampleRound().title);
        expect(await store.listRounds()).toHaveLength(1);
      });

      it('GIVEN an unknown id THEN getRound returns null', async () => {
        expect(await store.getRound('nope')).toBeNull();
      });

      it('GIVEN a round WHEN patched THEN only the patched fields change', async () => {
        await store.createRound(sampleRound());
        await store.updateRound('r1', { status: 'open', openedAt: at(1) });
        const round = await store.getRound('r1');
        expect(round).toEqual({ ...sampleRound(), status: 'open', openedAt: at(1) });
      });

      it('GIVEN a round read once WHEN revised THEN later reads show the new texts and questionnaire, the rest kept', async () => {
        await store.createRound(sampleRound());
        await store.getRound('r1');
        const base = sampleRound();
        const agenda = [
          { ...base.agenda[1], id: '2', title: '넥스트 로컬', questions: base.agenda[1]?.questions ?? [] },
        ];
        await store.reviseRound('r1', { title: '2024년 제1차 서면 자문', agenda });
        const { description: _, ...rest } = base;
        expect(await store.getRound('r1')).toEqual({ ...rest, title: '2024년 제1차 서면 자문', agenda });
        expect((await store.listRounds())[0]?.agenda).toEqual(agenda);
      });

      it('GIVEN two rounds THEN listRounds orders them by opening time', async () => {
        await store.createRound({ ...sampleRound('late'), opensAt: at(100) });
        await store.createRound(sampleRound('early'));
        expect((await store.listRounds()).map((r) => r.id)).toEqual(['early', 'late']);
      });

      it('GIVEN a round read twice WHEN its status and deadline change between the reads THEN the second read shows them with the same agenda', async () => {
        const round = sampleRound('twice');
        await store.createRound(round);
        const first = await store.getRound('twice');
        await store.updateRound('twice', { status: 'closed', closesAt: at(500), closedAt: at(400) });
        const second = await store.getRound('twice');
        expect(second).toMatchObject({
          status: 'closed',
          closesAt: at(500),
          closedAt: at(400),
          allowLate: round.allowLate,
          anonymous: round.anonymous,
        });
        expect(second?.agenda).toEqual(first?.agenda);
      });
    });

    describe('invitations', () => {
      beforeEach(async () => {
        await store.createRound(sampleRound());
        await store.createRound(sampleRound('r2'));
      });

      it('GIVEN an existing invitation WHEN created again THEN the stored one is kept', async () => {
        await store.createInvitations([invitation('m1'), invitation('m2')]);
        await store.updateInvitation('r1', 'm1', {
          deliveryState: 'delivered',
          deliveredAt: at(1),
          channelRef: 'dm-1',
        });
        await store.createInvitations([invitation('m1'), invitation('m3')]);
        const list = await store.listInvitations('r1');
        expect(list.map((i) => i.memberId)).toEqual(['m1', 'm2', 'm3']);
        expect(list[0]).toEqual({
          ...invitation('m1'),
          deliveryState: 'delivered',
          deliveredAt: at(1),
          channelRef: 'dm-1',
        });
      });

      it('GIVEN invitations in two rounds THEN listInvitationsOfMember finds both', async () => {
        await store.createInvitations([invitation('m1'), invitation('m1', 'r2'), invitation('m2', 'r2')]);
        expect((await store.listInvitationsOfMember('m1')).map((i) => i.roundId)).toEqual(['r1', 'r2']);
      });

      it('GIVEN delivered, pending, failed and removed invitations in two rounds THEN the tally of one round counts by state, leaves the removed out and lists the failed in member order with their reason', async () => {
        await store.createInvitations([
          invitation('m5'),
          invitation('m4'),
          invitation('m3'),
          invitation('m2'),
          invitation('m1'),
          invitation('m6'),
          invitation('m1', 'r2'),
        ]);
        await store.updateInvitation('r1', 'm1', { deliveryState: 'delivered', deliveredAt: at(1) });
        await store.updateInvitation('r1', 'm4', { deliveryState: 'failed', failureReason: 'uncertain' });
        await store.updateInvitation('r1', 'm2', { deliveryState: 'failed', failureReason: 'dm_closed' });
        await store.updateInvitation('r1', 'm3', { deliveryState: 'failed' });
        await store.updateInvitation('r1', 'm6', { deliveryState: 'failed', removedAt: at(2) });
        await store.updateInvitation('r1', 'm5', { removedAt: at(2) });
        expect(await store.tallyInvitations('r1')).toEqual({
          total: 4,
          delivered: 1,
          pending: 0,
          failed: [
            { memberId: 'm2', failureReason: 'dm_closed' },
            { memberId: 'm3' },
            { memberId: 'm4', failureReason: 'uncertain' },
          ],
        });
        expect(await store.tallyInvitations('r2')).toEqual({ total: 1, delivered: 0, pending: 1, failed: [] });
        expect(await store.tallyInvitations('r9')).toEqual({ total: 0, delivered: 0, pending: 0, failed: [] });
      });

      it('GIVEN a patch with a field set to undefined THEN that field is cleared', async () => {
        await store.createInvitations([{ ...invitation('m1'), lastAskedQuestionId: '1.1' }]);
        await store.updateInvitation('r1', 'm1', { lastAskedQuestionId: undefined, failureReason: 'dm_closed' });
        expect(await store.getInvitation('r1', 'm1')).toEqual({ ...invitation('m1'), failureReason: 'dm_closed' });
        expect(await store.getInvitation('r1', 'zz')).toBeNull();
      });
    });

    describe('answers', () => {
      beforeEach(async () => {
        await store.createRound(sampleRound());
        await store.createInvitations([invitation('m1'), invitation('m2')]);
      });

      it('GIVEN an answer saved twice THEN its revision is 2 and both saves are kept as revisions', async () => {
        const first = await store.saveAnswers(
          'r1',
          'm1',
          [{ questionId: '1.1', value: { kind: 'text', text: '초안' } }],
          at(1),
        );
        expect(first).toEqual([
          {
            roundId: 'r1',
            memberId: 'm1',
            questionId: '1.1',
            value: { kind: 'text', text: '초안' },
            status: 'draft',
            revision: 1,
            updatedAt: at(1),
          },
        ]);
        const second = await store.saveAnswers(
          'r1',
          'm1',
          [{ questionId: '1.1', value: { kind: 'text', text: '수정' } }],
          at(2),
        );
        expect(second[0]).toMatchObject({ revision: 2, value: { kind: 'text', text: '수정' }, updatedAt: at(2) });
        const revisions = await store.listRevisions('r1', 'm1', '1.1');
        expect(revisions.map((r) => [r.revision, r.value, r.afterSubmit, r.savedAt])).toEqual([
          [1, { kind: 'text', text: '초안' }, false, at(1)],
          [2, { kind: 'text', text: '수정' }, false, at(2)],
        ]);
      });

      it('GIVEN several answers in one save THEN all are stored and listAnswers filters by member', async () => {
        await store.saveAnswers(
          'r1',
          'm1',
          [
            { questionId: '1.2', value: { kind: 'choices', choices: ['A', 'B'] } },
            { questionId: '2.1', value: { kind: 'scale', value: 4 } },
          ],
          at(1),
        );
        await store.saveAnswers('r1', 'm2', [{ questionId: '1.1', value: { kind: 'text', text: 'x' } }], at(1));
        expect((await store.listAnswers('r1')).map((a) => `${a.memberId}/${a.questionId}`)).toEqual([
          'm1/1.2',
          'm1/2.1',
          'm2/1.1',
        ]);
        expect((await store.listAnswers('r1', 'm1')).map((a) => a.value)).toEqual([
          { kind: 'choices', choices: ['A', 'B'] },
          { kind: 'scale', value: 4 },
        ]);
      });

      it('GIVEN a submitted member WHEN an answer is edited THEN it stays submitted and the revision is marked after submit', async () => {
        await store.saveAnswers('r1', 'm1', [{ questionId: '1.1', value: { kind: 'text', text: 'a' } }], at(1));
        await store.markSubmitted('r1', 'm1', at(2), false);
        const [edited] = await store.saveAnswers(
          'r1',
          'm1',
          [{ questionId: '1.1', value: { kind: 'text', text: 'b' } }],
          at(3),
        );
        expect(edited).toMatchObject({ status: 'submitted', revision: 2 });
        expect((await store.listRevisions('r1', 'm1')).map((r) => r.afterSubmit)).toEqual([false, true]);
      });

      it('GIVEN answers WHEN markSubmitted THEN every answer and the invitation change together', async () => {
        await store.saveAnswers(
          'r1',
          'm1',
          [
            { questionId: '1.1', value: { kind: 'text', text: 'a' } },
            { questionId: '2.1', value: { kind: 'scale', value: 2 } },
          ],
          at(1),
        );
        await store.saveAnswers('r1', 'm2', [{ questionId: '1.1', value: { kind: 'text', text: 'other' } }], at(1));
        await store.markSubmitted('r1', 'm1', at(5), true);
        expect((await store.listAnswers('r1', 'm1')).map((a) => a.status)).toEqual(['submitted', 'submitted']);
        expect((await store.listAnswers('r1', 'm2')).map((a) => a.status)).toEqual(['draft']);
        expect(await store.getInvitation('r1', 'm1')).toMatchObject({ submittedAt: at(5), late: true });
      });
    });

    describe('jobs', () => {
      it('GIVEN a job key that exists WHEN enqueued again THEN it is skipped', async () => {
        expect(await store.enqueueJobs([job('a', 0), job('b', 5)])).toBe(2);
        expect(await store.enqueueJobs([job('a', 99), job('c', 5)])).toBe(1);
        const jobs = await store.listJobs('r1');
        expect(jobs.map((j) => [j.key, j.dueAt, j.state, j.attempts])).toEqual([
          ['a', at(0), 'pending', 0],
          ['b', at(5), 'pending', 0],
          ['c', at(5), 'pending', 0],
        ]);
        expect(jobs[0]).toMatchObject({ kind: 'remind', roundId: 'r1', memberId: 'm1', payload: { slot: 0 } });
      });

      it('GIVEN jobs due now and later WHEN claimed THEN only due ones come, once', async () => {
        await store.enqueueJobs([
          job('due', 0),
          job('later', 60),
          job('also-due', 10, { memberId: undefined, kind: 'close' }),
        ]);
        const claimed = await store.claimDueJobs(at(10), 10, 60_000);
        expect(claimed.map((j) => [j.key, j.state, j.attempts])).toEqual([
          ['due', 'running', 0],
          ['also-due', 'running', 0],
        ]);
        expect(claimed[1]?.memberId).toBeUndefined();
        expect(await store.claimDueJobs(at(10), 10, 60_000)).toEqual([]);
      });

      it('GIVEN a limit WHEN claiming THEN at most that many are taken, earliest first', async () => {
        await store.enqueueJobs([job('x2', 2), job('x1', 1), job('x3', 3)]);
        expect((await store.claimDueJobs(at(5), 2, 60_000)).map((j) => j.key)).toEqual(['x1', 'x2']);
        expect((await store.claimDueJobs(at(5), 2, 60_000)).map((j) => j.key)).toEqual(['x3']);
      });

      it('GIVEN a claimed job whose lease expired THEN it can be claimed again with the same attempt count', async () => {
        await store.enqueueJobs([job('a', 0)]);
        await store.claimDueJobs(at(0), 1, 60_000);
        expect(await store.claimDueJobs(at(0.5), 1, 60_000)).toEqual([]);
        const again = await store.claimDueJobs(at(1), 1, 60_000);
        expect(again.map((j) => [j.key, j.state, j.attempts])).toEqual([['a', 'running', 0]]);
      });

      it('GIVEN a running job WHEN finished with retry THEN it is pending at the new time with the note and one more attempt', async () => {
        await store.enqueueJobs([job('a', 0)]);
        const [claimed] = await store.claimDueJobs(at(0), 1, 60_000);
        await store.finishJob(claimed!.id, { state: 'retry', dueAt: at(30), note: 'rate limited' }, at(0));
        expect(await store.claimDueJobs(at(29), 1, 60_000)).toEqual([]);
        const [retried] = await store.claimDueJobs(at(30), 1, 60_000);
        expect(retried).toMatchObject({ key: 'a', attempts: 1, lastError: 'rate limited', dueAt: at(30) });
        await store.finishJob(retried!.id, { state: 'done' }, at(31));
        expect((await store.listJobs())[0]).toMatchObject({ state: 'done', attempts: 2 });
        expect(await store.claimDueJobs(at(10_000), 1, 60_000)).toEqual([]);
      });

      it('GIVEN pending jobs of two kinds WHEN cancelled by kind THEN only those pending ones are cancelled', async () => {
        await store.enqueueJobs([
          job('r', 0),
          job('r2', 5),
          job('c', 5, { kind: 'close' }),
          job('other', 5, { roundId: 'r9' }),
        ]);
        const [running] = await store.claimDueJobs(at(0), 1, 60_000);
        expect(running?.key).toBe('r');
        expect(await store.cancelJobs('r1', 'remind')).toBe(1);
        expect(await store.cancelJobs('r1')).toBe(1);
        const states = Object.fromEntries((await store.listJobs()).map((j) => [j.key, j.state]));
        expect(states).toEqual({ r: 'running', r2: 'cancelled', c: 'cancelled', other: 'pending' });
      });
    });

    describe('inbound events', () => {
      it('GIVEN an event id WHEN recorded twice, also at once THEN only the first counts, until it expires; then it counts again', async () => {
        expect(await store.rememberInboundEvent('slack:sig:a', at(0), at(6))).toBe(true);
        expect(await store.rememberInboundEvent('slack:sig:a', at(5), at(11))).toBe(false);
        const both = await Promise.all([
          store.rememberInboundEvent('discord:interaction:1', at(1), at(16)),
          store.rememberInboundEvent('discord:interaction:1', at(1), at(16)),
        ]);
        expect(both.sort()).toEqual([false, true]);
        expect(await store.rememberInboundEvent('slack:sig:a', at(6), at(12))).toBe(true);
        expect(await store.rememberInboundEvent('slack:sig:a', at(7), at(13))).toBe(false);
        expect(await store.rememberInboundEvent('discord:interaction:1', at(15), at(30))).toBe(false);
        expect(await store.rememberInboundEvent('discord:interaction:1', at(16), at(31))).toBe(true);
      });
    });

    describe('outbox', () => {
      it('GIVEN a new key WHEN claimed THEN the caller owns it; a second claim gets the entry', async () => {
        expect(await store.claimOutbox('invite:r1:m1', 'discord', at(0))).toBeNull();
        expect(await store.claimOutbox('invite:r1:m1', 'discord', at(1))).toEqual({
          key: 'invite:r1:m1',
          state: 'sending',
          platform: 'discord',
          createdAt: at(0),
          updatedAt: at(0),
        });
      });

      it('GIVEN a claimed key WHEN settled THEN it reads back sent with its refs', async () => {
        await store.claimOutbox('k', 'slack', at(0));
        await store.settleOutbox('k', { state: 'sent', channelId: 'D1', messageId: 'ts1' }, at(1));
        expect(await store.getOutbox('k')).toEqual({
          key: 'k',
          state: 'sent',
          platform: 'slack',
          channelId: 'D1',
          messageId: 'ts1',
          createdAt: at(0),
          updatedAt: at(1),
        });
        expect(await store.claimOutbox('k', 'slack', at(2))).toMatchObject({ state: 'sent' });
        expect(await store.getOutbox('unknown')).toBeNull();
      });

      it('GIVEN entries stuck sending THEN only those whose lease ended become uncertain; one without a lease has ten minutes', async () => {
        await store.claimOutbox('old', 'discord', at(0), { claimant: 'p1', leaseUntil: at(5) });
        await store.claimOutbox('new', 'discord', at(10), { claimant: 'p1', leaseUntil: at(15) });
        await store.claimOutbox('unleased', 'discord', at(0));
        await store.claimOutbox('done', 'discord', at(0), { claimant: 'p1', leaseUntil: at(5) });
        await store.settleOutbox('done', { state: 'failed', error: 'dm_closed' }, at(1));
        const stale = await store.markExpiredOutboxUncertain(at(5));
        expect(stale.map((e) => [e.key, e.state])).toEqual([['old', 'uncertain']]);
        expect((await store.getOutbox('new'))?.state).toBe('sending');
        expect(await store.getOutbox('done')).toMatchObject({ state: 'failed', error: 'dm_closed' });
        expect((await store.markExpiredOutboxUncertain(at(10))).map((e) => e.key)).toEqual(['unleased']);
      });

      it('GIVEN a claim with a claimant THEN the entry reads back with it until settled', async () => {
        await store.claimOutbox('k', 'slack', at(0), { claimant: 'host:1:a', leaseUntil: at(10) });
        expect(await store.getOutbox('k')).toEqual({
          key: 'k',
          state: 'sending',
          platform: 'slack',
          claimant: 'host:1:a',
          leaseUntil: at(10),
          createdAt: at(0),
          updatedAt: at(0),
        });
        await store.settleOutbox('k', { state: 'sent', channelId: 'C', messageId: '1' }, at(1));
        const settled = await store.getOutbox('k');
        expect(settled?.claimant).toBeUndefined();
        expect(settled?.leaseUntil).toBeUndefined();
      });

      it('GIVEN a send the platform refused (failed) WHEN claimed again THEN the caller owns it; sent and uncertain ones stay taken', async () => {
        await store.claimOutbox('f', 'slack', at(0));
        await store.settleOutbox('f', { state: 'failed', error: 'rate_limited' }, at(1));
        expect(await store.claimOutbox('f', 'slack', at(2), { claimant: 'p2', leaseUntil: at(12) })).toBeNull();
        expect(await store.getOutbox('f')).toMatchObject({ state: 'sending', claimant: 'p2' });
        expect((await store.getOutbox('f'))?.error).toBeUndefined();
        await store.claimOutbox('u', 'slack', at(0), { claimant: 'gone', leaseUntil: at(1) });
        await store.releaseClaimant('gone', at(0));
        expect(await store.claimOutbox('u', 'slack', at(2))).toMatchObject({ state: 'uncertain' });
      });

      it('GIVEN an uncertain send WHEN two processes reclaim it to settle it THEN one gets it as it was (first claimed at its creation), the other nothing; a failed one is refused too, and its creation time survives a new claim', async () => {
        await store.claimOutbox('u', 'slack', at(0), { claimant: 'gone', leaseUntil: at(10) });
        await store.releaseClaimant('gone', at(3));
        const [a, b] = await Promise.all([
          store.reclaimUncertainOutbox('u', at(4), { claimant: 'p1', leaseUntil: at(14) }),
          store.reclaimUncertainOutbox('u', at(4), { claimant: 'p2', leaseUntil: at(14) }),
        ]);
        const taken = [a, b].filter((entry) => entry !== null);
        expect(taken).toHaveLength(1);
        expect(taken[0]).toMatchObject({ key: 'u', state: 'uncertain', createdAt: at(0), updatedAt: at(3) });
        expect(await store.getOutbox('u')).toMatchObject({ state: 'sending', createdAt: at(0), updatedAt: at(4) });
        expect((await store.getOutbox('u'))?.claimant).toMatch(/^p[12]$/);
        expect(await store.reclaimUncertainOutbox('missing', at(4), { claimant: 'p1', leaseUntil: at(14) })).toBeNull();
        await store.claimOutbox('f', 'slack', at(1));
        await store.settleOutbox('f', { state: 'failed', error: 'rate_limited' }, at(2));
        expect(await store.reclaimUncertainOutbox('f', at(4), { claimant: 'p1', leaseUntil: at(14) })).toBeNull();
        expect(await store.claimOutbox('f', 'slack', at(5))).toBeNull();
        expect((await store.getOutbox('f'))?.createdAt).toEqual(at(1));
      });

      it('GIVEN two claimants with sends and jobs WHEN one is released THEN its sends become uncertain and its jobs pending with their attempts; the other keeps its claims', async () => {
        await store.enqueueJobs([job('j1', 0), job('j2', 0), job('j3', 0)]);
        const [first] = await store.claimDueJobs(at(0), 1, 60_000, 'dead');
        await store.finishJob(first!.id, { state: 'retry', dueAt: at(0), note: 'x' }, at(0));
        await store.claimDueJobs(at(0), 2, 60_000, 'dead');
        await store.claimDueJobs(at(0), 1, 60_000, 'alive');
        await store.claimOutbox('s-dead', 'discord', at(0), { claimant: 'dead', leaseUntil: at(10) });
        await store.claimOutbox('s-alive', 'discord', at(0), { claimant: 'alive', leaseUntil: at(10) });
        expect(await store.listClaimants()).toEqual(['alive', 'dead']);
        const released = await store.releaseClaimant('dead', at(1));
        expect(released.uncertain.map((e) => [e.key, e.state])).toEqual([['s-dead', 'uncertain']]);
        expect(released.jobs).toBe(2);
        expect(await store.listClaimants()).toEqual(['alive']);
        expect((await store.getOutbox('s-alive'))?.state).toBe('sending');
        const again = await store.claimDueJobs(at(0.5), 10, 60_000, 'new');
        expect(again.map((j) => [j.key, j.attempts])).toEqual([
          ['j1', 1],
          ['j2', 0],
        ]);
      });
    });

    describe('opening a round', () => {
      it('GIVEN a new round WHEN opened with invitations and jobs THEN all are stored; opening it again changes nothing and says so', async () => {
        await store.syncCommittee(sampleCommittee(['m1', 'm2']));
        const invitations = ['m1', 'm2'].map(
          (memberId): Invitation => ({ roundId: 'r1', memberId, deliveryState: 'pending', late: false }),
        );
        const opened: Round = { ...sampleRound(), description: '목적', status: 'open', openedAt: at(1) };
        expect(await store.openRound(opened, invitations, [job('i1', 0), job('i2', 0)])).toBe(true);
        expect(await store.getRound('r1')).toEqual(opened);
        expect((await store.listInvitations('r1')).map((i) => i.memberId)).toEqual(['m1', 'm2']);
        expect((await store.listJobs('r1')).map((j) => j.key)).toEqual(['i1', 'i2']);
        expect(await store.openRound({ ...sampleRound(), title: 'x' }, [], [job('i3', 0)])).toBe(false);
        expect((await store.getRound('r1'))?.title).toBe(sampleRound().title);
        expect((await store.listJobs('r1')).map((j) => j.key)).toEqual(['i1', 'i2']);
      });
    });

    describe('retention', () => {
      it('GIVEN answers in two rounds WHEN the answers of one are deleted THEN its answers and revisions go and the other keeps them', async () => {
        await store.createRound(sampleRound('r1'));
        await store.createRound(sampleRound('r2'));
        for (const roundId of ['r1', 'r2']) {
          await store.saveAnswers(roundId, 'm1', [{ questionId: '1.1', value: { kind: 'text', text: 'a' } }], at(1));
          await store.saveAnswers(roundId, 'm1', [{ questionId: '1.1', value: { kind: 'text', text: 'b' } }], at(2));
        }
        expect(await store.deleteAnswersOfRound('r1')).toEqual({ answers: 1, revisions: 2 });
        expect(await store.listAnswers('r1')).toEqual([]);
        expect(await store.listRevisions('r1', 'm1')).toEqual([]);
        expect(await store.listAnswers('r2')).toHaveLength(1);
        expect(await store.listRevisions('r2', 'm1')).toHaveLength(2);
      });
    });

    describe('operations snapshot', () => {
      it('GIVEN an open round, sends in several states and jobs due and not yet due THEN the snapshot counts them', async () => {
        await store.openRound(
          { ...sampleRound(), status: 'open' },
          [],
          [job('late', 1), job('later', 5), job('future', 90)],
        );
        await store.claimOutbox('a', 'slack', at(0));
        await store.settleOutbox('a', { state: 'sent' }, at(0));
        await store.claimOutbox('b', 'slack', at(0));
        await store.settleOutbox('b', { state: 'uncertain' }, at(0));
        await store.claimOutbox('c', 'discord', at(0));
        expect(await store.operationsSnapshot(at(10))).toEqual({
          openRounds: 1,
          uncertainSends: 1,
          sends: [
            { platform: 'discord', state: 'sending', count: 1 },
            { platform: 'slack', state: 'sent', count: 1 },
            { platform: 'slack', state: 'uncertain', count: 1 },
          ],
          oldestDueJobAt: at(1),
        });
        expect((await store.operationsSnapshot(at(0))).oldestDueJobAt).toBeNull();
      });
    });

    describe('heartbeat', () => {
      it('GIVEN no bot ever ran THEN there is no heartbeat', async () => {
        expect(await store.getHeartbeat('bot')).toBeNull();
      });

      it('GIVEN a heartbeat saved twice THEN the latest one is read back, stop time included', async () => {
        const beat = { id: 'bot', pid: 42, host: 'h', platforms: ['slack'], startedAt: at(1), beatAt: at(1) };
        await store.saveHeartbeat(beat);
        await store.saveHeartbeat({ ...beat, beatAt: at(2), stoppedAt: at(2) });
        expect(await store.getHeartbeat('bot')).toEqual({ ...beat, beatAt: at(2), stoppedAt: at(2) });
      });
    });

    describe('audit and summaries', () => {
      it('GIVEN audit events THEN they list in time order, filtered by round', async () => {
        await store.audit({ at: at(2), actor: 'discord:s1', action: 'round.open', roundId: 'r1', detail: { n: 7 } });
        await store.audit({ at: at(1), actor: 'cli', action: 'committee.sync' });
        await store.audit({ at: at(3), actor: 'system', action: 'remind', roundId: 'r1', memberId: 'm1' });
        expect(await store.listAudit()).toEqual([
          { at: at(1), actor: 'cli', action: 'committee.sync' },
          { at: at(2), actor: 'discord:s1', action: 'round.open', roundId: 'r1', detail: { n: 7 } },
          { at: at(3), actor: 'system', action: 'remind', roundId: 'r1', memberId: 'm1' },
        ]);
        expect((await store.listAudit('r1')).map((e) => e.action)).toEqual(['round.open', 'remind']);
      });

      it('GIVEN summaries recorded THEN they list per round', async () => {
        await store.recordSummary({
          roundId: 'r1',
          platform: 'discord',
          channelId: 'c',
          messageId: 'm',
          format: 'markdown',
          postedAt: at(1),
        });
        await store.recordSummary({
          roundId: 'r1',
          platform: 'local',
          channelId: 'file',
          format: 'csv',
          postedAt: at(2),
        });
        await store.recordSummary({
          roundId: 'r2',
          platform: 'slack',
          channelId: 'c',
          format: 'markdown',
          postedAt: at(1),
        });
        expect(await store.listSummaries('r1')).toEqual([
          { roundId: 'r1', platform: 'discord', channelId: 'c', messageId: 'm', format: 'markdown', postedAt: at(1) },
          { roundId: 'r1', platform: 'local', channelId: 'file', format: 'csv', postedAt: at(2) },
        ]);
      });
    });
  });
}
