/**
 * Round texts against what Slack and Discord accept, so every payload built
 * from a valid config is valid by construction. Only texts the adapters
 * cannot show whole are bounded here; the others are handled there without
 * a silent cut:
 * - prompts: Discord shows a page's prompts in full before its form when a
 *   label (45) cannot; Slack's input label holds 2,000 and longer ones are
 *   shown above the input;
 * - option texts over Slack's 75: the options are listed in full, numbered,
 *   above the select;
 * - choice questions over Discord's 25 options: several selects of 25; over
 *   Slack's 100: refused in `check-round.ts`;
 * - ids: at most 64 characters (`schema-primitives.ts`), within every custom_id.
 * Lengths are UTF-16 code units, which the platforms never count higher.
 */
import { DISCORD_COMPONENT } from '../adapters/discord/discord-limits.ts';
import { SLACK_BLOCK, SLACK_ELEMENT } from '../adapters/slack/slack-limits.ts';
import type { LocatedProblem, PathSegment } from './config-error.ts';
import { asInt, asList, asRecord, asString } from './raw-access.ts';

/**
 * Longest round or agenda item title: Slack's header text holds 150, and the
 * round title shares the questionnaire's context line (a 3,000-character text,
 * where escaping may make it five times longer) with the page and deadline.
 */
export const MAX_TITLE = SLACK_BLOCK.headerText;

/** Longest option: Discord's select option label holds 100 (Slack lists longer than 75 in full). */
export const MAX_OPTION = DISCORD_COMPONENT.optionLabel;

/**
 * A scale end's label is shown in a select option as `10 – label` (Slack's
 * option text holds 75) and `10 (label)` (Discord's, 100): the point, three
 * characters and the label must fit the smaller.
 */
const SCALE_OPTION = Math.min(SLACK_ELEMENT.optionText, DISCORD_COMPONENT.optionLabel);

function tooLong(value: unknown, max: number): number | undefined {
  const text = asString(value)?.trim();
  return text !== undefined && text.length > max ? text.length : undefined;
}

function checkTitle(value: unknown, at: PathSegment[], out: LocatedProblem[]): void {
  const length = tooLong(value, MAX_TITLE);
  if (length === undefined) return;
  out.push({
    path: at,
    message: `must be at most ${MAX_TITLE} characters (found ${length}); Slack's header holds ${MAX_TITLE}`,
  });
}

function checkOptionTexts(question: Record<string, unknown>, at: PathSegment[], out: LocatedProblem[]): void {
  asList(question['options']).forEach((option, k) => {
    const length = tooLong(option, MAX_OPTION);
    if (length === undefined) return;
    out.push({
      path: [...at, 'options', k],
      message: `must be at most ${MAX_OPTION} characters (found ${length}); Discord's select option holds ${MAX_OPTION}`,
    });
  });
}

function checkScaleLabels(question: Record<string, unknown>, at: PathSegment[], out: LocatedProblem[]): void {
  const scale = asRecord(question['scale']);
  if (!scale) return;
  const points = [asInt(scale['min']) ?? 1, asInt(scale['max']) ?? 5];
  const widest = Math.max(...points.map((p) => String(p).length));
  const room = SCALE_OPTION - widest - 3;
  for (const key of ['min_label', 'max_label'] as const) {
    const length = tooLong(scale[key], room);
    if (length === undefined) continue;
    out.push({
      path: [...at, 'scale', key],
      message: `must be at most ${room} characters (found ${length}); shown with its point in a select option of ${SCALE_OPTION}`,
    });
  }
}

/** Platform-limit checks of one round file's raw content. */
export function checkPlatformLimits(round: Record<string, unknown>): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  checkTitle(round['title'], ['title'], out);
  asList(round['agenda']).forEach((rawItem, i) => {
    const item = asRecord(rawItem);
    if (!item) return;
    checkTitle(item['title'], ['agenda', i, 'title'], out);
    asList(item['questions']).forEach((rawQuestion, j) => {
      const question = asRecord(rawQuestion);
      if (!question) return;
      const at: PathSegment[] = ['agenda', i, 'questions', j];
      checkOptionTexts(question, at, out);
      checkScaleLabels(question, at, out);
    });
  });
  return out;
}
