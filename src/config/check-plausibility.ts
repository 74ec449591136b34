/**
 * Checks that need a round and its committee together, or that a schema
 * cannot express: window times that do not exist (a DST gap) or exist twice
 * (a DST overlap) in the committee's zone, windows too long to be meant,
 * committees whose members are all inactive.
 */
import { DateTime } from 'luxon';
import type { Committee, RoundDefinition } from '../core/model.ts';
import type { LocatedProblem } from './config-error.ts';

/** A window longer than this is almost certainly a typo (1999 for 2024). */
const PLAUSIBLE_WINDOW_DAYS = 90;

/** Errors and warnings of one round against its committee. */
export function checkRoundAgainstCommittee(
  round: RoundDefinition,
  committee: Committee,
): { errors: LocatedProblem[]; warnings: LocatedProblem[] } {
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  const zone = committee.timeZone;
  for (const key of ['opens', 'closes'] as const) {
    const local = round.window[key];
    const path = ['window', key];
    const resolved = resolveLocal(local, zone);
    if (resolved.kind === 'gap')
      errors.push({
        path,
        message: `${shown(local)} does not exist in ${zone} (the clocks jump forward that night); choose another time, e.g. ${resolved.suggestion}`,
      });
    if (resolved.kind === 'overlap')
      warnings.push({
        path,
        message: `${shown(local)} happens twice in ${zone} (the clocks go back that night); jamun uses ${resolved.used}; write a time outside that hour to be unambiguous`,
      });
  }
  const opens = DateTime.fromISO(round.window.opens, { zone });
  const closes = DateTime.fromISO(round.window.closes, { zone });
  const days = closes.diff(opens, 'days').days;
  if (opens.isValid && closes.isValid && days > PLAUSIBLE_WINDOW_DAYS)
    warnings.push({
      path: ['window'],
      message: `the window is ${Math.round(days)} days long (${shown(round.window.opens)} to ${shown(round.window.closes)}); check the years: written consultations usually run one to three weeks`,
    });
  return { errors, warnings };
}

/** Warnings about a committee as a whole. */
export function committeeWarnings(committee: Committee): LocatedProblem[] {
  if (committee.members.length > 0 && committee.members.every((m) => !m.active))
    return [
      {
        path: ['members'],
        message: `all ${committee.members.length} members are inactive (active: false): opening a round would invite nobody`,
      },
    ];
  return [];
}

function shown(local: string): string {
  return local.replace('T', ' ');
}

type Resolved = { kind: 'ok' } | { kind: 'gap'; suggestion: string } | { kind: 'overlap'; used: string };

/** Whether a wall-clock time exists once, never (gap) or twice (overlap) in `zone`. */
function resolveLocal(local: string, zone: string): Resolved {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { kind: 'ok' };
  const wall = (d: DateTime): string => d.toFormat("yyyy-MM-dd'T'HH:mm");
  // Luxon moves a time in a gap past it: the wall clock no longer reads what was written.
  if (wall(dt) !== local) return { kind: 'gap', suggestion: shown(wall(dt)) };
  for (const shift of [-3_600_000, 3_600_000]) {
    const other = DateTime.fromMillis(dt.toMillis() + shift, { zone });
    if (wall(other) === local) {
      const which = shift > 0 ? 'first' : 'second';
      return { kind: 'overlap', used: `the ${which} one (UTC${dt.toFormat('ZZ')})` };
    }
  }
  return { kind: 'ok' };
}
