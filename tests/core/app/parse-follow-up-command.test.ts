import { describe, expect, it } from 'vitest';
import { parseStaffCommand, STAFF_USAGE } from '../../../src/core/app/parse-staff-command.ts';

const actionUsage = { ok: false, error: { code: 'COMMAND.USAGE', params: { usage: STAFF_USAGE.action } } };

describe('parsing synthesis and action commands', () => {
  it('GIVEN synthesis with a round and an item THEN the command names both; without the item or with more THEN usage', () => {
    expect(parseStaffCommand('synthesis 2024-1 1.2')).toEqual({
      ok: true,
      value: { verb: 'synthesis', roundId: '2024-1', target: '1.2' },
    });
    expect(parseStaffCommand('synthesis 2024-1')).toMatchObject({ ok: false, error: { code: 'COMMAND.USAGE' } });
    expect(parseStaffCommand('synthesis 2024-1 1.2 more')).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.USAGE' },
    });
  });

  it('GIVEN action with no op, list, add with and without text THEN list, list, add with the text, add for the form', () => {
    expect(parseStaffCommand('action 2024-1')).toEqual({
      ok: true,
      value: { verb: 'action', roundId: '2024-1', actionOp: 'list' },
    });
    expect(parseStaffCommand('action 2024-1 LIST')).toEqual({
      ok: true,
      value: { verb: 'action', roundId: '2024-1', actionOp: 'list' },
    });
    expect(parseStaffCommand('action 2024-1 add  추진계획   반영')).toEqual({
      ok: true,
      value: { verb: 'action', roundId: '2024-1', actionOp: 'add', actionInput: { text: '추진계획 반영' } },
    });
    expect(parseStaffCommand('action 2024-1 add')).toEqual({
      ok: true,
      value: { verb: 'action', roundId: '2024-1', actionOp: 'add' },
    });
  });

  it('GIVEN done, drop, reopen and edit with a number THEN the op and number; without a number, with 0 or a word THEN usage', () => {
    for (const op of ['done', 'drop', 'reopen', 'edit'] as const) {
      expect(parseStaffCommand(`action 2024-1 ${op} 3`)).toEqual({
        ok: true,
        value: { verb: 'action', roundId: '2024-1', actionOp: op, actionNumber: 3 },
      });
    }
    for (const text of [
      'action 2024-1 done',
      'action 2024-1 done 0',
      'action 2024-1 done x',
      'action 2024-1 done 3 4',
      'action 2024-1 finish 3',
      'action',
    ]) {
      expect(parseStaffCommand(text)).toMatchObject({ ok: false, error: { code: 'COMMAND.USAGE' } });
    }
  });

  it('GIVEN action numbers of one to six digits THEN that action; GIVEN seven digits, a leading zero or a letter around the digits THEN usage', () => {
    for (const [typed, number] of [
      ['12', 12],
      ['999999', 999_999],
    ] as const) {
      expect(parseStaffCommand(`action 2024-1 done ${typed}`)).toEqual({
        ok: true,
        value: { verb: 'action', roundId: '2024-1', actionOp: 'done', actionNumber: number },
      });
    }
    for (const typed of ['1000000', '03', 'x3', '3x']) {
      expect(parseStaffCommand(`action 2024-1 done ${typed}`)).toEqual(actionUsage);
    }
  });

  it('GIVEN list followed by another word, or an unknown op THEN COMMAND.USAGE with the whole action usage', () => {
    expect(parseStaffCommand('action 2024-1 list 3')).toEqual(actionUsage);
    expect(parseStaffCommand('action 2024-1 finish 3')).toEqual(actionUsage);
    expect(parseStaffCommand('action 2024-1 edit')).toEqual(actionUsage);
  });
});
