/**
 * The authoring API (issue 12): what the chat adapters (Slack, Discord) call
 * to prepare a round without the server: `/jamun new`, `edit`, `import`,
 * `template`, `preview`, the `open` confirmation, draft list and delete. It
 * is part of `JamunApi`, so adapters reach it as `app.draftFromForm(…)`.
 *
 * ```ts
 * authoringCommittees(actor)                      → AuthoringCommittee[]        (committees the actor is staff of)
 * blankRoundForm(actor, committeeId?)             → Authored<{ view: RoundFormView }> (`/jamun new`: defaults)
 * draftFromForm(actor, form: RoundForm)           → Authored<DraftSaved>        (created/replaced text, or problems)
 * formForEdit(actor, roundId)                     → Authored<{ view: RoundFormView }> (prefilled; refused once opened)
 * importDraftFile(actor, { name, bytes }, fields?) → Authored<DraftSaved | FormNeeded>
 *                                                    (YAML round file; CSV/XLSX table: with `fields` a round,
 *                                                     without, `FormNeeded`: open the form with the agenda in it)
 * templateFiles()                                 → OutgoingFile[]              (CSV + XLSX questionnaire template)
 * previewRound(actor, roundId)                    → Authored<{ text }>          (DMs the actor the invitation;
 *                                                    answering it goes through the member calls with the
 *                                                    preview round id and stores nothing)
 * openConfirmation(actor, roundId)                → Authored<OpenConfirmation>  (then, on Confirm:
 *                                                    runStaffCommand(actor, { verb: 'open', roundId }))
 * listDrafts(actor)                               → Authored<DraftList>
 * deleteDraft(actor, roundId)                     → Authored<{ text }>          (audited)
 * ```
 *
 * Every call checks that the actor is staff of the round's committee (or
 * of some committee, for the lists); a refusal is audited and its text is
 * meant for the actor only (reply privately). Texts are in the committee's
 * language (ko in the 공문 register, or en). A refusal's `problems` each
 * name the form `field` they are about (Slack puts them under that block)
 * and, for the agenda or a file, the 1-based `line` (or row).
 */
import type { DomainError } from '../errors.ts';
import type { Actor, Locale } from '../model.ts';
import type { OutgoingFile } from '../ports/messenger.ts';
import type { RoundForm, RoundFormFields } from '../ports/round-codec.ts';

export type { RoundForm } from '../ports/round-codec.ts';

/** The form field a problem is about: where a form shows it. */
export type FormField =
  | 'id'
  | 'committee'
  | 'title'
  | 'description'
  | 'opens'
  | 'closes'
  | 'reminders'
  | 'agenda'
  | 'file';

/** One problem, rendered: `text` already says the line (`3번째 줄: …`) when there is one. */
export interface AuthoringProblem {
  readonly field: FormField;
  /** 1-based line of the paste or the YAML file, or row of a table. */
  readonly line?: number;
  readonly text: string;
}

/** A refusal or a form with problems; `text` is the whole reply (a heading, then each problem on its line). */
export interface AuthoringRefusal {
  readonly ok: false;
  readonly locale: Locale;
  readonly text: string;
  /** Empty when the refusal is not about the form (not staff, not found, already opened). */
  readonly problems: readonly AuthoringProblem[];
  /** The domain error, when the refusal is one (e.g. `STAFF.FORBIDDEN`, `DRAFT.ROUND_EXISTS`). */
  readonly error?: DomainError;
}

export type Authored<T> = ({ readonly ok: true; readonly locale: Locale } & T) | AuthoringRefusal;

/** A committee staff may prepare rounds for. */
export interface AuthoringCommittee {
  readonly id: string;
  readonly name: string;
  readonly locale: Locale;
}

/** A form to show: its values, and what the committee's form offers. */
export interface RoundFormView {
  readonly form: RoundForm;
  /** The committee's zone: the form's dates are its wall-clock times. */
  readonly timeZone: string;
  /** Things of the draft the form cannot show, kept when it is saved (e.g. a round file's own reminders). */
  readonly notes: readonly string[];
}

export interface DraftSaved {
  readonly kind: 'saved';
  readonly created: boolean;
  readonly roundId: string;
  readonly text: string;
}

/** A table was read but the form's fields are missing: open the form with this in it. */
export interface FormNeeded {
  readonly kind: 'form';
  readonly view: RoundFormView;
  readonly text: string;
}

export interface OpenConfirmation {
  readonly roundId: string;
  readonly title: string;
  /** Active members who will be invited. */
  readonly members: number;
  /** Business days from the opening to the deadline (both counted, per the committee's calendar). */
  readonly businessDays: number;
  /** The reminders it will send, local `YYYY-MM-DD HH:mm` in the committee's zone. */
  readonly reminders: readonly string[];
  /** Everything above as the confirmation's text. */
  readonly text: string;
}

/** One stored draft in a list. @public */
export interface DraftEntry {
  readonly roundId: string;
  readonly title: string;
  readonly committeeId: string;
  readonly savedBy: string;
  readonly savedAt: Date;
}

export interface DraftList {
  readonly drafts: readonly DraftEntry[];
  readonly text: string;
}

/** A file staff uploaded. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The size the platform announced, checked before anything is read (then `bytes` may be empty): no download of a file too large. */
  readonly size?: number;
}

/** The calls the chat adapters make to prepare rounds. */
export interface AuthoringApi {
  authoringCommittees(actor: Actor): Promise<AuthoringCommittee[]>;
  blankRoundForm(actor: Actor, committeeId?: string): Promise<Authored<{ readonly view: RoundFormView }>>;
  draftFromForm(actor: Actor, form: RoundForm): Promise<Authored<DraftSaved>>;
  formForEdit(actor: Actor, roundId: string): Promise<Authored<{ readonly view: RoundFormView }>>;
  importDraftFile(
    actor: Actor,
    file: UploadedFile,
    fields?: RoundFormFields,
  ): Promise<Authored<DraftSaved | FormNeeded>>;
  templateFiles(): Promise<OutgoingFile[]>;
  previewRound(actor: Actor, roundId: string): Promise<Authored<{ readonly text: string }>>;
  openConfirmation(actor: Actor, roundId: string): Promise<Authored<OpenConfirmation>>;
  listDrafts(actor: Actor): Promise<Authored<DraftList>>;
  deleteDraft(actor: Actor, roundId: string): Promise<Authored<{ readonly text: string }>>;
}

/** Largest file `importDraftFile` reads (a questionnaire is kilobytes): adapters refuse larger before downloading. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** The preview of round `roundId`: member calls with it answer from the draft and store nothing. */
export function previewRoundId(roundId: string): string {
  return `preview:${roundId}`;
}

/** The round a preview id is of, or null for a real round id (round ids never hold `:`). */
export function previewedRound(roundId: string): string | null {
  return roundId.startsWith('preview:') ? roundId.slice('preview:'.length) : null;
}
