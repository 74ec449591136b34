import { describe, expect, it } from 'vitest';
import { parseStaffCommand, STAFF_USAGE } from '../../../src/core/app/parse-staff-command.ts';
import { STAFF_VERBS, type StaffVerb } from '../../../src/core/app/inbound.ts';

const ROUND_VERBS = ['show', 'open', 'remind', 'close', 'cancel', 'summary'] as const;

function usageError(verb: StaffVerb) {
  return { ok: false, error: { code: 'COMMAND.USAGE', params: { usage: STAFF_USAGE[verb] } } };
}

describe('parseStaffCommand', () => {
  it.each(['', '   ', '\n\t'])('GIVEN empty text %j THEN it is help', (text) => {
    expect(parseStaffCommand(text)).toEqual({ ok: true, value: { verb: 'help' } });
  });

  it.each(['help', 'list'] as const)('GIVEN "%s" THEN it is that verb alone', (verb) => {
    expect(parseStaffCommand(verb)).toEqual({ ok: true, value: { verb } });
  });

  it.each(['help', 'list'] as const)('GIVEN "%s" with extra words THEN COMMAND.USAGE', (verb) => {
    expect(parseStaffCommand(`${verb} 2024-1`)).toEqual(usageError(verb));
  });

  it.each(ROUND_VERBS)('GIVEN "%s 2024-1" THEN it is that verb on round 2024-1', (verb) => {
    expect(parseStaffCommand(`${verb} 2024-1`)).toEqual({ ok: true, value: { verb, roundId: '2024-1' } });
  });

  it.each([...ROUND_VERBS, 'extend', 'export'] as const)(
    'GIVEN "%s" without a round id THEN COMMAND.USAGE with its usage text',
    (verb) => {
      expect(parseStaffCommand(verb)).toEqual(usageError(verb));
    },
  );

  it.each(ROUND_VERBS)('GIVEN "%s 2024-1 extra" THEN COMMAND.USAGE', (verb) => {
    expect(parseStaffCommand(`${verb} 2024-1 extra`)).toEqual(usageError(verb));
  });

  it('GIVEN "status" alone THEN it is status of no particular round: the command carries no round id at all', () => {
    expect(parseStaffCommand('status')).toStrictEqual({ ok: true, value: { verb: 'status' } });
  });

  it('GIVEN "status 2024-1" THEN it is status of round 2024-1', () => {
    expect(parseStaffCommand('status 2024-1')).toEqual({ ok: true, value: { verb: 'status', roundId: '2024-1' } });
  });

  it('GIVEN "status 2024-1 now" THEN COMMAND.USAGE', () => {
    expect(parseStaffCommand('status 2024-1 now')).toEqual(usageError('status'));
  });

  it('GIVEN an unknown verb THEN COMMAND.UNKNOWN naming the word as typed', () => {
    expect(parseStaffCommand('Launch 2024-1')).toEqual({
      ok: false,
      error: { code: 'COMMAND.UNKNOWN', params: { verb: 'Launch' } },
    });
  });

  it('GIVEN verbs in upper or mixed case THEN they are recognised and the round id is kept as typed', () => {
    expect(parseStaffCommand('OPEN Round-A')).toEqual({ ok: true, value: { verb: 'open', roundId: 'Round-A' } });
    expect(parseStaffCommand('Help')).toEqual({ ok: true, value: { verb: 'help' } });
  });

  it('GIVEN extra spaces and tabs between words THEN they do not matter', () => {
    expect(parseStaffCommand('  close \t 2024-1  ')).toEqual({ ok: true, value: { verb: 'close', roundId: '2024-1' } });
  });

  describe('extend', () => {
    it('GIVEN a date THEN until is the date', () => {
      expect(parseStaffCommand('extend 2024-1 2024-02-20')).toEqual({
        ok: true,
        value: { verb: 'extend', roundId: '2024-1', until: '2024-02-20' },
      });
    });

    it('GIVEN a date and a time THEN until is "date time"', () => {
      expect(parseStaffCommand('extend 2024-1 2024-02-20   18:00')).toEqual({
        ok: true,
        value: { verb: 'extend', roundId: '2024-1', until: '2024-02-20 18:00' },
      });
    });

    it('GIVEN a round id but no date THEN COMMAND.USAGE', () => {
      expect(parseStaffCommand('extend 2024-1')).toEqual(usageError('extend'));
    });

    it('GIVEN three words after the round id THEN COMMAND.USAGE', () => {
      expect(parseStaffCommand('extend 2024-1 2024-02-20 18:00 KST')).toEqual(usageError('extend'));
    });
  });

  describe('export', () => {
    it('GIVEN no format THEN it is markdown', () => {
      expect(parseStaffCommand('export 2024-1')).toEqual({
        ok: true,
        value: { verb: 'export', roundId: '2024-1', format: 'md' },
      });
    });

    it.each(['csv', 'md', 'json', 'CSV'])('GIVEN format %s THEN it is that format in lower case', (format) => {
      expect(parseStaffCommand(`export 2024-1 ${format}`)).toEqual({
        ok: true,
        value: { verb: 'export', roundId: '2024-1', format: format.toLowerCase() },
      });
    });

    it('GIVEN an unknown format THEN EXPORT.FORMAT', () => {
      expect(parseStaffCommand('export 2024-1 pdf')).toEqual({
        ok: false,
        error: { code: 'EXPORT.FORMAT', params: {} },
      });
    });

    it('GIVEN a format and an extra word THEN COMMAND.USAGE', () => {
      expect(parseStaffCommand('export 2024-1 csv now')).toEqual(usageError('export'));
    });
  });

  describe('resend', () => {
    it('GIVEN a round and a member THEN member is every word after the round id, as typed', () => {
      expect(parseStaffCommand('resend 2024-1 강도영')).toEqual({
        ok: true,
        value: { verb: 'resend', roundId: '2024-1', member: '강도영' },
      });
      expect(parseStaffCommand('resend 2024-1 Kang  Do Young')).toEqual({
        ok: true,
        value: { verb: 'resend', roundId: '2024-1', member: 'Kang Do Young' },
      });
    });

    it.each(['resend', 'resend 2024-1'])('GIVEN "%s" without a member THEN COMMAND.USAGE', (text) => {
      expect(parseStaffCommand(text)).toEqual(usageError('resend'));
    });
  });

  describe('reload', () => {
    it('GIVEN "reload" THEN it is reload alone; GIVEN more words THEN COMMAND.USAGE', () => {
      expect(parseStaffCommand('reload')).toEqual({ ok: true, value: { verb: 'reload' } });
      expect(parseStaffCommand('reload 2024-1')).toEqual(usageError('reload'));
      expect(parseStaffCommand('reload 2024-1 now')).toEqual(usageError('reload'));
    });
  });

  describe('members', () => {
    it('GIVEN "members" alone THEN it is every committee of the caller: no committee id at all', () => {
      expect(parseStaffCommand('members')).toStrictEqual({ ok: true, value: { verb: 'members' } });
    });

    it('GIVEN "members" and a word THEN the word is a committee id, not a round id', () => {
      expect(parseStaffCommand('members regional-coprosperity')).toStrictEqual({
        ok: true,
        value: { verb: 'members', committeeId: 'regional-coprosperity' },
      });
    });

    it('GIVEN "members" with two words THEN COMMAND.USAGE with the members usage', () => {
      expect(parseStaffCommand('members regional-coprosperity extra')).toEqual(usageError('members'));
    });
  });

  it('GIVEN a Hangul round id typed decomposed (NFD, as a Mac may send it) THEN the id is composed (NFC) as in the configuration', () => {
    const typed = 'open 제1차'.normalize('NFD');
    expect(typed).not.toBe('open 제1차');
    expect(parseStaffCommand(typed)).toEqual({ ok: true, value: { verb: 'open', roundId: '제1차' } });
  });

  it('GIVEN every verb THEN it has a usage line that starts with the verb', () => {
    for (const verb of STAFF_VERBS) expect(STAFF_USAGE[verb].split(' ')[0]).toBe(verb);
  });
});
