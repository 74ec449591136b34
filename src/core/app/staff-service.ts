/**
 * Staff commands: the same verbs in Slack, Discord and the CLI. Only the
 * committee's staff may run them; refusals are audited.
 */
import { titled } from './titled.ts';
import { isAnswered } from '../answers/validate-answer.ts';
import { forEachChunk } from '../cooperate.ts';
import type { NewJob } from '../ports/store.ts';
import { err, ok, type Result } from '../errors.ts';
import { describeError, type MessageKey, t } from '../i18n/catalogue.ts';
import type { Actor, Committee, Invitation, Member, Round } from '../model.ts';
import { checkCancel, checkClose, checkExtend, checkOpen, checkRemind } from '../rounds/lifecycle.ts';
import { instantOf, localDateOf } from '../time.ts';
import { calendarNotice, uncertainYears } from './calendar-notice.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import type { RoundFacts, StaffApi, StaffCommand, StaffReply, StatusView } from './inbound.ts';
import { STAFF_USAGE } from './parse-staff-command.ts';
import {
  closeJob,
  closeJobKey,
  inviteJobKey,
  memberOpeningJobs,
  noticeJobs,
  openingJobs,
  reminderJobs,
  roundFromDefinition,
} from './schedule-round.ts';
import { buildSummary, exportFile, postSummary } from './summary-service.ts';
import { failureText } from './failure-text.ts';
import { datesText, listLine, roundFacts, statusLines } from './staff-round-views.ts';
import { roundDates } from '../rounds/round-dates.ts';
import { UNCERTAIN_NOTE } from './deliver.ts';
import { repeatedRemind, resendInvitation } from './staff-sends.ts';
import { reloadFromSource } from './reload-config.ts';
import { reportReply } from './report-service.ts';
import { overdueLines, runAction, runSynthesis } from './follow-up-service.ts';
import { rosterText, rosterView } from './roster-service.ts';

/** Members whose opening rows are built in one turn of the event loop (a few milliseconds of work). */
const OPEN_BUILD_SLICE = 1_000;

/** Who runs a command: a platform user (checked) or the operator at the CLI (trusted). */
export type StaffCaller = { kind: 'user'; actor: Actor } | { kind: 'operator' };

export class StaffService implements StaffApi {
  constructor(private readonly ctx: AppContext) {}

  async isStaff(actor: Actor, committeeId?: string): Promise<boolean> {
    const committees = committeeId ? [this.ctx.committees.get(committeeId)] : [...this.ctx.committees.values()];
    return committees.some((c) => c !== undefined && this.ctx.isStaffOf(c, actor));
  }

  async roundIds(prefix: string): Promise<string[]> {
    await this.ctx.refreshDrafts();
    const stored = await this.ctx.store.listRounds();
    const ids = new Set([
      ...stored.sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime()).map((r) => r.id),
      ...this.ctx.definitions.keys(),
    ]);
    return [...ids].filter((id) => id.startsWith(prefix)).slice(0, 25);
  }

  runStaffCommand(actor: Actor, command: StaffCommand): Promise<StaffReply> {
    return this.run({ kind: 'user', actor }, command);
  }

  /** Runs a command for a caller; a refusal or domain error becomes a reply, never a throw. */
  async run(caller: StaffCaller, command: StaffCommand): Promise<StaffReply> {
    // Drafts saved by another instance, the CLI or a chat form since the last command.
    await this.ctx.refreshDrafts();
    await this.ctx.refreshRoster();
    const locale = this.#locale(command);
    const committee = await this.#committeeOfCommand(command);
    const allowed =
      caller.kind === 'operator' ||
      (committee ? this.ctx.isStaffOf(committee, caller.actor) : await this.isStaff(caller.actor));
    const label = caller.kind === 'operator' ? 'cli' : actorLabel(caller.actor);
    if (!allowed) {
      await this.ctx.store.audit({
        at: this.ctx.now(),
        actor: label,
        action: 'staff.refused',
        ...(command.roundId ? { roundId: command.roundId } : {}),
        detail: { verb: command.verb },
      });
      const forbidden = { code: 'STAFF.FORBIDDEN', params: {} } as const;
      return { text: describeError(forbidden, locale), ephemeral: true, error: forbidden };
    }
    const result = await this.#dispatch(command, label, caller);
    if (!result.ok) return { text: describeError(result.error, locale), ephemeral: true, error: result.error };
    return result.value;
  }

  /**
   * The committee a command is about: the one it names (`members`), or its
   * round's, from the definition or else the stored round (a round opened
   * from a draft since deleted, or whose file is gone, is still its
   * committee's alone). None: the command names neither, or nothing known.
   */
  async #committeeOfCommand(command: StaffCommand): Promise<Committee | undefined> {
    if (command.verb === 'members')
      return command.committeeId ? this.ctx.committees.get(command.committeeId.normalize('NFC')) : undefined;
    const byDefinition = this.#committeeOf(command.roundId);
    if (byDefinition || !command.roundId) return byDefinition;
    const stored = await this.ctx.store.getRound(command.roundId);
    return stored ? this.ctx.committees.get(stored.committeeId) : undefined;
  }

  #committeeOf(roundId: string | undefined): Committee | undefined {
    if (!roundId) return undefined;
    const def = this.ctx.definitions.get(roundId);
    return def ? this.ctx.committees.get(def.committeeId) : undefined;
  }

  #locale(command: StaffCommand) {
    return this.#committeeOf(command.roundId)?.locale ?? this.ctx.defaultLocale();
  }

  async #dispatch(command: StaffCommand, actor: string, caller: StaffCaller): Promise<Result<StaffReply>> {
    const roundId = command.roundId ?? '';
    switch (command.verb) {
      case 'help':
        return ok({
          text: t(this.#locale(command), 'staff.help', {
            usage: Object.values(STAFF_USAGE)
              .map((u) => `• ${u}`)
              .join('\n'),
          }),
          ephemeral: true,
        });
      case 'list':
        return ok(await this.#list(caller));
      case 'show':
        return this.#show(roundId);
      case 'open':
        return this.#open(roundId, actor);
      case 'status':
        return this.#status(command.roundId, caller);
      case 'remind':
        return this.#remind(roundId, actor);
      case 'resend':
        return resendInvitation(this.ctx, roundId, command.member ?? '', actor);
      case 'extend':
        return this.#extend(roundId, command.until ?? '', actor);
      case 'close':
        return this.#close(roundId, actor);
      case 'cancel':
        return this.#cancel(roundId, actor);
      case 'summary':
        return this.#summary(roundId, actor);
      case 'export':
        return this.#export(roundId, command.format ?? 'md', actor);
      case 'report':
        return reportReply(this.ctx, roundId, command.reportFormat ?? 'docx', actor);
      case 'synthesis':
        return runSynthesis(this.ctx, command, actor);
      case 'action':
        return runAction(this.ctx, command, actor);
      case 'members': {
        const view = await rosterView(this.ctx, caller, command.committeeId);
        if (!view.ok) return view;
        return ok({ text: rosterText(view.value), ephemeral: true, roster: view.value });
      }
      case 'reload': {
        const reloaded = await reloadFromSource(this.ctx, this.ctx.configSource, actor);
        return ok({ text: reloaded.text, ephemeral: true });
      }
    }
  }

  /** The stored round, or the configured definition as a draft. */
  async #roundOrDraft(roundId: string): Promise<Result<{ round: Round; committee: Committee }>> {
    const def = this.ctx.definitions.get(roundId);
    const stored = await this.ctx.store.getRound(roundId);
    const committeeId = stored?.committeeId ?? def?.committeeId;
    const committee = committeeId ? this.ctx.committees.get(committeeId) : undefined;
    if (!committee) return err('ROUND.NOT_FOUND', { roundId });
    if (stored) return ok({ round: stored, committee });
    if (!def) return err('ROUND.NOT_FOUND', { roundId });
    const draft = roundFromDefinition(def, committee);
    return draft.ok ? ok({ round: draft.value, committee }) : draft;
  }

  #when(at: Date, committee: Committee): string {
    return this.ctx.when(at, committee.timeZone, committee.locale);
  }

  /** Whether the caller may see the committee's rounds: its staff, or the operator. */
  #mayRead(caller: StaffCaller, committee: Committee): boolean {
    return caller.kind === 'operator' || this.ctx.isStaffOf(committee, caller.actor);
  }

  /** Rounds of the committees the caller is staff of (every round for the operator). */
  async #list(caller: StaffCaller): Promise<StaffReply> {
    const locale = this.ctx.defaultLocale();
    const ids = new Set([...this.ctx.definitions.keys(), ...(await this.ctx.store.listRounds()).map((r) => r.id)]);
    const lines: string[] = [];
    const rounds: RoundFacts[] = [];
    for (const id of ids) {
      const found = await this.#roundOrDraft(id);
      if (!found.ok) continue;
      const { round, committee } = found.value;
      if (!this.#mayRead(caller, committee)) continue;
      lines.push(listLine(round, locale, (at) => this.#when(at, committee)));
      rounds.push(roundFacts(round, committee));
    }
    if (lines.length === 0) return { text: t(locale, 'staff.list.empty'), ephemeral: true, rounds };
    return { text: [t(locale, 'staff.list.header'), ...lines].join('\n'), ephemeral: true, rounds };
  }

  async #show(roundId: string): Promise<Result<StaffReply>> {
    const found = await this.#roundOrDraft(roundId);
    if (!found.ok) return found;
    const { round, committee } = found.value;
    const locale = committee.locale;
    const zone = committee.timeZone;
    const agenda = round.agenda
      .map((item, i) => [`${i + 1}. ${item.title}`, ...item.questions.map((q) => `   ${q.id} ${q.prompt}`)].join('\n'))
      .join('\n');
    const dates = roundDates(round);
    const when = (at: Date) => this.#when(at, committee);
    const from = localDateOf(dates.startedAt, zone);
    const to = localDateOf(dates.endsAt, zone);
    const calendar = this.ctx.calendarOf(committee);
    const shown = t(locale, 'staff.show', {
      title: round.title,
      roundId,
      status: t(locale, `staff.status.${round.status}` as const),
      opensAt: when(dates.startedAt),
      closesAt: when(dates.endsAt),
      timeZone: zone,
      businessDays: calendar.businessDaysBetween(from, to),
      dates: datesText(round, locale, when),
      anonymous: t(locale, round.anonymous ? 'staff.show.anonymous' : 'staff.show.attributed'),
      agenda,
    });
    const text = [shown, ...calendarNotice(calendar, from, to, locale)].join('\n');
    return ok({
      text,
      ephemeral: true,
      rounds: [roundFacts(round, committee)],
      agenda: round.agenda.map((item) => ({
        id: item.id,
        title: item.title,
        questions: item.questions.map((q) => ({ id: q.id, prompt: q.prompt, kind: q.kind })),
      })),
    });
  }

  async #open(roundId: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.#roundOrDraft(roundId);
    if (!found.ok) return found;
    const { round, committee } = found.value;
    const now = this.ctx.now();
    if (round.status === 'open') return this.#alreadyOpen(round, committee, actor);
    const check = titled(checkOpen(round, now, this.#when(round.closesAt, committee)), round);
    if (!check.ok) return check;
    const from = localDateOf(round.opensAt, committee.timeZone);
    const to = localDateOf(round.closesAt, committee.timeZone);
    const calendar = this.ctx.calendarOf(committee);
    // A year without holiday data counts every weekday as open: staff must list its holidays first.
    const uncovered = uncertainYears(calendar, from, to).unknown.filter(
      (year) => !committee.calendar.extraClosedDays.some((day) => day.startsWith(`${year}-`)),
    );
    if (uncovered.length > 0) return err('CALENDAR.UNKNOWN_YEAR', { years: uncovered.join(', ') });
    const opened: Round = { ...round, ...check.value };
    await this.ctx.store.syncCommittee(committee);
    const members = committee.members.filter((m) => m.active);
    // One transaction: a crash leaves the round fully queued, or not opened at all.
    this.ctx.logger.info({ roundId, members: members.length }, 'opening round');
    const { invitations, jobs } = await this.#openingRows(opened, committee, members, now);
    const created = await this.ctx.store.openRound(opened, invitations, jobs);
    if (!created) return err('ROUND.ALREADY_OPEN', { roundId, roundTitle: round.title });
    this.ctx.logger.info({ roundId, members: members.length }, 'round opened');
    await this.ctx.store.audit({ at: now, actor, action: 'round.open', roundId, detail: { members: members.length } });
    this.ctx.workDue();
    const later = opened.opensAt.getTime() > now.getTime();
    const when = later
      ? t(committee.locale, 'staff.opened.later', { opensAt: this.#when(opened.opensAt, committee) })
      : '';
    const openedText = t(committee.locale, 'staff.opened', { title: round.title, count: members.length, when });
    return ok({
      text: [openedText, ...calendarNotice(calendar, from, to, committee.locale)].join('\n'),
      ephemeral: false,
    });
  }

  /**
   * The invitations and jobs of an opening, built a slice of members at a
   * time with the event loop turning between slices: for 10,000 members the
   * rows took one turn of about 70 ms of CPU.
   */
  async #openingRows(
    round: Round,
    committee: Committee,
    members: Member[],
    now: Date,
  ): Promise<{ invitations: Invitation[]; jobs: NewJob[] }> {
    const invitations: Invitation[] = [];
    const jobs: NewJob[] = [];
    await forEachChunk(members, OPEN_BUILD_SLICE, (slice) => {
      invitations.push(...this.#invitationsOf(committee, slice, round.id));
      jobs.push(...memberOpeningJobs(this.ctx, round, committee, slice, now));
    });
    jobs.push(closeJob(round));
    return { invitations, jobs };
  }

  #invitationsOf(committee: Committee, members: Member[], roundId: string): Invitation[] {
    return members.map((m) => {
      const platform = this.ctx.addressOf(committee, m)?.messenger.platform;
      return {
        roundId,
        memberId: m.id,
        deliveryState: 'pending' as const,
        late: false,
        ...(platform ? { platform } : {}),
      };
    });
  }

  /**
   * `open` on an open round: completes an opening a crash cut short (a round
   * stored before opening was one transaction), says when it was opened if
   * that was minutes ago, else refuses as already open.
   */
  async #alreadyOpen(round: Round, committee: Committee, actor: string): Promise<Result<StaffReply>> {
    const now = this.ctx.now();
    const invited = (await this.ctx.store.listInvitations(round.id)).length > 0;
    const queued = (await this.ctx.store.listJobs(round.id)).some((j) => j.kind === 'invite');
    // Opening used to be two steps: a crash could leave no invitations, or invitations and no jobs.
    const cut = !invited || !queued;
    const missing = cut ? committee.members.filter((m) => m.active) : [];
    if (missing.length > 0) {
      await this.ctx.store.syncCommittee(committee);
      await this.ctx.store.createInvitations(this.#invitationsOf(committee, missing, round.id));
      await this.ctx.store.enqueueJobs(openingJobs(this.ctx, round, committee, missing, now));
      await this.ctx.store.audit({
        at: now,
        actor,
        action: 'round.open.resumed',
        roundId: round.id,
        detail: { members: missing.length },
      });
      this.ctx.workDue();
      return ok({
        text: t(committee.locale, 'staff.opened.resumed', { title: round.title, count: missing.length }),
        ephemeral: false,
      });
    }
    // A repeated open sends nothing: it is a refusal (exit 3 in the CLI), whenever the first one was.
    return err('ROUND.ALREADY_OPEN', { roundId: round.id, roundTitle: round.title });
  }

  async statusView(round: Round, committee: Committee): Promise<StatusView> {
    const [invitations, answers] = await Promise.all([
      this.ctx.store.listInvitations(round.id),
      this.ctx.store.listAnswers(round.id),
    ]);
    const active = invitations.filter((i) => !i.removedAt);
    const started = new Set(answers.filter((a) => isAnswered(a.value)).map((a) => a.memberId));
    const name = (id: string) => this.ctx.member(committee.id, id)?.name ?? id;
    return {
      roundId: round.id,
      roundTitle: round.title,
      status: round.status,
      closesAtLocal: this.#when(round.closesAt, committee),
      total: active.length,
      delivered: active.filter((i) => i.deliveryState === 'delivered').length,
      pending: active.filter((i) => i.deliveryState === 'pending').length,
      answering: active.filter((i) => !i.submittedAt && !i.declinedAt && started.has(i.memberId)).length,
      submitted: active.filter((i) => i.submittedAt).length,
      declined: active.filter((i) => i.declinedAt && !i.submittedAt).length,
      failed: active.filter((i) => i.deliveryState === 'failed').length,
      notSubmitted: active
        .filter((i) => !i.submittedAt && !i.declinedAt && i.deliveryState === 'delivered')
        .map((i) => name(i.memberId)),
      notReached: active.filter((i) => i.deliveryState === 'pending').map((i) => name(i.memberId)),
      failures: active
        .filter((i) => i.deliveryState === 'failed')
        .map((i) => ({ name: name(i.memberId), reason: failureText(i.failureReason, committee.locale) })),
    };
  }

  async #status(roundId: string | undefined, caller: StaffCaller): Promise<Result<StaffReply>> {
    let id = roundId;
    if (!id) {
      // `status` alone: the open rounds of the caller's committees only.
      const open = (await this.ctx.store.listRounds()).filter((r) => {
        const committee = this.ctx.committees.get(r.committeeId);
        return r.status === 'open' && committee !== undefined && this.#mayRead(caller, committee);
      });
      if (open.length === 0) {
        // No round running, but follow-up actions of earlier rounds may be overdue.
        const overdue = await overdueLines(this.ctx, (c) => this.#mayRead(caller, c));
        const none = t(this.ctx.defaultLocale(), 'staff.status.none');
        return ok({ text: [none, ...overdue.lines].join('\n'), ephemeral: true });
      }
      if (open.length > 1) return err('ROUND.AMBIGUOUS', { roundIds: open.map((r) => r.id).join(', ') });
      id = open[0]?.id ?? '';
    }
    const found = await this.#roundOrDraft(id);
    if (!found.ok) return found;
    const { round, committee } = found.value;
    const view = await this.statusView(round, committee);
    const locale = committee.locale;
    const lines = statusLines(round, view, locale, (at) => this.#when(at, committee));
    const stillUncertain = new Set(
      (await this.ctx.store.listInvitations(round.id))
        .filter((i) => i.failureReason === 'uncertain')
        .map((i) => i.memberId),
    );
    // An invitation resent since is no longer uncertain; receipts and reminders stay listed.
    const uncertain = (await this.ctx.store.listJobs(round.id)).filter(
      (j) =>
        j.state === 'failed' &&
        j.lastError === UNCERTAIN_NOTE &&
        j.memberId !== undefined &&
        (j.kind !== 'invite' || stillUncertain.has(j.memberId)),
    );
    if (uncertain.length > 0) {
      const name = (id: string) => this.ctx.member(committee.id, id)?.name ?? id;
      const items = uncertain
        .map((j) => `${name(j.memberId ?? '')} (${t(locale, `staff.uncertain.kind.${j.kind}` as MessageKey)})`)
        .join(', ');
      lines.push(t(locale, 'staff.uncertain', { items, roundId: round.id }));
    }
    // `status` alone lists the overdue actions of every round the caller may read; `status ROUND` those of the round.
    const mayRead = (c: Committee) => this.#mayRead(caller, c);
    lines.push(...(await overdueLines(this.ctx, mayRead, roundId === undefined ? undefined : round.id)).lines);
    return ok({ text: lines.join('\n'), ephemeral: true, status: view, rounds: [roundFacts(round, committee)] });
  }

  async #remind(roundId: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const round = found.value;
    const check = titled(checkRemind(round), round);
    if (!check.ok) return check;
    const committee = this.ctx.committee(round.committeeId);
    const repeated = await repeatedRemind(this.ctx, round, committee);
    if (repeated) return ok(repeated);
    const now = this.ctx.now();
    const waiting = (await this.ctx.store.listInvitations(roundId)).filter(
      (i) => !i.submittedAt && !i.declinedAt && !i.removedAt,
    );
    // A member whose invitation may not have arrived is reminded all the same.
    const targets = waiting.filter((i) => i.deliveryState === 'delivered' || i.failureReason === 'uncertain');
    if (waiting.length === 0) return ok({ text: t(committee.locale, 'staff.reminded.none'), ephemeral: true });
    // Members who never received the invitation cannot be reminded of it: say so, never "everyone submitted".
    if (targets.length === 0) return err('REMIND.NOT_REACHED', { count: waiting.length });
    // One manual nudge per member per minute: a double click sends nothing twice.
    const minute = now.toISOString().slice(0, 16);
    await this.ctx.store.enqueueJobs(
      targets.map((i) => ({
        key: `remind:${roundId}:${i.memberId}:manual:${minute}`,
        kind: 'remind' as const,
        roundId,
        memberId: i.memberId,
        dueAt: now,
        payload: { slotId: 'manual', manual: true },
      })),
    );
    await this.ctx.store.audit({
      at: now,
      actor,
      action: 'round.remind',
      roundId,
      detail: { members: targets.length },
    });
    this.ctx.workDue();
    return ok({ text: t(committee.locale, 'staff.reminded', { count: targets.length }), ephemeral: false });
  }

  async #extend(roundId: string, untilText: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const round = found.value;
    const committee = this.ctx.committee(round.committeeId);
    const until = instantOf(untilText, committee.timeZone);
    if (!until) return err('DATE.INVALID', { value: untilText });
    const now = this.ctx.now();
    const check = titled(
      checkExtend(round, until, now, {
        until: this.#when(until, committee),
        closesAt: this.#when(round.closesAt, committee),
      }),
      round,
    );
    if (!check.ok) return check;
    await this.ctx.store.updateRound(roundId, check.value);
    await this.ctx.store.cancelJobs(roundId, 'remind');
    await this.ctx.store.cancelJobs(roundId, 'close');
    const extended: Round = { ...round, ...check.value };
    const invitations = await this.ctx.store.listInvitations(roundId);
    const waiting = new Set(
      invitations.filter((i) => !i.submittedAt && !i.declinedAt && !i.removedAt).map((i) => i.memberId),
    );
    const members = committee.members.filter((m) => waiting.has(m.id));
    const replanFrom: Round = { ...extended, opensAt: now.getTime() > round.opensAt.getTime() ? now : round.opensAt };
    const change = round.status === 'closed' ? 'reopened' : 'extended';
    await this.ctx.store.enqueueJobs([
      ...reminderJobs(this.ctx, replanFrom, committee, members),
      { key: closeJobKey(roundId, until), kind: 'close', roundId, dueAt: until },
      // Every member still waiting hears of the new deadline, in their own zone.
      ...noticeJobs(
        roundId,
        members.filter((m) => invitations.some((i) => i.memberId === m.id && i.deliveryState !== 'pending')),
        change,
        until.toISOString(),
        now,
      ),
      // Reopening sends the invitations the close cancelled before they went out.
      ...invitations
        .filter((i) => change === 'reopened' && i.deliveryState === 'pending' && !i.removedAt)
        .map((i) => ({
          key: `${inviteJobKey(roundId, i.memberId)}:reopen:${until.toISOString()}`,
          kind: 'invite' as const,
          roundId,
          memberId: i.memberId,
          dueAt: now,
        })),
    ]);
    this.ctx.workDue();
    await this.ctx.store.audit({
      at: now,
      actor,
      action: 'round.extend',
      roundId,
      detail: { from: round.closesAt.toISOString(), to: until.toISOString() },
    });
    const reopened = round.status === 'closed';
    const untilDay = localDateOf(until, committee.timeZone);
    const lines = [
      t(committee.locale, reopened ? 'staff.extended.reopened' : 'staff.extended', {
        closesAt: this.#when(until, committee),
      }),
    ];
    if (!this.ctx.calendarOf(committee).isBusinessDay(untilDay))
      lines.push(t(committee.locale, 'staff.extended.closedDay', { closesAt: this.#when(until, committee) }));
    return ok({ text: lines.join('\n'), ephemeral: false });
  }

  /** Closes now (staff or the close job) and queues the summary. */
  async closeRound(round: Round, actor: string): Promise<Result<Round>> {
    const now = this.ctx.now();
    const check = titled(checkClose(round, now), round);
    if (!check.ok) return check;
    await this.ctx.store.updateRound(round.id, check.value);
    await this.ctx.store.cancelJobs(round.id, 'remind');
    await this.ctx.store.cancelJobs(round.id, 'invite');
    await this.ctx.store.cancelJobs(round.id, 'close');
    await this.ctx.store.enqueueJobs([
      {
        key: `summarise:${round.id}:${round.closesAt.toISOString()}`,
        kind: 'summarise',
        roundId: round.id,
        dueAt: now,
      },
    ]);
    await this.ctx.store.audit({ at: now, actor, action: 'round.close', roundId: round.id });
    this.ctx.workDue();
    return ok({ ...round, ...check.value });
  }

  async #close(roundId: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const closed = await this.closeRound(found.value, actor);
    if (!closed.ok) return closed;
    const committee = this.ctx.committee(closed.value.committeeId);
    return ok({ text: t(committee.locale, 'staff.closed', { title: closed.value.title }), ephemeral: false });
  }

  async #cancel(roundId: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.#roundOrDraft(roundId);
    if (!found.ok) return found;
    const { round, committee } = found.value;
    const now = this.ctx.now();
    const check = titled(checkCancel(round, now), round);
    if (!check.ok) return check;
    if (round.status === 'draft') await this.ctx.store.createRound({ ...round, ...check.value });
    else await this.ctx.store.updateRound(roundId, check.value);
    await this.ctx.store.cancelJobs(roundId);
    if (round.status === 'open') {
      // Members who were asked and have not submitted are told it was cancelled.
      const told = (await this.ctx.store.listInvitations(roundId))
        .filter((i) => !i.submittedAt && !i.removedAt && i.deliveryState !== 'pending')
        .map((i) => i.memberId);
      await this.ctx.store.enqueueJobs(
        noticeJobs(
          roundId,
          committee.members.filter((m) => told.includes(m.id)),
          'cancelled',
          'cancel',
          now,
        ),
      );
      this.ctx.workDue();
    }
    await this.ctx.store.audit({ at: now, actor, action: 'round.cancel', roundId });
    return ok({ text: t(committee.locale, 'staff.cancelled', { title: round.title }), ephemeral: false });
  }

  async #summary(roundId: string, actor: string): Promise<Result<StaffReply>> {
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const round = found.value;
    const named = { roundId, roundTitle: round.title };
    if (round.status === 'open' || round.status === 'draft') return err('ROUND.NOT_CLOSED', named);
    if (round.status === 'cancelled') return err('ROUND.CANCELLED', named);
    const committee = this.ctx.committee(round.committeeId);
    const now = this.ctx.now();
    // A summary asked for by staff is a new version: it may include late answers.
    const { posted, summary } = await postSummary(this.ctx, round, committee, `manual-${now.toISOString()}`, {
      final: true,
    });
    await this.ctx.store.audit({ at: now, actor, action: 'round.summary', roundId, detail: { posted } });
    const locale = committee.locale;
    if (posted === 0) {
      const configured = Object.values(committee.staffChannels).some(Boolean);
      // No channel here may mean "none configured" or "this process (the CLI) has no messenger": say which.
      const key = !configured
        ? 'staff.summaryNoChannel'
        : this.ctx.messengers.size === 0
          ? 'staff.summaryNotConnected'
          : 'staff.summaryPostFailed';
      return ok({ text: t(locale, key), ephemeral: true, files: [exportFile(summary, 'md')] });
    }
    return ok({
      text: t(locale, 'staff.summaryPosted', {
        title: round.title,
        submitted: summary.participation.submitted,
        invited: summary.participation.invited,
      }),
      ephemeral: true,
    });
  }

  async #export(roundId: string, format: 'csv' | 'md' | 'json', actor: string): Promise<Result<StaffReply>> {
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const committee = this.ctx.committee(found.value.committeeId);
    const file = exportFile(await buildSummary(this.ctx, found.value, committee), format);
    await this.ctx.store.audit({ at: this.ctx.now(), actor, action: 'round.export', roundId, detail: { format } });
    return ok({
      text: t(committee.locale, 'staff.exported', { title: found.value.title, format, file: file.name }),
      ephemeral: true,
      files: [file],
    });
  }
}
