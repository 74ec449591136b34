/**
 * Builds the application from its ports. Adapters receive it as `JamunApi`;
 * the scheduler calls `runDueJobs`; the CLI uses `runAsOperator`.
 */
import type { Store } from '../ports/store.ts';
import { actorLabel, AppContext, type AppDeps } from './app-context.ts';
import type { JamunApi, StaffCommand, StaffReply } from './inbound.ts';
import { JobRunner } from './job-runner.ts';
import { MemberService } from './member-service.ts';
import { StaffService } from './staff-service.ts';
import { reconcileMembership } from './reconcile-membership.ts';
import { recoverInterruptedSends } from './recover-sends.ts';
import type { ConfigSnapshot } from '../ports/config-source.ts';
import type { Result } from '../errors.ts';
import type { ReportDocument } from '../report/report-model.ts';
import { buildReport } from './report-service.ts';
import { actionDraft, synthesisDraft } from './follow-up-service.ts';
import { saveRoundDraft } from './round-drafts.ts';
import { type Authored, type DraftList, previewedRound } from './authoring-api.ts';
import {
  authoringCommittees,
  blankRoundForm,
  deleteDraft,
  draftFromForm,
  formForEdit,
  importDraftFile,
  listDrafts,
  roundFileOf,
} from './round-authoring.ts';
import { PreviewAnswers, previewRound } from './round-preview.ts';
import { openConfirmation } from './open-confirmation.ts';
import type { RoundCodec } from '../ports/round-codec.ts';
import { removeMember, rosterConflictLines, rosterView, setMember } from './roster-service.ts';
import type { Actor, RoundDefinition, RoundDraftSource } from '../model.ts';
import { applyReload, differenceReport, reloadFromSource, reloadReport } from './reload-config.ts';
import { PriorityLane } from '../priority-lane.ts';

export type { AppDeps } from './app-context.ts';

export interface JamunApp extends JamunApi {
  /** Runs due scheduled jobs (invitations, reminders, receipts, close, summary) until none is due. */
  runDueJobs(): Promise<number>;
  /** Runs a staff command as the operator at the command line (trusted, audited as `cli`). */
  runAsOperator(command: StaffCommand): Promise<StaffReply>;
  /**
   * Marks invitations of members who left the configuration (or became
   * inactive) while their round runs: kept for the record, never reminded.
   * Returns how many were marked.
   */
  reconcileMembership(): Promise<number>;
  /**
   * Marks sends interrupted by a crash as uncertain, so they are reported and
   * never repeated (also done at the start of every `runDueJobs`).
   */
  recoverInterruptedSends(): Promise<number>;
  /**
   * Applies a configuration read again (`jamun config reload`): running
   * rounds change as the change rules allow, every change is audited, and
   * the app goes on with the new committees and rounds. Returns the report.
   */
  applyConfig(snapshot: ConfigSnapshot, actor: string): Promise<string>;
  /** Reads the configuration again through `configSource` and applies it (SIGHUP); `ok` false when it has problems. */
  reloadConfig(actor: string): Promise<{ ok: boolean; text: string }>;
  /** What `applyConfig` would change in running rounds, as report lines under a header (`config check`); none when nothing. */
  configDifferences(snapshot: ConfigSnapshot): Promise<string[]>;
  /** The result report (결과 보고) of a closed round, for the document renderers. */
  report(roundId: string, options?: { note?: string }): Promise<Result<ReportDocument>>;
  /**
   * Stores a round written in chat or imported from a file as a draft
   * (issue 12), as staff `actor` (checked against the round's committee) or,
   * without one, as the operator. Returns the reply text.
   */
  saveRoundDraft(
    definition: RoundDefinition,
    source: RoundDraftSource,
    actor?: Actor,
  ): Promise<Result<{ created: boolean; text: string }>>;
  /** The round file of a draft, a configured or an opened round (`jamun round export-config`). */
  roundFile(roundId: string): Promise<Result<{ name: string; text: string }>>;
  /** Every stored draft (`jamun round drafts`), as the operator. */
  operatorDrafts(): Promise<Authored<DraftList>>;
  /** Deletes a stored draft as the operator (`jamun round drop-draft`), audited as `cli`. */
  operatorDeleteDraft(roundId: string): Promise<Authored<{ text: string }>>;
  readonly store: Store;
}

export function createJamunApp(deps: AppDeps): JamunApp {
  const ctx = new AppContext(deps);
  const members = new MemberService(ctx);
  const staff = new StaffService(ctx);
  const lane = new PriorityLane();
  const jobs = new JobRunner(ctx, staff, lane);
  const preview = new PreviewAnswers(ctx);
  const codec = (): RoundCodec => {
    if (!deps.roundCodec) throw new Error('No round codec: the app was built without AppDeps.roundCodec');
    return deps.roundCodec;
  };
  const app: JamunApp = {
    store: deps.store,
    localeOf: (actor) => members.localeOf(actor),
    openRounds: (actor) => members.openRounds(actor),
    // A preview round id (`preview:<id>`, never a real id) answers from the draft and stores nothing.
    questionnaire: (actor, roundId) =>
      previewedRound(roundId) ? preview.questionnaire(actor, roundId) : members.questionnaire(actor, roundId),
    saveDraft: (actor, roundId, answers) =>
      previewedRound(roundId) ? preview.saveDraft(actor, roundId, answers) : members.saveDraft(actor, roundId, answers),
    submit: (actor, roundId, answers) =>
      previewedRound(roundId) ? preview.submit(actor, roundId, answers) : members.submit(actor, roundId, answers),
    decline: (actor, roundId, reason) =>
      previewedRound(roundId) ? preview.decline(actor, roundId) : members.decline(actor, roundId, reason),
    reply: (actor, text) => members.reply(actor, text),
    markAsked: (actor, roundId, questionId) =>
      previewedRound(roundId) ? preview.markAsked(actor, roundId) : members.markAsked(actor, roundId, questionId),
    authoringCommittees: async (actor) => authoringCommittees(ctx, actor),
    blankRoundForm: (actor, committeeId) => blankRoundForm(ctx, actor, committeeId),
    draftFromForm: (actor, form) => draftFromForm(ctx, codec(), actor, form),
    formForEdit: (actor, roundId) => formForEdit(ctx, actor, roundId),
    importDraftFile: (actor, file, fields) => importDraftFile(ctx, codec(), actor, file, fields),
    templateFiles: () => codec().templates(),
    previewRound: (actor, roundId) => previewRound(ctx, actor, roundId),
    openConfirmation: (actor, roundId) => openConfirmation(ctx, actor, roundId),
    listDrafts: (actor) => listDrafts(ctx, actor),
    deleteDraft: (actor, roundId) => deleteDraft(ctx, actor, roundId),
    roundFile: (roundId) => roundFileOf(ctx, codec(), roundId),
    operatorDrafts: () => listDrafts(ctx, null),
    operatorDeleteDraft: (roundId) => deleteDraft(ctx, null, roundId),
    isStaff: (actor, committeeId) => staff.isStaff(actor, committeeId),
    runStaffCommand: (actor, command) => staff.runStaffCommand(actor, command),
    roundIds: (prefix) => staff.roundIds(prefix),
    firstSeen: (eventId, windowMs) => {
      const now = ctx.now();
      return deps.store.rememberInboundEvent(eventId, now, new Date(now.getTime() + windowMs));
    },
    synthesisForm: (actor, roundId, targetId) => synthesisDraft(ctx, actor, roundId, targetId),
    actionForm: (actor, roundId, number) => actionDraft(ctx, actor, roundId, number),
    rosterView: (actor, committeeId) => rosterView(ctx, { kind: 'user', actor }, committeeId),
    setMember: (actor, committeeId, input) => setMember(ctx, { kind: 'user', actor }, committeeId, input),
    removeMember: (actor, committeeId, user) => removeMember(ctx, { kind: 'user', actor }, committeeId, user),
    runDueJobs: () => jobs.runDue(),
    runAsOperator: (command) => staff.run({ kind: 'operator' }, command),
    reconcileMembership: () => reconcileMembership(ctx),
    recoverInterruptedSends: () => recoverInterruptedSends(ctx),
    applyConfig: async (snapshot, actor) => {
      const report = reloadReport(ctx, snapshot, await applyReload(ctx, snapshot, actor), ctx.defaultLocale());
      return [report, ...(await rosterConflictLines(ctx))].join('\n');
    },
    reloadConfig: (actor) => reloadFromSource(ctx, ctx.configSource, actor),
    configDifferences: (snapshot) => differenceReport(ctx, snapshot),
    report: (roundId, options) => buildReport(ctx, roundId, options),
    saveRoundDraft: (definition, source, actor) =>
      saveRoundDraft(
        ctx,
        actor
          ? {
              label: actorLabel(actor),
              mayEdit: (committeeId) => {
                const committee = ctx.committees.get(committeeId);
                return committee !== undefined && ctx.isStaffOf(committee, actor);
              },
            }
          : { label: 'cli', mayEdit: () => true },
        definition,
        source,
      ),
  };
  return inboundFirst(app, lane);
}

/**
 * Every call of `app` but the job runner's runs in the lane's inbound
 * class: a member's page or a staff command is served before the job
 * runner starts its next job (see priority-lane.ts).
 */
function inboundFirst(app: JamunApp, lane: PriorityLane): JamunApp {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(app)) {
    wrapped[name] =
      typeof value === 'function' && name !== 'runDueJobs'
        ? (...args: unknown[]) => lane.inbound(async () => (value as (...a: unknown[]) => unknown).apply(app, args))
        : value;
  }
  return wrapped as unknown as JamunApp;
}
