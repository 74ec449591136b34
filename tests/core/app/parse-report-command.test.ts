import { describe, expect, it } from 'vitest';
import { parseStaffCommand, STAFF_USAGE } from '../../../src/core/app/parse-staff-command.ts';

describe('parseStaffCommand: report', () => {
  it('GIVEN "report 2024-1" without a format THEN it is the DOCX report', () => {
    expect(parseStaffCommand('report 2024-1')).toEqual({
      ok: true,
      value: { verb: 'report', roundId: '2024-1', reportFormat: 'docx' },
    });
  });

  it.each(['docx', 'xlsx', 'pdf', 'md', 'PDF'])('GIVEN format %s THEN it is that format in lower case', (format) => {
    expect(parseStaffCommand(`report 2024-1 ${format}`)).toEqual({
      ok: true,
      value: { verb: 'report', roundId: '2024-1', reportFormat: format.toLowerCase() },
    });
  });

  it.each(['csv', 'hwp', 'json'])(
    'GIVEN format %s, which the report does not come in, THEN REPORT.FORMAT',
    (format) => {
      expect(parseStaffCommand(`report 2024-1 ${format}`)).toEqual({
        ok: false,
        error: { code: 'REPORT.FORMAT', params: {} },
      });
    },
  );

  it('GIVEN no round, or a format and an extra word THEN COMMAND.USAGE with the report usage', () => {
    const usage = { ok: false, error: { code: 'COMMAND.USAGE', params: { usage: STAFF_USAGE.report } } };
    expect(parseStaffCommand('report')).toEqual(usage);
    expect(parseStaffCommand('report 2024-1 pdf now')).toEqual(usage);
  });
});
