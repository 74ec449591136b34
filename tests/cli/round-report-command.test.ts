/**
 * `jamun round report`: the refusals an operator meets before a round can be
 * reported, each with its exit code and its first line, and nothing written.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from './cli-sandbox.ts';

describe('jamun round report', () => {
  const sandbox = useCliSandbox();
  const { jamun } = sandbox;

  it('GIVEN a round never opened WHEN its report is asked for THEN it is refused by its state (exit 3) and no report file is written', async () => {
    const out = path.join(sandbox.dir, 'reports');
    const r = await jamun('round', 'report', '2024-1', '--format', 'docx', '--out', out);
    expect(r.code).toBe(3);
    expect(r.firstErr).toContain('아직 시작되지 않았습니다');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('GIVEN a format the report does not come in THEN the command names the formats (exit 2)', async () => {
    const r = await jamun('round', 'report', '2024-1', '--format', 'odt');
    expect(r.code).toBe(2);
    expect(r.firstErr).toBe('--format must be one of docx, xlsx, pdf, md');
  });

  it('GIVEN an unknown round THEN the operator is pointed to list (exit 4)', async () => {
    const r = await jamun('round', 'report', 'nope', '--format', 'docx');
    expect(r.code).toBe(4);
    expect(r.firstErr).toContain('`list`');
  });
});
