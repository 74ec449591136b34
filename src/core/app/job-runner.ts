/**
 * Runs due jobs from the store: invitations, reminders, receipts, closing
 * and the summary. Each job's sends go through the outbox, so a job that
 * runs twice (a crash before `finishJob`) sends nothing twice.
 */
import { runLanesFrom, yieldToEventLoop } from '../cooperate.ts';
import type { PriorityLane } from '../priority-lane.ts';
import { t } from '../i18n/catalogue.ts';
import type { Job } from '../model.ts';
import type { MemberAddress, MemberMessage, Messenger } from '../ports/messenger.ts';
import type { JobOutcome } from '../ports/store.ts';
import { decideReminderAtRunTime } from '../reminders/index.ts';
import type { AppContext } from './app-context.ts';
import { type DeliverOutcome, deliverOnce, deliverToMember, UNCERTAIN_NOTE } from './deliver.ts';
import { recoverInterruptedSends } from './recover-sends.ts';
import { runActionDueNotice } from './action-due-notice.ts';
import type { StaffService } from './staff-service.ts';
import { postSummary } from './summary-service.ts';
import { invitationView, progressView, receiptView, reminderView } from './views.ts';
import { materialViews, readAttachedFiles, tellStaffMaterialsMissing } from './materials.ts';
import { type MissingPart, OutboxParts } from './outbox-parts.ts';

/** Transient failures are retried this many times, with growing delays. */
const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
/** Jobs of different members in flight at once: enough to keep the platforms' buckets full. */
const CONCURRENCY = 16;
/**
 * Jobs claimed at a time, and claimed again when fewer than REFILL_BELOW
 * wait for a lane: few jobs are held ahead of the lanes, so a receipt that
 * comes due during a paced fan-out (the store hands receipts out first) waits
 * for a handful of sends, not for the 50 claimed before it (about a minute
 * at Slack's 50 DM opens a minute).
 */
const BATCH = 8;
const REFILL_BELOW = 4;
/** Real time between staff progress updates during a fan-out. */
const PROGRESS_INTERVAL_MS = 3_000;
/** Progress posts tried per round and platform when crashes cut earlier ones (see #progressPost). */
const MAX_PROGRESS_POSTS = 5;

function retryDelayMs(attempt: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** attempt);
}

export class JobRunner {
  /** Rounds whose invitations changed since their staff progress was last updated. */
  readonly #progressDue = new Set<string>();
  /** When progress was last posted (performance.now()); -Infinity: never. */
  #progressAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: AppContext,
    private readonly staff: StaffService,
    /** Inbound work (members' pages, staff commands) goes first: no job or claim starts while it is pending. */
    private readonly lane?: PriorityLane,
  ) {}

  /**
   * Claims and runs due jobs until none is left. Returns how many ran.
   * Jobs of different members run in parallel (the platform clients queue by
   * their rate-limit buckets), one member's jobs in order; round-level jobs
   * run alone. More jobs are claimed as soon as lanes free up, not once a
   * whole batch has ended, so one member whose send hangs or is retried holds
   * only their own lane.
   */
  async runDue(): Promise<number> {
    // Every tick, not only at start: a restart may come before any lease ends.
    await recoverInterruptedSends(this.ctx);
    // Members staff added in chat on another instance (before a fail-over) are invited too.
    await this.ctx.refreshRoster();
    const total = await runLanesFrom(
      async (room) => {
        await this.lane?.background();
        await this.#updateProgress(false);
        return this.ctx.store.claimDueJobs(this.ctx.now(), room, LEASE_MS, this.ctx.claimants.self);
      },
      { concurrency: CONCURRENCY, batch: BATCH, refillBelow: REFILL_BELOW },
      (job) => job.memberId ?? null,
      (job) => this.#runOne(job),
    );
    await this.#updateProgress(true);
    return total;
  }

  async #runOne(job: Job): Promise<void> {
    // A macrotask before each job: inbound events (acks) and timers run
    // between sends instead of after the whole queue; and no job starts
    // while a member's page or a staff command is being served.
    await yieldToEventLoop();
    await this.lane?.background();
    let outcome: JobOutcome;
    try {
      outcome = await this.#run(job);
    } catch (error) {
      // A bug or a store failure: keep the job, retry later, log with context.
      this.ctx.logger.error(
        {
          jobKey: job.key,
          kind: job.kind,
          roundId: job.roundId,
          err: error instanceof Error ? error.message : String(error),
        },
        'job failed unexpectedly',
      );
      outcome = this.#retryLater(job, 'unexpected error') ?? { state: 'failed', note: 'unexpected error' };
    }
    await this.ctx.store.finishJob(job.id, outcome, this.ctx.now());
  }

  /**
   * Posts or edits the staff progress of rounds whose invitations changed:
   * at most once per PROGRESS_INTERVAL_MS during a fan-out, and always when
   * the queue is empty. Discord allows a channel five messages per five
   * seconds, and reading every invitation after each batch of a 10,000-member
   * round would cost more than the sends.
   */
  async #updateProgress(final: boolean): Promise<void> {
    if (this.#progressDue.size === 0) return;
    if (!final && performance.now() - this.#progressAt < PROGRESS_INTERVAL_MS) return;
    const rounds = [...this.#progressDue];
    this.#progressDue.clear();
    for (const roundId of rounds) await this.#progress(roundId);
    this.#progressAt = performance.now();
  }

  async #run(job: Job): Promise<JobOutcome> {
    switch (job.kind) {
      case 'invite':
        return this.#invite(job);
      case 'remind':
        return this.#remind(job);
      case 'receipt':
        return this.#receipt(job);
      case 'notice':
        return this.#notice(job);
      case 'close':
        return this.#close(job);
      case 'summarise':
        return this.#summarise(job);
      case 'action_due':
        return runActionDueNotice(this.ctx, job);
    }
  }

  /** A retry with growing delay, or null when the job has used its attempts. */
  #retryLater(job: Job, note: string): JobOutcome | null {
    if (job.attempts + 1 >= MAX_ATTEMPTS) return null;
    return { state: 'retry', dueAt: new Date(this.ctx.now().getTime() + retryDelayMs(job.attempts)), note };
  }

  /** Loads what a member job needs; null when the member or round is gone. */
  async #memberJob(job: Job) {
    const round = await this.ctx.store.getRound(job.roundId);
    if (!round || !job.memberId) return null;
    const committee = this.ctx.committees.get(round.committeeId);
    const member = committee?.members.find((m) => m.id === job.memberId);
    const invitation = await this.ctx.store.getInvitation(round.id, job.memberId);
    if (!committee || !member || !invitation) return null;
    return { round, committee, member, invitation };
  }

  /**
   * A send another claimant still holds (its lease has not run out): look
   * again once it has, without sending.
   */
  #inFlightElsewhere(): JobOutcome {
    return { state: 'retry', dueAt: new Date(this.ctx.now().getTime() + 60_000), note: 'in flight elsewhere' };
  }

  async #invite(job: Job): Promise<JobOutcome> {
    const loaded = await this.#memberJob(job);
    if (!loaded) return { state: 'skipped', note: 'member or round gone' };
    const { round, committee, member, invitation } = loaded;
    if (round.status !== 'open') return { state: 'skipped', note: `round ${round.status}` };
    if (invitation.removedAt) return { state: 'skipped', note: 'member removed' };
    if (!member.active) return { state: 'skipped', note: 'member inactive' };
    const target = this.ctx.addressOf(committee, member);
    if (!target) {
      await this.ctx.store.updateInvitation(round.id, member.id, {
        deliveryState: 'failed',
        failureReason: 'no_platform',
      });
      this.#progressDue.add(round.id);
      return { state: 'failed', note: 'no_platform' };
    }
    const materials = materialViews(this.ctx, round, target.messenger);
    const { files, unreadable } = await readAttachedFiles(this.ctx, round, materials);
    const view = invitationView(this.ctx, committee, member, round, materials);
    const message = {
      kind: 'invitation' as const,
      locale: target.address.locale,
      view,
      ...(files.length ? { files } : {}),
    };
    // With files, the message and each file are parts of one post: a retry sends only what is missing.
    const parts = new OutboxParts(this.ctx, job.key, target.messenger.platform);
    const outcome =
      files.length > 0
        ? await deliverOnce(this.ctx, job.key, target.messenger.platform, () =>
            target.messenger.sendToMember(target.address, message, job.key, parts),
          )
        : await deliverToMember(this.ctx, target, message, job.key);
    const ref = outcome.sent
      ? outcome.delivery.ref
      : outcome.duplicate && outcome.state === 'sent'
        ? { channelId: outcome.channelId, messageId: outcome.messageId }
        : null;
    if (ref) {
      // Also when a crash came after the send was recorded but before this update.
      await this.ctx.store.updateInvitation(round.id, member.id, {
        deliveryState: 'delivered',
        platform: target.messenger.platform,
        channelRef: ref.channelId,
        messageRef: ref.messageId,
        deliveredAt: this.ctx.now(),
        failureReason: undefined,
      });
      if (job.payload.resend === true)
        await this.ctx.store.audit({
          at: this.ctx.now(),
          actor: String(job.payload.actor ?? 'system'),
          action: 'invite.resent',
          roundId: round.id,
          memberId: member.id,
        });
      this.#progressDue.add(round.id);
      if (files.length > 0 || unreadable.length > 0) {
        const missingFiles =
          files.length > 0 ? await this.#materialsMissing(job, target, message, parts, outcome.sent) : [];
        const retry = missingFiles.some((m) => !m.permanent) ? this.#retryLater(job, 'materials missing') : null;
        if (retry) return retry;
        const lost = [
          ...missingFiles,
          ...unreadable.map((name) => ({ label: { kind: 'file' as const, name }, reason: 'unreadable' })),
        ];
        if (lost.length > 0) await tellStaffMaterialsMissing(this.ctx, round, committee, member, job.key, lost);
      }
      return outcome.sent ? { state: 'done' } : { state: 'skipped', note: 'already sent' };
    }
    if (outcome.sent) return { state: 'done' };
    if (outcome.duplicate) {
      if (outcome.state === 'sending') return this.#inFlightElsewhere();
      // Interrupted mid-send: it may have arrived. Never resend on our own; name the member to staff.
      await this.ctx.store.updateInvitation(round.id, member.id, {
        deliveryState: 'failed',
        platform: target.messenger.platform,
        failureReason: 'uncertain',
      });
      await this.ctx.store.audit({
        at: this.ctx.now(),
        actor: 'system',
        action: 'invite.uncertain',
        roundId: round.id,
        memberId: member.id,
      });
      this.#progressDue.add(round.id);
      return { state: 'failed', note: UNCERTAIN_NOTE };
    }
    const failure = outcome.delivery;
    const retry = failure.permanent ? null : this.#retryLater(job, failure.reason);
    if (retry) return retry;
    await this.ctx.store.updateInvitation(round.id, member.id, {
      deliveryState: 'failed',
      platform: target.messenger.platform,
      failureReason: failure.permanent ? failure.reason : 'exhausted',
    });
    await this.ctx.store.audit({
      at: this.ctx.now(),
      actor: 'system',
      action: 'invite.failed',
      roundId: round.id,
      memberId: member.id,
      detail: { reason: failure.reason },
    });
    this.#progressDue.add(round.id);
    return { state: 'failed', note: failure.reason };
  }

  /**
   * The material files still missing after this attempt. On a retry (the
   * message went out before) the post is sent again through the ledger:
   * what arrived is skipped, only the missing files are uploaded.
   */
  async #materialsMissing(
    job: Job,
    target: { messenger: Messenger; address: MemberAddress },
    message: MemberMessage,
    parts: OutboxParts,
    sentNow: boolean,
  ): Promise<MissingPart[]> {
    if (sentNow) return parts.missing;
    const again = new OutboxParts(this.ctx, job.key, target.messenger.platform);
    await target.messenger.sendToMember(target.address, message, job.key, again);
    return again.missing;
  }

  /** Posts or edits the one staff progress message per platform. */
  async #progress(roundId: string): Promise<void> {
    const round = await this.ctx.store.getRound(roundId);
    if (!round) return;
    const committee = this.ctx.committee(round.committeeId);
    const view = progressView(this.ctx, committee, round, await this.ctx.store.tallyInvitations(roundId));
    const message = { kind: 'progress' as const, locale: committee.locale, view };
    for (const { messenger, channelId } of this.ctx.staffChannels(committee)) {
      const { key, existing } = await this.#progressPost(`progress:${roundId}:${messenger.platform}`);
      if (existing?.state === 'sent' && existing.channelId && existing.messageId) {
        const edited = await messenger.editStaffPost(
          { channelId: existing.channelId, messageId: existing.messageId },
          message,
        );
        if (!edited.ok)
          this.ctx.logger.warn(
            { roundId, platform: messenger.platform, reason: edited.reason },
            'progress edit failed',
          );
        continue;
      }
      if (existing && existing.state !== 'failed') continue;
      await deliverOnce(this.ctx, key, messenger.platform, () => messenger.postToStaff(channelId, message, key));
    }
  }

  /**
   * The outbox key and entry of a round's progress post on one platform. A
   * post cut by a crash (uncertain) may not be there, and staff would never
   * see progress again: the next key posts a new one. A second progress post
   * in the staff channel is harmless; none at all is not.
   */
  async #progressPost(base: string) {
    for (let n = 1; ; n++) {
      const key = n === 1 ? base : `${base}:${n}`;
      const existing = await this.ctx.store.getOutbox(key);
      if (existing?.state !== 'uncertain' || n >= MAX_PROGRESS_POSTS) return { key, existing };
    }
  }

  async #remind(job: Job): Promise<JobOutcome> {
    const loaded = await this.#memberJob(job);
    if (!loaded) return { state: 'skipped', note: 'member or round gone' };
    const { round, committee, member, invitation } = loaded;
    if (round.status !== 'open') return { state: 'skipped', note: `round ${round.status}` };
    // A member whose invitation may not have arrived is reminded all the same: the reminder says what to do.
    if (invitation.deliveryState !== 'delivered' && invitation.failureReason !== 'uncertain')
      return { state: 'skipped', note: 'invitation not delivered' };
    const manual = job.payload.manual === true;
    const decision = decideReminderAtRunTime({
      dueAt: job.dueAt,
      now: this.ctx.now(),
      // A manual nudge from staff is sent now, whatever the hour: staff chose it.
      graceMinutes: manual ? 24 * 60 : round.reminders.graceMinutes,
      timeZone: this.ctx.zoneOfMember(committee, member),
      calendar: this.ctx.calendarOf(committee),
      settings: manual
        ? { ...committee.calendar, quietHours: { start: '00:00', end: '00:00' }, remindOnClosedDays: true }
        : committee.calendar,
      closesAt: round.closesAt,
      submitted: invitation.submittedAt !== undefined,
      declined: invitation.declinedAt !== undefined,
      removed: invitation.removedAt !== undefined || !member.active,
    });
    if (!decision.send) {
      if (decision.reason === 'missed_grace') {
        await this.ctx.store.audit({
          at: this.ctx.now(),
          actor: 'system',
          action: 'remind.skipped',
          roundId: round.id,
          memberId: member.id,
          detail: { reason: decision.reason, dueAt: job.dueAt.toISOString() },
        });
      }
      return { state: 'skipped', note: decision.reason };
    }
    const target = this.ctx.addressOf(committee, member);
    if (!target) return { state: 'skipped', note: 'no_platform' };
    const answers = await this.ctx.store.listAnswers(round.id, member.id);
    const view = reminderView(this.ctx, committee, member, round, answers);
    return this.#sendOnce(job, target, { kind: 'reminder', locale: target.address.locale, view });
  }

  /** Sends one member DM of a job through the outbox and says how the job ended. */
  async #sendOnce(
    job: Job,
    target: { messenger: Messenger; address: MemberAddress },
    message: MemberMessage,
  ): Promise<JobOutcome> {
    const outcome: DeliverOutcome = await deliverToMember(this.ctx, target, message, job.key);
    if (outcome.sent) return { state: 'done' };
    if (outcome.duplicate && outcome.state === 'sending') return this.#inFlightElsewhere();
    // An interrupted receipt or reminder ends `failed` with this note: staff see the member named in `status`.
    if (outcome.duplicate && outcome.state === 'uncertain') return { state: 'failed', note: UNCERTAIN_NOTE };
    if (outcome.duplicate) return { state: 'skipped', note: 'already sent' };
    return (
      (outcome.delivery.permanent ? null : this.#retryLater(job, outcome.delivery.reason)) ?? {
        state: 'failed',
        note: outcome.delivery.reason,
      }
    );
  }

  /** Tells a member that their round changed: a new deadline (in their zone), reopened, or cancelled. */
  async #notice(job: Job): Promise<JobOutcome> {
    const loaded = await this.#memberJob(job);
    if (!loaded) return { state: 'skipped', note: 'member or round gone' };
    const { round, committee, member, invitation } = loaded;
    const change = job.payload.change;
    if (change !== 'extended' && change !== 'reopened' && change !== 'cancelled')
      return { state: 'failed', note: `unknown notice ${String(change)}` };
    if (invitation.submittedAt || invitation.removedAt || !member.active)
      return { state: 'skipped', note: 'member not waiting' };
    const target = this.ctx.addressOf(committee, member);
    if (!target) return { state: 'skipped', note: 'no_platform' };
    const locale = target.address.locale;
    const text = t(locale, `member.notice.${change}`, {
      title: round.title,
      closesAt: this.ctx.when(round.closesAt, target.address.timeZone, locale),
    });
    return this.#sendOnce(job, target, { kind: 'notice', locale, text });
  }

  async #receipt(job: Job): Promise<JobOutcome> {
    const loaded = await this.#memberJob(job);
    if (!loaded) return { state: 'skipped', note: 'member or round gone' };
    const { round, committee, member, invitation } = loaded;
    const target = this.ctx.addressOf(committee, member);
    if (!target) return { state: 'skipped', note: 'no_platform' };
    const answers = await this.ctx.store.listAnswers(round.id, member.id);
    const submittedAt = invitation.submittedAt ?? this.ctx.now();
    const view = receiptView(this.ctx, committee, member, round, answers, submittedAt);
    return this.#sendOnce(job, target, { kind: 'receipt', locale: target.address.locale, view });
  }

  async #close(job: Job): Promise<JobOutcome> {
    const round = await this.ctx.store.getRound(job.roundId);
    if (!round) return { state: 'skipped', note: 'round gone' };
    if (round.status !== 'open') return { state: 'skipped', note: `round ${round.status}` };
    if (round.closesAt.getTime() > this.ctx.now().getTime()) return { state: 'skipped', note: 'deadline moved' };
    const closed = await this.staff.closeRound(round, 'system');
    return closed.ok ? { state: 'done' } : { state: 'failed', note: closed.error.code };
  }

  async #summarise(job: Job): Promise<JobOutcome> {
    const round = await this.ctx.store.getRound(job.roundId);
    if (!round) return { state: 'skipped', note: 'round gone' };
    if (round.status !== 'closed') return { state: 'skipped', note: `round ${round.status}` };
    const committee = this.ctx.committee(round.committeeId);
    const final = job.attempts + 1 >= MAX_ATTEMPTS;
    const { posted, channels, retryable } = await postSummary(this.ctx, round, committee, 'auto', { final });
    const retry = posted < channels || retryable ? this.#retryLater(job, 'summary post incomplete') : null;
    if (retry) return retry;
    await this.ctx.store.updateRound(round.id, { status: 'summarised', summarisedAt: this.ctx.now() });
    await this.ctx.store.audit({
      at: this.ctx.now(),
      actor: 'system',
      action: 'round.summarised',
      roundId: round.id,
      detail: { posted, channels },
    });
    return { state: 'done' };
  }
}
