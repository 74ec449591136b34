/**
 * A copy of the shipped `config/` for runs of the real bot (crash trials,
 * the ack benches): the committee's members replaced, and a round of it
 * open from an hour ago for 7 days.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { CONFIG_DIR } from './app-harness.ts';

/**
 * Writes the copy into `dir/config` and returns its path. `membersYaml` is
 * the list under the committee's top-level `members:`; `finishRound` gets
 * round `roundId`'s file with its new dates and returns what to write
 * (reminders, agenda).
 */
export function openRoundConfig(
  dir: string,
  roundId: string,
  membersYaml: string,
  finishRound: (round: string) => string,
): string {
  const target = path.join(dir, 'config');
  cpSync(CONFIG_DIR, target, { recursive: true });
  const committeeFile = path.join(target, 'committees', 'regional-coprosperity.yaml');
  const committee = readFileSync(committeeFile, 'utf8');
  // The top-level `members:` key (a line of its own; `for_members:` elsewhere is not it).
  const membersAt = committee.search(/^members:/m);
  if (membersAt < 0) throw new Error(`no members: in ${committeeFile}`);
  writeFileSync(committeeFile, `${committee.slice(0, membersAt)}members:\n${membersYaml}`);
  const roundFile = path.join(target, 'rounds', `${roundId}.yaml`);
  const now = DateTime.now().setZone('Asia/Seoul');
  const local = (d: DateTime): string => d.toFormat('yyyy-LL-dd HH:mm');
  const round = readFileSync(roundFile, 'utf8')
    .replace(/opens: .+/, `opens: ${local(now.minus({ hours: 1 }))}`)
    .replace(/closes: .+/, `closes: ${local(now.plus({ days: 7 }))}`);
  writeFileSync(roundFile, finishRound(round));
  return target;
}
