/**
 * Child process of the compile benchmark: builds a synthetic closed round,
 * compiles and renders its summary, and prints the figures as JSON, with the
 * process's own peak RSS (which includes Node itself, about 40–60 MB).
 */
import type { Answer, Invitation, Round } from '../../src/core/model.ts';
import { compileSummary, renderSummaryCsv, renderSummaryMarkdown } from '../../src/core/summary/index.ts';
import { OPENS, syntheticCommittee, syntheticRound } from './synthetic-round.ts';

const [members = 500, questions = 20, answerChars = 1500] = process.argv.slice(2).map(Number);
const committee = syntheticCommittee(members);
const round: Round = {
  ...syntheticRound(questions),
  status: 'closed',
  opensAt: OPENS,
  closesAt: new Date('2024-02-15T09:00:00Z'),
};
const submittedAt = new Date('2024-02-13T01:00:00Z');
const invitations: Invitation[] = committee.members.map((m) => ({
  roundId: round.id,
  memberId: m.id,
  deliveryState: 'delivered',
  late: false,
  submittedAt,
}));
const answers: Answer[] = [];
for (const m of committee.members) {
  for (const q of round.agenda.flatMap((i) => i.questions)) {
    // A distinct string per answer, as answers read from a database would be.
    const text =
      `${m.id} ${q.id} ${'지역상생 교류 사업의 성과를 평가하고 개선 방안을 제안합니다. '.repeat(Math.ceil(answerChars / 34))}`.slice(
        0,
        answerChars,
      );
    answers.push({
      roundId: round.id,
      memberId: m.id,
      questionId: q.id,
      value: { kind: 'text', text },
      status: 'submitted',
      revision: 1,
      updatedAt: OPENS,
    });
  }
}
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
let start = performance.now();
const summary = compileSummary({
  round,
  committee,
  invitations,
  answers,
  generatedAt: new Date(),
  locale: 'ko',
  businessDays: 4,
});
const compileMs = performance.now() - start;
start = performance.now();
const markdown = renderSummaryMarkdown(summary, { audience: 'staff' });
const markdownMs = performance.now() - start;
start = performance.now();
const csv = renderSummaryCsv(summary);
const csvMs = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    'summary: members × questions': `${members} × ${questions} (${answers.length} answers of ${answerChars} chars)`,
    'summary: compile ms (target < 1000)': Math.round(compileMs),
    'summary: markdown render ms': Math.round(markdownMs),
    'summary: csv render ms': Math.round(csvMs),
    'summary: markdown / csv size MB': `${(markdown.length / 1e6).toFixed(1)} chars / ${(csv.length / 1024 / 1024).toFixed(1)}`,
    'summary: RSS with the answers loaded MB': Math.round(rssBeforeMb),
    'summary: peak RSS of the process MB (target < 300)': Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
