/**
 * Parses a staff command line (`open 2024-1`, `extend 2024-1 2024-02-20 18:00`,
 * `export 2024-1 csv`). Shared by the slash commands and the CLI.
 */
import { err, ok, type Result } from '../errors.ts';
import {
  type ActionOp,
  REPORT_FORMATS,
  STAFF_VERBS,
  type ExportFormat,
  type ReportFormat,
  type StaffCommand,
  type StaffVerb,
} from './inbound.ts';

/** Usage line of each verb, for help and error texts. */
export const STAFF_USAGE: Record<StaffVerb, string> = {
  help: 'help',
  list: 'list',
  show: 'show ROUND_ID',
  open: 'open ROUND_ID',
  status: 'status [ROUND_ID]',
  remind: 'remind ROUND_ID',
  resend: 'resend ROUND_ID MEMBER',
  extend: 'extend ROUND_ID YYYY-MM-DD [HH:mm]',
  close: 'close ROUND_ID',
  cancel: 'cancel ROUND_ID',
  summary: 'summary ROUND_ID',
  export: 'export ROUND_ID csv|md|json',
  report: 'report ROUND_ID [docx|xlsx|pdf|md]',
  reload: 'reload',
  synthesis: 'synthesis ROUND_ID ITEM',
  action: 'action ROUND_ID [list | add [TEXT] | edit N | done N | drop N | reopen N]',
  members: 'members [COMMITTEE]',
};

/** Verbs whose usage names a round that must be given (`status [ROUND_ID]` may leave it out). */
const NEEDS_ROUND: ReadonlySet<StaffVerb> = new Set(
  STAFF_VERBS.filter((verb) => STAFF_USAGE[verb].includes(' ROUND_ID')),
);
const FORMATS: readonly ExportFormat[] = ['csv', 'md', 'json'];
const ACTION_OPS: readonly ActionOp[] = ['list', 'add', 'edit', 'done', 'drop', 'reopen'];

/** `action ROUND_ID …`: `list` (the default), `add [TEXT]`, or an op on action N. */
function parseAction(roundId: string, rest: string[]): Result<StaffCommand> {
  const usage = err('COMMAND.USAGE', { usage: STAFF_USAGE.action });
  const [word = 'list', number, ...more] = rest;
  const op = ACTION_OPS.find((o) => o === word.toLowerCase());
  if (!op) return usage;
  if (op === 'list') return rest.length > 1 ? usage : ok({ verb: 'action', roundId, actionOp: op });
  if (op === 'add') {
    // The text after `add` (none: the chat form asks for it).
    const typed = rest.slice(1).join(' ');
    return ok({ verb: 'action', roundId, actionOp: op, ...(typed ? { actionInput: { text: typed } } : {}) });
  }
  if (number === undefined || !/^[1-9]\d{0,5}$/.test(number) || more.length > 0) return usage;
  return ok({ verb: 'action', roundId, actionOp: op, actionNumber: Number(number) });
}

function isVerb(word: string): word is StaffVerb {
  return (STAFF_VERBS as readonly string[]).includes(word);
}

export function parseStaffCommand(text: string): Result<StaffCommand> {
  // Ids are NFC in the configuration; a Hangul id typed on a Mac may arrive decomposed (NFD).
  const words = text
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const [first, roundId, ...rest] = words;
  if (first === undefined) return ok({ verb: 'help' });
  const verb = first.toLowerCase();
  if (!isVerb(verb)) return err('COMMAND.UNKNOWN', { verb: first });
  const usage = () => err('COMMAND.USAGE', { usage: STAFF_USAGE[verb] });
  if (NEEDS_ROUND.has(verb) && roundId === undefined) return usage();
  if (verb === 'help' || verb === 'list' || verb === 'reload')
    return rest.length > 0 || roundId !== undefined ? usage() : ok({ verb });
  if (verb === 'extend') {
    if (rest.length < 1 || rest.length > 2) return usage();
    return ok({ verb, roundId, until: rest.join(' ') });
  }
  if (verb === 'resend') {
    if (rest.length < 1) return usage();
    return ok({ verb, roundId, member: rest.join(' ') });
  }
  if (verb === 'synthesis') {
    if (rest.length !== 1) return usage();
    return ok({ verb, roundId, target: rest[0] });
  }
  if (verb === 'action') return parseAction(roundId ?? '', rest);
  // `members` names a committee, not a round.
  if (verb === 'members') {
    if (rest.length > 0) return usage();
    return ok(roundId === undefined ? { verb } : { verb, committeeId: roundId });
  }
  if (verb === 'export') {
    const format = rest[0]?.toLowerCase() ?? 'md';
    if (rest.length > 1) return usage();
    if (!(FORMATS as readonly string[]).includes(format)) return err('EXPORT.FORMAT');
    return ok({ verb, roundId, format: format as ExportFormat });
  }
  if (verb === 'report') {
    const format = rest[0]?.toLowerCase() ?? 'docx';
    if (rest.length > 1) return usage();
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) return err('REPORT.FORMAT');
    return ok({ verb, roundId, reportFormat: format as ReportFormat });
  }
  if (rest.length > 0) return usage();
  return ok(roundId === undefined ? { verb } : { verb, roundId });
}
