import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { overviewLines } from '../../../src/core/summary/overview.ts';
import { committee, invitation, member, round, textQuestion } from './builders.ts';

/** The digest's line of members who did not submit, for members with these names. */
function notSubmittedLine(names: string[]): string | undefined {
  const members = names.map((name, index) => member(`m${index}`, name));
  const summary = compileSummary({
    round: round([{ id: '1', title: '안건', questions: [textQuestion('1.1', '질문')] }]),
    committee: committee(members),
    invitations: members.map((m) => invitation(m.id)),
    answers: [],
    generatedAt: new Date(0),
    locale: 'ko',
    businessDays: 3,
  });
  const lines = overviewLines(summary, { notSubmitted: true, honorarium: false, roster: false, digest: true });
  return lines.find((line) => line.startsWith('미제출'));
}

describe('the digest list of names (600 characters of names, each counted with its separator)', () => {
  it('GIVEN names that fill the 600 characters exactly THEN they are all shown and the rest counted', () => {
    // Nine names of 58 characters take 9 × 60 = 540 with their separators; a 60-character name fills 600.
    const names = [...Array.from({ length: 9 }, (_, i) => `${i}`.padEnd(58, '가')), '나'.repeat(60), '끝'];
    expect(notSubmittedLine(names)).toBe(`미제출: 11명 — ${names.slice(0, 10).join(', ')} 외 1명`);
  });

  it('GIVEN a first name longer than the budget THEN only the count is shown', () => {
    expect(notSubmittedLine(['가'.repeat(601), '나'])).toBe('미제출: 2명 — 외 2명');
  });

  it('GIVEN names that fit THEN they are all shown without a count', () => {
    expect(notSubmittedLine(['가나', '다라'])).toBe('미제출: 2명 — 가나, 다라');
  });
});
