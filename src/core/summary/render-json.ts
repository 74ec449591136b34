/**
 * The summary as JSON: a stable field order (independent of how the summary
 * object was built), two-space indentation, dates as ISO 8601 instants.
 */
import type {
  CompiledSummary,
  SummaryAnswer,
  SummaryHonorarium,
  SummaryParticipation,
  SummaryQuestion,
  SummaryTally,
} from '../summary-model.ts';

function tallyJson(tally: SummaryTally): Record<string, unknown> {
  return {
    counts: tally.counts.map((entry) => ({ label: entry.label, count: entry.count })),
    ...(tally.mean === undefined ? {} : { mean: tally.mean }),
    responses: tally.responses,
  };
}

function answerJson(answer: SummaryAnswer): Record<string, unknown> {
  return { author: answer.author, late: answer.late, text: answer.text };
}

function questionJson(question: SummaryQuestion): Record<string, unknown> {
  return {
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    answers: question.answers.map(answerJson),
    ...(question.tally === undefined ? {} : { tally: tallyJson(question.tally) }),
  };
}

function participationJson(p: SummaryParticipation): Record<string, unknown> {
  return {
    invited: p.invited,
    submitted: p.submitted,
    declined: p.declined,
    late: p.late,
    notSubmitted: [...p.notSubmitted],
    declinedBy: p.declinedBy.map((entry) => ({ name: entry.name, reason: entry.reason })),
    unreachable: p.unreachable.map((entry) => ({ name: entry.name, reason: entry.reason })),
  };
}

function honorariumJson(h: SummaryHonorarium): Record<string, unknown> {
  return {
    rate: h.rate,
    currency: h.currency,
    count: h.count,
    total: h.total,
    recipients: [...h.recipients],
  };
}

/** The summary as pretty JSON text, ending with a newline. */
export function renderSummaryJson(summary: CompiledSummary): string {
  const document = {
    roundId: summary.roundId,
    roundTitle: summary.roundTitle,
    committeeName: summary.committeeName,
    locale: summary.locale,
    anonymous: summary.anonymous,
    timeZone: summary.timeZone,
    opensAtLocal: summary.opensAtLocal,
    closesAtLocal: summary.closesAtLocal,
    closedEarly: summary.deadlineLocal !== undefined,
    ...(summary.deadlineLocal ? { deadlineLocal: summary.deadlineLocal } : {}),
    businessDays: summary.businessDays,
    generatedAt: summary.generatedAt.toISOString(),
    participation: participationJson(summary.participation),
    honorarium: honorariumJson(summary.honorarium),
    items: summary.items.map((item) => ({
      id: item.id,
      title: item.title,
      questions: item.questions.map(questionJson),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
