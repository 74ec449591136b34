/**
 * The store contract for round drafts (rounds written in chat or imported,
 * issue 12), registered by `runStoreContract` (store-contract.ts) for every Store.
 */
import { describe, expect, it } from 'vitest';
import type { RoundDefinition } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';

const T0 = new Date('2024-02-01T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function definition(id: string, title = '서면자문'): RoundDefinition {
  return {
    id,
    committeeId: 'c1',
    title,
    agenda: [
      {
        id: '1',
        title: '안건',
        questions: [
          { id: '1.1', prompt: '의견', kind: 'long_text', required: true, maxLength: 4000 },
          {
            id: '1.2',
            prompt: '만족도',
            kind: 'single_choice',
            options: ['만족', '보통'],
            required: false,
            maxLength: 500,
          },
        ],
      },
    ],
    window: { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' },
    anonymous: false,
    allowLate: true,
    reminders: { slots: [{ kind: 'hours_before', hours: 3 }], graceMinutes: 120 },
  };
}

/** Registers the round draft tests; `store` gives the store of the running test. */
export function roundDraftContract(store: () => Store): void {
  describe('round drafts', () => {
    it('GIVEN a draft saved THEN it reads back whole, with who made it and when', async () => {
      const saved = await store().saveRoundDraft({
        definition: definition('r1'),
        source: 'chat',
        by: 'slack:U1',
        at: at(1),
      });
      const expected = {
        definition: definition('r1'),
        source: 'chat',
        createdAt: at(1),
        createdBy: 'slack:U1',
        updatedAt: at(1),
        updatedBy: 'slack:U1',
      };
      expect(saved).toEqual(expected);
      expect(await store().getRoundDraft('r1')).toEqual(expected);
    });

    it('GIVEN a draft saved again by someone else THEN the new definition replaces it and the maker stays', async () => {
      await store().saveRoundDraft({ definition: definition('r1'), source: 'chat', by: 'slack:U1', at: at(1) });
      await store().saveRoundDraft({
        definition: definition('r1', '고친 제목'),
        source: 'import',
        by: 'discord:s2',
        at: at(5),
      });
      expect(await store().getRoundDraft('r1')).toEqual({
        definition: definition('r1', '고친 제목'),
        source: 'import',
        createdAt: at(1),
        createdBy: 'slack:U1',
        updatedAt: at(5),
        updatedBy: 'discord:s2',
      });
    });

    it('GIVEN drafts saved out of order THEN they list by id; a deleted one is gone, deleting twice says so', async () => {
      for (const id of ['r2', 'r1', 'r3']) {
        await store().saveRoundDraft({ definition: definition(id), source: 'chat', by: 'cli', at: at(1) });
      }
      expect((await store().listRoundDrafts()).map((d) => d.definition.id)).toEqual(['r1', 'r2', 'r3']);
      expect(await store().deleteRoundDraft('r2')).toBe(true);
      expect(await store().deleteRoundDraft('r2')).toBe(false);
      expect(await store().getRoundDraft('r2')).toBeNull();
      expect((await store().listRoundDrafts()).map((d) => d.definition.id)).toEqual(['r1', 'r3']);
    });

    it('GIVEN a draft returned THEN changing it does not change the stored one', async () => {
      const saved = await store().saveRoundDraft({
        definition: definition('r1'),
        source: 'chat',
        by: 'cli',
        at: at(1),
      });
      saved.definition.title = 'changed';
      expect((await store().getRoundDraft('r1'))?.definition.title).toBe('서면자문');
    });
  });
}
