/**
 * Recovery of sends cut by a crash: a gone process's sends become uncertain
 * (never repeated) and its jobs run again; a send whose lease ran out is
 * uncertain too; this process's own sends and a live process's are left alone.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Claimants } from '../../../src/core/ports/claimants.ts';
import { createTestApp } from '../../fakes/app-harness.ts';
import { recordingLogger } from '../../fakes/recording-logger.ts';

const SELF = 'host:2:self';
const DEAD = 'host:1:dead';
const LIVE = 'host:3:live';
/** Every claimant but LIVE counts as gone, even this process's own id: it must skip itself. */
const claimants: Claimants = { self: SELF, isGone: (c) => c !== LIVE };
const MINUTE = 60_000;

async function setUp() {
  const logger = recordingLogger();
  const t = await createTestApp({ messengers: [new LocalMessenger()], logger, claimants });
  await t.app.runStaffCommand({ platform: 'local', userId: 'staff-son' }, { verb: 'open', roundId: '2024-1' });
  const now = t.clock.now();
  const claim = (key: string, claimant: string, minutes = 10) =>
    t.store.claimOutbox(key, 'local', now, { claimant, leaseUntil: new Date(now.getTime() + minutes * MINUTE) });
  return { t, logger, now, claim };
}

describe('recovering interrupted sends', () => {
  it('GIVEN sends of a gone process, of a live one and of this one THEN only the gone ones become uncertain, each logged and audited, and its jobs run again', async () => {
    const { t, logger, now, claim } = await setUp();
    await claim('receipt:b', DEAD);
    await claim('receipt:a', DEAD);
    await claim('receipt:live', LIVE);
    await claim('receipt:self', SELF);
    expect(await t.store.claimDueJobs(now, 3, 5 * MINUTE, DEAD)).toHaveLength(3);
    t.clock.advance(MINUTE);

    expect(await t.app.recoverInterruptedSends()).toBe(2);

    const state = async (key: string) => (await t.store.getOutbox(key))?.state;
    expect([await state('receipt:a'), await state('receipt:b')]).toEqual(['uncertain', 'uncertain']);
    expect([await state('receipt:live'), await state('receipt:self')]).toEqual(['sending', 'sending']);
    expect((await t.store.listJobs('2024-1')).filter((j) => j.state === 'running')).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'jobs of a stopped process will run again',
        context: { claimant: DEAD, jobs: 3 },
      },
      {
        level: 'warn',
        message: 'send interrupted; marked uncertain, not repeated',
        context: { key: 'receipt:a', platform: 'local' },
      },
      {
        level: 'warn',
        message: 'send interrupted; marked uncertain, not repeated',
        context: { key: 'receipt:b', platform: 'local' },
      },
    ]);
    const audit = (await t.store.listAudit()).filter((e) => e.action === 'outbox.uncertain');
    expect(audit).toEqual([
      { at: t.clock.now(), actor: 'system', action: 'outbox.uncertain', detail: { key: 'receipt:a' } },
      { at: t.clock.now(), actor: 'system', action: 'outbox.uncertain', detail: { key: 'receipt:b' } },
    ]);
  });

  it('GIVEN a gone process that held sends but no jobs THEN nothing is said about jobs', async () => {
    const { t, logger, claim } = await setUp();
    await claim('receipt:a', DEAD);
    expect(await t.app.recoverInterruptedSends()).toBe(1);
    expect(logger.entries.map((e) => e.message)).not.toContain('jobs of a stopped process will run again');
  });

  it('GIVEN a live process whose lease on a send ran out THEN that send is uncertain too; before the end of the lease it is not', async () => {
    const { t, claim } = await setUp();
    await claim('receipt:live', LIVE, 2);
    t.clock.advance(MINUTE);
    expect(await t.app.recoverInterruptedSends()).toBe(0);
    t.clock.advance(MINUTE);
    expect(await t.app.recoverInterruptedSends()).toBe(1);
    expect((await t.store.getOutbox('receipt:live'))?.state).toBe('uncertain');
    expect((await t.store.listAudit()).filter((e) => e.action === 'outbox.uncertain')).toHaveLength(1);
  });
});
