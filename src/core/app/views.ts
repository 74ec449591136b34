/**
 * Builds the views the messenger port carries from stored state.
 */
import { answerText, isAnswered } from '../answers/validate-answer.ts';
import type { Answer, Committee, Invitation, Locale, Member, Round } from '../model.ts';
import type {
  InvitationView,
  MaterialView,
  ProgressView,
  QuestionnaireView,
  ReceiptView,
  ReminderView,
} from '../ports/messenger.ts';
import type { InvitationTally } from '../ports/store.ts';
import { formatMoney } from '../summary/format.ts';
import { memberContactText, senderOf } from '../text/office-text.ts';
import { localDateOf } from '../time.ts';
import type { AppContext } from './app-context.ts';
import { failureText } from './failure-text.ts';

/** The time zone and language a member reads in. */
function readerOf(ctx: AppContext, committee: Committee, member: Member): { zone: string; locale: Locale } {
  return { zone: ctx.zoneOfMember(committee, member), locale: ctx.localeOfMember(committee, member) };
}

function questionCount(round: Round): number {
  return round.agenda.reduce((n, item) => n + item.questions.length, 0);
}

function businessDaysLeft(ctx: AppContext, committee: Committee, zone: string, closesAt: Date): number {
  const now = ctx.now();
  return ctx.calendarOf(committee).businessDaysBetween(localDateOf(now, zone), localDateOf(closesAt, zone));
}

export function invitationView(
  ctx: AppContext,
  committee: Committee,
  member: Member,
  round: Round,
  materials: MaterialView[] = [],
): InvitationView {
  const { zone, locale } = readerOf(ctx, committee, member);
  return {
    ...(materials.length > 0 ? { materials } : {}),
    roundId: round.id,
    roundTitle: round.title,
    committeeName: committee.name,
    closesAt: round.closesAt,
    closesAtLocal: ctx.when(round.closesAt, zone, locale),
    timeZone: zone,
    businessDaysLeft: businessDaysLeft(ctx, committee, zone, round.closesAt),
    questionCount: questionCount(round),
    agendaTitles: round.agenda.map((item) => item.title),
    agendaQuestionCounts: round.agenda.map((item) => item.questions.length),
    abroad: zone !== committee.timeZone,
    ...optional('sender', senderOf(committee.office)),
    ...optional('purpose', round.description),
    ...optional(
      'honorarium',
      committee.honorarium.amount > 0
        ? formatMoney(committee.honorarium.amount, committee.honorarium.currency, locale)
        : undefined,
    ),
    ...optional('contact', memberContactText(committee.office)),
  };
}

/** `{ key: value }` when the value is there, else nothing (optional view fields stay absent, not undefined). */
function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

export function reminderView(
  ctx: AppContext,
  committee: Committee,
  member: Member,
  round: Round,
  answers: Answer[],
): ReminderView {
  const { zone, locale } = readerOf(ctx, committee, member);
  const msLeft = round.closesAt.getTime() - ctx.now().getTime();
  return {
    roundId: round.id,
    roundTitle: round.title,
    closesAt: round.closesAt,
    closesAtLocal: ctx.when(round.closesAt, zone, locale),
    timeZone: zone,
    businessDaysLeft: businessDaysLeft(ctx, committee, zone, round.closesAt),
    hoursLeft: Math.max(0, Math.floor(msLeft / 3_600_000)),
    answeredCount: answers.filter((a) => isAnswered(a.value)).length,
    questionCount: questionCount(round),
    committeeName: committee.name,
    abroad: zone !== committee.timeZone,
  };
}

export function receiptView(
  ctx: AppContext,
  committee: Committee,
  member: Member,
  round: Round,
  answers: Answer[],
  submittedAt: Date,
): ReceiptView {
  const { zone, locale } = readerOf(ctx, committee, member);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return {
    roundId: round.id,
    roundTitle: round.title,
    submittedAt,
    submittedAtLocal: ctx.when(submittedAt, zone, locale),
    editableUntilLocal: ctx.when(round.closesAt, zone, locale),
    canEdit: round.status === 'open' && ctx.now().getTime() < round.closesAt.getTime(),
    items: round.agenda.map((item) => ({
      title: item.title,
      answers: item.questions.map((q) => ({
        questionId: q.id,
        prompt: q.prompt,
        answer: answerText(byQuestion.get(q.id)?.value),
      })),
    })),
  };
}

/** The materials listed with agenda item `index` (0-based): its own, and with the first the whole round's. */
function itemMaterials(materials: readonly MaterialView[], index: number): { materials?: MaterialView[] } {
  const listed = materials.filter((m) => m.itemIndex === index + 1 || (index === 0 && m.itemIndex === undefined));
  return listed.length > 0 ? { materials: listed } : {};
}

export function questionnaireView(
  ctx: AppContext,
  committee: Committee,
  member: Member,
  round: Round,
  invitation: Invitation,
  answers: Answer[],
  materials: readonly MaterialView[] = [],
): QuestionnaireView {
  const { zone, locale } = readerOf(ctx, committee, member);
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.value]));
  return {
    roundId: round.id,
    roundTitle: round.title,
    locale,
    closesAtLocal: ctx.when(round.closesAt, zone, locale),
    submitted: invitation.submittedAt !== undefined,
    items: round.agenda.map((item, index) => ({
      ...item,
      ...itemMaterials(materials, index),
      drafts: Object.fromEntries(
        item.questions.map((q) => {
          const v = byQuestion.get(q.id);
          const draft = !v ? undefined : v.kind === 'text' ? v.text : v.kind === 'choices' ? v.choices : v.value;
          return [q.id, draft];
        }),
      ),
    })),
  };
}

export function progressView(
  ctx: AppContext,
  committee: Committee,
  round: Round,
  tally: InvitationTally,
): ProgressView {
  const locale = committee.locale;
  return {
    roundId: round.id,
    roundTitle: round.title,
    total: tally.total,
    delivered: tally.delivered,
    pending: tally.pending,
    failed: tally.failed.map((i) => ({
      memberName: ctx.member(committee.id, i.memberId)?.name ?? i.memberId,
      reason: failureText(i.failureReason, locale),
    })),
    done: tally.pending === 0,
  };
}
