/**
 * Round checks that span several keys: duplicate agenda item and question
 * ids (defaults included), options and scale against the question kind,
 * duplicate options, scale bounds, the window order, and texts against the
 * platforms' limits (`check-platform-limits.ts`). Works on the raw
 * YAML content so these problems are reported even when other keys of the
 * file fail their schema.
 */
import { QUESTION_KINDS, type QuestionKind } from '../core/model.ts';
import type { LocatedProblem, PathSegment } from './config-error.ts';
import { checkPlatformLimits } from './check-platform-limits.ts';
import { asInt, asList, asRecord, asString } from './raw-access.ts';
import { normaliseLocalDateTime } from './schema-primitives.ts';
import { CHOICE_KINDS, defaultItemId, defaultQuestionId } from './schema-round.ts';

/**
 * Most options of a choice question: Slack's static select holds 100
 * (src/adapters/slack/slack-limits.ts); Discord shows them as up to four
 * selects of 25 on one modal page.
 */
const MAX_OPTIONS = 100;

function effectiveKind(value: unknown): QuestionKind | null {
  if (value === undefined) return 'long_text';
  return QUESTION_KINDS.find((k) => k === value) ?? null;
}

function checkOptions(
  question: Record<string, unknown>,
  kind: QuestionKind,
  at: PathSegment[],
  out: LocatedProblem[],
): void {
  const options = question['options'];
  if (!CHOICE_KINDS.includes(kind)) {
    if (options !== undefined) {
      out.push({ path: [...at, 'options'], message: `only allowed for ${CHOICE_KINDS.join(' and ')} questions` });
    }
    return;
  }
  if (options === undefined) {
    out.push({ path: [...at, 'options'], message: `required for ${kind} questions` });
    return;
  }
  if (!Array.isArray(options)) return;
  if (options.length === 0) {
    out.push({ path: [...at, 'options'], message: `must list at least one option for ${kind} questions` });
  }
  if (options.length > MAX_OPTIONS) {
    out.push({
      path: [...at, 'options'],
      message: `must list at most ${MAX_OPTIONS} options (found ${options.length}); Slack's select menu holds ${MAX_OPTIONS}`,
    });
  }
  const first = new Map<string, number>();
  options.forEach((option, index) => {
    if (typeof option !== 'string') return;
    const key = option.trim();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else out.push({ path: [...at, 'options', index], message: `duplicate option '${key}' (same as options[${seen}])` });
  });
}

function checkScale(
  question: Record<string, unknown>,
  kind: QuestionKind,
  at: PathSegment[],
  out: LocatedProblem[],
): void {
  const scale = question['scale'];
  if (kind !== 'scale') {
    if (scale !== undefined) out.push({ path: [...at, 'scale'], message: 'only allowed for scale questions' });
    return;
  }
  const range = asRecord(scale);
  const min = asInt(range?.['min']);
  const max = asInt(range?.['max']);
  if (min !== undefined && max !== undefined && min >= max) {
    out.push({ path: [...at, 'scale', 'max'], message: `must be greater than min (${min})` });
  }
}

function checkAgenda(agenda: readonly unknown[], out: LocatedProblem[]): void {
  const itemIds = new Map<string, number>();
  const questionIds = new Map<string, string>();
  agenda.forEach((rawItem, i) => {
    const item = asRecord(rawItem);
    if (!item) return;
    const itemId = item['id'] === undefined ? defaultItemId(i) : asString(item['id']);
    const seenItem = itemId === undefined ? undefined : itemIds.get(itemId);
    if (itemId !== undefined && seenItem === undefined) itemIds.set(itemId, i);
    if (seenItem !== undefined) {
      out.push({
        path: ['agenda', i, 'id'],
        message: `duplicate agenda item id '${itemId}' (same as agenda[${seenItem}])`,
      });
    }
    asList(item['questions']).forEach((rawQuestion, j) => {
      const question = asRecord(rawQuestion);
      if (!question) return;
      const at: PathSegment[] = ['agenda', i, 'questions', j];
      // Default ids under a duplicate item id repeat by construction; the item error says it all.
      const questionId =
        question['id'] === undefined
          ? itemId === undefined || seenItem !== undefined
            ? undefined
            : defaultQuestionId(itemId, j)
          : asString(question['id']);
      if (questionId !== undefined) {
        const seen = questionIds.get(questionId);
        if (seen === undefined) questionIds.set(questionId, `agenda[${i}].questions[${j}]`);
        else out.push({ path: [...at, 'id'], message: `duplicate question id '${questionId}' (same as ${seen})` });
      }
      const kind = effectiveKind(question['kind']);
      if (kind === null) return;
      checkOptions(question, kind, at, out);
      checkScale(question, kind, at, out);
    });
  });
}

function checkWindow(window: Record<string, unknown>, out: LocatedProblem[]): void {
  const opens = asString(window['opens']);
  const closes = asString(window['closes']);
  const from = opens === undefined ? null : normaliseLocalDateTime(opens);
  const to = closes === undefined ? null : normaliseLocalDateTime(closes);
  // Same zone on both sides, so wall-clock order is instant order (bar a DST fall-back hour).
  if (from !== null && to !== null && to <= from) {
    out.push({ path: ['window', 'closes'], message: `must be after window.opens (${from.replace('T', ' ')})` });
  }
}

/** Cross-key checks of one round file's raw content. */
export function checkRound(content: unknown): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  const round = asRecord(content);
  if (!round) return out;
  checkAgenda(asList(round['agenda']), out);
  const window = asRecord(round['window']);
  if (window) checkWindow(window, out);
  out.push(...checkPlatformLimits(round));
  return out;
}
