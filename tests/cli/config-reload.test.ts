/**
 * Editing an open round's YAML and reloading: `config check` shows the
 * differences, `config reload` applies what the change rules allow and
 * refuses the rest with the reason, tells a running bot (SIGHUP), and never
 * stays silent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { futureWindow, SEED_ROUND_FILE, useCliSandbox } from './cli-sandbox.ts';

const PROMPT = '2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안';

describe('jamun config reload', { timeout: 60_000 }, () => {
  const sandbox = useCliSandbox({ prefix: 'jamun-reload-', prepare: (s) => s.edit(SEED_ROUND_FILE, futureWindow) });
  const { jamun, round } = sandbox;
  const reload = () => jamun('config', 'reload', '--config', sandbox.config);
  const check = () => jamun('config', 'check', '--config', sandbox.config);
  let bot: ChildProcess | undefined;
  afterAll(() => {
    bot?.kill('SIGKILL');
  });

  /** Writes the bot's heartbeat as `jamun start` would, for a process of our own. */
  async function heartbeat(pid: number, host: string) {
    const store = await createPrismaStore(sandbox.databaseUrl);
    const now = new Date();
    await store.saveHeartbeat({ id: 'bot', pid, host, platforms: ['slack'], startedAt: now, beatAt: now });
    await store.close();
  }

  it('GIVEN no round open yet THEN check shows no difference and reload says nothing changed, exit 0', async () => {
    expect((await check()).out).not.toContain('진행 중인 회차와 설정 파일의 차이');
    const r = await reload();
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n')).toEqual([
      '설정을 다시 읽었습니다(위원회 1개, 회차 1개).',
      '진행 중인 회차에 반영할 변경 사항은 없습니다.',
      'No bot is running: `jamun start` reads the configuration as it is now.',
    ]);
  });

  it('GIVEN the round open and its title and a prompt edited THEN check lists them, reload applies them and show has the new texts', async () => {
    expect((await round('open', '2024-1')).code).toBe(EXIT.ok);
    sandbox.edit(SEED_ROUND_FILE, (text) =>
      text.replace('위원회 서면자문"', '위원회 서면 자문"').replace(PROMPT, `${PROMPT} (수정)`),
    );
    const checked = await check();
    expect(checked.code).toBe(EXIT.ok);
    expect(checked.out).toContain('진행 중인 회차와 설정 파일의 차이(`jamun config reload`로 반영):');
    expect(checked.out).toMatch(/• 회차 "2024-1" 제목: ".+서면자문" → ".+서면 자문"/);

    const r = await reload();
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      '설정을 다시 읽었습니다(위원회 1개, 회차 1개).',
      '진행 중인 회차의 변경 사항:',
    ]);
    expect(r.out).toContain('• 회차 "2024-1" 질문 1.1 문구:');
    expect(r.out).toContain('반영하였습니다. 이후 보내는 안내부터 바뀐 문구를 씁니다');
    const shown = JSON.parse((await round('show', '2024-1', '--json')).out) as {
      title: string;
      agenda: Array<{ questions: Array<{ prompt: string }> }>;
    };
    expect(shown.agenda[0]?.questions[0]?.prompt).toBe(`${PROMPT} (수정)`);
    expect((await check()).out).not.toContain('진행 중인 회차와 설정 파일의 차이');
  });

  it('GIVEN a member has answered WHEN a question is removed and the deadline moved in the file THEN reload refuses both with the reason and the alternative, and the round keeps them', async () => {
    const store = await createPrismaStore(sandbox.databaseUrl);
    await store.saveAnswers(
      '2024-1',
      'm-kang',
      [{ questionId: '1.1', value: { kind: 'text', text: '의견' } }],
      new Date(),
    );
    await store.close();
    sandbox.edit(SEED_ROUND_FILE, (text) =>
      text
        .replace('closes: 2099-02-13 18:00', 'closes: 2099-02-20 18:00')
        .replace(/\n {6}- prompt: 사업홍보[^\n]*/, ''),
    );
    const r = await reload();
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/• 회차 "2024-1" 질문 2\.3: ".+" → \(없음\)/);
    expect(r.out).toContain('반영하지 않았습니다. 위원 1명이 이미 답변을 작성하여 질문 구성은 바꿀 수 없습니다.');
    expect(r.out).toContain('• 회차 "2024-1" 마감 기한: 2099. 2. 13.(금) 18:00 → 2099. 2. 20.(금) 18:00');
    expect(r.out).toContain('extend 2024-1 YYYY-MM-DD [HH:mm]로 연장하여 주시기 바랍니다.');
    const shown = JSON.parse((await round('show', '2024-1', '--json')).out) as {
      deadline: string;
      agenda: Array<{ questions: unknown[] }>;
    };
    expect(shown.deadline).toBe('2099-02-13T09:00:00.000Z');
    expect(shown.agenda.flatMap((i) => i.questions)).toHaveLength(7);
  });

  it('GIVEN the file broken WHEN reloaded THEN 6 with every problem, and nothing changes', async () => {
    const broken = sandbox.configWith(SEED_ROUND_FILE, (text) => `${futureWindow(text)}\nanonymous: maybe\n`);
    const r = await jamun('config', 'reload', '--config', broken);
    expect(r.code).toBe(EXIT.config);
    expect(r.firstErr).toMatch(/^The configuration in .+ has 1 problem\(s\):$/);
    expect(r.errLines.at(-1)).toBe(
      'Nothing was reloaded: fix the problems above, then run `jamun config reload` again.',
    );
    expect(r.out).toBe('');
  });

  it('GIVEN a bot running on this machine THEN reload signals it (SIGHUP) and says so', async () => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        "process.on('SIGHUP', () => { process.stdout.write('hup'); process.exit(0); }); setInterval(() => {}, 1000); process.stdout.write('ready');",
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    bot = child;
    let said = '';
    child.stdout?.on('data', (d: Buffer) => {
      said += d.toString();
    });
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    await heartbeat(child.pid ?? 0, hostname());
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const r = await reload();
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n').at(-1)).toBe(
      `The running bot (pid ${child.pid}) was told to read the configuration again (SIGHUP).`,
    );
    await exited;
    expect(said).toBe('readyhup');
  });

  it('GIVEN the bot running on another machine THEN 7: it cannot be signalled, and what to do', async () => {
    await heartbeat(4242, 'elsewhere.example');
    const r = await reload();
    expect(r.code).toBe(EXIT.unavailable);
    expect(r.firstErr).toMatch(/^The bot runs on elsewhere\.example \(pid 4242\): it cannot be signalled from here\./);
  });
});
