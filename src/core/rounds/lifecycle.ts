/**
 * Round lifecycle rules: draft → open → closed → summarised, with cancel and
 * deadline extension. Pure: the clock is an argument; invalid transitions
 * are values with codes.
 */
import { err, ok, type Result } from '../errors.ts';
import type { Round, RoundStatus } from '../model.ts';
import type { RoundPatch } from '../ports/store.ts';

type RoundAction = 'open' | 'close' | 'cancel' | 'extend' | 'summarise' | 'remind';

/** Which statuses each action may start from. */
const ALLOWED: Record<RoundAction, readonly RoundStatus[]> = {
  open: ['draft'],
  close: ['open'],
  cancel: ['draft', 'open'],
  extend: ['open', 'closed'],
  summarise: ['closed', 'summarised'],
  remind: ['open'],
};

function refuse(round: Pick<Round, 'id' | 'status'>, action: RoundAction): Result<never> {
  if (round.status === 'cancelled') return err('ROUND.CANCELLED', { roundId: round.id });
  if (action === 'open' && round.status === 'open') return err('ROUND.ALREADY_OPEN', { roundId: round.id });
  // `action === 'summarise'` is redundant today (only summarise refuses an open round; a surviving mutant says so), kept so a new action is not told NOT_CLOSED.
  if (action === 'summarise' && round.status === 'open') return err('ROUND.NOT_CLOSED', { roundId: round.id });
  return err('ROUND.INVALID_TRANSITION', { roundId: round.id, status: round.status, action });
}

/** May the round be opened now? A round whose deadline has passed cannot open (staff are told why and what to do). */
export function checkOpen(
  round: Pick<Round, 'id' | 'status' | 'closesAt'>,
  now: Date,
  closesAtText: string,
): Result<RoundPatch> {
  if (!ALLOWED.open.includes(round.status)) return refuse(round, 'open');
  if (round.closesAt.getTime() <= now.getTime())
    return err('ROUND.DEADLINE_PASSED', { roundId: round.id, closesAt: closesAtText });
  return ok({ status: 'open', openedAt: now });
}

export function checkClose(round: Pick<Round, 'id' | 'status'>, now: Date): Result<RoundPatch> {
  if (!ALLOWED.close.includes(round.status)) return refuse(round, 'close');
  return ok({ status: 'closed', closedAt: now });
}

export function checkCancel(round: Pick<Round, 'id' | 'status'>, now: Date): Result<RoundPatch> {
  if (!ALLOWED.cancel.includes(round.status)) return refuse(round, 'cancel');
  return ok({ status: 'cancelled', cancelledAt: now });
}

export function checkSummarise(round: Pick<Round, 'id' | 'status'>, now: Date): Result<RoundPatch> {
  if (!ALLOWED.summarise.includes(round.status)) return refuse(round, 'summarise');
  return ok({ status: 'summarised', summarisedAt: now });
}

export function checkRemind(round: Pick<Round, 'id' | 'status'>): Result<true> {
  if (!ALLOWED.remind.includes(round.status)) return refuse(round, 'remind');
  return ok(true);
}

/**
 * Extends the deadline. The new one must be later than the current one and
 * than now; a closed (not yet summarised) round opens again.
 */
export function checkExtend(
  round: Pick<Round, 'id' | 'status' | 'closesAt'>,
  until: Date,
  now: Date,
  texts: { until: string; closesAt: string },
): Result<RoundPatch> {
  if (!ALLOWED.extend.includes(round.status)) return refuse(round, 'extend');
  if (until.getTime() <= round.closesAt.getTime() || until.getTime() <= now.getTime()) {
    return err('ROUND.EXTEND_NOT_LATER', texts);
  }
  // A reopened round is not closed any more: its close time is cleared.
  return ok(round.status === 'closed' ? { status: 'open', closesAt: until, closedAt: undefined } : { closesAt: until });
}

/** Whether answers are accepted now, and whether they count as late. */
export function answerWindow(
  round: Pick<Round, 'id' | 'status' | 'closesAt' | 'allowLate'>,
  now: Date,
  /** The deadline as people read it; a function when formatting it is worth avoiding on the happy path. */
  closesAtText: string | (() => string),
): Result<{ late: boolean }> {
  if (round.status === 'cancelled') return err('ROUND.CANCELLED', { roundId: round.id });
  if (round.status === 'draft') return err('ROUND.NOT_OPEN', { roundId: round.id });
  const pastDeadline = round.status !== 'open' || now.getTime() >= round.closesAt.getTime();
  if (!pastDeadline) return ok({ late: false });
  // Late answers are taken until the summary is compiled, never after.
  if (round.allowLate && round.status !== 'summarised') return ok({ late: true });
  const closesAt = typeof closesAtText === 'string' ? closesAtText : closesAtText();
  return err('ROUND.CLOSED', { roundId: round.id, closesAt });
}
