/**
 * The packaging files, checked where Docker cannot run: the Dockerfile's
 * stages and user, compose.yaml's services, the systemd unit, and
 * .env.example naming every variable the application reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, root), 'utf8');

interface Stage {
  from: string;
  name?: string;
  instructions: Array<{ op: string; args: string }>;
}

/** Dockerfile instructions by stage (continuation lines joined, comments dropped). */
function stagesOf(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: match?.[1] ?? args, ...(match?.[2] ? { name: match[2] } : {}), instructions: [] });
    } else stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

describe('Dockerfile', () => {
  const stages = stagesOf(read('Dockerfile'));
  const runtime = stages.at(-1);

  it('GIVEN the Dockerfile THEN it has a build stage and a slim runtime stage, both on Node 22', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const stage of stages) expect(stage.from).toMatch(/^node:22(-|$)/);
    expect(runtime?.from).toContain('slim');
  });

  it('GIVEN the runtime stage THEN it copies from the build stage, installs nothing, and runs as a user that is not root', () => {
    const ops = runtime?.instructions ?? [];
    expect(ops.filter((i) => i.op === 'COPY').every((i) => i.args.startsWith('--from=build'))).toBe(true);
    expect(ops.some((i) => i.op === 'RUN' && /npm (ci|install)|apt-get/.test(i.args))).toBe(false);
    const users = ops.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const lastUser = ops.findLastIndex((i) => i.op === 'USER');
    expect(ops.slice(lastUser).some((i) => i.op === 'RUN')).toBe(false);
  });

  it('GIVEN the runtime stage THEN it starts the bot and checks its health on the operations port', () => {
    const ops = runtime?.instructions ?? [];
    expect(ops.find((i) => i.op === 'ENTRYPOINT')?.args).toBe('["node", "src/cli/bin.mjs"]');
    expect(ops.find((i) => i.op === 'CMD')?.args).toBe('["start"]');
    expect(ops.find((i) => i.op === 'HEALTHCHECK')?.args).toContain('/healthz');
    expect(ops.find((i) => i.op === 'EXPOSE')?.args).toBe('9464');
  });

  it('GIVEN the build stage THEN the dependencies are installed from the lock file and pruned of dev dependencies', () => {
    const runs = (stages[0]?.instructions ?? []).filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs).toContain('npm ci --no-audit --no-fund');
    expect(runs).toContain('npm prune --omit=dev --no-audit --no-fund');
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<
      string,
      { image?: string; build?: string; environment?: Record<string, string>; depends_on?: object }
    >;
  };

  it('GIVEN compose.yaml THEN jamun runs on the PostgreSQL beside it, once that is healthy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['jamun', 'postgres']);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(compose.services.jamun?.build).toBe('.');
    expect(compose.services.jamun?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/jamun:.*@postgres:5432\/jamun$/);
    expect(compose.services.jamun?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });
});

describe('deploy/jamun.service', () => {
  it('GIVEN the systemd unit THEN it runs jamun start as its own user with the env file, reloading on SIGHUP', () => {
    const unit = read('deploy/jamun.service');
    expect(unit).toMatch(/^User=jamun$/m);
    expect(unit).toMatch(/^ExecStart=.*src\/cli\/bin\.mjs --env \S+ start$/m);
    expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
  });
});

describe('.env.example', () => {
  it('GIVEN src/config/env.ts THEN .env.example names every variable it reads', () => {
    const source = read('src/config/env.ts');
    const read_ = new Set([
      ...[...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]),
      ...[...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]),
    ]);
    const example = new Set([...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...read_].filter((name) => !example.has(name))).toEqual([]);
    expect(read_.size).toBeGreaterThan(15);
  });
});

describe('README Discord invite', () => {
  /** Discord's permission bits (https://discord.com/developers/docs/topics/permissions). */
  const BITS: Record<string, number> = {
    'View Channel': 1 << 10,
    'Send Messages': 1 << 11,
    'Embed Links': 1 << 14,
    'Attach Files': 1 << 15,
    'Read Message History': 1 << 16,
  };

  it('GIVEN the invite link THEN its permission integer is exactly the permissions listed, Read Message History included', () => {
    const readme = read('README.md');
    const integer = Number(/permissions=(\d+)/.exec(readme)?.[1]);
    const listed = /\(View Channel[^)]*\)/.exec(readme)?.[0] ?? '';
    const names = Object.keys(BITS).filter((name) => listed.includes(name));
    expect(names).toEqual(Object.keys(BITS));
    expect(integer).toBe(names.reduce((sum, name) => sum + (BITS[name] ?? 0), 0));
    expect(integer & (1 << 16)).toBe(1 << 16);
  });
});
