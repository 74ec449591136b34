/**
 * `jamun round synthesis` and `jamun round action`: staff's synthesis and
 * follow-up actions written from the command line, kept and shown; mistakes
 * refused with their exit codes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { futureWindow, SEED_ROUND_FILE, useCliSandbox } from './cli-sandbox.ts';

// Each case starts the CLI more than once, each opening the database: generous on a loaded machine.
describe('jamun round synthesis and action', { timeout: 90_000 }, () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-follow-up-', prepare: (s) => s.edit(SEED_ROUND_FILE, futureWindow) });
  const { round } = sandbox;

  beforeAll(async () => {
    expect((await round('open', '2024-1')).code).toBe(0);
  }, 90_000);

  it('GIVEN a synthesis written from a file and then from --text THEN the latest is shown, not the first', async () => {
    const file = path.join(sandbox.dir, 'synthesis.txt');
    writeFileSync(file, '○ 첫 정리\n  - 세부');
    const first = await round('synthesis', '2024-1', '1.1', '--file', file);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect((await round('synthesis', '2024-1', '1.1', '--text', '○ 고친 정리')).code).toBe(0);
    const shown = await round('synthesis', '2024-1', '1.1');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('○ 고친 정리');
    expect(shown.out).not.toContain('첫 정리');
  });

  it('GIVEN an action added, then done THEN the list shows it with its department', async () => {
    const added = await round(
      'action',
      '2024-1',
      'add',
      '--text',
      '사업부서에 자문의견 공유',
      '--department',
      '대외협력과',
      '--due',
      '2099-03-31',
      '--questions',
      '1.1',
    );
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect((await round('action', '2024-1', 'done', '1')).code).toBe(0);
    const list = await round('action', '2024-1');
    expect(list.out).toContain('사업부서에 자문의견 공유');
    expect(list.out).toContain('대외협력과');
  });

  it('GIVEN --text and --file together, or an op needing a number without one THEN usage (exit 2)', async () => {
    const both = await round('synthesis', '2024-1', '1.1', '--text', 'a', '--file', 'b');
    expect(both.code).toBe(2);
    expect(both.firstErr).toBe('Give the synthesis with --text or --file, not both.');
    const noNumber = await round('action', '2024-1', 'done');
    expect(noNumber.code).toBe(2);
    expect(noNumber.firstErr).toContain('N only with edit, done, drop or reopen');
  });

  it('GIVEN an unknown question, a missing file or an unknown round THEN each is refused with its exit code', async () => {
    expect((await round('synthesis', '2024-1', '9.9', '--text', 'x')).code).not.toBe(0);
    expect((await round('synthesis', '2024-1', '1.1', '--file', path.join(sandbox.dir, 'none.txt'))).code).toBe(4);
    expect((await round('action', 'nope')).code).toBe(4);
  });
});
