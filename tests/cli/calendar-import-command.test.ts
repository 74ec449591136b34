import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { t } from '../../src/core/i18n/catalogue.ts';
import { captureOutput as capture } from '../fakes/capture-output.ts';

/**
 * A response of the 특일 정보 service for 2029 as a person would save it (one
 * JSON line). A test fixture, not the real 2029 list: it is the computed list
 * with one temporary holiday (4/30) added, so the import has something to show.
 */
function saved2029(): string {
  const days: Array<[number, string]> = [
    [20290101, '1월1일'],
    [20290212, '설날'],
    [20290213, '설날'],
    [20290214, '설날'],
    [20290301, '삼일절'],
    [20290430, '임시공휴일'],
    [20290501, '노동절'],
    [20290505, '어린이날'],
    [20290507, '대체공휴일'],
    [20290520, '부처님오신날'],
    [20290521, '대체공휴일'],
    [20290606, '현충일'],
    [20290717, '제헌절'],
    [20290815, '광복절'],
    [20290921, '추석'],
    [20290922, '추석'],
    [20290923, '추석'],
    [20290924, '대체공휴일'],
    [20291003, '개천절'],
    [20291009, '한글날'],
    [20291225, '기독탄신일'],
  ];
  const item = days.map(([locdate, dateName]) => ({ dateKind: '01', dateName, isHoliday: 'Y', locdate, seq: 1 }));
  return JSON.stringify({
    response: {
      header: { resultCode: '00', resultMsg: 'NORMAL SERVICE.' },
      body: { items: { item }, numOfRows: 100, pageNo: 1, totalCount: item.length },
    },
  });
}

function workspace(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jamun-import-'));
  return { dir, config: join(dir, 'config') };
}

const run = (args: string[], c = capture()) =>
  main(['node', 'jamun', 'calendar', ...args], c.output).then((code) => ({ code, ...c }));

describe('jamun calendar business-days and the trust of a year', () => {
  it('GIVEN 2028-04-12, the 23rd National Assembly election in the official list, THEN it prints 0 and no warning', async () => {
    const r = await run(['business-days', '2028-04-12', '2028-04-12']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      '2028-04-12  public holiday: 제23대 국회의원선거',
      '0 business days from 2028-04-12 to 2028-04-12',
    ]);
    expect(r.err).toEqual([]);
  });

  it('GIVEN a window in 2029 THEN it warns on stderr that 2029 is computed, in Korean and English', async () => {
    const r = await run(['business-days', '2029-03-02', '2029-03-08']);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('5 business days from 2029-03-02 to 2029-03-08');
    expect(r.err).toEqual([
      `⚠ ${t('ko', 'calendar.computed', { years: '2029' })}`,
      `⚠ ${t('en', 'calendar.computed', { years: '2029' })}`,
    ]);
  });
});

describe('jamun calendar import', () => {
  it('GIVEN a saved official response for 2029 WHEN imported THEN the diff is printed, the list stored, and 2029 is official without a code change', async () => {
    const { dir, config } = workspace();
    const file = join(dir, 'getRestDeInfo-2029.json');
    writeFileSync(file, saved2029());

    const before = await run(['business-days', '2029-04-30', '2029-04-30', '--config', config]);
    expect(before.out.at(-1)).toMatch(/^1 business days/);

    const imported = await run(['import', file, '--config', config]);
    expect(imported.code).toBe(0);
    expect(imported.out[0]).toBe('KR 2029: computed → official (21 closing days in the new list)');
    expect(imported.out).toContain('  + 2029-04-30  임시공휴일');
    expect(imported.out).toContain('  ~ 2029-03-01  3·1절 → 삼일절');
    expect(imported.out).toContain(`Wrote ${join(config, 'holidays', 'KR-2029.json')}.`);
    const stored = JSON.parse(readFileSync(join(config, 'holidays', 'KR-2029.json'), 'utf8'));
    expect(stored._provenance.importedFrom).toBe('getRestDeInfo-2029.json');
    expect(stored._provenance.sha256OfImportedFile).toMatch(/^[0-9a-f]{64}$/);

    const after = await run(['business-days', '2029-04-30', '2029-04-30', '--config', config]);
    expect(after.out).toEqual([
      '2029-04-30  public holiday: 임시공휴일',
      '0 business days from 2029-04-30 to 2029-04-30',
    ]);
    expect(after.err).toEqual([]);
  });

  it('GIVEN --dry-run THEN the diff is printed and nothing is written', async () => {
    const { dir, config } = workspace();
    const file = join(dir, 'saved.json');
    writeFileSync(file, saved2029());
    const r = await run(['import', file, '--config', config, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('Nothing was written (--dry-run).');
    expect(() => readdirSync(join(config, 'holidays'))).toThrow();
  });

  it('GIVEN a malformed file THEN it is refused with each line and reason, exit 3, and nothing is written', async () => {
    const { dir, config } = workspace();
    const file = join(dir, 'holidays.csv');
    writeFileSync(file, 'date,name\n2029-01-01,1월 1일\n2029-02-30,설날\n2029-03-01\n');
    const r = await run(['import', file, '--config', config]);
    expect(r.code).toBe(3);
    expect(r.err).toEqual([
      `${file}:3: date "2029-02-30" is not a real day YYYYMMDD (or YYYY-MM-DD) in 1900–2199`,
      `${file}:4: expected "date,name", found "2029-03-01"`,
      `${file} was refused (2 problem(s)). Nothing was imported.`,
    ]);
    expect(() => readdirSync(join(config, 'holidays'))).toThrow();
  });

  it('GIVEN a response truncated mid-file THEN it is refused with the line of the break', async () => {
    const { dir, config } = workspace();
    const file = join(dir, 'cut.xml');
    writeFileSync(
      file,
      '<response><header><resultCode>00</resultCode></header><body><items>\n<item><locdate>20290101</locdate><dateName>1월1일</dateName><isHoliday>Y</isHoliday></item>\n<item><locdate>2029',
    );
    const r = await run(['import', file, '--config', config]);
    expect(r.code).toBe(3);
    expect(r.err[0]).toBe(`${file}:3: the XML is cut off or malformed: 2 <item> but 1 </item>`);
  });

  it('GIVEN a file that does not exist THEN it exits 4', async () => {
    const { dir, config } = workspace();
    const r = await run(['import', join(dir, 'nope.json'), '--config', config]);
    expect(r.code).toBe(4);
    expect(r.err[0]).toMatch(/no such file\. Nothing was imported\.$/);
  });

  it('GIVEN a broken list in the holidays folder THEN business-days refuses to count and names the file and line', async () => {
    const { config } = workspace();
    const r1 = await run(['import', '/dev/null', '--config', config]);
    expect(r1.code).toBe(3);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(config, 'holidays'), { recursive: true });
    writeFileSync(join(config, 'holidays', 'KR-2030.csv'), '2030-01-01,1월 1일\n2031-01-01,1월 1일\n');
    const r = await run(['business-days', '2030-01-02', '2030-01-03', '--config', config]);
    expect(r.code).toBe(6); // EXIT.config: a bad holiday list is configuration
    expect(r.err[0]).toBe(
      `${join(config, 'holidays', 'KR-2030.csv')}: the file is named for 2030 but lists days of 2031`,
    );
  });
});
