/**
 * A round's window as instants. The YAML states local wall-clock times in
 * the committee's zone; the scheduler works with UTC instants.
 */
import { DateTime } from 'luxon';
import type { Committee, LocalDateTime, RoundDefinition } from '../core/model.ts';

function toInstant(local: LocalDateTime, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  // The loader only lets valid local date-times and zones through.
  if (!dt.isValid) throw new RangeError(`invalid local date-time ${local} in ${zone}: ${dt.invalidExplanation ?? ''}`);
  return dt.toJSDate();
}

/** `round.window` as UTC instants in `committee.timeZone`. */
export function windowInstants(
  round: Pick<RoundDefinition, 'window'>,
  committee: Pick<Committee, 'timeZone'>,
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: toInstant(round.window.opens, committee.timeZone),
    closesAt: toInstant(round.window.closes, committee.timeZone),
  };
}
