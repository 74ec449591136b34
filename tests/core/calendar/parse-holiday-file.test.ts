import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, createHolidaySource, parseHolidayFile } from '../../../src/core/calendar/index.ts';

const options = { country: 'KR', source: 'test file' };

/** A 2029 response of the service as it sends JSON: one line. */
const JSON_2029 = JSON.stringify({
  response: {
    header: { resultCode: '00', resultMsg: 'NORMAL SERVICE.' },
    body: {
      items: {
        item: [
          { dateKind: '01', dateName: '1월1일', isHoliday: 'Y', locdate: 20290101, seq: 1 },
          { dateKind: '01', dateName: '임시공휴일', isHoliday: 'Y', locdate: 20290102, seq: 1 },
          { dateKind: '01', dateName: '설날', isHoliday: 'Y', locdate: 20290213, seq: 1 },
        ],
      },
      numOfRows: 100,
      pageNo: 1,
      totalCount: 3,
    },
  },
});

const XML_2029 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<response><header><resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header>
<body><items>
<item><dateKind>01</dateKind><dateName>1월1일</dateName><isHoliday>Y</isHoliday><locdate>20290101</locdate><seq>1</seq></item>
<item><dateKind>01</dateKind><dateName>국군의 날 &amp; 임시공휴일</dateName><isHoliday>Y</isHoliday><locdate>20291001</locdate><seq>1</seq></item>
</items><numOfRows>100</numOfRows><pageNo>1</pageNo><totalCount>2</totalCount></body></response>`;

describe('GIVEN a saved response of the official service', () => {
  it('WHEN it is JSON THEN every entry is read into its year', () => {
    const parsed = parseHolidayFile(JSON_2029, options);
    expect(parsed).toEqual({
      ok: true,
      years: [
        {
          country: 'KR',
          year: 2029,
          source: 'test file',
          holidays: [
            { date: '2029-01-01', name: '1월1일', isHoliday: true },
            { date: '2029-01-02', name: '임시공휴일', isHoliday: true },
            { date: '2029-02-13', name: '설날', isHoliday: true },
          ],
        },
      ],
    });
  });

  it('WHEN it is XML THEN entries and entities are read', () => {
    const parsed = parseHolidayFile(XML_2029, options);
    expect(parsed.ok && parsed.years[0]?.holidays.map((h) => h.name)).toEqual(['1월1일', '국군의 날 & 임시공휴일']);
  });

  it('WHEN the list is imported THEN its year becomes official and replaces the rules without a code change', () => {
    const parsed = parseHolidayFile(JSON_2029, options);
    if (!parsed.ok) throw new Error('expected the file to parse');
    const calendar = createBusinessCalendar(
      { country: 'KR', extraClosedDays: [], extraWorkingDays: [] },
      createHolidaySource(parsed.years),
    );
    expect(calendar.trustOfYear(2029)).toEqual({ year: 2029, level: 'official', source: 'test file' });
    expect(calendar.closedDay('2029-01-02')).toEqual({
      date: '2029-01-02',
      reason: 'public_holiday',
      name: '임시공휴일',
      englishName: 'Temporary Public Holiday',
    });
    // The file is the whole list: 2/12 (설날 전날 by the rules) is no longer closed.
    expect(calendar.isBusinessDay('2029-02-12')).toBe(true);
  });

  it('WHEN the service answered with an error THEN the file is refused with its reason', () => {
    const error = JSON.stringify({
      response: { header: { resultCode: '30', resultMsg: 'SERVICE_KEY_IS_NOT_REGISTERED' } },
    });
    expect(parseHolidayFile(error, options)).toEqual({
      ok: false,
      problems: [{ line: 1, reason: 'the service answered with an error: 30 SERVICE_KEY_IS_NOT_REGISTERED' }],
    });
  });

  it('WHEN only one page of several was saved THEN the file is refused', () => {
    const partial = JSON_2029.replace('"totalCount":3', '"totalCount":19');
    const parsed = parseHolidayFile(partial, options);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.reason).toMatch(/holds 3 of 19 entries.*numOfRows=100/);
  });

  it('WHEN the JSON is cut off THEN the file is refused with the line of the break', () => {
    const pretty = JSON.stringify(JSON.parse(JSON_2029), null, 2);
    const cut = pretty.slice(0, pretty.indexOf('"설날"') + 7);
    const parsed = parseHolidayFile(cut, options);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.reason).toMatch(/^not valid JSON/);
  });

  it('WHEN an item has a bad date or flag THEN each is refused with its line and item number', () => {
    const response = JSON.parse(JSON_2029);
    const [, second, third] = response.response.body.items.item;
    second.locdate = 20290230;
    third.isHoliday = 'maybe';
    const pretty = JSON.stringify(response, null, 2);
    const lines = pretty.split('\n');
    const lineOf = (text: string): number => lines.findIndex((line) => line.includes(text)) + 1;
    expect(parseHolidayFile(pretty, options)).toEqual({
      ok: false,
      problems: [
        {
          line: lineOf('20290230'),
          reason: 'item 2: date "20290230" is not a real day YYYYMMDD (or YYYY-MM-DD) in 1900–2199',
        },
        { line: lineOf('20290213'), reason: 'item 3: isHoliday of 2029-02-13 must be Y or N, not "maybe"' },
      ],
    });
  });

  it('WHEN the XML is cut off inside an item THEN it is refused with the line of that item', () => {
    const cut = XML_2029.slice(0, XML_2029.lastIndexOf('</item>'));
    expect(parseHolidayFile(cut, options)).toEqual({
      ok: false,
      problems: [{ line: 5, reason: 'the XML is cut off or malformed: 2 <item> but 1 </item>' }],
    });
  });
});

describe('GIVEN a CSV of date,name', () => {
  it('WHEN it has a header, comments and both date forms THEN every line is read', () => {
    const csv = 'date,name\n# 2029, from the service\n2029-01-01,1월 1일\n20291001,"임시공휴일(국군의 날)"\n';
    const parsed = parseHolidayFile(csv, options);
    expect(parsed.ok && parsed.years[0]?.holidays).toEqual([
      { date: '2029-01-01', name: '1월 1일', isHoliday: true },
      { date: '2029-10-01', name: '임시공휴일(국군의 날)', isHoliday: true },
    ]);
  });

  it('WHEN lines are malformed THEN every one is refused with its line and reason', () => {
    const csv = '2029-01-01,1월 1일\n2029-13-01,없는 날\njust text\n2029-05-05,\n';
    expect(parseHolidayFile(csv, options)).toEqual({
      ok: false,
      problems: [
        { line: 2, reason: 'date "2029-13-01" is not a real day YYYYMMDD (or YYYY-MM-DD) in 1900–2199' },
        { line: 3, reason: 'expected "date,name", found "just text"' },
        { line: 4, reason: 'the holiday on 2029-05-05 has no name' },
      ],
    });
  });

  it('WHEN a year lacks 1 January THEN the file is refused: it would wipe the rest of that year', () => {
    const parsed = parseHolidayFile('2029-10-01,임시공휴일\n', options);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/no 1 January/) });
  });

  it('WHEN the file is empty THEN it is refused', () => {
    expect(parseHolidayFile('\n', options)).toEqual({
      ok: false,
      problems: [{ line: 1, reason: 'the file lists no holidays' }],
    });
  });
});
