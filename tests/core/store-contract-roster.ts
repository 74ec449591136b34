/**
 * The store contract for roster entries (members staff added or changed in
 * chat, issue 12), registered by `runStoreContract` (store-contract.ts) for every Store.
 */
import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';

const T0 = new Date('2024-02-01T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function member(id: string, name = '김가상', extra: Partial<Member> = {}): Member {
  return { id, name, platforms: { slack: `U${id.toUpperCase()}` }, active: true, ...extra };
}

/** Registers the roster entry tests; `store` gives the store of the running test. */
export function rosterContract(store: () => Store): void {
  describe('roster entries', () => {
    it('GIVEN an entry saved THEN it reads back whole, with its file base, who made it and when', async () => {
      const added = member('m1', '김가상', { role: '위원', timeZone: 'Europe/Paris', locale: 'en' });
      const saved = await store().saveRosterEntry({
        committeeId: 'c1',
        member: added,
        fileBase: null,
        by: 'slack:U1',
        at: at(1),
      });
      const expected = {
        committeeId: 'c1',
        member: added,
        fileBase: null,
        createdAt: at(1),
        createdBy: 'slack:U1',
        updatedAt: at(1),
        updatedBy: 'slack:U1',
      };
      expect(saved).toEqual(expected);
      expect(await store().listRosterEntries('c1')).toEqual([expected]);
    });

    it('GIVEN an entry saved again by someone else THEN the new member replaces it and the maker stays', async () => {
      await store().saveRosterEntry({ committeeId: 'c1', member: member('m1'), fileBase: null, by: 'cli', at: at(1) });
      const base = member('m1', '파일 이름');
      await store().saveRosterEntry({
        committeeId: 'c1',
        member: member('m1', '고친 이름', { active: false }),
        fileBase: base,
        by: 'discord:s2',
        at: at(5),
      });
      expect(await store().listRosterEntries()).toEqual([
        {
          committeeId: 'c1',
          member: member('m1', '고친 이름', { active: false }),
          fileBase: base,
          createdAt: at(1),
          createdBy: 'cli',
          updatedAt: at(5),
          updatedBy: 'discord:s2',
        },
      ]);
    });

    it('GIVEN entries of two committees saved out of order THEN they list by committee and member id, filtered by committee', async () => {
      for (const [committeeId, id] of [
        ['c2', 'm1'],
        ['c1', 'm3'],
        ['c1', 'm1'],
      ] as const) {
        await store().saveRosterEntry({ committeeId, member: member(id), fileBase: null, by: 'cli', at: at(1) });
      }
      const all = await store().listRosterEntries();
      expect(all.map((e) => [e.committeeId, e.member.id])).toEqual([
        ['c1', 'm1'],
        ['c1', 'm3'],
        ['c2', 'm1'],
      ]);
      expect((await store().listRosterEntries('c2')).map((e) => e.member.id)).toEqual(['m1']);
      expect(await store().listRosterEntries('none')).toEqual([]);
    });

    it('GIVEN an entry returned THEN changing it does not change the stored one', async () => {
      const saved = await store().saveRosterEntry({
        committeeId: 'c1',
        member: member('m1'),
        fileBase: null,
        by: 'cli',
        at: at(1),
      });
      saved.member.name = 'changed';
      expect((await store().listRosterEntries('c1'))[0]?.member.name).toBe('김가상');
    });
  });
}
