/**
 * `jamun round import`: a round stored as a draft from a YAML file or a
 * questionnaire table, then opened with no edit of config/rounds and no
 * restart; every problem of a file with its line or row, nothing stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { futureWindow, useCliSandbox } from './cli-sandbox.ts';

// Each case starts the CLI several times (import, list, open), each opening the database: generous on a loaded machine.
describe('jamun round import', { timeout: 90_000 }, () => {
  const sandbox = useCliSandbox();
  const { round } = sandbox;
  const write = (name: string, text: string): string => {
    const file = path.join(sandbox.dir, name);
    writeFileSync(file, text);
    return file;
  };
  const tableArgs = ['--committee', 'regional-coprosperity', '--title', '제2차 서면자문'];

  it('GIVEN a questionnaire CSV and the round fields THEN the draft is stored, listed, and opens like a round file', async () => {
    const file = write(
      'q.csv',
      '안건,질문,응답 방식,선택지\n지역상생교류,사업 평가의견,,\n,만족도,단일 선택,만족 / 보통\n',
    );
    const [opens, closes] = [
      ...futureWindow('opens: 2024-02-08 09:00 closes: 2024-02-15 18:00').matchAll(/\d{4}-\S+ \S+/g),
    ].map((m) => m[0]);
    const r = await round(
      'import',
      file,
      '--id',
      'csv-1',
      ...tableArgs,
      '--opens',
      opens ?? '',
      '--closes',
      closes ?? '',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('초안 「제2차 서면자문」을 저장하였습니다: 안건 1건, 질문 2개. 시작하려면 open csv-1');
    expect((await round('list')).out).toContain('csv-1');
    const opened = await round('open', 'csv-1');
    expect(opened.code).toBe(0);
    expect(opened.out).toContain('제2차 서면자문');
  });

  it('GIVEN the seed round file under a new id THEN it is stored as a draft, and config/rounds is unchanged', async () => {
    const seed = readFileSync(path.join(sandbox.config, 'rounds', '2024-1.yaml'), 'utf8');
    const file = write('r.yaml', seed.replace('id: 2024-1', 'id: yaml-1'));
    const r = await round('import', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('안건 2건, 질문 7개');
    expect(readFileSync(path.join(sandbox.config, 'rounds', '2024-1.yaml'), 'utf8')).toBe(seed);
  });

  it('GIVEN a table with problems THEN each is printed with its row, nothing is stored (exit 3)', async () => {
    const file = write('bad.csv', '안건,질문,응답 방식\n,먼저 온 질문,\nA,종류,객관식\n');
    const r = await round(
      'import',
      file,
      '--id',
      'bad-1',
      ...tableArgs,
      '--opens',
      '2030-02-08 09:00',
      '--closes',
      '2030-02-15 18:00',
    );
    expect(r.code).toBe(3);
    expect(r.errLines).toEqual([
      'row 2: The first question row has no agenda item: fill in the agenda column.',
      'row 3: The type "객관식" is unknown: write one of long, short, choice, multiple, scale.',
      'Nothing was imported.',
    ]);
    expect((await round('list')).out).not.toContain('bad-1');
  });

  it('GIVEN a table without the round fields THEN the missing options are named (exit 2)', async () => {
    const file = write('q2.csv', '안건,질문\nA,Q\n');
    const r = await round('import', file, '--id', 'x');
    expect(r.code).toBe(2);
    expect(r.firstErr).toBe('A table holds only the agenda: give --committee, --title, --opens, --closes as well.');
  });

  it('GIVEN a missing file or another kind of file THEN exit 4 or 2, each saying why', async () => {
    const missing = await round('import', path.join(sandbox.dir, 'none.yaml'));
    expect(missing.code).toBe(4);
    expect(missing.firstErr).toContain('no such file. Nothing was imported.');
    const other = await round('import', write('notes.txt', 'x'));
    expect(other.code).toBe(2);
    expect(other.firstErr).toContain('import reads a round file (.yaml, .yml) or a questionnaire table (.xlsx, .csv).');
  });

  it('GIVEN a round file for an unknown committee THEN it is refused by name (exit 4)', async () => {
    const seed = readFileSync(path.join(sandbox.config, 'rounds', '2024-1.yaml'), 'utf8');
    const file = write(
      'c.yaml',
      seed.replace('id: 2024-1', 'id: c-1').replace('committee: regional-coprosperity', 'committee: nope'),
    );
    const r = await round('import', file);
    expect(r.code).toBe(4);
    expect(r.firstErr).toContain('「nope」');
  });
});
