/**
 * Size limits on SQLite: a committee of 10,000 members syncs and opens a
 * round (no statement carries an unbounded id list), and the open runs in
 * slices that let the event loop turn (other work is not held for the whole
 * open). No timings are asserted; `npm run bench` measures them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { syntheticCommittee, syntheticRound } from '../../bench/synthetic-round.ts';

const folder = mkdtempSync(join(tmpdir(), 'jamun-large-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Counts turns of the event loop (macrotasks) until stopped. */
function loopTurns(): { stop: () => number } {
  let turns = 0;
  let running = true;
  const turn = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

describe('a committee of 10,000 members on SQLite', () => {
  it('GIVEN 10,000 members, 1,000 of them later dropped WHEN the committee syncs twice THEN the dropped ones are inactive', async () => {
    const store = await createPrismaStore(`file:${join(folder, 'sync.db')}`);
    const committee = syntheticCommittee(10_000);
    await store.syncCommittee(committee);
    await store.syncCommittee({ ...committee, members: committee.members.slice(0, 9_000) });
    await store.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(folder, 'sync.db'), { readonly: true });
    const counts = db.prepare('SELECT active, COUNT(*) AS n FROM Member GROUP BY active ORDER BY active').all();
    db.close();
    expect(counts).toEqual([
      { active: 0, n: 1_000 },
      { active: 1, n: 9_000 },
    ]);
  }, 120_000);

  it('GIVEN 10,000 members WHEN staff open a round THEN each gets one invitation and one invitation job, and the event loop turns during the open', async () => {
    const store = await createPrismaStore(`file:${join(folder, 'open.db')}`);
    const committee = syntheticCommittee(10_000);
    const def = syntheticRound(4);
    const app = createJamunApp({
      store,
      messengers: [new LocalMessenger()],
      committees: [committee],
      rounds: [def],
      clock: new ManualClock(new Date('2024-02-08T01:00:00Z')),
      logger: silentLogger,
    });
    const turns = loopTurns();
    const reply = await app.runAsOperator({ verb: 'open', roundId: def.id });
    const turnsDuringOpen = turns.stop();
    expect(reply.text).toContain('10000');
    const invitations = await store.listInvitations(def.id);
    expect(invitations).toHaveLength(10_000);
    expect(new Set(invitations.map((i) => i.memberId)).size).toBe(10_000);
    const inviteJobs = (await store.listJobs(def.id)).filter((job) => job.kind === 'invite');
    expect(inviteJobs).toHaveLength(10_000);
    expect(new Set(inviteJobs.map((job) => job.memberId)).size).toBe(10_000);
    // Written in slices of a few hundred rows: the loop turned between them many times.
    expect(turnsDuringOpen).toBeGreaterThan(40);
    await store.close();
  }, 120_000);
});
