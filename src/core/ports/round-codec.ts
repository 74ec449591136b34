/**
 * How the core reads a round staff typed in a chat form or uploaded as a
 * file, and writes one back (issue 12). The rules of a round file (schema,
 * cross-key checks) live in `src/config`, which the core may not import: the
 * CLI hands the core `src/config/round-codec.ts`, so a round from chat is
 * valid by exactly the rules of `config check`.
 */
import type { RoundDefinition } from '../model.ts';
import type { OutgoingFile } from './messenger.ts';

/** Reminder presets the chat form offers; `keep` leaves a draft's own policy (e.g. from a round file). @public */
export type ReminderPreset = 'standard' | 'light' | 'none' | 'keep';

/** The fields of the form staff fill in. Dates are local to the committee's zone, `YYYY-MM-DD HH:mm`. */
export interface RoundForm {
  /** Round id; '' in a new form: the core picks a free one. */
  readonly id: string;
  readonly committee: string;
  readonly title: string;
  readonly description?: string;
  readonly opens: string;
  readonly closes: string;
  readonly anonymous: boolean;
  readonly allowLate: boolean;
  /** Default `standard` for a new round, `keep` when editing. */
  readonly reminders?: ReminderPreset;
  /** The agenda as pasted (`src/core/rounds/agenda-text.ts`). */
  readonly agendaText: string;
}

/** The form's fields a table cannot hold (it holds only the agenda). */
export type RoundFormFields = Omit<RoundForm, 'agendaText'>;

/** One problem of a form or a file, located. */
export interface CodecProblem {
  /** 1-based line of the paste or the YAML file, or row of a table. */
  readonly line?: number;
  readonly unit: 'line' | 'row';
  /** Catalogue key and params (paste and table problems); absent for a rule of the round file. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The rule's key path as `config check` prints it (`window.closes`, `agenda[0].questions[1].prompt`); '' for the whole file. */
  readonly path: string;
  /** The rule's message (English, operator-facing, as `config check` prints it). */
  readonly message: string;
}

export type CodecResult =
  | { readonly ok: true; readonly definition: RoundDefinition }
  | { readonly ok: false; readonly problems: readonly CodecProblem[] };

/** A file read: a whole round, or a table's agenda as paste text when the form's fields are missing, or problems. */
export type FileReadResult =
  | CodecResult
  | { readonly ok: 'agenda'; readonly agendaText: string; readonly items: number; readonly questions: number }
  | { readonly ok: false; readonly unsupported: true };

export interface RoundCodec {
  /** The round the form describes, or every problem (paste problems on their lines). */
  fromForm(form: RoundForm): CodecResult;
  /**
   * A round file (`.yaml`/`.yml`) or a questionnaire table (`.csv`, `.xlsx`):
   * with `fields`, a table becomes a round; without, its agenda comes back
   * as paste text for the form. Unknown kinds: `unsupported`.
   */
  fromFile(fileName: string, bytes: Uint8Array, fields?: RoundFormFields): Promise<FileReadResult>;
  /** The questionnaire template (`/jamun template`): CSV and XLSX. */
  templates(): Promise<OutgoingFile[]>;
  /** The definition as a round file (`jamun round export-config`); `fromFile` reads it back to the same round. */
  toRoundFile(definition: RoundDefinition): string;
}
