/**
 * The dates a round really had, as opposed to the window it was planned
 * with: a round opened late started when it was opened, a round closed early
 * ended when it was closed, an extended or reopened round has its new
 * deadline. Every view (status, show, list, summary, exports) reports these.
 * Pure.
 */
import type { Round } from '../model.ts';

/** A round's real dates. */
export interface RoundDates {
  /** When invitations went (or go) out: the planned opening, or the moment staff opened it if later. */
  startedAt: Date;
  /** The deadline in force (after any extension). */
  deadline: Date;
  /** When the round was closed, if it is closed (or summarised). */
  closedAt?: Date;
  /** Closed before its deadline (by staff). */
  closedEarly: boolean;
  /** Where the round ends or ended: `closedAt` when closed, else the deadline. */
  endsAt: Date;
}

export function roundDates(
  round: Pick<Round, 'status' | 'opensAt' | 'closesAt' | 'openedAt' | 'closedAt'>,
): RoundDates {
  const startedAt = new Date(Math.max(round.opensAt.getTime(), round.openedAt?.getTime() ?? 0));
  const closed = round.status === 'closed' || round.status === 'summarised';
  const closedAt = closed ? round.closedAt : undefined;
  const closedEarly = closedAt !== undefined && closedAt.getTime() < round.closesAt.getTime();
  return {
    startedAt,
    deadline: round.closesAt,
    ...(closedAt ? { closedAt } : {}),
    closedEarly,
    endsAt: closedEarly && closedAt ? closedAt : round.closesAt,
  };
}
