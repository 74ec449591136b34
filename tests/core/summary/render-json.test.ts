import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { renderSummaryJson } from '../../../src/core/summary/render-json.ts';
import type { CompiledSummary } from '../../../src/core/summary-model.ts';
import { reportInput } from './builders.ts';

describe('renderSummaryJson', () => {
  const summary = compileSummary(reportInput());
  const json = renderSummaryJson(summary);

  it('GIVEN the report round THEN it is pretty JSON with ISO dates that parses back to the figures', () => {
    expect(json.startsWith('{\n  "roundId": "r-2024-1",\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed['generatedAt']).toBe('2024-02-15T09:30:00.000Z');
    expect(parsed['participation']).toMatchObject({ invited: 7, submitted: 6, notSubmitted: ['최예술'] });
    expect(parsed['honorarium']).toMatchObject({ count: 6, total: 600_000, currency: 'KRW' });
  });

  it('GIVEN the same summary built with fields in another order THEN the text is identical', () => {
    const shuffled = Object.fromEntries(Object.entries(summary).reverse()) as unknown as CompiledSummary;
    shuffled.participation = Object.fromEntries(
      Object.entries(summary.participation).reverse(),
    ) as unknown as CompiledSummary['participation'];
    expect(renderSummaryJson(shuffled)).toBe(json);
  });

  it('GIVEN a scale question THEN its tally and mean are in the JSON', () => {
    const input = reportInput();
    const item = input.round.agenda[0];
    if (item === undefined) throw new Error('fixture lacks item 1');
    item.questions.push({
      id: '1.5',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 2 },
      required: false,
      maxLength: 10,
    });
    input.answers.push({ ...input.answers[0]!, questionId: '1.5', value: { kind: 'scale', value: 2 } });
    const parsed = JSON.parse(renderSummaryJson(compileSummary(input))) as {
      items: Array<{ questions: Array<{ id: string; tally?: unknown }> }>;
    };
    expect(parsed.items[0]?.questions.find((q) => q.id === '1.5')?.tally).toEqual({
      counts: [
        { label: '1', count: 0 },
        { label: '2', count: 1 },
      ],
      mean: 2,
      responses: 1,
    });
  });
});
