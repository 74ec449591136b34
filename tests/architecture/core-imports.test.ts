import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coreDependencyViolations, coreImportProblem, envReadViolations } from './dependency-rules.ts';
import { listSourceFiles, scanSource } from './source-scan.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORE_FILE = `${ROOT}src/core/app/some-service.ts`;

function problemsOf(text: string): Array<string | null> {
  return scanSource(CORE_FILE, text).imports.map((ref) => coreImportProblem(ROOT, CORE_FILE, ref));
}

describe('dependency rules of the repository', () => {
  it('GIVEN the core sources THEN there are some to check', () => {
    expect(listSourceFiles(`${ROOT}src/core`, ['.ts']).length).toBeGreaterThan(10);
  });

  it('GIVEN every .ts file under src/core THEN none imports a platform, database, scheduler, logger, config, cli or generated module, nor reads process.env', () => {
    expect(coreDependencyViolations(ROOT)).toEqual([]);
  });

  it('GIVEN every source file under src THEN only src/config/env.ts and the Prisma generator read process.env', () => {
    expect(envReadViolations(ROOT)).toEqual([]);
  });
});

describe('the import scanner the rules rely on', () => {
  it('GIVEN every way of naming a module THEN each is found with its line', () => {
    const text = [
      "import { Client } from 'discord.js';",
      "import type { App } from '@slack/bolt';",
      "export { x } from '../../adapters/local/local-messenger.ts';",
      "export * from '../../config/env.ts';",
      "const pino = await import('pino');",
      "const cron = require('node-cron');",
      "import Db = require('better-sqlite3');",
      "type P = import('@prisma/client').PrismaClient;",
      "import '../../generated/prisma/client.ts';",
    ].join('\n');
    expect(scanSource(CORE_FILE, text).imports.map((ref) => [ref.specifier, ref.line])).toEqual([
      ['discord.js', 1],
      ['@slack/bolt', 2],
      ['../../adapters/local/local-messenger.ts', 3],
      ['../../config/env.ts', 4],
      ['pino', 5],
      ['node-cron', 6],
      ['better-sqlite3', 7],
      ['@prisma/client', 8],
      ['../../generated/prisma/client.ts', 9],
    ]);
  });

  it('GIVEN forbidden packages and folders THEN each import is a problem naming it', () => {
    const text = [
      "import { Client } from 'discord.js';",
      "import type { App } from '@slack/bolt';",
      "import { PrismaClient } from '@prisma/client';",
      "import { x } from 'prisma/config';",
      "import Database from 'better-sqlite3';",
      "import cron from 'node-cron';",
      "import pino from 'pino';",
      "import { a } from '../../adapters/discord/custom-ids.ts';",
      "import { b } from '../../config/env.ts';",
      "import { c } from '../../cli/main.ts';",
      "import { d } from '../../generated/prisma/client.ts';",
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'imports package "discord.js"',
      'imports package "@slack/bolt"',
      'imports package "@prisma/client"',
      'imports package "prisma/config"',
      'imports package "better-sqlite3"',
      'imports package "node-cron"',
      'imports package "pino"',
      'imports "../../adapters/discord/custom-ids.ts" (src/adapters/)',
      'imports "../../config/env.ts" (src/config/)',
      'imports "../../cli/main.ts" (src/cli/)',
      'imports "../../generated/prisma/client.ts" (src/generated/)',
    ]);
  });

  it('GIVEN allowed imports (core modules, luxon, node built-ins, look-alike names) THEN none is a problem', () => {
    const text = [
      "import { DateTime } from 'luxon';",
      "import { createHash } from 'node:crypto';",
      "import type { Round } from '../model.ts';",
      "import { t } from '../i18n/catalogue.ts';",
      "import { x } from 'prismatic';",
      "import { y } from './config/local-helper.ts';",
    ].join('\n');
    expect(problemsOf(text)).toEqual([null, null, null, null, null, null]);
  });

  it('GIVEN each way of reading the environment THEN its line is found', () => {
    const text = [
      'const a = process.env.TOKEN;',
      "const b = process['env'];",
      'const { env } = process;',
      "import { env as e } from 'node:process';",
    ].join('\n');
    expect(scanSource(CORE_FILE, text).envReads).toEqual([1, 2, 3, 4]);
  });

  it('GIVEN process.env only in a comment or a string THEN it is not a read', () => {
    const text = ['// never reads process.env', "const s = 'process.env';", '/* process.env */ const n = 1;'].join(
      '\n',
    );
    expect(scanSource(CORE_FILE, text).envReads).toEqual([]);
  });

  it('GIVEN a .mjs script THEN it is parsed as JavaScript and its env reads found', () => {
    expect(scanSource(`${ROOT}src/cli/x.mjs`, "import a from 'b';\nconsole.log(process.env.HOME);").envReads).toEqual([
      2,
    ]);
  });
});
