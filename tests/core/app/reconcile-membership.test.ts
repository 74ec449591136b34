/**
 * A member dropped from the committee file (or set inactive) during an open
 * round is marked removed once, audited; members who submitted, rounds that
 * are not open, and committees no longer configured are left as they are.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Committee } from '../../../src/core/model.ts';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };

/** The same store and time, with the committee file changed. */
function restartedWith(t: TestApp, change: (committee: Committee) => void) {
  return createTestApp({
    messengers: [new LocalMessenger()],
    store: t.store,
    now: t.clock.now(),
    mutateCommittee: change,
  });
}

async function openRound() {
  const t = await createTestApp({ messengers: [new LocalMessenger()] });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  t.clock.advance(60_000);
  return t;
}

const removedAt = async (t: TestApp, memberId: string) => (await t.store.getInvitation(ROUND, memberId))?.removedAt;

describe('reconciling membership', () => {
  it('GIVEN one member dropped and one set inactive THEN both are marked removed at that time and audited, the others untouched', async () => {
    const t = await openRound();
    const changed = await restartedWith(t, (c) => {
      c.members = c.members.filter((m) => m.id !== 'm-choi');
      c.members.find((m) => m.id === 'm-oh')!.active = false;
    });
    expect(await changed.app.reconcileMembership()).toBe(2);
    expect(await removedAt(t, 'm-choi')).toEqual(t.clock.now());
    expect(await removedAt(t, 'm-oh')).toEqual(t.clock.now());
    expect(await removedAt(t, 'm-kang')).toBeUndefined();
    const audit = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'member.removed');
    expect(audit).toEqual([
      { at: t.clock.now(), actor: 'system', action: 'member.removed', roundId: ROUND, memberId: 'm-choi' },
      { at: t.clock.now(), actor: 'system', action: 'member.removed', roundId: ROUND, memberId: 'm-oh' },
    ]);
  });

  it('GIVEN a member already marked removed, or who submitted before leaving THEN nothing more is marked', async () => {
    const t = await openRound();
    await t.store.markSubmitted(ROUND, 'm-kang', t.clock.now(), false);
    const changed = await restartedWith(t, (c) => {
      c.members = c.members.filter((m) => m.id !== 'm-choi' && m.id !== 'm-kang');
    });
    expect(await changed.app.reconcileMembership()).toBe(1);
    expect(await changed.app.reconcileMembership()).toBe(0);
    expect(await removedAt(t, 'm-kang')).toBeUndefined();
    expect((await t.store.listAudit(ROUND)).filter((e) => e.action === 'member.removed')).toHaveLength(1);
  });

  it('GIVEN the round is closed, or its committee is no longer configured THEN no one is marked', async () => {
    const t = await openRound();
    const gone = await restartedWith(t, (c) => void (c.id = 'another-committee'));
    expect(await gone.app.reconcileMembership()).toBe(0);
    await t.app.runStaffCommand(staff, { verb: 'close', roundId: ROUND });
    const changed = await restartedWith(t, (c) => void (c.members = c.members.filter((m) => m.id !== 'm-choi')));
    expect(await changed.app.reconcileMembership()).toBe(0);
    expect(await removedAt(t, 'm-choi')).toBeUndefined();
  });

  it('GIVEN a dropped member THEN the store learns the committee as configured now', async () => {
    const t = await openRound();
    const synced: Committee[] = [];
    const syncCommittee = t.store.syncCommittee.bind(t.store);
    t.store.syncCommittee = async (committee) => {
      synced.push(committee);
      await syncCommittee(committee);
    };
    const changed = await restartedWith(t, (c) => void (c.members = c.members.filter((m) => m.id !== 'm-choi')));
    await changed.app.reconcileMembership();
    expect(synced.map((c) => c.members.length)).toEqual([6]);
  });
});
