/**
 * The domain vocabulary of jamun. Plain data, no behaviour, no platform.
 *
 * Dates that people think of as calendar days are `LocalDate` strings
 * (`YYYY-MM-DD`); moments in time are JavaScript `Date`s (UTC instants).
 * A local date-time in a committee's time zone is `LocalDateTime`
 * (`YYYY-MM-DDTHH:mm`).
 */

/** A calendar day, `YYYY-MM-DD`, with no time zone attached. */
export type LocalDate = string;
/** A wall-clock time in some zone, `YYYY-MM-DDTHH:mm`. */
export type LocalDateTime = string;
/** A wall-clock time of day, `HH:mm`. */
export type TimeOfDay = string;

/** UI language. Korean is the default everywhere. */
export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];

/** Messaging platforms a member or staff can be reached on. `local` is the in-process messenger. */
export type Platform = 'discord' | 'slack' | 'local';
export const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'local'];

/** Per-platform user ids of one person. */
export type PlatformIds = Partial<Record<Platform, string>>;

/** Business-calendar settings of a committee. */
export interface CalendarSettings {
  /** ISO 3166 country whose public holidays close the office (default `KR`). */
  country: string;
  /** Optional subdivision (state/province) for the holiday library. */
  region?: string;
  /** Ad-hoc closures: office closures, election days announced late. */
  extraClosedDays: LocalDate[];
  /** Days that are working days although the calendar says otherwise. */
  extraWorkingDays: LocalDate[];
  /** No reminder goes out between `start` and `end` (local time; may wrap midnight). */
  quietHours: { start: TimeOfDay; end: TimeOfDay };
  /** Whether reminders may go out on weekends and public holidays (default false). */
  remindOnClosedDays: boolean;
}

/** One committee member as configured. */
export interface Member {
  id: string;
  name: string;
  role?: string;
  platforms: PlatformIds;
  /** Overrides the committee's time zone for this member's reminders and deadlines. */
  timeZone?: string;
  locale?: Locale;
  /** Inactive members are not invited to new rounds. */
  active: boolean;
}

/** Who may run staff commands, per platform. */
interface StaffAccess {
  userIds: Partial<Record<Platform, string[]>>;
  /** Discord role ids whose holders count as staff. */
  discordRoleIds: string[];
}

/** A person of the secretariat named in letters and reports (과장, 팀장, 담당). */
export interface OfficeContact {
  /** What the report's contact line calls them: `대외협력과장`, `대외정책팀장`, `담당`. */
  role: string;
  name: string;
  /** Rank after the name in letters: `주무관`. */
  title?: string;
  phone?: string;
  /** The one members are told to call; the last contact when none is marked. */
  forMembers: boolean;
}

/** Who sends a committee's letters and reports. Every field is optional: blank ones are left out. */
export interface CommitteeOffice {
  /** `서울특별시`. */
  organisation?: string;
  /** The 국: `행정국`. */
  bureau?: string;
  /** The 과: `대외협력과`. */
  department?: string;
  contacts: OfficeContact[];
  /** The approval line of reports, in order: `주무관`, `대외정책팀장`, `대외협력과장`. */
  approvalLine: string[];
}

/** A committee: its members, its secretariat and its rules. */
export interface Committee {
  id: string;
  name: string;
  timeZone: string;
  locale: Locale;
  staff: StaffAccess;
  /** Channel id per platform where summaries and progress go. */
  staffChannels: Partial<Record<Platform, string>>;
  honorarium: { amount: number; currency: string };
  calendar: CalendarSettings;
  members: Member[];
  /** The secretariat's office, for letters and reports (optional). */
  office?: CommitteeOffice;
  /** How the honorarium is taxed at source (기타소득 by default in Korea). */
  withholding?: WithholdingRules;
}

/**
 * Tax withheld from an honorarium paid as 기타소득 (other income), per payment:
 * deemed expenses are deducted (소득세법 제37조), income tax is charged on the
 * rest (제129조), local income tax on that tax (지방세법 제103조의13), and
 * nothing is withheld when the taxable amount is at most the threshold
 * (과세최저한, 소득세법 제84조). `none` pays the gross.
 */
export interface WithholdingRules {
  kind: 'other_income' | 'none';
  /** Share of the gross deemed to be expenses: 0.6. */
  deemedExpenseRate: number;
  /** Income tax on the taxable amount: 0.2. */
  incomeTaxRate: number;
  /** Local income tax as a share of the income tax: 0.1. */
  localTaxRate: number;
  /** No tax when the taxable amount (기타소득금액) is at most this: 50,000원. */
  threshold: number;
}

/** What the result report (결과 보고) says besides the round itself. Every field optional. */
export interface RoundReportInfo {
  /** 문서번호, e.g. `대외협력과-2227`; blank to fill in by hand. */
  documentNumber?: string;
  /** 공개여부, e.g. `부분공개(5,6)`. */
  disclosure?: string;
  /** The purpose sentence, ending `…결과를 보고드립니다`. */
  purpose?: string;
  /** 사전 검토항목: the checklist lines staff ticked. */
  reviewChecklist: string[];
  /** The month the honorarium is paid, `YYYY-MM`. */
  paymentMonth?: string;
  /** 행정사항 follow-up schedule lines: `자문의견 사업부서 공유(대외협력과→사업부서) : '24. 3월`. */
  followUp: string[];
}

export type QuestionKind = 'long_text' | 'short_text' | 'single_choice' | 'multi_choice' | 'scale';
export const QUESTION_KINDS: readonly QuestionKind[] = [
  'long_text',
  'short_text',
  'single_choice',
  'multi_choice',
  'scale',
];

/** A question of an agenda item. */
export interface Question {
  /** Stable within the round, e.g. `1.2` (item 1, question 2). */
  id: string;
  prompt: string;
  help?: string;
  kind: QuestionKind;
  /** Choices for `single_choice` / `multi_choice`. */
  options?: string[];
  /** Range for `scale` questions, inclusive. */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
  required: boolean;
  /** Maximum characters of a text answer. */
  maxLength: number;
}

/** An agenda item (안건) with its questions. */
export interface AgendaItem {
  id: string;
  title: string;
  description?: string;
  questions: Question[];
}

/** When and how to remind members who have not submitted. */
export type ReminderSlot =
  /** N business days before the deadline's date, at a local time. */
  | { kind: 'business_days_before'; days: number; at: TimeOfDay }
  /** The morning of the last business day on or before the deadline. */
  | { kind: 'last_business_day'; at: TimeOfDay }
  /** A fixed number of hours before the deadline. */
  | { kind: 'hours_before'; hours: number };

export interface ReminderPolicy {
  slots: ReminderSlot[];
  /** A reminder whose slot passed more than this many minutes ago is skipped, not sent late. */
  graceMinutes: number;
}

/** A round's definition (from `config/rounds/*.yaml`). */
export interface RoundDefinition {
  id: string;
  committeeId: string;
  title: string;
  description?: string;
  agenda: AgendaItem[];
  /** Local date-times in the committee's time zone. */
  window: { opens: LocalDateTime; closes: LocalDateTime };
  anonymous: boolean;
  allowLate: boolean;
  reminders: ReminderPolicy;
  /** Fields of the result report (optional). */
  report?: RoundReportInfo;
  /** Agenda materials (안건 설명자료) sent with the invitation: the round's, then each item's. */
  materials?: Material[];
}

/** A material file: the kinds a secretariat sends (`hwp` is 한글, `hwpx` its XML form). */
export type MaterialFileKind = 'pdf' | 'hwp' | 'hwpx' | 'docx' | 'xlsx' | 'image';

/** Agenda material (안건 설명자료), of the whole round or of one agenda item (`itemId`). */
export type Material =
  | {
      kind: 'file';
      itemId?: string;
      /** What members read: `안건 설명자료`; default the file name. */
      title: string;
      /** The file name members receive. */
      name: string;
      /** Where the file is, absolute (resolved from the configuration folder at validation). */
      path: string;
      /** Bytes, measured at validation. */
      size: number;
      fileKind: MaterialFileKind;
      mimeType: string;
      /** Where members can download it when a platform cannot take the file (https). */
      link?: string;
    }
  | { kind: 'link'; itemId?: string; title: string; url: string };

export type RoundStatus = 'draft' | 'open' | 'closed' | 'summarised' | 'cancelled';

/** A round as it lives in the store: the definition snapshot plus its state. */
export interface Round {
  id: string;
  committeeId: string;
  title: string;
  description?: string;
  agenda: AgendaItem[];
  anonymous: boolean;
  allowLate: boolean;
  reminders: ReminderPolicy;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  openedAt?: Date;
  closedAt?: Date;
  summarisedAt?: Date;
  cancelledAt?: Date;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One member's participation in one round. */
export interface Invitation {
  roundId: string;
  memberId: string;
  platform?: Platform;
  deliveryState: DeliveryState;
  /** Why delivery failed for good (`dm_closed`, `user_not_found`, …). */
  failureReason?: string;
  /** Platform refs of the DM conversation and invitation message. */
  channelRef?: string;
  messageRef?: string;
  deliveredAt?: Date;
  submittedAt?: Date;
  declinedAt?: Date;
  declineReason?: string;
  /** Set when the submission came after the deadline of a round that allows late answers. */
  late: boolean;
  /** Removed from the committee while the round ran: kept for the record, not reminded. */
  removedAt?: Date;
  /** The question the bot asked last, so a plain DM reply can be filed under it. */
  lastAskedQuestionId?: string;
}

/** The value of one answer. Text for text kinds, chosen options, or a scale point. */
export type AnswerValue =
  | { kind: 'text'; text: string }
  | { kind: 'choices'; choices: string[] }
  | { kind: 'scale'; value: number };

/** The current answer of a member to a question. */
export interface Answer {
  roundId: string;
  memberId: string;
  questionId: string;
  value: AnswerValue;
  /** Draft until the member submits the round. */
  status: 'draft' | 'submitted';
  /** How many times this answer was saved; every save is a revision. */
  revision: number;
  updatedAt: Date;
}

/**
 * One revision of staff's synthesis (종합 의견) of a question or agenda item:
 * themed, unattributed text in the ○ / - / ※ hierarchy. Every revision is kept;
 * the highest is the one the report shows.
 */
export interface SynthesisRevision {
  roundId: string;
  /** A question id (`1.2`) or an agenda item id (`1`) of the round. */
  targetId: string;
  /** 1 for the first text, then one more per revision. */
  revision: number;
  text: string;
  /** Who wrote it: `platform:userId` or `cli`. */
  author: string;
  writtenAt: Date;
}

export type ActionStatus = 'open' | 'done' | 'dropped';

/** A follow-up action (조치 사항) decided on a round's advice. */
export interface FollowUpAction {
  roundId: string;
  /** 1, 2, … within the round, in the order they were added. */
  number: number;
  text: string;
  /** The department that acts on it: `대외협력과`. */
  department?: string;
  /** The day it is due, in the committee's zone. */
  dueDate?: LocalDate;
  status: ActionStatus;
  /** The questions (or agenda items) whose advice it acts on. */
  questionIds: string[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * `receipt` sends a member the copy of a submission; `notice` any other member
 * DM; `action_due` tells staff a follow-up action falls due.
 */
export type JobKind = 'invite' | 'remind' | 'receipt' | 'notice' | 'close' | 'summarise' | 'action_due';
export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';

/** Durable unit of scheduled work. `key` makes creating and running it idempotent. */
export interface Job {
  id: string;
  key: string;
  kind: JobKind;
  roundId: string;
  memberId?: string;
  dueAt: Date;
  state: JobState;
  attempts: number;
  lastError?: string;
  /** Extra data (e.g. the reminder slot). JSON-serialisable. */
  payload: Record<string, unknown>;
}

/** Who asked: a platform user, resolved by the core to member or staff. */
export interface Actor {
  platform: Platform;
  userId: string;
  /** Discord role ids of the user in the guild, where known. */
  roleIds?: string[];
  displayName?: string;
}

/** How a stored round draft was made: the chat form, or a file staff uploaded. */
export type RoundDraftSource = 'chat' | 'import';

/**
 * A round staff wrote in chat or imported from a file (issue 12), kept in
 * the store, not in `config/rounds/`, until it opens; then it is a stored
 * round like any other. Its definition is what a round file would define.
 */
export interface RoundDraft {
  definition: RoundDefinition;
  source: RoundDraftSource;
  createdAt: Date;
  /** `platform:userId` or `cli`. */
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * A committee member as staff added or changed them in chat (issue 12),
 * kept in the store over the committee file: the file seeds the roster and
 * an entry replaces the file's member with its id (or adds one). A member
 * removed in chat is an entry with `active: false`.
 */
export interface RosterEntry {
  committeeId: string;
  member: Member;
  /**
   * The committee file's member when the entry was last written (null: the
   * file had none). A file that differs from it later was edited too: the
   * entry still wins, and `config check` and reloads report the conflict.
   */
  fileBase: Member | null;
  createdAt: Date;
  /** `platform:userId` or `cli`. */
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}
