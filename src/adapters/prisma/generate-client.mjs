#!/usr/bin/env node
/**
 * Generates the Prisma client into src/generated/prisma (run by `postinstall`).
 *
 * Prisma's CLI wants a native schema engine binary and downloads one when it
 * is missing. `prisma generate` never runs that engine, and no binary may be
 * downloaded here, so the engine variables point at a placeholder file.
 * This build script (not the app) is allowed to read and set process.env.
 * It then writes each client's query compiler as a .wasm file beside it (the
 * end of this file says why).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// SQLite's client, and PostgreSQL's from the schema generated beside it (prisma/postgres).
const configPaths = [
  join(repoRoot, 'prisma', 'prisma.config.ts'),
  join(repoRoot, 'prisma', 'postgres', 'prisma.config.ts'),
];

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));
let prismaCli;
try {
  prismaCli = requireFromRepo.resolve('prisma/build/index.js');
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

// Each generated client loads Prisma's query compiler (WebAssembly, ~3.3 MB) by importing a module that holds it
// as a base64 string: V8 keeps that module's 4.4 MB source and the 4.4 MB string for the life of the bot, 9 MB
// of its ~145 MB at rest. The module is written beside the client as a .wasm file instead and read from there.
const clients = [
  { dir: join(repoRoot, 'src', 'generated', 'prisma'), provider: 'sqlite' },
  { dir: join(repoRoot, 'src', 'generated', 'prisma-postgres'), provider: 'postgresql' },
];
for (const { dir, provider } of clients) {
  const specifier = `@prisma/client/runtime/query_compiler_fast_bg.${provider}.wasm-base64.mjs`;
  const classFile = join(dir, 'internal', 'class.ts');
  const loads = [`    const { wasm } = await import("${specifier}")`, '    return await decodeBase64AsWasm(wasm)'].join(
    '\n',
  );
  const generated = readFileSync(classFile, 'utf8');
  if (!generated.includes(loads)) {
    console.error(
      `[generate-client] ${classFile} no longer loads the query compiler as jamun expects (Prisma changed its generated code): update generate-client.mjs.`,
    );
    process.exit(1);
  }
  const { wasm } = await import(pathToFileURL(requireFromRepo.resolve(specifier)).href);
  writeFileSync(join(dir, 'query-compiler.wasm'), Buffer.from(wasm, 'base64'));
  writeFileSync(
    classFile,
    generated.replace(
      loads,
      [
        '    // jamun (generate-client.mjs): read from a .wasm file, not held as a base64 string.',
        "    const { readFile } = await import('node:fs/promises')",
        "    return new WebAssembly.Module(await readFile(new URL('../query-compiler.wasm', import.meta.url)))",
      ].join('\n'),
    ),
  );
}
