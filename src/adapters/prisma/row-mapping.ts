/**
 * Mapping between Prisma rows and domain types. Rows use `null` where the
 * domain leaves a field out, and JSON text where the domain nests data.
 */
import type {
  AgendaItem as AgendaItemRow,
  Answer as AnswerRow,
  AnswerRevision as AnswerRevisionRow,
  AuditEvent as AuditEventRow,
  Invitation as InvitationRow,
  Job as JobRow,
  Outbox as OutboxRow,
  Prisma,
  Question as QuestionRow,
  Round as RoundRow,
  Summary as SummaryRow,
} from '../../generated/prisma/client.ts';
import type {
  AgendaItem,
  Answer,
  AnswerValue,
  Committee,
  DeliveryState,
  Invitation,
  Job,
  JobKind,
  JobState,
  Platform,
  Question,
  QuestionKind,
  ReminderPolicy,
  Round,
  RoundStatus,
} from '../../core/model.ts';
import type {
  AnswerRevision,
  AuditEvent,
  InvitationPatch,
  OutboxEntry,
  SummaryRecord,
} from '../../core/ports/store.ts';

/** Drops `null` fields, so an absent column becomes an absent property. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null && field !== undefined) out[key] = field;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** A round row loaded with ROUND_INCLUDE. */
export type RoundWithAgenda = RoundRow & { agendaItems: (AgendaItemRow & { questions: QuestionRow[] })[] };

/** The nested create of a round with its agenda snapshot. */
export function roundToCreate(round: Round, createdAt: Date): Prisma.RoundCreateInput {
  return { ...roundRowOf(round, createdAt), agendaItems: { create: agendaToCreate(round.agenda) } };
}

/** The round's own row, without its agenda. */
export function roundRowOf(round: Round, createdAt: Date): RoundRow {
  return {
    id: round.id,
    committeeId: round.committeeId,
    title: round.title,
    description: round.description ?? null,
    anonymous: round.anonymous,
    allowLate: round.allowLate,
    reminders: JSON.stringify(round.reminders),
    status: round.status,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    openedAt: round.openedAt ?? null,
    closedAt: round.closedAt ?? null,
    summarisedAt: round.summarisedAt ?? null,
    cancelledAt: round.cancelledAt ?? null,
    createdAt,
  };
}

/** The nested create of an agenda's items and questions, in order (a round's, or a revised one). */
export function agendaToCreate(agenda: Round['agenda']): Prisma.AgendaItemCreateWithoutRoundInput[] {
  return agenda.map((item, itemIndex) => ({
    id: item.id,
    position: itemIndex,
    title: item.title,
    description: item.description ?? null,
    questions: { create: item.questions.map((question, index) => questionToCreate(question, index)) },
  }));
}

/** The agenda as flat rows of its two tables (the SQLite store's prepared open). */
export function agendaRows(
  roundId: string,
  agenda: Round['agenda'],
): { items: AgendaItemRow[]; questions: QuestionRow[] } {
  const items: AgendaItemRow[] = [];
  const questions: QuestionRow[] = [];
  for (const [itemIndex, item] of agenda.entries()) {
    items.push({ roundId, id: item.id, position: itemIndex, title: item.title, description: item.description ?? null });
    for (const [index, question] of item.questions.entries())
      questions.push({ roundId, itemId: item.id, ...questionToCreate(question, index) });
  }
  return { items, questions };
}

function questionToCreate(question: Question, position: number): Omit<QuestionRow, 'roundId' | 'itemId'> {
  return {
    id: question.id,
    position,
    prompt: question.prompt,
    help: question.help ?? null,
    kind: question.kind,
    options: question.options ? JSON.stringify(question.options) : null,
    scaleMin: question.scale?.min ?? null,
    scaleMax: question.scale?.max ?? null,
    scaleMinLabel: question.scale?.minLabel ?? null,
    scaleMaxLabel: question.scale?.maxLabel ?? null,
    required: question.required,
    maxLength: question.maxLength,
  };
}

function questionFromRow(row: QuestionRow): Question {
  const question: Question = {
    id: row.id,
    prompt: row.prompt,
    kind: row.kind as QuestionKind,
    required: row.required,
    maxLength: row.maxLength,
  };
  if (row.help !== null) question.help = row.help;
  if (row.options !== null) question.options = parseJson<string[]>(row.options);
  if (row.scaleMin !== null && row.scaleMax !== null) {
    question.scale = defined({
      min: row.scaleMin,
      max: row.scaleMax,
      minLabel: row.scaleMinLabel,
      maxLabel: row.scaleMaxLabel,
    });
  }
  return question;
}

/** Include clause that loads a round's agenda in order. */
export const ROUND_INCLUDE = {
  agendaItems: { orderBy: { position: 'asc' }, include: { questions: { orderBy: { position: 'asc' } } } },
} as const satisfies Prisma.RoundInclude;

/** A round row with its agenda rows as the domain Round. */
export function roundFromRow(row: RoundWithAgenda): Round {
  const agenda: AgendaItem[] = row.agendaItems.map((item) =>
    defined({
      id: item.id,
      title: item.title,
      description: item.description,
      questions: item.questions.map(questionFromRow),
    }),
  );
  return defined({
    id: row.id,
    committeeId: row.committeeId,
    title: row.title,
    description: row.description,
    agenda,
    anonymous: row.anonymous,
    allowLate: row.allowLate,
    reminders: parseJson<ReminderPolicy>(row.reminders),
    status: row.status as RoundStatus,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    summarisedAt: row.summarisedAt,
    cancelledAt: row.cancelledAt,
  });
}

/** Committee settings kept as one JSON column. */
export function committeeSettings(committee: Committee): string {
  return JSON.stringify({
    staff: committee.staff,
    staffChannels: committee.staffChannels,
    honorarium: committee.honorarium,
    calendar: committee.calendar,
  });
}

/** A new invitation as create data (used by the one-transaction open). */
export function invitationToCreate(invitation: Invitation): Prisma.InvitationUncheckedCreateInput {
  return {
    ...invitationPatchToData(invitation),
    roundId: invitation.roundId,
    memberId: invitation.memberId,
  } as Prisma.InvitationUncheckedCreateInput;
}

/** A patch as update data: a key given as `undefined` clears the column. */
export function invitationPatchToData(patch: InvitationPatch): Prisma.InvitationUncheckedUpdateInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'roundId' || key === 'memberId') continue;
    if (value === undefined && (key === 'deliveryState' || key === 'late')) continue;
    data[key] = value ?? null;
  }
  return data as Prisma.InvitationUncheckedUpdateInput;
}

/** An invitation row as the domain Invitation. */
export function invitationFromRow(row: InvitationRow): Invitation {
  return defined({
    ...row,
    platform: row.platform as Platform | null,
    deliveryState: row.deliveryState as DeliveryState,
  });
}

/** An answer row as the domain Answer (value parsed from JSON). */
export function answerFromRow(row: AnswerRow): Answer {
  return {
    roundId: row.roundId,
    memberId: row.memberId,
    questionId: row.questionId,
    value: parseJson<AnswerValue>(row.value),
    status: row.status as Answer['status'],
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}

/** An answer revision row as the port's AnswerRevision. */
export function revisionFromRow(row: AnswerRevisionRow): AnswerRevision {
  return {
    roundId: row.roundId,
    memberId: row.memberId,
    questionId: row.questionId,
    revision: row.revision,
    value: parseJson<AnswerValue>(row.value),
    afterSubmit: row.afterSubmit,
    savedAt: row.savedAt,
  };
}

/** A job row as the domain Job (the lease stays internal). */
export function jobFromRow(row: JobRow): Job {
  return defined({
    id: row.id,
    key: row.key,
    kind: row.kind as JobKind,
    roundId: row.roundId,
    memberId: row.memberId,
    dueAt: row.dueAt,
    state: row.state as JobState,
    attempts: row.attempts,
    lastError: row.lastError,
    payload: parseJson<Record<string, unknown>>(row.payload),
  });
}

/** An outbox row as the port's OutboxEntry. */
export function outboxFromRow(row: OutboxRow): OutboxEntry {
  return defined({
    key: row.key,
    state: row.state as OutboxEntry['state'],
    platform: row.platform,
    channelId: row.channelId,
    messageId: row.messageId,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    claimant: row.claimant,
    leaseUntil: row.leaseUntil,
  });
}

/** An audit row as the port's AuditEvent. */
export function auditFromRow(row: AuditEventRow): AuditEvent {
  return defined({
    at: row.at,
    actor: row.actor,
    action: row.action,
    roundId: row.roundId,
    memberId: row.memberId,
    detail: row.detail === null ? null : parseJson<Record<string, unknown>>(row.detail),
  });
}

/** A summary row as the port's SummaryRecord. */
export function summaryFromRow(row: SummaryRow): SummaryRecord {
  return defined({
    roundId: row.roundId,
    platform: row.platform,
    channelId: row.channelId,
    messageId: row.messageId,
    format: row.format,
    postedAt: row.postedAt,
  });
}
