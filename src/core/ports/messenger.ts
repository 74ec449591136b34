/**
 * The messenger port: what the core asks of a chat platform. Adapters
 * (discord, slack, local) implement it and make no business decisions;
 * every implementation must pass `tests/core/messenger-contract.ts`.
 *
 * Outbound messages are *views*: structured data plus the locale. Adapters
 * render them into their platform's UI (Block Kit, components) and may use
 * `src/core/text/render-views.ts` for the words, so every platform says the same.
 */
import type { AgendaItem, Locale, Platform } from '../model.ts';
import type { CompiledSummary } from '../summary-model.ts';

/** Where to reach a member on one platform. */
export interface MemberAddress {
  memberId: string;
  /** The member's user id on this messenger's platform. */
  userId: string;
  name: string;
  locale: Locale;
  timeZone: string;
}

/** Everything an invitation DM shows. */
export interface InvitationView {
  roundId: string;
  roundTitle: string;
  committeeName: string;
  /** The deadline as an instant, and as text in the member's zone. */
  closesAt: Date;
  closesAtLocal: string;
  timeZone: string;
  businessDaysLeft: number;
  questionCount: number;
  agendaTitles: string[];
  /** Questions per agenda item, in agenda order (absent: the counts are not shown). */
  agendaQuestionCounts?: number[];
  /** The member reads in another zone than the committee's: deadlines carry the zone name. */
  abroad?: boolean;
  /** Who sends it: `서울특별시 행정국 대외협력과`, from the committee's office settings. */
  sender?: string;
  /** The purpose of the consultation (the round's description), a noun phrase. */
  purpose?: string;
  /** The honorarium a member who submits receives, as money text (`100,000원`); absent when none. */
  honorarium?: string;
  /** Whom to ask: `대외협력과 홍길동 주무관(☎ 02-2133-0000)`. */
  contact?: string;
  /** Agenda materials (안건 설명자료), the round's first, then each item's. */
  materials?: MaterialView[];
}

/**
 * An agenda material as a member is told of it. A file is `attached` when
 * this platform takes it (its bytes ride with the message), else served by
 * its `link`, else `unavailable` (too large, or it could not be read).
 */
export type MaterialView =
  | {
      kind: 'file';
      title: string;
      name: string;
      size: number;
      /** The agenda item it belongs to (1-based), absent for the whole round's. */
      itemIndex?: number;
      delivery: 'attached' | 'link' | 'unavailable';
      link?: string;
    }
  | { kind: 'link'; title: string; url: string; itemIndex?: number };

export interface ReminderView {
  roundId: string;
  roundTitle: string;
  closesAt: Date;
  closesAtLocal: string;
  timeZone: string;
  businessDaysLeft: number;
  /** Hours left, rounded down; 0 when under an hour. */
  hoursLeft: number;
  answeredCount: number;
  questionCount: number;
  /** As in {@link InvitationView}. */
  committeeName?: string;
  abroad?: boolean;
}

/** A copy of what the member submitted, sent after submit. */
export interface ReceiptView {
  roundId: string;
  roundTitle: string;
  submittedAt: Date;
  submittedAtLocal: string;
  /** Edits are possible until this moment (the deadline). */
  editableUntilLocal: string;
  canEdit: boolean;
  items: Array<{
    title: string;
    answers: Array<{ questionId: string; prompt: string; answer: string }>;
  }>;
}

/** A message to one member. `notice` is free text already in the member's locale. */
export type MemberMessage =
  | {
      kind: 'invitation';
      locale: Locale;
      view: InvitationView;
      /** The bytes of the materials the view marks `attached`, by file name. */
      files?: OutgoingFile[];
    }
  | { kind: 'reminder'; locale: Locale; view: ReminderView }
  | { kind: 'receipt'; locale: Locale; view: ReceiptView }
  | { kind: 'notice'; locale: Locale; text: string };

/** Progress of a round being opened, one staff message edited as it moves. */
export interface ProgressView {
  roundId: string;
  roundTitle: string;
  total: number;
  delivered: number;
  failed: Array<{ memberName: string; reason: string }>;
  pending: number;
  done: boolean;
}

/** A file posted with a message, its bytes in memory (exports, agenda materials). */
export interface OutgoingFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

/**
 * A file on disk to upload: a large export (a summary's Markdown and CSV) is
 * written there line by line and never held whole in memory. The adapter hands
 * the platform client the path, which reads it as it uploads; whoever wrote
 * the file deletes it after the post.
 */
export interface DiskFile {
  name: string;
  mimeType: string;
  path: string;
  /** Its size in bytes. */
  size: number;
}

/** What an upload takes: bytes, or a file on disk. */
export type UploadFile = OutgoingFile | DiskFile;

/** What a platform client is given to upload it: the bytes, or the path (the Slack and Discord clients read a path themselves). */
export function uploadBody(file: UploadFile): Buffer | string {
  return 'content' in file ? file.content : file.path;
}

/** A message to the staff channel. */
export type StaffMessage =
  | { kind: 'text'; locale: Locale; text: string }
  | { kind: 'progress'; locale: Locale; view: ProgressView }
  | { kind: 'summary'; locale: Locale; summary: CompiledSummary; files: UploadFile[] };

/** Platform reference of a sent message, enough to edit it later. */
export interface MessageRef {
  channelId: string;
  messageId: string;
}

/** Reasons a delivery failed. `transient` ones may be retried by the scheduler. */
export type DeliveryFailureReason =
  | 'dm_closed'
  | 'user_not_found'
  | 'account_inactive'
  | 'cannot_dm_bot'
  | 'channel_not_found'
  | 'forbidden'
  | 'rate_limited'
  | 'platform_error'
  | 'network_error';

export type Delivery =
  | { ok: true; ref: MessageRef }
  | {
      ok: false;
      /** True when trying again cannot help (closed DMs, unknown user). */
      permanent: boolean;
      reason: DeliveryFailureReason;
      detail?: string;
    };

/** What a part of a multi-part post is, so staff can be told what is missing. */
export type PartLabel = { kind: 'message'; index: number } | { kind: 'file'; name: string };

/**
 * Sends each part of a multi-part post (a summary's header, each thread
 * reply, each file; each chunk of a split DM) once. The core backs it with
 * the outbox, one key per part: a part sent before answers with its recorded
 * ref and is not sent again, so a retry sends only what is missing; a part
 * whose send was cut by a crash is not sent again either (it answers
 * `{ ok: false, permanent: true, detail: 'uncertain' }`).
 */
export interface PartLedger {
  part(partId: string, label: PartLabel, send: () => Promise<Delivery>): Promise<Delivery>;
}

/** The part id of a post's first message (the one a summary's thread hangs from). */
export const HEADER_PART = 'header';

/** The ledger of a post that is not tracked part by part: every part is simply sent. */
export const sendEveryPart: PartLedger = { part: (_id, _label, send) => send() };

/** A send whose answer was lost: a crash came between the call and the platform's answer. */
export interface CutSend {
  /** When the cut send was first claimed (no earlier than the message, if it went out). */
  startedAt: Date;
  /** Now, on the same clock. */
  now: Date;
}

/**
 * What a platform can say about a cut send. `settled: true`: the platform
 * told, and `delivery` is the truth now: ok when exactly one copy is there
 * (found, or sent now because the platform showed it was not there), not ok
 * when it was not there and sending it now failed (nothing went out).
 * `settled: false`: the platform cannot tell (the lookup failed, its window
 * passed); the send stays uncertain and nothing was sent.
 */
export type SettledSend = { settled: true; delivery: Delivery } | { settled: false; detail: string };

/**
 * Sends to one platform. Implementations must:
 * - never throw for platform failures: return `{ ok: false }` with a reason;
 * - pass `idempotencyKey` on where the platform dedupes (Discord's message
 *   nonce); the core itself never calls twice with a key it recorded as sent
 *   (see the outbox in the store port);
 * - escape people's text so it never pings anyone or breaks formatting.
 */
export interface Messenger {
  readonly platform: Platform;
  /**
   * Largest file this messenger attaches to a member's DM (absent: none).
   * Larger agenda materials are served by their link.
   */
  readonly maxFileBytes?: number;
  /**
   * A DM; when it takes several messages, each goes through `parts`. Any
   * message failing makes the whole a failure (a retry sends what is
   * missing). An invitation's files follow its message, each upload its own
   * part (`file-<name>`): one that fails is left to the ledger, which the
   * core reads to retry it or tell staff.
   */
  sendToMember(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    parts?: PartLedger,
  ): Promise<Delivery>;
  /**
   * A staff post; each message and file goes through `parts`. The result is
   * the first message's: later parts that fail are left to the ledger, which
   * the core reads to tell staff what is missing.
   */
  postToStaff(channelId: string, message: StaffMessage, idempotencyKey: string, parts?: PartLedger): Promise<Delivery>;
  /**
   * Optional: settles a member DM cut by a crash (`idempotencyKey` was being
   * sent when the process died), where the platform allows certainty: it
   * answers whether the message is there and sends it when it certainly is
   * not, so the member gets exactly one. Without it, or when it answers
   * `settled: false`, the send stays uncertain and staff are told.
   */
  settleUncertain?(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    cut: CutSend,
  ): Promise<SettledSend>;
  /** Replace the content of an earlier staff post (progress while opening). */
  editStaffPost(ref: MessageRef, message: StaffMessage): Promise<Delivery>;
  /**
   * Optional: what the platform's profile says of a user staff picked to add
   * to a committee (`/jamun members`); null when the platform knows no such
   * user. Slack gives a name and a time zone (`users.info`), Discord a name.
   */
  profileOf?(userId: string): Promise<PlatformProfile | null>;
}

/** A platform user's profile, as far as the platform tells. */
export interface PlatformProfile {
  name?: string;
  /** IANA zone, where the platform keeps one (Slack). */
  timeZone?: string;
  /** False for a bot or a deactivated account: neither can be a member. */
  person: boolean;
}

/** The questionnaire a member fills in: one page per agenda item, drafts prefilled. */
export interface QuestionnaireView {
  roundId: string;
  roundTitle: string;
  locale: Locale;
  closesAtLocal: string;
  submitted: boolean;
  items: Array<
    AgendaItem & {
      drafts: Record<string, string | string[] | number | undefined>;
      /** The agenda materials to list with this item: its own, and with the first item the whole round's. */
      materials?: MaterialView[];
    }
  >;
}
