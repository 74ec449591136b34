/**
 * The store contract for staff's syntheses and follow-up actions, registered
 * by `runStoreContract` (store-contract.ts) for every Store.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports/store.ts';

const T0 = new Date('2024-02-16T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/** Registers the synthesis and action tests; `store` gives the store of the running test. */
export function followUpContract(store: () => Store): void {
  describe('syntheses', () => {
    it('GIVEN a synthesis written twice and another target once THEN the latest of each lists, and every revision is kept with who and when', async () => {
      const first = await store().saveSynthesis({
        roundId: 'r1',
        targetId: '1.1',
        text: '○ 첫 정리',
        author: 'cli',
        writtenAt: at(1),
      });
      expect(first.revision).toBe(1);
      await store().saveSynthesis({
        roundId: 'r1',
        targetId: '2',
        text: '○ 안건 2',
        author: 'slack:U1',
        writtenAt: at(2),
      });
      const second = await store().saveSynthesis({
        roundId: 'r1',
        targetId: '1.1',
        text: '○ 고친 정리\n  - 세부',
        author: 'discord:s1',
        writtenAt: at(3),
      });
      expect(second).toEqual({
        roundId: 'r1',
        targetId: '1.1',
        revision: 2,
        text: '○ 고친 정리\n  - 세부',
        author: 'discord:s1',
        writtenAt: at(3),
      });
      await store().saveSynthesis({
        roundId: 'r2',
        targetId: '1.1',
        text: '다른 회차',
        author: 'cli',
        writtenAt: at(4),
      });
      expect((await store().listSyntheses('r1')).map((s) => [s.targetId, s.revision, s.text])).toEqual([
        ['1.1', 2, '○ 고친 정리\n  - 세부'],
        ['2', 1, '○ 안건 2'],
      ]);
      expect(
        (await store().listSynthesisRevisions('r1', '1.1')).map((s) => [s.revision, s.author, s.writtenAt]),
      ).toEqual([
        [1, 'cli', at(1)],
        [2, 'discord:s1', at(3)],
      ]);
      expect(await store().listSyntheses('r3')).toEqual([]);
    });

    it('GIVEN five writers of one target at once THEN five revisions are kept, numbered 1 to 5', async () => {
      await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          store().saveSynthesis({ roundId: 'r1', targetId: '1.1', text: `판 ${n}`, author: 'cli', writtenAt: at(n) }),
        ),
      );
      const revisions = await store().listSynthesisRevisions('r1', '1.1');
      expect(revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(revisions.map((r) => r.text)).size).toBe(5);
    });
  });

  describe('follow-up actions', () => {
    const base = {
      roundId: 'r1',
      text: '추진계획 반영',
      status: 'open' as const,
      questionIds: ['1.1', '1.2'],
      createdAt: at(0),
      createdBy: 'cli',
    };

    it('GIVEN actions added to two rounds THEN each round numbers its own from 1 and they list by round and number', async () => {
      const first = await store().addAction({ ...base, department: '대외협력과', dueDate: '2024-03-29' });
      expect(first).toEqual({
        ...base,
        number: 1,
        department: '대외협력과',
        dueDate: '2024-03-29',
        updatedAt: at(0),
        updatedBy: 'cli',
      });
      await store().addAction({ ...base, roundId: 'r0', questionIds: [] });
      const second = await store().addAction({ ...base, text: '넥스트로컬 반영' });
      expect(second.number).toBe(2);
      expect(second.department).toBeUndefined();
      expect(second.dueDate).toBeUndefined();
      expect((await store().listActions('r1')).map((a) => [a.roundId, a.number, a.text])).toEqual([
        ['r1', 1, '추진계획 반영'],
        ['r1', 2, '넥스트로컬 반영'],
      ]);
      expect((await store().listActions()).map((a) => [a.roundId, a.number])).toEqual([
        ['r0', 1],
        ['r1', 1],
        ['r1', 2],
      ]);
    });

    it('GIVEN an action WHEN edited THEN the changed fields, who and when read back; null clears the department and due date', async () => {
      await store().addAction({ ...base, department: '대외협력과', dueDate: '2024-03-29' });
      const edited = await store().updateAction(
        'r1',
        1,
        { text: '고친 조치', dueDate: '2024-04-30', questionIds: ['2.1'] },
        'slack:U1',
        at(5),
      );
      expect(edited).toEqual({
        ...base,
        number: 1,
        text: '고친 조치',
        department: '대외협력과',
        dueDate: '2024-04-30',
        questionIds: ['2.1'],
        updatedAt: at(5),
        updatedBy: 'slack:U1',
      });
      const cleared = await store().updateAction(
        'r1',
        1,
        { department: null, dueDate: null, status: 'done' },
        'cli',
        at(6),
      );
      expect(cleared?.department).toBeUndefined();
      expect(cleared?.dueDate).toBeUndefined();
      expect(cleared?.status).toBe('done');
      expect(await store().listActions('r1')).toEqual([cleared]);
    });

    it('GIVEN no such action THEN editing it returns null and adds nothing', async () => {
      expect(await store().updateAction('r1', 1, { status: 'done' }, 'cli', at(1))).toBeNull();
      expect(await store().listActions()).toEqual([]);
    });

    it('GIVEN four actions added to one round at once THEN they get the numbers 1 to 4', async () => {
      const added = await Promise.all([1, 2, 3, 4].map((n) => store().addAction({ ...base, text: `조치 ${n}` })));
      expect(added.map((a) => a.number).sort()).toEqual([1, 2, 3, 4]);
      expect((await store().listActions('r1')).map((a) => a.number)).toEqual([1, 2, 3, 4]);
    });
  });
}
