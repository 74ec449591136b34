/**
 * Rows read or written with prepared statements (sqlite-direct.ts): SQLite
 * hands back dates as epoch milliseconds and booleans as 0/1, where Prisma
 * would give Dates and booleans. These turn them into the Prisma row shapes
 * row-mapping.ts already maps to the domain.
 */
import type {
  Answer as AnswerRow,
  Invitation as InvitationRow,
  Outbox as OutboxRow,
  Round as RoundRow,
} from '../../generated/prisma/client.ts';
import type { Answer, Invitation } from '../../core/model.ts';
import type { OutboxEntry } from '../../core/ports/store.ts';
import { answerFromRow, invitationFromRow, outboxFromRow } from './row-mapping.ts';
import { bindable, dateOf, optionalDateOf, type SqlValue } from './sqlite-direct.ts';

type Raw = Record<string, unknown>;

/** A raw Round row as Prisma's row type. */
export function roundRowFromSqlite(row: unknown): RoundRow {
  const raw = row as Raw;
  return {
    ...(raw as unknown as RoundRow),
    anonymous: Boolean(raw.anonymous),
    allowLate: Boolean(raw.allowLate),
    opensAt: dateOf(raw.opensAt),
    closesAt: dateOf(raw.closesAt),
    openedAt: optionalDateOf(raw.openedAt),
    closedAt: optionalDateOf(raw.closedAt),
    summarisedAt: optionalDateOf(raw.summarisedAt),
    cancelledAt: optionalDateOf(raw.cancelledAt),
    createdAt: dateOf(raw.createdAt),
  };
}

/** A raw Invitation row as the domain Invitation. */
export function invitationFromSqlite(row: unknown): Invitation {
  const raw = row as Raw;
  return invitationFromRow({
    ...(raw as unknown as InvitationRow),
    late: Boolean(raw.late),
    deliveredAt: optionalDateOf(raw.deliveredAt),
    submittedAt: optionalDateOf(raw.submittedAt),
    declinedAt: optionalDateOf(raw.declinedAt),
    removedAt: optionalDateOf(raw.removedAt),
  });
}

/** A raw Answer row as the domain Answer. */
export function answerFromSqlite(row: unknown): Answer {
  const raw = row as Raw;
  return answerFromRow({ ...(raw as unknown as AnswerRow), updatedAt: dateOf(raw.updatedAt) });
}

/** A raw Outbox row as the port's OutboxEntry. */
export function outboxFromSqlite(row: unknown): OutboxEntry {
  const raw = row as Raw;
  return outboxFromRow({
    ...(raw as unknown as OutboxRow),
    leaseUntil: optionalDateOf(raw.leaseUntil),
    createdAt: dateOf(raw.createdAt),
    updatedAt: dateOf(raw.updatedAt),
  });
}

/** The insert of one invitation row; `invitationValues` gives its values in this order. */
export const INVITATION_INSERT = `INSERT INTO "Invitation" ("roundId", "memberId", "platform", "deliveryState",
  "failureReason", "channelRef", "messageRef", "deliveredAt", "submittedAt", "declinedAt", "declineReason", "late",
  "removedAt", "lastAskedQuestionId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** An invitation's values in the column order of INVITATION_INSERT. */
export function invitationValues(invitation: Invitation): SqlValue[] {
  return [
    invitation.roundId,
    invitation.memberId,
    invitation.platform ?? null,
    invitation.deliveryState,
    invitation.failureReason ?? null,
    invitation.channelRef ?? null,
    invitation.messageRef ?? null,
    bindable(invitation.deliveredAt),
    bindable(invitation.submittedAt),
    bindable(invitation.declinedAt),
    invitation.declineReason ?? null,
    bindable(invitation.late),
    bindable(invitation.removedAt),
    invitation.lastAskedQuestionId ?? null,
  ];
}
