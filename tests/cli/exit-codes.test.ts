/**
 * The exit-code contract of `jamun`: one test per documented code (0–7), through
 * the real command line against a real SQLite file. Every refusal goes to
 * stderr with a non-zero code; results go to stdout; no stack trace.
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { main } from '../../src/cli/main.ts';
import { futureWindow, SEED_ROUND_FILE, useCliSandbox } from './cli-sandbox.ts';

describe('jamun exit codes', { timeout: 60_000 }, () => {
  // The shipped round, moved to a window far in the future so it can be opened.
  const sandbox = useCliSandbox({ prefix: 'jamun-exit-', prepare: (s) => s.edit(SEED_ROUND_FILE, futureWindow) });
  const { jamun, round } = sandbox;

  it('GIVEN a failure nobody expected (here: stdout breaks) THEN 1 with one line and a hint, no stack', async () => {
    const err: string[] = [];
    const broken = {
      out: () => {
        throw new Error('EPIPE: broken pipe\n    at write (node:internal/stream:1:1)');
      },
      err: (line: string) => err.push(line),
    };
    expect(await main(['node', 'jamun', '--version'], broken)).toBe(EXIT.internal);
    expect(err).toEqual([
      'jamun: unexpected error: EPIPE: broken pipe',
      '(run again with JAMUN_DEBUG=1 to see where it happened, and report it)',
    ]);
  });

  it('GIVEN the running bot on another machine THEN config reload ends with 7 (cannot reach it), saying what to do', async () => {
    const store = await createPrismaStore(sandbox.databaseUrl);
    const now = new Date();
    await store.saveHeartbeat({
      id: 'bot',
      pid: 4242,
      host: 'elsewhere.example',
      platforms: ['discord'],
      startedAt: now,
      beatAt: now,
    });
    await store.close();
    const r = await jamun('config', 'reload', '--config', sandbox.config);
    expect(r.code).toBe(EXIT.unavailable);
    expect(r.firstErr).toMatch(/^The bot runs on elsewhere\.example \(pid 4242\): it cannot be signalled from here\./);
    const stopped = await createPrismaStore(sandbox.databaseUrl);
    await stopped.saveHeartbeat({
      id: 'bot',
      pid: 4242,
      host: 'elsewhere.example',
      platforms: [],
      startedAt: now,
      beatAt: now,
      stoppedAt: now,
    });
    await stopped.close();
  });

  it('GIVEN --version THEN 0 and the version on stdout', async () => {
    const r = await jamun('--version');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('GIVEN an unknown command THEN 2 (usage)', async () => {
    const r = await jamun('frobnicate');
    expect(r.code).toBe(EXIT.usage);
    expect(r.firstErr).toMatch(/^error: unknown command 'frobnicate'/);
  });

  it('GIVEN an unknown round THEN 4 (not found) on stderr, nothing on stdout', async () => {
    const r = await round('show', 'nope');
    expect(r.code).toBe(EXIT.notFound);
    expect(r.firstErr).toBe('"nope" 회차를 찾을 수 없습니다. `list`로 회차 목록을 확인하여 주시기 바랍니다.');
    expect(r.out).toBe('');
  });

  it('GIVEN a draft round THEN remind, close, summary and extend are refused with 3', async () => {
    for (const verb of [['remind'], ['close'], ['summary'], ['extend', '2099-03-01']]) {
      const [name, ...rest] = verb;
      const r = await round(name ?? '', '2024-1', ...rest);
      expect(r.code, verb.join(' ')).toBe(EXIT.refused);
      expect(r.firstErr).toBe("「'24년 제1차 지역상생발전위원회 서면자문」은 아직 시작되지 않았습니다.");
    }
  });

  it('GIVEN the round opened THEN 0, the result on stdout, and whether a bot will send it', async () => {
    const r = await round('open', '2024-1');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n')[0]).toContain('시작하였습니다');
    expect(r.out).toContain('The bot is not running');
    expect(r.err).toBe('');
  });

  it('GIVEN an open round THEN opening it again is refused with 3', async () => {
    const r = await round('open', '2024-1');
    expect(r.code).toBe(EXIT.refused);
    expect(r.firstErr).toBe("「'24년 제1차 지역상생발전위원회 서면자문」은 이미 진행 중입니다.");
    expect(r.out).toBe('');
  });

  it('GIVEN an open round nobody has received THEN remind is refused with 3 and never says everyone submitted', async () => {
    const r = await round('remind', '2024-1');
    expect(r.code).toBe(EXIT.refused);
    expect(r.firstErr).toMatch(
      /^자문 요청을 받은 위원이 아직 없어 재안내하지 않았습니다\(미제출 위원 7명 모두 요청 미전달\)/,
    );
    expect(r.err).not.toContain('모두 제출');
  });

  it('GIVEN an open round THEN status says nobody was reached and lists them as not reached, not as silent', async () => {
    const r = await round('status', '2024-1');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('마감 기한 2099. 2. 13.');
    expect(r.out).toContain('아직 어느 위원(7명)에게도 자문 요청이 전달되지 않았습니다');
    expect(r.out).toContain('자문 요청이 아직 전달되지 않은 위원:');
    expect(r.out).not.toContain('요청을 받고 아직 제출하지 않은 위원');
  });

  it('GIVEN an open round THEN its summary is refused with 3', async () => {
    const r = await round('summary', '2024-1');
    expect(r.code).toBe(EXIT.refused);
    expect(r.firstErr).toBe(
      "「'24년 제1차 지역상생발전위원회 서면자문」이 아직 마감되지 않아 요약을 작성할 수 없습니다.",
    );
  });

  it('GIVEN an extension to a date before the deadline THEN 3; a malformed date THEN 2', async () => {
    const past = await round('extend', '2024-1', '2020-01-01');
    expect(past.code).toBe(EXIT.refused);
    expect(past.firstErr).toMatch(/^새 마감 일시\(2020\. 1\. 1\.\(수\) 18:00\)는 현재 마감/);
    const bad = await round('extend', '2024-1', '2099-13-45');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.firstErr).toBe('"2099-13-45"는 올바른 일시가 아닙니다. 예: 2024-02-20 18:00');
  });

  it('GIVEN an export to a folder that does not exist yet THEN it is created and the real path printed after writing', async () => {
    const out = path.join(sandbox.dir, 'exports', 'nested') + path.sep;
    const r = await round('export', '2024-1', '--format', 'csv', '--out', out);
    expect(r.code).toBe(EXIT.ok);
    const written = path.join(out, 'jamun-2024-1.csv');
    expect(r.out.split('\n').at(-1)).toBe(`→ ${written}`);
    expect(existsSync(written)).toBe(true);
  });

  it('GIVEN an export into a path under a file THEN 5 (I/O) naming the path, and no success line', async () => {
    const file = path.join(sandbox.dir, 'a-file');
    writeFileSync(file, 'x');
    const target = path.join(file, 'x.md');
    const r = await round('export', '2024-1', '--out', target);
    expect(r.code).toBe(EXIT.io);
    expect(r.firstErr).toBe(
      `Could not write ${target} (a part of the path is a file, not a folder). Nothing was written.`,
    );
    expect(r.out).not.toContain('→');
  });

  it('GIVEN the round closed THEN opening it is refused with 3, and its summary is written where asked, the path printed last', async () => {
    expect((await round('close', '2024-1')).code).toBe(EXIT.ok);
    const open = await round('open', '2024-1');
    expect(open.code).toBe(EXIT.refused);
    expect(open.firstErr).toBe("「'24년 제1차 지역상생발전위원회 서면자문」은 현재 마감됨 상태이므로 열 수 없습니다.");
    const out = path.join(sandbox.dir, 'summaries') + path.sep;
    const summary = await round('summary', '2024-1', '--out', out);
    expect(summary.code).toBe(EXIT.ok);
    expect(summary.out.split('\n')[0]).toBe(
      '요약을 파일로 작성하였습니다. 이 명령은 메신저에 연결하지 않으므로 사무국 채널에는 게시하지 않았습니다.',
    );
    expect(summary.out.split('\n').at(-1)).toBe(`→ ${path.join(out, 'jamun-2024-1.md')}`);
    expect(existsSync(path.join(out, 'jamun-2024-1.md'))).toBe(true);
  });

  it('GIVEN a closed round THEN extending it says it was reopened', async () => {
    const status = await round('status', '2024-1');
    expect(status.out.split('\n')[0]).toMatch(/· 마감됨 · .+ 조기 마감\(당초 마감 기한 2099\. 2\. 13\.\(금\) 18:00\)$/);
    const r = await round('extend', '2024-1', '2099-02-16');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n')[0]).toBe(
      '마감되었던 회차를 다시 열고 마감 기한을 2099. 2. 16.(월) 18:00까지로 연장하였습니다. 미제출 위원께 드릴 재안내 일정을 다시 잡았습니다.',
    );
  });

  it('GIVEN list --json THEN the rounds parse as JSON with their real dates', async () => {
    const r = await round('list', '--json');
    expect(r.code).toBe(EXIT.ok);
    const rounds = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(rounds).toEqual([
      expect.objectContaining({ roundId: '2024-1', status: 'open', deadline: '2099-02-16T09:00:00.000Z' }),
    ]);
  });

  it('GIVEN status --json and show --json THEN they parse as JSON', async () => {
    const status = JSON.parse((await round('status', '2024-1', '--json')).out) as { counts: { total: number } };
    expect(status.counts.total).toBe(7);
    const show = JSON.parse((await round('show', '2024-1', '--json')).out) as { agenda: unknown[] };
    expect(show.agenda).toHaveLength(2);
  });

  it('GIVEN an invalid configuration THEN 6 (configuration)', async () => {
    const broken = path.join(sandbox.dir, 'broken');
    cpSync(sandbox.config, broken, { recursive: true });
    writeFileSync(path.join(broken, 'rounds', '2024-1.yaml'), 'id: [');
    const r = await jamun('config', 'check', '--config', broken);
    expect(r.code).toBe(EXIT.config);
    expect(r.firstErr).toMatch(/^The configuration in .+ has 1 problem\(s\):$/);
  });
});
