/**
 * The store contract for the order of job claims (issue 9: a member who
 * submits during a big fan-out gets the receipt first), registered by
 * `runStoreContract` (store-contract.ts) for every Store.
 */
import { describe, expect, it } from 'vitest';
import type { JobKind } from '../../src/core/model.ts';
import type { NewJob, Store } from '../../src/core/ports/store.ts';

const T0 = new Date('2024-02-20T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const LEASE_MS = 60_000;

/** A member job of `kind` for member `m<n>`, due at minute `due`. */
function memberJob(kind: JobKind, n: number, due: number): NewJob {
  return { key: `${kind}:r1:m${n}`, kind, roundId: 'r1', memberId: `m${n}`, dueAt: at(due) };
}

/** Invitations of members 1…count, due at minutes 0…count-1 (the key order is not the due order past m9). */
function invitations(count: number): NewJob[] {
  return Array.from({ length: count }, (_, i) => memberJob('invite', i + 1, i));
}

const keys = (jobs: { key: string }[]): string[] => jobs.map((job) => job.key);

/** Registers the claim-order tests; `store` gives the store of the running test. */
export function claimOrderContract(store: () => Store): void {
  describe('claim order', () => {
    it('GIVEN due invitations for 30 members and a receipt due after all of them WHEN 5 are claimed THEN the receipt comes first, then the earliest invitations', async () => {
      await store().enqueueJobs([...invitations(30), memberJob('receipt', 7, 40)]);
      const claimed = await store().claimDueJobs(at(50), 5, LEASE_MS);
      expect(keys(claimed)).toEqual(['receipt:r1:m7', 'invite:r1:m1', 'invite:r1:m2', 'invite:r1:m3', 'invite:r1:m4']);
      expect(claimed.every((job) => job.state === 'running')).toBe(true);
    });

    it('GIVEN due invitations and a receipt WHEN a claim has room for all THEN it takes the receipt and every invitation, in due order after it; nothing is left', async () => {
      await store().enqueueJobs([...invitations(12), memberJob('receipt', 3, 20)]);
      const claimed = await store().claimDueJobs(at(50), 50, LEASE_MS);
      expect(keys(claimed)).toEqual(['receipt:r1:m3', ...keys(invitations(12))]);
      expect(await store().claimDueJobs(at(50), 50, LEASE_MS)).toEqual([]);
    });

    it('GIVEN invitations filling the first claims and a receipt WHEN claims follow THEN the fan-out goes on after the receipt: every invitation is claimed once, in due order', async () => {
      await store().enqueueJobs([...invitations(9), memberJob('receipt', 1, 30)]);
      const first = await store().claimDueJobs(at(50), 4, LEASE_MS);
      const second = await store().claimDueJobs(at(50), 4, LEASE_MS);
      const third = await store().claimDueJobs(at(50), 4, LEASE_MS);
      expect(keys(first)).toEqual(['receipt:r1:m1', 'invite:r1:m1', 'invite:r1:m2', 'invite:r1:m3']);
      expect([...keys(second), ...keys(third)]).toEqual(keys(invitations(9)).slice(3));
    });

    it('GIVEN due reminders, an invitation, notices and receipts WHEN claimed THEN receipts come first, then notices, each by due time, then the rest by due time', async () => {
      await store().enqueueJobs([
        memberJob('remind', 1, 0),
        memberJob('notice', 2, 5),
        memberJob('receipt', 3, 9),
        memberJob('invite', 4, 1),
        memberJob('notice', 5, 2),
        memberJob('receipt', 6, 3),
        { key: 'close:r1', kind: 'close', roundId: 'r1', dueAt: at(0.5) },
      ]);
      expect(keys(await store().claimDueJobs(at(10), 10, LEASE_MS))).toEqual([
        'receipt:r1:m6',
        'receipt:r1:m3',
        'notice:r1:m5',
        'notice:r1:m2',
        'remind:r1:m1',
        'close:r1',
        'invite:r1:m4',
      ]);
    });

    it('GIVEN a receipt due only later WHEN invitations are claimed now THEN it is not taken ahead of time', async () => {
      await store().enqueueJobs([...invitations(3), memberJob('receipt', 1, 50.5)]);
      expect(keys(await store().claimDueJobs(at(50), 10, LEASE_MS))).toEqual(keys(invitations(3)));
      expect(keys(await store().claimDueJobs(at(50.5), 10, LEASE_MS))).toEqual(['receipt:r1:m1']);
    });

    it('GIVEN a receipt whose lease ran out and due invitations WHEN claimed THEN the receipt comes first again, with its attempt count', async () => {
      await store().enqueueJobs([memberJob('receipt', 2, 0)]);
      expect(keys(await store().claimDueJobs(at(0), 1, LEASE_MS, 'gone'))).toEqual(['receipt:r1:m2']);
      await store().enqueueJobs(invitations(5));
      const again = await store().claimDueJobs(at(10), 3, LEASE_MS, 'new');
      expect(again.map((job) => [job.key, job.attempts])).toEqual([
        ['receipt:r1:m2', 0],
        ['invite:r1:m1', 0],
        ['invite:r1:m2', 0],
      ]);
    });
  });
}
