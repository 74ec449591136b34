/**
 * Configuration that could mislead is refused or warned about by
 * `jamun config check`, naming the file: non-UTF-8 text, alias bombs, DST
 * gaps and overlaps, implausible windows, committees with nobody active;
 * Hangul ids are accepted. The environment's problems come with the
 * configuration's, together.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { SEED_COMMITTEE_FILE as COMMITTEE, SEED_ROUND_FILE as ROUND, useCliSandbox } from './cli-sandbox.ts';

describe('jamun config check on misleading configuration', { timeout: 60_000 }, () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-config-problems-' });
  const configWith = sandbox.configWith;

  async function check(dir: string) {
    const r = await sandbox.jamun('config', 'check', '--config', dir);
    return { code: r.code, err: r.errLines };
  }
  const shown = (dir: string, file: string): string => path.join(dir, file);

  it('GIVEN a committee file saved as EUC-KR THEN 6: the file is named and told to be saved as UTF-8', async () => {
    const dir = configWith(COMMITTEE, (text) => {
      const [head, tail] = text.split('name: 지역상생발전위원회');
      // 위원회 in EUC-KR.
      return Buffer.concat([
        Buffer.from(`${head}name: `),
        Buffer.from([0xc0, 0xa7, 0xbf, 0xf8, 0xc8, 0xb8]),
        Buffer.from(tail ?? ''),
      ]);
    });
    const r = await check(dir);
    expect(r.code).toBe(EXIT.config);
    expect(r.err[1]).toBe(
      `${shown(dir, COMMITTEE)}: not UTF-8 text (perhaps saved as EUC-KR/CP949 or ANSI): save the file as UTF-8 (e.g. Notepad: Save as → Encoding: UTF-8) and check again`,
    );
  });

  it('GIVEN a YAML alias bomb THEN 6 naming the file, at once', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const dir = configWith(ROUND, (text) => `${text}\n${bomb}\n`);
    const r = await check(dir);
    expect(r.code).toBe(EXIT.config);
    expect(r.err[1]).toBe(
      `${shown(dir, ROUND)}: too many YAML aliases (*name): more than 100 expansions, which looks like an "alias bomb"; write the values out instead`,
    );
  });

  it('GIVEN a window time in a DST gap THEN 6 naming the key and a time that exists', async () => {
    const committeeDir = configWith(COMMITTEE, (text) =>
      text.replace('time_zone: Asia/Seoul', 'time_zone: America/New_York'),
    );
    const roundFile = path.join(committeeDir, ROUND);
    writeFileSync(
      roundFile,
      readFileSync(roundFile, 'utf8')
        .replace('opens: 2024-02-08 09:00', 'opens: 2024-03-10 02:30')
        .replace('closes: 2024-02-15 18:00', 'closes: 2024-03-15 18:00'),
    );
    const r = await check(committeeDir);
    expect(r.code).toBe(EXIT.config);
    expect(r.err[1]).toBe(
      `${shown(committeeDir, ROUND)}: window.opens: 2024-03-10 02:30 does not exist in America/New_York (the clocks jump forward that night); choose another time, e.g. 2024-03-10 03:30`,
    );
  });

  it('GIVEN a window time in a DST overlap THEN a warning naming which of the two is used', async () => {
    const dir = configWith(COMMITTEE, (text) => text.replace('time_zone: Asia/Seoul', 'time_zone: America/New_York'));
    const roundFile = path.join(dir, ROUND);
    writeFileSync(
      roundFile,
      readFileSync(roundFile, 'utf8')
        .replace('opens: 2024-02-08 09:00', 'opens: 2024-11-03 01:30')
        .replace('closes: 2024-02-15 18:00', 'closes: 2024-11-08 18:00'),
    );
    const r = await check(dir);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(
      `warning: ${shown(dir, ROUND)}: window.opens: 2024-11-03 01:30 happens twice in America/New_York (the clocks go back that night); jamun uses the second one (UTC-05:00); write a time outside that hour to be unambiguous`,
    );
  });

  it('GIVEN a window from 1999 to 2099 THEN a warning to check the years', async () => {
    const dir = configWith(ROUND, (text) =>
      text
        .replace('opens: 2024-02-08 09:00', 'opens: 1999-02-08 09:00')
        .replace('closes: 2024-02-15 18:00', 'closes: 2099-02-15 18:00'),
    );
    const r = await check(dir);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err[0]).toMatch(
      new RegExp(
        `^warning: ${shown(dir, ROUND).replace(/[.]/g, '\\.')}: window: the window is 36\\d{3} days long \\(1999-02-08 09:00 to 2099-02-15 18:00\\); check the years`,
      ),
    );
  });

  it('GIVEN a committee whose members are all inactive THEN a warning that a round would invite nobody', async () => {
    const dir = configWith(COMMITTEE, (text) => text.replace(/(\n {4}name: [^\n]+)/g, '$1\n    active: false'));
    const r = await check(dir);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(
      `warning: ${shown(dir, COMMITTEE)}: members: all 7 members are inactive (active: false): opening a round would invite nobody`,
    );
  });

  it('GIVEN Hangul ids (typed decomposed, NFD) THEN they are accepted as NFC', async () => {
    const dir = configWith(COMMITTEE, (text) =>
      text.replace('id: regional-coprosperity', `id: ${'지역상생'.normalize('NFD')}`),
    );
    const roundFile = path.join(dir, ROUND);
    writeFileSync(
      roundFile,
      readFileSync(roundFile, 'utf8').replace('committee: regional-coprosperity', 'committee: 지역상생'),
    );
    const r = await check(dir);
    expect(r.err.filter((l) => !l.startsWith('warning'))).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
  });

  it('GIVEN a bad environment and a bad configuration THEN both are reported, exit 6', async () => {
    const dir = configWith(ROUND, (text) => text.replace('closes: 2024-02-15 18:00', 'closes: 2024-02-07 18:00'));
    process.env.LOG_LEVEL = 'loud';
    const r = await check(dir);
    delete process.env.LOG_LEVEL;
    expect(r.code).toBe(EXIT.config);
    expect(r.err[0]).toBe('The environment has problems:');
    expect(r.err.join('\n')).toMatch(/environment: LOG_LEVEL: /);
    expect(r.err.join('\n')).toMatch(/rounds\/2024-1\.yaml: window\.closes: /);
  });
});
