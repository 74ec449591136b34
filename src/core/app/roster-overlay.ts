/**
 * How a committee file and the roster changes staff made in chat combine
 * (issue 12). The file seeds the roster; a member staff added, changed or
 * removed in chat is a stored entry that replaces the file's member with
 * its id, or adds one. The chat edit wins, because it is the later and
 * deliberate act of the person responsible, and it is the one chat shows.
 * When the file was edited too, the conflict is reported (by `config check`,
 * reloads and `/jamun members`) instead of resolved silently:
 * - `file-changed`: the file's member differs from the one the chat edit
 *   was made over (`fileBase`), or the file dropped or added them since;
 * - `platform-id-taken`: a file member has the platform id of a member
 *   added in chat; the file member is left out (one person, one member).
 * Pure: no store, no clock.
 */
import { type Committee, type Member, PLATFORMS, type Platform, type RosterEntry } from '../model.ts';

/** A file edit and a chat edit of the same member, as reported. */
export interface RosterConflict {
  committeeId: string;
  memberId: string;
  kind: 'file-changed' | 'platform-id-taken';
  /** For `platform-id-taken`: the file member left out. */
  fileMemberId?: string;
}

/** A member in one canonical form, so two equal members compare equal whatever their key order. */
function canonical(member: Member | null | undefined): string {
  if (!member) return 'null';
  // Every platform in one fixed order, a missing id as null.
  const platforms = PLATFORMS.map((platform) => member.platforms[platform] ?? null);
  return JSON.stringify([
    member.id,
    member.name,
    member.role ?? null,
    platforms,
    member.timeZone ?? null,
    member.locale ?? null,
    member.active,
  ]);
}

/** Whether two members are the same in every field. */
export function sameMember(a: Member | null | undefined, b: Member | null | undefined): boolean {
  return canonical(a) === canonical(b);
}

function platformKeys(member: Member): string[] {
  return (Object.entries(member.platforms) as Array<[Platform, string | undefined]>)
    .filter(([, id]) => id !== undefined)
    .map(([platform, id]) => `${platform}:${id}`);
}

/**
 * The committee as it works: the file's members with the stored entries of
 * this committee laid over them (entries of other committees are ignored),
 * and the conflicts between the two.
 */
export function overlayRoster(
  file: Committee,
  entries: readonly RosterEntry[],
): { committee: Committee; conflicts: RosterConflict[] } {
  const mine = entries.filter((e) => e.committeeId === file.id);
  if (mine.length === 0) return { committee: file, conflicts: [] };
  const conflicts: RosterConflict[] = [];
  const byId = new Map(mine.map((e) => [e.member.id, e]));
  const members: Member[] = [];
  for (const fileMember of file.members) {
    const entry = byId.get(fileMember.id);
    if (!entry) {
      members.push(fileMember);
      continue;
    }
    if (!sameMember(fileMember, entry.fileBase))
      conflicts.push({ committeeId: file.id, memberId: fileMember.id, kind: 'file-changed' });
    members.push(entry.member);
  }
  const fileIds = new Set(file.members.map((m) => m.id));
  for (const entry of mine) {
    if (fileIds.has(entry.member.id)) continue;
    // The file had this member when staff changed them in chat, and no longer has.
    if (entry.fileBase !== null)
      conflicts.push({ committeeId: file.id, memberId: entry.member.id, kind: 'file-changed' });
    members.push(entry.member);
  }
  // A person is one member: a file member with the platform id of a member set in chat is left out.
  const claimed = new Map<string, string>();
  for (const entry of mine) for (const key of platformKeys(entry.member)) claimed.set(key, entry.member.id);
  const kept = members.filter((m) => {
    if (byId.has(m.id)) return true;
    const owner = platformKeys(m)
      .map((key) => claimed.get(key))
      .find((id) => id !== undefined);
    if (owner === undefined) return true;
    conflicts.push({ committeeId: file.id, memberId: owner, kind: 'platform-id-taken', fileMemberId: m.id });
    return false;
  });
  return { committee: { ...file, members: kept }, conflicts };
}
