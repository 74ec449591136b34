/**
 * Counting choice and scale answers of one question.
 */
import type { AnswerValue, Question } from '../model.ts';
import type { SummaryTally } from '../summary-model.ts';

/** Rounds to one decimal, the precision the summary shows a mean with. */
function roundOneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Counts per option, in option order. Choices no longer among the options
 * (the option list was edited) are still counted, after the options, in the
 * order they first appear, so no submitted choice disappears from the tally.
 */
function tallyChoices(options: readonly string[], values: AnswerValue[]): SummaryTally {
  const counts = new Map<string, number>(options.map((option) => [option, 0]));
  let responses = 0;
  for (const value of values) {
    if (value.kind !== 'choices' || value.choices.length === 0) continue;
    responses += 1;
    for (const choice of new Set(value.choices)) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  }
  return { counts: [...counts].map(([label, count]) => ({ label, count })), responses };
}

/**
 * Counts per point from min to max and the mean. Points outside the range
 * (the range was edited) are appended in ascending order rather than dropped.
 */
function tallyScale(question: Question, values: AnswerValue[]): SummaryTally {
  const points: number[] = [];
  const numbers = values.flatMap((value) => (value.kind === 'scale' ? [value.value] : []));
  const min = question.scale?.min ?? Math.min(...numbers);
  const max = question.scale?.max ?? Math.max(...numbers);
  for (let point = min; point <= max; point += 1) points.push(point);
  const counts = new Map<number, number>(points.map((point) => [point, 0]));
  let sum = 0;
  for (const value of numbers) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
    sum += value;
  }
  const ordered = [...counts].sort(([a], [b]) => a - b);
  const tally: SummaryTally = {
    counts: ordered.map(([point, count]) => ({ label: String(point), count })),
    responses: numbers.length,
  };
  if (numbers.length > 0) tally.mean = roundOneDecimal(sum / numbers.length);
  return tally;
}

/** The tally of a choice or scale question; `undefined` for text questions. */
export function tallyQuestion(question: Question, values: AnswerValue[]): SummaryTally | undefined {
  switch (question.kind) {
    case 'single_choice':
    case 'multi_choice':
      return tallyChoices(question.options ?? [], values);
    case 'scale':
      return tallyScale(question, values);
    case 'long_text':
    case 'short_text':
      return undefined;
  }
}
