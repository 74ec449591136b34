/**
 * The open of a round is one SQLite transaction that yields to the event
 * loop between slices of rows (so a 10,000-member open blocks nothing).
 * Everything else shares that connection: a member's answer saved, a job
 * claimed or a send settled during one of those yields must not run inside
 * the open's transaction (rolled back with a failed open, or reading rows of
 * an open not yet committed), but before or after it.
 */
import { describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import type { Invitation } from '../../../src/core/model.ts';
import { sampleCommittee, sampleRound } from '../../core/store-contract.ts';

/** More than two slices of the open's rows (250 a slice), so it yields twice before it fails. */
const MEMBERS = 600;

const invitationOf = (roundId: string, memberId: string): Invitation => ({
  roundId,
  memberId,
  deliveryState: 'pending',
  late: false,
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('writes while a round opens on SQLite', () => {
  it('GIVEN an open that fails after yielding (a second invitation of one member) WHEN a member of another round saves answers meanwhile THEN every save that returned is kept', async () => {
    const store = await createPrismaStore('file::memory:');
    const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
    await store.syncCommittee(sampleCommittee(ids));
    expect(await store.openRound(sampleRound('r1'), [invitationOf('r1', 'm1')], [])).toBe(true);
    const failing = [...ids.map((id) => invitationOf('r2', id)), invitationOf('r2', 'm0')];
    let settled = false;
    const open = store.openRound(sampleRound('r2'), failing, []).finally(() => {
      settled = true;
    });
    const saves: Array<Promise<unknown>> = [];
    for (let i = 0; !settled && i < 10_000; i++) {
      saves.push(
        store.saveAnswers('r1', 'm1', [{ questionId: '1.1', value: { kind: 'text', text: `의견 ${i}` } }], new Date()),
      );
      await turn();
    }
    await expect(open).resolves.toBe(false);
    await Promise.all(saves);
    expect(saves.length).toBeGreaterThan(2);
    expect(await store.getRound('r2')).toBeNull();
    expect(await store.listInvitations('r2')).toEqual([]);
    const revisions = await store.listRevisions('r1', 'm1', '1.1');
    expect(revisions).toHaveLength(saves.length);
    const [answer] = await store.listAnswers('r1', 'm1');
    expect(answer?.revision).toBe(saves.length);
    await store.close();
  });

  it('GIVEN an open that fails after writing jobs (a job key twice) WHEN jobs are claimed meanwhile THEN none of its jobs is ever handed out', async () => {
    const store = await createPrismaStore('file::memory:');
    const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
    await store.syncCommittee(sampleCommittee(ids));
    const now = new Date();
    const jobs = ids.map((id) => ({
      key: `invite:r2:${id}`,
      kind: 'invite' as const,
      roundId: 'r2',
      memberId: id,
      dueAt: now,
    }));
    const invitations = ids.map((id) => invitationOf('r2', id));
    let settled = false;
    const open = store.openRound(sampleRound('r2'), invitations, [...jobs, ...jobs.slice(0, 1)]).finally(() => {
      settled = true;
    });
    const claimed: string[] = [];
    for (let i = 0; !settled && i < 10_000; i++) {
      for (const job of await store.claimDueJobs(new Date(), 50, 60_000, 'test')) claimed.push(job.key);
      await turn();
    }
    await expect(open).resolves.toBe(false);
    expect(claimed).toEqual([]);
    expect(await store.listJobs('r2')).toEqual([]);
    expect(await store.getRound('r2')).toBeNull();
    // Nothing of the failed open is left in the way (its agenda rows included): the round opens whole.
    expect(await store.openRound(sampleRound('r2'), invitations, jobs)).toBe(true);
    expect(await store.getRound('r2')).toEqual(sampleRound('r2'));
    expect(await store.listJobs('r2')).toHaveLength(MEMBERS);
    await store.close();
  });
});
