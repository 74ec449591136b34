/**
 * Committee checks that span several keys: duplicate member ids, one
 * platform user id shared by two members, the holiday region, overlapping
 * calendar overrides. Works on the raw YAML content so these problems are
 * reported even when other keys of the file fail their schema.
 */
import { isSupportedCountry, isSupportedRegion } from '../core/calendar/index.ts';
import { PLATFORMS } from '../core/model.ts';
import type { LocatedProblem } from './config-error.ts';
import { asList, asRecord, asString } from './raw-access.ts';

/** Errors block loading; warnings are reported and loading goes on. */
export interface CheckOutcome {
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

function checkMembers(members: readonly unknown[], errors: LocatedProblem[], warnings: LocatedProblem[]): void {
  const firstById = new Map<string, number>();
  const firstByPlatformId = new Map<string, number>();
  members.forEach((raw, index) => {
    const member = asRecord(raw);
    if (!member) return;
    const id = asString(member['id']);
    if (id !== undefined) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, index);
      else
        errors.push({
          path: ['members', index, 'id'],
          message: `duplicate member id '${id}' (also members[${first}])`,
        });
    }
    let reachable = false;
    for (const platform of PLATFORMS) {
      const userId = asString(member[platform]);
      if (userId === undefined) continue;
      reachable = true;
      const key = `${platform}\u0000${userId}`;
      const first = firstByPlatformId.get(key);
      if (first === undefined) firstByPlatformId.set(key, index);
      else
        errors.push({
          path: ['members', index, platform],
          message: `${platform} user id '${userId}' is also used by members[${first}]`,
        });
    }
    if (!reachable && member['active'] !== false) {
      warnings.push({
        path: ['members', index],
        message: 'no discord, slack or local id: this member cannot be invited',
      });
    }
  });
}

function checkCalendar(calendar: Record<string, unknown>, errors: LocatedProblem[]): void {
  const country = asString(calendar['country']) ?? 'KR';
  const region = asString(calendar['region']);
  if (region !== undefined && isSupportedCountry(country) && !isSupportedRegion(country, region)) {
    errors.push({
      path: ['calendar', 'region'],
      message: `unknown region '${region}' for country ${country.toUpperCase()}`,
    });
  }
  const closed = new Set(asList(calendar['extra_closed_days']).filter((d) => typeof d === 'string'));
  asList(calendar['extra_working_days']).forEach((day, index) => {
    if (typeof day === 'string' && closed.has(day)) {
      errors.push({
        path: ['calendar', 'extra_working_days', index],
        message: `${day} is also listed in extra_closed_days`,
      });
    }
  });
  const quiet = asRecord(calendar['quiet_hours']);
  if (quiet && typeof quiet['start'] === 'string' && quiet['start'] === quiet['end']) {
    errors.push({ path: ['calendar', 'quiet_hours', 'end'], message: 'must differ from start' });
  }
}

function isEmptyAccess(staff: Record<string, unknown> | null): boolean {
  if (!staff) return true;
  return ['discord', 'slack', 'local', 'discord_roles'].every((key) => asList(staff[key]).length === 0);
}

/** Cross-key checks of one committee file's raw content. */
export function checkCommittee(content: unknown): CheckOutcome {
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  const committee = asRecord(content);
  if (!committee) return { errors, warnings };
  checkMembers(asList(committee['members']), errors, warnings);
  const calendar = asRecord(committee['calendar']);
  if (calendar) checkCalendar(calendar, errors);
  if (isEmptyAccess(asRecord(committee['staff']))) {
    warnings.push({ path: ['staff'], message: 'no staff user or role ids: nobody can run staff commands from chat' });
  }
  const channels = asRecord(committee['staff_channel']);
  if (!channels || Object.keys(channels).length === 0) {
    warnings.push({ path: ['staff_channel'], message: 'no staff channel: round summaries cannot be posted' });
  }
  return { errors, warnings };
}
