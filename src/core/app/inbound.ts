/**
 * The inbound side of the messenger port: what adapters call when a person
 * does something. Platform-neutral; every method resolves the actor itself
 * (member or staff) and returns a `Result` — adapters render errors with
 * `describeError` in the person's locale and never decide anything.
 */
import type { Result } from '../errors.ts';
import type { Actor, Locale } from '../model.ts';
import type { OutgoingFile, QuestionnaireView } from '../ports/messenger.ts';

export const STAFF_VERBS = [
  'help',
  'list',
  'show',
  'open',
  'status',
  'remind',
  'extend',
  'close',
  'cancel',
  'summary',
  'export',
] as const;
export type StaffVerb = (typeof STAFF_VERBS)[number];
export type ExportFormat = 'csv' | 'md' | 'json';

/** A staff command, parsed from a slash command or the CLI. */
export interface StaffCommand {
  verb: StaffVerb;
  roundId?: string;
  /** For `extend`: the new deadline, local `YYYY-MM-DD HH:mm` or `YYYY-MM-DD` (18:00). */
  until?: string;
  format?: ExportFormat;
}

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
  notSubmitted: string[];
  failures: Array<{ name: string; reason: string }>;
}

/** What a staff command answers. `text` is plain text in the staff locale. */
export interface StaffReply {
  text: string;
  /** Show only to the person who asked: it holds member data or is a refusal. */
  ephemeral: boolean;
  files?: OutgoingFile[];
  status?: StatusView;
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

/** The application as adapters see it. */
export type JamunApi = MemberApi & StaffApi;
