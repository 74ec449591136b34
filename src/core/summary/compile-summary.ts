/**
 * Compiles the staff summary of a round from the round, its committee, the
 * invitations and the answers: the automated version of section II of the
 * secretariat's report. Pure: same input, same summary.
 */
import { roundDates } from '../rounds/round-dates.ts';
import type { Answer, Committee, Invitation, Locale, Question, Round } from '../model.ts';
import { anonymousAuthors, byId, namedAuthors, type AuthorDirectory } from './author-labels.ts';
import { answerText, isAnswered } from '../answers/validate-answer.ts';
import { formatLocal } from '../time.ts';
import { tallyQuestion } from './tally.ts';
import type {
  CompiledSummary,
  SummaryAnswer,
  SummaryHonorarium,
  SummaryItem,
  SummaryParticipation,
  SummaryQuestion,
  SummaryRoleGroup,
} from '../summary-model.ts';

/** Everything the summary is compiled from. */
export interface CompileInput {
  round: Round;
  committee: Committee;
  invitations: Invitation[];
  answers: Answer[];
  generatedAt: Date;
  locale: Locale;
  /** Business days of the round's window, computed by the caller's business calendar. */
  businessDays: number;
  /** Warnings about the holiday data behind `businessDays` (computed or unknown years), in `locale`. */
  calendarNotes?: string[];
}

function byRank<T extends { memberId: string }>(authors: AuthorDirectory): (a: T, b: T) => number {
  return (a, b) => authors.rank(a.memberId) - authors.rank(b.memberId) || byId(a.memberId, b.memberId);
}

function compileParticipation(active: Invitation[], names: AuthorDirectory): SummaryParticipation {
  const submitters = active.filter((invitation) => invitation.submittedAt !== undefined);
  const decliners = active.filter(
    (invitation) => invitation.submittedAt === undefined && invitation.declinedAt !== undefined,
  );
  const silent = active.filter(
    (invitation) => invitation.submittedAt === undefined && invitation.declinedAt === undefined,
  );
  const unreachable = active.filter((invitation) => invitation.deliveryState === 'failed');
  return {
    invited: active.length,
    submitted: submitters.length,
    declined: decliners.length,
    late: submitters.filter((invitation) => invitation.late).length,
    notSubmitted: silent.map((invitation) => names.label(invitation.memberId)),
    declinedBy: decliners.map((invitation) => ({
      name: names.label(invitation.memberId),
      reason: invitation.declineReason ?? '',
    })),
    unreachable: unreachable.map((invitation) => ({
      name: names.label(invitation.memberId),
      reason: invitation.failureReason ?? '',
    })),
  };
}

/** Invited members by role, roles in the order they first appear in the committee. */
function compileRoster(active: Invitation[], committee: Committee): SummaryRoleGroup[] {
  const invited = new Set(active.map((invitation) => invitation.memberId));
  const groups = new Map<string, string[]>();
  for (const member of committee.members) {
    if (!invited.has(member.id)) continue;
    const role = member.role ?? '';
    const names = groups.get(role);
    if (names) names.push(member.name);
    else groups.set(role, [member.name]);
  }
  return [...groups].map(([role, names]) => ({ role, names }));
}

function compileHonorarium(submitters: Invitation[], committee: Committee, names: AuthorDirectory): SummaryHonorarium {
  const rate = committee.honorarium.amount;
  return {
    rate,
    currency: committee.honorarium.currency,
    recipients: submitters.map((invitation) => names.label(invitation.memberId)),
    count: submitters.length,
    total: rate * submitters.length,
  };
}

function compileQuestion(
  question: Question,
  answers: Answer[],
  authors: AuthorDirectory,
  lateMembers: ReadonlySet<string>,
): SummaryQuestion {
  const ordered = [...answers].sort(byRank(authors));
  const shown: SummaryAnswer[] = ordered.map((answer) => ({
    author: authors.label(answer.memberId),
    text: answerText(answer.value),
    late: lateMembers.has(answer.memberId),
  }));
  const compiled: SummaryQuestion = {
    id: question.id,
    prompt: question.prompt,
    kind: question.kind,
    answers: shown,
  };
  const tally = tallyQuestion(
    question,
    ordered.map((answer) => answer.value),
  );
  if (tally !== undefined) compiled.tally = tally;
  return compiled;
}

/**
 * The compiled summary of a round.
 *
 * - Only submitted answers of members whose invitation is submitted count;
 *   drafts (and blank answers) are left out.
 * - Invitations marked removed are left out entirely: not invited, not paid,
 *   their answers not shown, so the participation figures stay consistent.
 * - Names are listed in committee member order. In an anonymous round,
 *   answers are shown and ordered by letter labels (see `anonymousAuthors`);
 *   participation and honorarium keep names, as staff must pay and chase people.
 */
export function compileSummary(input: CompileInput): CompiledSummary {
  const { round, committee, locale } = input;
  const names = namedAuthors(committee.members);
  const active = input.invitations
    .filter((invitation) => invitation.roundId === round.id && invitation.removedAt === undefined)
    .sort(byRank(names));
  const submitters = active.filter((invitation) => invitation.submittedAt !== undefined);
  const submitterIds = new Set(submitters.map((invitation) => invitation.memberId));
  const lateMembers = new Set(
    submitters.filter((invitation) => invitation.late).map((invitation) => invitation.memberId),
  );
  const authors = round.anonymous ? anonymousAuthors(round.id, submitters, locale) : names;

  const answersByQuestion = new Map<string, Answer[]>();
  for (const answer of input.answers) {
    if (answer.roundId !== round.id || answer.status !== 'submitted') continue;
    if (!submitterIds.has(answer.memberId) || !isAnswered(answer.value)) continue;
    const bucket = answersByQuestion.get(answer.questionId);
    if (bucket === undefined) answersByQuestion.set(answer.questionId, [answer]);
    else bucket.push(answer);
  }

  const dates = roundDates(round);
  const items: SummaryItem[] = round.agenda.map((item) => ({
    id: item.id,
    title: item.title,
    questions: item.questions.map((question) =>
      compileQuestion(question, answersByQuestion.get(question.id) ?? [], authors, lateMembers),
    ),
  }));

  return {
    roundId: round.id,
    roundTitle: round.title,
    committeeName: committee.name,
    locale,
    anonymous: round.anonymous,
    // The real dates: a round opened late, extended or closed early reports what happened, not the plan.
    opensAtLocal: formatLocal(dates.startedAt, committee.timeZone),
    closesAtLocal: formatLocal(dates.endsAt, committee.timeZone),
    ...(dates.closedEarly ? { deadlineLocal: formatLocal(dates.deadline, committee.timeZone) } : {}),
    timeZone: committee.timeZone,
    businessDays: input.businessDays,
    calendarNotes: input.calendarNotes ?? [],
    generatedAt: input.generatedAt,
    participation: compileParticipation(active, names),
    roster: compileRoster(active, committee),
    honorarium: compileHonorarium(submitters, committee, names),
    items,
  };
}
