/**
 * The staff verbs on the command line, against a real SQLite file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from './cli-sandbox.ts';

describe('jamun round', () => {
  const sandbox = useCliSandbox();
  const { jamun } = sandbox;

  it('GIVEN the seed config WHEN listing THEN the round shows as a draft with its deadline', async () => {
    const r = await jamun('round', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2024-1');
    expect(r.out).toContain('준비');
  });

  it('GIVEN a round WHEN shown THEN its window, business days and agenda are printed', async () => {
    const r = await jamun('round', 'show', '2024-1');
    expect(r.out).toContain('근무일 기준 4일');
    expect(r.out).toContain('1.4 인구감소');
  });

  it('GIVEN a round whose deadline has passed WHEN opened THEN the operator is told why and what to do (exit 3), and nothing is stored', async () => {
    const r = await jamun('round', 'open', '2024-1');
    expect(r.code).toBe(3);
    expect(r.err).toContain('마감 일시(2024. 2. 15.(목) 18:00)가 이미 지나 시작할 수 없습니다');
    expect((await jamun('round', 'status', '2024-1')).out).toContain('준비');
  });

  it('GIVEN an unknown round WHEN asked for its status THEN the operator is pointed to list', async () => {
    const r = await jamun('round', 'status', 'nope');
    expect(r.code).toBe(4);
    expect(r.err).toContain('list');
  });

  it('GIVEN a bad export format THEN the command refuses with the formats', async () => {
    const r = await jamun('round', 'export', '2024-1', '--format', 'xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('csv, md or json');
  });

  it('GIVEN the database WHEN migrated twice THEN the second run says it is up to date', async () => {
    await jamun('db', 'migrate');
    const r = await jamun('db', 'migrate');
    expect(r.code).toBe(0);
    expect(r.out).toBe('Database is up to date.');
    expect(existsSync(path.join(sandbox.dir, 'jamun.db'))).toBe(true);
    expect(readFileSync(path.join(sandbox.dir, 'jamun.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
