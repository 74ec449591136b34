/**
 * Who a summary says wrote an answer: the member's name, or in an anonymous
 * round a letter label that stays the same across the whole round.
 */
import { t } from '../i18n/catalogue.ts';
import type { Invitation, Locale, Member } from '../model.ts';
import { letterLabel } from './format.ts';

/** How to show and order the authors of one round. */
export interface AuthorDirectory {
  /** Shown author of a member's answers. */
  label(memberId: string): string;
  /** Sort key: answers of a question are listed by ascending rank. */
  rank(memberId: string): number;
}

/** 32-bit FNV-1a: a stable, dependency-free hash for tie-breaking. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Orders two ids by code unit: the last tie-break of every author order. The
 * ids compared there (members of one round) are never equal.
 */
export function byId(a: string, b: string): number {
  // `<=` would differ only for equal ids, which never meet here (an equivalent mutant).
  return a < b ? -1 : 1;
}

/**
 * Names in committee member order. Members missing from the committee (the
 * configuration changed since) come after, by id, shown by id.
 */
export function namedAuthors(members: readonly Member[]): AuthorDirectory {
  const index = new Map<string, { name: string; rank: number }>();
  for (const [rank, member] of members.entries()) index.set(member.id, { name: member.name, rank });
  return {
    label: (memberId) => index.get(memberId)?.name ?? memberId,
    rank: (memberId) => index.get(memberId)?.rank ?? members.length,
  };
}

/**
 * Anonymous labels (위원 A, 위원 B, … / Member A, …; after Z: AA, AB, …).
 *
 * Letters go to submitters in order of submission time, because the order in
 * which members answered says nothing staff could map back to the member list,
 * whereas list order would. Equal submission times are broken by a hash of
 * round and member id (stable for a round, unrelated to list order or to the
 * id's alphabetical order), then by id so the order is total.
 */
export function anonymousAuthors(roundId: string, submitters: readonly Invitation[], locale: Locale): AuthorDirectory {
  const keyed = submitters.map((invitation) => ({
    memberId: invitation.memberId,
    time: invitation.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    hash: fnv1a(`${roundId}\u0000${invitation.memberId}`),
  }));
  keyed.sort((a, b) => a.time - b.time || a.hash - b.hash || byId(a.memberId, b.memberId));
  const ranks = new Map<string, number>(keyed.map((entry, rank) => [entry.memberId, rank]));
  return {
    label: (memberId) => {
      const rank = ranks.get(memberId);
      if (rank === undefined) throw new RangeError(`Member ${memberId} has no anonymous label`);
      return t(locale, 'summary.anonymousAuthor', { letter: letterLabel(rank) });
    },
    rank: (memberId) => ranks.get(memberId) ?? keyed.length,
  };
}
