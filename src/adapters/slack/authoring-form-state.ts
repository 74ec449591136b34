/**
 * Reading a submitted authoring form back (issue 12): the round form's
 * inputs into the core's `RoundForm` (a long text's continuation inputs
 * joined back), the file of the import form, and each problem the core
 * found put under the input it is about — an agenda problem under the agenda
 * input that holds its line — for a `response_action: "errors"` ack.
 */
import type { ViewStateValue } from '@slack/bolt';
import type { AuthoringProblem, RoundForm } from '../../core/app/authoring-api.ts';
import { t } from '../../core/i18n/catalogue.ts';
import type { Locale } from '../../core/model.ts';
import { BLOCK, partBlock, PRESETS, type RoundFormMeta } from './blocks-authoring.ts';
import { INPUT_ACTION as VALUE } from './slack-ids.ts';

/** Problems listed under one input; the rest are counted (the whole list also goes to the DM). */
const PROBLEMS_PER_INPUT = 10;

type Values = Record<string, Record<string, ViewStateValue>>;

/** Reads a round form's `private_metadata`; null when it is not one. */
export function parseRoundFormMeta(raw: string): RoundFormMeta | null {
  try {
    const data = JSON.parse(raw) as Partial<RoundFormMeta>;
    if (typeof data.committee !== 'string' || typeof data.timeZone !== 'string') return null;
    return {
      committee: data.committee,
      keep: data.keep === true,
      timeZone: data.timeZone,
      ...(typeof data.roundId === 'string' ? { roundId: data.roundId } : {}),
    };
  } catch {
    return null;
  }
}

const stateOf = (values: Values, block: string): ViewStateValue | undefined => values[block]?.[VALUE];

/** The parts of a long text, in order, as typed (empty inputs left out). */
function readParts(values: Values, base: string): string[] {
  const parts: string[] = [];
  for (let i = 0; values[partBlock(base, i)] !== undefined; i += 1) {
    const typed = stateOf(values, partBlock(base, i))?.value;
    if (typed) parts.push(typed);
  }
  return parts;
}

/** Where each agenda input starts in the joined paste (1-based line), by input index. */
function agendaStarts(values: Values): Map<number, number> {
  const starts = new Map<number, number>();
  let line = 1;
  for (let i = 0; values[partBlock(BLOCK.agenda, i)] !== undefined; i += 1) {
    const typed = stateOf(values, partBlock(BLOCK.agenda, i))?.value;
    if (!typed) continue;
    starts.set(i, line);
    line += typed.split('\n').length;
  }
  return starts;
}

function when(values: Values, dateBlock: string, timeBlock: string): string {
  const date = stateOf(values, dateBlock)?.selected_date ?? '';
  const time = stateOf(values, timeBlock)?.selected_time ?? '';
  return `${date} ${time}`.trim();
}

/** The form as the person submitted it. */
export function readRoundForm(values: Values, meta: RoundFormMeta): RoundForm {
  const settings = (stateOf(values, BLOCK.settings)?.selected_options ?? []).map((o) => o.value);
  const preset = stateOf(values, BLOCK.reminders)?.selected_option?.value;
  const description = readParts(values, BLOCK.description).join('');
  return {
    id: meta.roundId ?? (stateOf(values, BLOCK.id)?.value ?? '').trim(),
    committee: stateOf(values, BLOCK.committee)?.selected_option?.value ?? meta.committee,
    title: (stateOf(values, BLOCK.title)?.value ?? '').trim(),
    ...(description.trim() === '' ? {} : { description }),
    opens: when(values, BLOCK.opensDate, BLOCK.opensTime),
    closes: when(values, BLOCK.closesDate, BLOCK.closesTime),
    anonymous: settings.includes('anonymous'),
    allowLate: settings.includes('allow_late'),
    reminders: PRESETS.find((p) => p === preset) ?? (meta.keep ? 'keep' : 'standard'),
    agendaText: readParts(values, BLOCK.agenda).join('\n'),
  };
}

/** The file attached to the import form, if any. */
export function attachedFile(values: Values): { id: string; name: string } | undefined {
  const [file] = stateOf(values, BLOCK.file)?.files ?? [];
  return file ? { id: file.id, name: file.name ?? file.id } : undefined;
}

/** The input block a problem goes under, among the view's input blocks. */
function blockFor(problem: AuthoringProblem, values: Values): string {
  const present = (block: string) => values[block] !== undefined;
  const fallback = present(BLOCK.title) ? BLOCK.title : (Object.keys(values)[0] ?? BLOCK.title);
  switch (problem.field) {
    case 'agenda': {
      if (problem.line === undefined) return partBlock(BLOCK.agenda, 0);
      let found = 0;
      for (const [index, start] of agendaStarts(values)) if (start <= problem.line) found = index;
      return partBlock(BLOCK.agenda, found);
    }
    case 'opens':
      return present(BLOCK.opensDate) ? BLOCK.opensDate : fallback;
    case 'closes':
      return present(BLOCK.closesDate) ? BLOCK.closesDate : fallback;
    default:
      return present(problem.field) ? problem.field : fallback;
  }
}

/**
 * The `errors` of a `response_action: "errors"` ack: each problem under the
 * input it is about (agenda problems under the agenda input holding their
 * line), at most ten per input and the rest counted.
 */
export function formErrors(
  problems: readonly AuthoringProblem[],
  values: Values,
  locale: Locale,
): Record<string, string> {
  const byBlock = new Map<string, string[]>();
  for (const problem of problems) {
    const block = blockFor(problem, values);
    byBlock.set(block, [...(byBlock.get(block) ?? []), problem.text]);
  }
  const errors: Record<string, string> = {};
  for (const [block, texts] of byBlock) {
    const shown = texts.slice(0, PROBLEMS_PER_INPUT);
    if (texts.length > shown.length)
      shown.push(t(locale, 'slack.authoring.more-problems', { count: texts.length - shown.length }));
    errors[block] = shown.join('\n');
  }
  return errors;
}
