/**
 * The crash trial of opening a round, run against one platform's fake: the
 * real `jamun start` in a child process, killed with SIGKILL at several points
 * of opening a round of 200 members — during the open transaction, just after
 * it committed, and in the middle of the invitations — and restarted at once
 * (well within a minute) or with its clock 15 minutes on.
 * GIVEN those crashes THEN the open left a fully queued round or none; a send
 * cut by a crash is settled with the platform as soon as the bot is back,
 * before any lease could run out (found there, or certainly absent and sent
 * now: that member has exactly one), or, only where the platform cannot tell
 * (Discord's nonce window passed), uncertain with that reason; never pending
 * for good; no member got two invitations; and every member who got none is
 * named to staff as uncertain, in `jamun round status` and in the progress
 * message of the staff channel.
 *
 * The kills wait on conditions (a log line of the bot, rows in the database),
 * never on sleeps: where a kill lands varies from run to run, every assertion
 * holds wherever it lands, and the trial prints which points it hit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotProcess, startBot } from './bot-process.ts';
import type { TrialPlatform } from './trial-platforms.ts';
import {
  describeQueue,
  eventually,
  killWhen,
  MEMBERS,
  readInviteOutbox,
  readQueued,
  readSends,
  statusText,
  trialConfig,
  trialMembers,
  writeLockHeld,
} from './trial-kit.ts';

/** Generous: a start compiles the sources through tsx, and the machine may be busy. */
const STARTUP_MS = 120_000;
/** How long any awaited condition may take before the trial fails naming it. */
const WAIT_MS = 120_000;
/** The clock of a restart "after 15 minutes"; later restarts keep it, as time only moves on. */
const LATER = { JAMUN_CLOCK_OFFSET_MINUTES: '15' };

export function describeOpenCrashTrial(name: string, makePlatform: () => Promise<TrialPlatform>): void {
  describe(`crash trial against the fake ${name}`, () => {
    let dir: string | undefined;
    let platform: TrialPlatform | undefined;
    /** Every child started, so none outlives the trial, whatever failed. */
    const children = new Set<BotProcess>();
    const killAll = async (): Promise<void> => {
      await Promise.all([...children].map((child) => child.kill()));
      children.clear();
    };

    beforeEach(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'jamun-crash-'));
      platform = await makePlatform();
    });

    afterEach(async () => {
      await killAll();
      await platform?.close();
      platform = undefined;
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    afterAll(killAll);

    it('GIVEN SIGKILL during the open transaction, just after it and amid 200 invitations, restarted at once or 15 minutes later THEN the round was fully queued or not at all, cut sends were settled with the platform at once (or, where it cannot tell, uncertain), nobody got two invitations, and everybody without one is named to staff as uncertain', async () => {
      if (!dir || !platform) throw new Error('trial not set up');
      const p = platform;
      const trialDir = dir;
      const databaseFile = path.join(dir, 'jamun.db');
      const env = {
        DATABASE_URL: `file:${databaseFile}`,
        JAMUN_CONFIG_DIR: trialConfig(dir),
        // Info: the trial waits on the bot's own "opening round" and "round opened" lines.
        LOG_LEVEL: 'info',
        JAMUN_TICK_CRON: '* * * * *',
      };
      const started = Date.now();
      const hit: string[] = [];
      const phases: string[] = [];
      let phaseAt = started;
      const phase = (what: string): void => {
        phases.push(`${what} ${((Date.now() - phaseAt) / 1000).toFixed(1)} s`);
        phaseAt = Date.now();
      };
      let clock: Record<string, string> = {};
      let starts = 0;
      const start = async (extra: Record<string, string> = clock): Promise<BotProcess> => {
        clock = extra;
        starts += 1;
        const child = startBot({ ...env, ...p.variables(), ...extra }, path.join(trialDir, `bot-${starts}.log`));
        children.add(child);
        await child.waitForStdout(`jamun is running (${p.name})`, STARTUP_MS);
        phase('start');
        return child;
      };
      /** Kills the child now, or (with a probe) frozen in the state the probe waits for. */
      const kill = async (
        child: BotProcess,
        when?: { probe: () => 'kill' | 'late' | 'wait'; what: string; paceMs: number },
      ): Promise<{ cut: string[]; leasesUntil: number; late: boolean }> => {
        let verdict: 'kill' | 'late' = 'kill';
        if (when) verdict = await killWhen(child, when.probe, when.what, WAIT_MS, when.paceMs);
        else await child.kill();
        children.delete(child);
        // Read once the process is dead: exactly the sends the crash cut, and when their claims end.
        const { sending, leasesUntil } = readSends(databaseFile);
        return { cut: sending, leasesUntil, late: verdict === 'late' };
      };
      const delivered = (): number => trialMembers.filter((m) => p.invitations(m) > 0).length;
      const explain = (child: BotProcess) => () =>
        `${describeQueue(databaseFile)}\n${child.stdout()}\n${child.log().slice(-3000)}`;
      /** A round stored by an interrupted open is stored whole: round, every invitation, every job. */
      const expectWholeOrNone = (): boolean => {
        const q = readQueued(databaseFile);
        if (q.round === null) {
          expect([q.invitations, q.inviteJobs]).toEqual([0, 0]);
          return false;
        }
        expect([q.round, q.invitations, q.inviteJobs]).toEqual(['open', MEMBERS, MEMBERS]);
        return true;
      };
      /** Every member whose invitation send a crash cut. */
      const allCut = new Set<string>();
      /**
       * After a restart, every send the crash cut is settled with the platform (found there, or
       * certainly absent and sent now) or, where the platform cannot tell, uncertain; never pending
       * for good. Restarted at once, that happens before the cut claims' leases end: the bot knew
       * the claimant was gone.
       */
      const expectCutSettled = async (child: BotProcess, cut: string[], leasesUntil: number): Promise<void> => {
        for (const id of cut) allCut.add(id);
        await eventually(
          () => {
            const uncertain = new Set(readQueued(databaseFile).uncertain);
            const outbox = readInviteOutbox(databaseFile);
            return cut.every((id) => uncertain.has(id) || outbox.get(id)?.state === 'sent');
          },
          `the cut sends (${cut.join(', ')}) to be settled or uncertain`,
          WAIT_MS,
          explain(child),
        );
        const offsetMs = clock === LATER ? 15 * 60_000 : 0;
        expect(Date.now() + offsetMs).toBeLessThan(leasesUntil);
        phase('cut sends settled');
      };

      // Crash 1: in the open transaction. From staff's command on, the bot is frozen every few
      // milliseconds until it has logged "opening round" and holds the write lock with the round not
      // yet committed (the log file shows, at that instant, every line it wrote), and killed there.
      let bot = await start();
      await p.openOnce();
      // Lowest CPU priority for this bot (it dies here): on a busy machine it then runs little between
      // two looks, so the looks do not miss a short transaction.
      if (bot.pid !== undefined) setPriority(bot.pid, 19);
      const frozenBot = bot;
      const crash1 = await kill(bot, {
        probe: () => {
          if (readQueued(databaseFile).round !== null) return 'late';
          return frozenBot.log().includes('opening round') && writeLockHeld(databaseFile) ? 'kill' : 'wait';
        },
        what: 'the open transaction',
        paceMs: 2,
      });
      const storedAtCrash1 = expectWholeOrNone();
      expect(storedAtCrash1).toBe(crash1.late);
      hit.push(storedAtCrash1 ? 'open already committed' : 'in the open transaction (nothing stored)');
      phase('crash 1');

      // Restart at once. Crash 2: just after the open committed (staff open again, as nothing was stored),
      // restarted 15 minutes later. When crash 1 came after the commit, the later restart follows crash 3.
      bot = await start();
      if (!storedAtCrash1) {
        await p.open();
        const opening = bot;
        await eventually(() => opening.log().includes('round opened'), 'the "round opened" log line', WAIT_MS);
        const { cut } = await kill(bot);
        expect(expectWholeOrNone()).toBe(true);
        hit.push(`just after the open (${cut.length} cut)`);
        phase('crash 2');
        // The clock jumps: leases have run out, so no lease check here.
        bot = await start(LATER);
        await expectCutSettled(bot, cut, Number.POSITIVE_INFINITY);
      }

      // Crash 3: amid the invitations, once a quarter went out: frozen until sends are claimed and unfinished.
      await eventually(
        () => readSends(databaseFile).settled || delivered() >= MEMBERS / 4,
        'a quarter of the invitations delivered',
        WAIT_MS,
        explain(bot),
      );
      const { cut, leasesUntil } = await kill(bot, {
        probe: () => {
          const sends = readSends(databaseFile);
          return sends.settled ? 'late' : sends.sending.length > 0 ? 'kill' : 'wait';
        },
        what: 'invitations in flight',
        paceMs: 10,
      });
      hit.push(cut.length > 0 ? `amid the invitations (${cut.length} cut)` : 'after the invitations');
      phase('crash 3');
      if (storedAtCrash1) {
        bot = await start(LATER);
        await expectCutSettled(bot, cut, Number.POSITIVE_INFINITY);
      } else {
        bot = await start();
        await expectCutSettled(bot, cut, leasesUntil);
      }
      await eventually(() => readSends(databaseFile).settled, 'every invitation settled', WAIT_MS, explain(bot));
      phase('settled');

      const queued = readQueued(databaseFile);
      const memberName = (id: string): string => trialMembers.find((m) => m.id === id)?.name ?? id;
      // The progress message is edited once the queue is empty: wait for it to name every uncertain member.
      await eventually(
        () => queued.uncertain.every((id) => p.staffChannel().includes(memberName(id))),
        'the progress message to name every uncertain member',
        WAIT_MS,
        () => p.staffChannel().slice(-3000),
      );
      await kill(bot);

      expect([queued.round, queued.invitations, queued.pending]).toEqual(['open', MEMBERS, 0]);
      const twice = trialMembers.filter((m) => p.invitations(m) > 1).map((m) => m.id);
      expect(twice).toEqual([]);
      const none = trialMembers.filter((m) => p.invitations(m) === 0).map((m) => m.id);
      expect(none.filter((id) => !queued.uncertain.includes(id))).toEqual([]);
      // Uncertain only where the platform cannot tell, with its reason; every other cut send reached
      // its member exactly once.
      const outbox = readInviteOutbox(databaseFile);
      const unexplained = queued.uncertain.filter((id) => !(p.cannotTell?.test(outbox.get(id)?.error ?? '') ?? false));
      expect(unexplained).toEqual([]);
      const settled = [...allCut].filter((id) => !queued.uncertain.includes(id));
      const once = (id: string) => trialMembers.filter((m) => m.id === id && p.invitations(m) === 1).length === 1;
      expect(settled.filter((id) => !once(id))).toEqual([]);
      const status = await statusText(env);
      for (const id of queued.uncertain) expect(status).toContain(memberName(id));
      phase('status');
      // The trial says what it hit, so a run that never cut a send is visible as such.
      process.stdout.write(
        `${p.name}: killed ${hit.join('; ')}; ${MEMBERS - none.length} invited once, ${none.length} not invited, ` +
          `${allCut.size} cut, ${settled.length} of them settled with the platform, ` +
          `${queued.uncertain.length} uncertain (all named in status and progress), 0 twice; ` +
          `${Math.round((Date.now() - started) / 1000)} s (${phases.join(', ')})\n`,
      );
    });
  });
}
