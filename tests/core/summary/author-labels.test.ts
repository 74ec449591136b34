import { describe, expect, it } from 'vitest';
import { anonymousAuthors, namedAuthors } from '../../../src/core/summary/author-labels.ts';
import { invitation, member, submitted } from './builders.ts';

/** FNV-1a (32-bit) as its specification defines it: an oracle independent of the code under test. */
function fnv1a(text: string): number {
  let hash = 2166136261;
  for (const unit of text.split('').map((c) => c.charCodeAt(0))) {
    hash = Math.imul(hash ^ unit, 16777619) >>> 0;
  }
  return hash;
}

const IDS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

function labelsOf(roundId: string, ids: readonly string[], minute = 0): string[] {
  const authors = anonymousAuthors(
    roundId,
    ids.map((id) => submitted(id, minute)),
    'en',
  );
  return IDS.filter((id) => ids.includes(id)).map((id) => authors.label(id));
}

describe('anonymous author labels', () => {
  it('GIVEN the FNV-1a oracle THEN it matches the published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('GIVEN six members who submitted at the same minute THEN letters follow the hash of round and member id, lowest first', () => {
    const byHash = [...IDS].sort((a, b) => fnv1a(`r-1\u0000${a}`) - fnv1a(`r-1\u0000${b}`));
    const authors = anonymousAuthors(
      'r-1',
      IDS.map((id) => submitted(id, 0)),
      'en',
    );
    expect(byHash.map((id) => authors.label(id))).toEqual([
      'Member A',
      'Member B',
      'Member C',
      'Member D',
      'Member E',
      'Member F',
    ]);
    expect(byHash).not.toEqual(IDS);
  });

  it('GIVEN equal times THEN the labels do not depend on the order the invitations come in', () => {
    expect(labelsOf('r-1', [...IDS].reverse())).toEqual(labelsOf('r-1', IDS));
  });

  it('GIVEN another round with the same members and times THEN the tie is broken differently (the hash includes the round)', () => {
    expect(labelsOf('r-2', IDS)).not.toEqual(labelsOf('r-1', IDS));
  });

  it('GIVEN two members whose hashes collide and who submitted at the same minute THEN the lower id gets the first letter, whatever the input order', () => {
    // Found by search: in round r-1 these two ids hash alike.
    const [low, high] = ['m75849', 'm828124'];
    expect(fnv1a(`r-1\u0000${low}`)).toBe(fnv1a(`r-1\u0000${high}`));
    for (const order of [
      [low, high],
      [high, low],
    ]) {
      const authors = anonymousAuthors(
        'r-1',
        order.map((id) => submitted(id, 0)),
        'en',
      );
      expect([authors.label(low), authors.label(high)]).toEqual(['Member A', 'Member B']);
    }
  });

  it('GIVEN different submission times THEN time decides before the hash', () => {
    const authors = anonymousAuthors('r-1', [submitted('m1', 30), submitted('m2', 10), submitted('m3', 20)], 'ko');
    expect(['m2', 'm3', 'm1'].map((id) => authors.label(id))).toEqual(['위원 A', '위원 B', '위원 C']);
    expect(['m2', 'm3', 'm1'].map((id) => authors.rank(id))).toEqual([0, 1, 2]);
  });

  it('GIVEN a submitter without a submission time THEN it comes after those with one', () => {
    const authors = anonymousAuthors('r-1', [invitation('m1'), submitted('m2', 50)], 'en');
    expect(authors.label('m2')).toBe('Member A');
    expect(authors.label('m1')).toBe('Member B');
  });

  it('GIVEN a member who did not submit THEN asking for a label is a programming error and the rank sorts last', () => {
    const authors = anonymousAuthors('r-1', [submitted('m1', 0)], 'en');
    expect(() => authors.label('m9')).toThrow(new RangeError('Member m9 has no anonymous label'));
    expect(authors.rank('m9')).toBe(1);
  });
});

describe('named author labels', () => {
  it('GIVEN committee members THEN names and list order; an unknown member is shown by id and ranked last', () => {
    const authors = namedAuthors([member('m1', '강도영'), member('m2', '김정환')]);
    expect([authors.label('m2'), authors.rank('m2')]).toEqual(['김정환', 1]);
    expect([authors.label('mx'), authors.rank('mx')]).toEqual(['mx', 2]);
  });
});
