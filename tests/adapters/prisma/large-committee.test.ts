/**
 * Size limits on SQLite: a committee of 10,000 members syncs and opens a
 * round (no statement carries an unbounded id list), the open runs in slices
 * that let the event loop turn (other work is not held for the whole open),
 * the round fans out once to each member and its summary compiles; a
 * deployment holds five such committees. No timings are asserted;
 * `npm run bench` measures them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { syntheticApp, syntheticCommittee, syntheticRound } from '../../bench/synthetic-round.ts';

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
    const { app } = syntheticApp(store, committee, def);
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

  it('GIVEN the round of 10,000 opened WHEN every invitation goes out and 100 members answer THEN each member got one invitation and the summary compiles and posts the counts', async () => {
    const store = await createPrismaStore(`file:${join(folder, 'fan-out.db')}`);
    const committee = { ...syntheticCommittee(10_000), staffChannels: { local: 'staff-channel' } };
    const def = syntheticRound(4);
    const { app, local } = syntheticApp(store, committee, def);
    await app.runAsOperator({ verb: 'open', roundId: def.id });
    while ((await app.runDueJobs()) > 0);
    const invited = local.all().filter((m) => m.kind === 'invitation');
    expect(invited).toHaveLength(10_000);
    expect(new Set(invited.map((m) => m.channelId)).size).toBe(10_000);
    const ids = def.agenda.flatMap((item) => item.questions.map((q) => q.id));
    for (const member of committee.members.slice(0, 100)) {
      const answers = ids.map((questionId) => ({ questionId, value: `${member.id} ${questionId} 의견` }));
      const submitted = await app.submit({ platform: 'local', userId: member.platforms.local ?? '' }, def.id, answers);
      expect(submitted.ok).toBe(true);
    }
    expect((await app.runAsOperator({ verb: 'close', roundId: def.id })).error).toBeFalsy();
    const posted = await app.runAsOperator({ verb: 'summary', roundId: def.id });
    expect(posted.error).toBeFalsy();
    const staffPosts = local.all().filter((m) => m.channelId === 'staff-channel');
    const digest = staffPosts.map((m) => m.text).join('\n');
    expect(digest).toContain('위원 10,000명 중 100명 의견 제출');
    expect(digest).toContain('미제출: 9,900명');
    expect(staffPosts.flatMap((m) => m.files).length).toBeGreaterThanOrEqual(2);
    await store.close();
  }, 300_000);

  it('GIVEN five committees of 10,000 (50,000 members in one deployment) WHEN they sync THEN every member is stored once', async () => {
    const store = await createPrismaStore(`file:${join(folder, 'deployment.db')}`);
    for (let c = 0; c < 5; c += 1) {
      const committee = syntheticCommittee(10_000);
      await store.syncCommittee({
        ...committee,
        id: `committee-${c}`,
        members: committee.members.map((m) => ({ ...m, id: `c${c}-${m.id}`, platforms: { local: `c${c}-${m.id}` } })),
      });
    }
    await store.close();
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(folder, 'deployment.db'), { readonly: true });
    const counts = db.prepare('SELECT committeeId, COUNT(*) AS n FROM Member GROUP BY committeeId').all();
    db.close();
    expect(counts).toEqual(Array.from({ length: 5 }, (_, c) => ({ committeeId: `committee-${c}`, n: 10_000 })));
  }, 300_000);
});
