#!/usr/bin/env node
/**
 * Generates the Prisma client into src/generated/prisma (run by `postinstall`).
 *
 * Prisma's CLI wants a native schema engine binary and downloads one when it
 * is missing. `prisma generate` never runs that engine, and no binary may be
 * downloaded here, so the engine variables point at a placeholder file.
 * This build script (not the app) is allowed to read and set process.env.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// SQLite's client, and PostgreSQL's from the schema generated beside it (prisma/postgres).
const configPaths = [
  join(repoRoot, 'prisma', 'prisma.config.ts'),
  join(repoRoot, 'prisma', 'postgres', 'prisma.config.ts'),
];

let prismaCli;
try {
  prismaCli = createRequire(join(repoRoot, 'package.json')).resolve('prisma/build/index.js');
} catch {
  console.error('[generate-client] The `prisma` package is not installed: run `npm install` first.');
  process.exit(1);
}

const placeholderDir = mkdtempSync(join(tmpdir(), 'jamun-prisma-'));
const placeholder = join(placeholderDir, 'engine-placeholder');
writeFileSync(placeholder, 'placeholder: prisma generate does not run the schema engine\n');

let result = { status: 0 };
for (const configPath of configPaths) {
  result = spawnSync(process.execPath, [prismaCli, 'generate', '--config', configPath], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.error || result.status !== 0) break;
}
rmSync(placeholderDir, { recursive: true, force: true });

if (result.error || result.status !== 0) {
  const why = result.error ? result.error.message : `exit code ${result.status ?? `signal ${result.signal}`}`;
  console.error(
    `[generate-client] prisma generate failed (${why}). The Prisma client in src/generated/prisma is missing or stale; fix the error above and run \`node src/adapters/prisma/generate-client.mjs\`.`,
  );
  process.exit(1);
}
