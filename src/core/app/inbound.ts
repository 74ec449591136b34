/**
 * The inbound side of the messenger port: what adapters call when a person
 * does something. Platform-neutral; every method resolves the actor itself
 * (member or staff) and returns a `Result` — adapters render errors with
 * `describeError` in the person's locale and never decide anything.
 */
import type { DomainError, Result } from '../errors.ts';
import type { Actor, FollowUpAction, Locale, RoundStatus } from '../model.ts';
import type { ActionInput } from '../follow-up/validate-follow-up.ts';
import type { OutgoingFile, QuestionnaireView } from '../ports/messenger.ts';
import type { ReportFormat } from '../report/report-model.ts';
import type { AuthoringApi } from './authoring-api.ts';
import type { RosterApi, RosterView } from './roster-api.ts';

export const STAFF_VERBS = [
  'help',
  'list',
  'show',
  'open',
  'status',
  'remind',
  'resend',
  'extend',
  'close',
  'cancel',
  'summary',
  'export',
  'report',
  'reload',
  'synthesis',
  'action',
  'members',
] as const;
export type StaffVerb = (typeof STAFF_VERBS)[number];
export type ExportFormat = 'csv' | 'md' | 'json';
export { REPORT_FORMATS, type ReportFormat } from '../report/report-model.ts';

/** A staff command, parsed from a slash command or the CLI. */
export interface StaffCommand {
  verb: StaffVerb;
  roundId?: string;
  /** For `extend`: the new deadline, local `YYYY-MM-DD HH:mm` or `YYYY-MM-DD` (18:00). */
  until?: string;
  format?: ExportFormat;
  /** For `report`: the document's format (default docx). */
  reportFormat?: ReportFormat;
  /** For `resend`: the member, by id or name. */
  member?: string;
  /** For `synthesis`: the question or agenda item it is about. */
  target?: string;
  /** For `synthesis`: the text to keep as its next revision (none: show the latest). */
  text?: string;
  /** For `action`: what to do with the round's follow-up actions (default `list`). */
  actionOp?: ActionOp;
  /** For `action edit|done|drop|reopen`: the action's number in the round. */
  actionNumber?: number;
  /** For `action add|edit`: the fields staff gave. */
  actionInput?: ActionInput;
  /** For `members`: the committee (none: the one the caller is staff of). */
  committeeId?: string;
}

/** What `action` does: list them, add or edit one, or set its status. */
export type ActionOp = 'list' | 'add' | 'edit' | 'done' | 'drop' | 'reopen';

/** Counts for `status`, and the material for a progress bar. */
export interface StatusView {
  roundId: string;
  roundTitle: string;
  status: string;
  closesAtLocal: string;
  total: number;
  delivered: number;
  /** Invitations not yet sent (e.g. scheduled for the window's opening). */
  pending: number;
  /** Saved at least one draft, not submitted. */
  answering: number;
  submitted: number;
  declined: number;
  failed: number;
  /** Received the invitation and have neither submitted nor declined: they did not answer (yet). */
  notSubmitted: string[];
  /** Whose invitation has not gone out yet: they were never asked, so they cannot have answered. */
  notReached: string[];
  failures: Array<{ name: string; reason: string }>;
}

/** A round as scripts read it (`jamun round … --json`): ISO instants, the round's real dates. */
export interface RoundFacts {
  roundId: string;
  title: string;
  committeeId: string;
  status: RoundStatus;
  timeZone: string;
  /** When invitations went (or go) out. */
  opensAt: string;
  /** The deadline in force (after any extension). */
  deadline: string;
  /** When it was closed, once closed. */
  closedAt?: string;
  /** Closed before its deadline. */
  closedEarly: boolean;
}

/** What a staff command answers. `text` is plain text in the staff locale. */
export interface StaffReply {
  text: string;
  /** Show only to the person who asked: it holds member data or is a refusal. */
  ephemeral: boolean;
  files?: OutgoingFile[];
  /**
   * The files go to the requester's DM (or the staff channel when no DM can
   * be opened), never on a reply in the channel the command was typed in,
   * even a private one: the result report holds personal data (names,
   * payments) and must not linger in a public channel's attachments.
   */
  filesByDm?: boolean;
  status?: StatusView;
  /** `list`: every round; `show` and `status`: the one round. For `--json`. */
  rounds?: RoundFacts[];
  /** `show`: the agenda, for `--json`. */
  agenda?: Array<{ id: string; title: string; questions: Array<{ id: string; prompt: string; kind: string }> }>;
  /** `members`: the roster, for the platforms' add and remove buttons. */
  roster?: RosterView;
  /** Set when the command was refused or failed: `text` then explains it (the CLI maps the code to its exit code). */
  error?: DomainError;
}

/** One answer as a member typed or picked it. Choices are option labels. */
export interface AnswerInput {
  questionId: string;
  value: string | string[] | number;
}

/** How a save went: what was stored and what still needs fixing before submit. */
export interface SaveReport {
  roundId: string;
  saved: string[];
  /** Stored as drafts but not valid for submitting (too long, out of range …). */
  problems: Array<{ questionId: string; code: string; message: string }>;
  /** A confirmation for the member, in their locale. */
  message: string;
}

export interface SubmitReport {
  roundId: string;
  late: boolean;
  message: string;
}

/** What a plain DM reply became. */
export interface ReplyReport {
  roundId: string;
  questionId: string;
  message: string;
}

/** The calls adapters make on behalf of members. */
export interface MemberApi {
  /** The member's locale (their override, else the committee's), for rendering errors. */
  localeOf(actor: Actor): Promise<Locale>;
  /** Rounds this member is invited to that are open now. */
  openRounds(actor: Actor): Promise<Result<Array<{ roundId: string; title: string; closesAtLocal: string }>>>;
  questionnaire(actor: Actor, roundId: string): Promise<Result<QuestionnaireView>>;
  saveDraft(actor: Actor, roundId: string, answers: AnswerInput[]): Promise<Result<SaveReport>>;
  /** Stores `answers` (if any) and submits the whole round. */
  submit(actor: Actor, roundId: string, answers?: AnswerInput[]): Promise<Result<SubmitReport>>;
  decline(actor: Actor, roundId: string, reason: string): Promise<Result<{ message: string }>>;
  /** Files a plain DM text under the question the bot asked last. */
  reply(actor: Actor, text: string): Promise<Result<ReplyReport>>;
  /** Remembers which question was shown last, so a DM reply lands there. */
  markAsked(actor: Actor, roundId: string, questionId: string): Promise<Result<void>>;
}

/** The calls adapters make on behalf of staff. */
export interface StaffApi {
  isStaff(actor: Actor, committeeId?: string): Promise<boolean>;
  /** Runs a staff command; refuses (and audits) anyone who is not staff. */
  runStaffCommand(actor: Actor, command: StaffCommand): Promise<StaffReply>;
  /** Round ids for autocomplete, newest first, filtered by a prefix. */
  roundIds(prefix: string): Promise<string[]>;
}

/** What adapters ask before acting on an inbound platform event. */
interface InboundApi {
  /**
   * True the first time `eventId` (a Slack request's signature, a Discord
   * interaction's id) is seen within `windowMs`, by any instance on this
   * database; false for a replay or a redelivery, which must not be acted on.
   */
  firstSeen(eventId: string, windowMs: number): Promise<boolean>;
}

/** A round as texts name it. */
export type Named = { roundId: string; roundTitle: string };

/** What a chat form needs to edit a synthesis: the target, named, and the latest text. */
export interface SynthesisDraft extends Named {
  targetId: string;
  target: string;
  locale: Locale;
  text: string;
}

/** What a chat form of an action shows: the action to edit (none: a new one); staff only. */
export interface ActionDraft extends Named {
  locale: Locale;
  action?: FollowUpAction;
}

/** What chat forms of staff's synthesis and follow-up actions read before they open. */
interface FollowUpApi {
  /** What the chat form of a synthesis shows (the latest text); refuses anyone not staff of the round. */
  synthesisForm(actor: Actor, roundId: string, targetId: string): Promise<Result<SynthesisDraft>>;
  /** What the chat form of an action shows (the action to edit; none: a new one); staff only. */
  actionForm(actor: Actor, roundId: string, number?: number): Promise<Result<ActionDraft>>;
}

/** The application as adapters see it. */
export type JamunApi = MemberApi & StaffApi & InboundApi & FollowUpApi & AuthoringApi & RosterApi;
