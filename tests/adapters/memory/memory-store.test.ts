import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { runStoreContract, sampleCommittee, sampleRound } from '../../core/store-contract.ts';

runStoreContract('memory', async () => createMemoryStore());

describe('MemoryStore', () => {
  it('GIVEN a member dropped from config WHEN the committee syncs THEN the member stays, inactive', async () => {
    const store = createMemoryStore();
    await store.syncCommittee(sampleCommittee(['m1', 'm2']));
    await store.syncCommittee(sampleCommittee(['m1']));
    expect(store.membersOf('c1').map((m) => [m.id, m.active])).toEqual([
      ['m1', true],
      ['m2', false],
    ]);
  });

  it('GIVEN a stored round WHEN the caller mutates what it read THEN the store is unchanged', async () => {
    const store = createMemoryStore();
    await store.createRound(sampleRound());
    const read = await store.getRound('r1');
    read!.agenda[0]!.title = 'changed';
    expect((await store.getRound('r1'))?.agenda[0]?.title).toBe(sampleRound().agenda[0]?.title);
  });
});
