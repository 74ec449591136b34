/**
 * The durable scheduler: catch-up after downtime, no double sends across
 * ticks or processes, interrupted sends never repeated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createJobScheduler, type JobScheduler } from '../../../src/adapters/scheduler/job-scheduler.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import { inviteJobKey } from '../../../src/core/app/schedule-round.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { createTestApp, kst } from '../../fakes/app-harness.ts';

/** A cron that never fires during a test: only start-up catch-up and pokes run. */
const NEVER = '0 0 1 1 *';
const staff = { platform: 'local' as const, userId: 'staff-son' };

describe('the job scheduler', () => {
  let scheduler: JobScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  it('GIVEN the bot was down past a reminder slot WHEN it starts THEN due invitations go out and the stale reminder is skipped and recorded, not sent', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    t.clock.set(kst('2024-02-13 14:00'));
    scheduler = createJobScheduler({ app: t.app, logger: silentLogger, cronExpression: NEVER });
    await scheduler.start();
    await scheduler.idle();
    expect(local.messagesIn(local.dmChannelOf('m-choi')).map((m) => m.kind)).toEqual(['invitation']);
    const skipped = (await t.store.listAudit('2024-1')).filter((e) => e.action === 'remind.skipped');
    expect(skipped).toHaveLength(7);
    expect(skipped[0]?.detail).toMatchObject({ reason: 'missed_grace' });
  });

  it('GIVEN two processes on one store WHEN both run due jobs at once THEN every member gets exactly one invitation', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local] });
    const second = createJamunApp({
      store: t.store,
      messengers: [local],
      committees: t.committees,
      rounds: t.rounds,
      clock: t.clock,
      logger: silentLogger,
    });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await Promise.all([t.app.runDueJobs(), second.runDueJobs(), t.app.runDueJobs()]);
    for (const m of t.committees[0]!.members) {
      expect(
        local.messagesIn(local.dmChannelOf(m.platforms.local!)).filter((x) => x.kind === 'invitation'),
      ).toHaveLength(1);
    }
  });

  it('GIVEN pokes during a run WHEN the scheduler runs THEN runs never overlap and nothing is sent twice', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local] });
    scheduler = createJobScheduler({ app: t.app, logger: silentLogger, cronExpression: NEVER });
    await scheduler.start();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    scheduler.poke();
    scheduler.poke();
    scheduler.poke();
    await scheduler.idle();
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(7);
  });

  it('GIVEN a crash after an invitation was handed to the platform WHEN the bot restarts THEN it is not sent again and staff see it as uncertain', async () => {
    const local = new LocalMessenger();
    // A platform that cannot look the send up (the local one can: certainty.test.ts covers settling).
    local.canSettle = false;
    const t = await createTestApp({ messengers: [local] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    // The crash: the outbox entry was claimed, the process died before recording the answer.
    await t.store.claimOutbox(inviteJobKey('2024-1', 'm-kang'), 'local', t.clock.now());
    t.clock.advance(15 * 60_000);
    scheduler = createJobScheduler({ app: t.app, logger: silentLogger, cronExpression: NEVER });
    await scheduler.start();
    await scheduler.idle();
    expect(local.messagesIn(local.dmChannelOf('m-kang'))).toHaveLength(0);
    expect((await t.store.getOutbox(inviteJobKey('2024-1', 'm-kang')))?.state).toBe('uncertain');
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: '2024-1' });
    expect(status.text).toContain('불확실');
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(6);
  });

  it('GIVEN a catch-up that takes long (a large fan-out) WHEN the scheduler starts THEN start returns with the heartbeat written before the catch-up ends, and stop waits for it', async () => {
    let finish: (ran: number) => void = () => {};
    const catchUp = new Promise<number>((resolve) => {
      finish = resolve;
    });
    const events: string[] = [];
    const app = {
      recoverInterruptedSends: async () => 0,
      runDueJobs: async () => {
        events.push('run');
        const ran = await catchUp;
        events.push('run done');
        return ran;
      },
    };
    const heartbeat = async (stopped: boolean) => {
      events.push(stopped ? 'beat stopped' : 'beat');
    };
    scheduler = createJobScheduler({ app, logger: silentLogger, cronExpression: NEVER, heartbeat });
    await scheduler.start();
    expect(events).toEqual(['beat', 'run']);
    const stopping = scheduler.stop();
    finish(200);
    await stopping;
    scheduler = undefined;
    expect(events).toEqual(['beat', 'run', 'run done', 'beat stopped']);
  });

  it('GIVEN ticks during a long run THEN nothing reaches the console, the ticks ask for one more run after it, never a second at once', async () => {
    let finish: (ran: number) => void = () => {};
    const held = new Promise<number>((resolve) => {
      finish = resolve;
    });
    let runs = 0;
    let concurrent = 0;
    let mostAtOnce = 0;
    const app = {
      recoverInterruptedSends: async () => 0,
      runDueJobs: async () => {
        runs += 1;
        concurrent += 1;
        mostAtOnce = Math.max(mostAtOnce, concurrent);
        const ran = runs === 1 ? await held : 0;
        concurrent -= 1;
        return ran;
      },
    };
    const printed: unknown[][] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void printed.push(args));
    const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args));
    const logged: string[] = [];
    const logger = {
      ...silentLogger,
      warn: (_: Record<string, unknown>, message: string) => void logged.push(message),
    };
    try {
      // Every second: the start-up run is held over two ticks.
      scheduler = createJobScheduler({ app, logger, cronExpression: '* * * * * *' });
      await scheduler.start();
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect(runs).toBe(1);
      finish(5);
      await scheduler.idle();
      expect(runs).toBe(2);
      expect(mostAtOnce).toBe(1);
      expect(printed).toEqual([]);
      expect(logged.filter((m) => m.includes('still running'))).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('GIVEN an invalid cron expression THEN start refuses with a clear error', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    const bad = createJobScheduler({ app: t.app, logger: silentLogger, cronExpression: 'every minute' });
    await expect(bad.start()).rejects.toThrow('Invalid cron expression');
  });
});
