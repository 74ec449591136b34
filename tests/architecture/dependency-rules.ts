/**
 * The dependency rules of jamun, as functions that return one readable line
 * per violation (`file:line what`), so a failing test names the culprit.
 *
 * 1. The core (`src/core/`) knows no platform, database, scheduler, logger,
 *    configuration or entry point, and never reads the environment.
 * 2. Only `src/config/env.ts` and the Prisma client generator read
 *    `process.env` anywhere under `src/`. Code the generator writes into
 *    `src/generated/` (git-ignored, rebuilt on install) is not ours to
 *    change, so rule 2 leaves it out; rule 1 keeps the core away from it.
 */
import { join } from 'node:path';
import { listSourceFiles, resolveWithinRoot, rootRelative, scanFile, type ImportRef } from './source-scan.ts';

/** Packages the core must not import (exact name, or any subpath of it). */
const FORBIDDEN_CORE_PACKAGES = ['discord.js', 'prisma', 'better-sqlite3', 'node-cron', 'pino'] as const;
/** Package scopes the core must not import. */
const FORBIDDEN_CORE_SCOPES = ['@slack/', '@prisma/'] as const;
/** Folders of the repository the core must not import from. */
const FORBIDDEN_CORE_FOLDERS = ['src/adapters/', 'src/config/', 'src/cli/', 'src/generated/'] as const;
/** The only files under `src/` allowed to read `process.env`. */
const ENV_READERS = ['src/config/env.ts', 'src/adapters/prisma/generate-client.mjs'] as const;
/** Machine-written code, outside rule 2. */
const GENERATED_FOLDER = 'src/generated/';

function isForbiddenPackage(specifier: string): boolean {
  if (FORBIDDEN_CORE_SCOPES.some((scope) => specifier.startsWith(scope))) return true;
  return FORBIDDEN_CORE_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/**
 * Why `ref`, imported by `file` (absolute) of the core, breaks rule 1, or
 * null when it is allowed.
 */
export function coreImportProblem(root: string, file: string, ref: ImportRef): string | null {
  if (isForbiddenPackage(ref.specifier)) return `imports package "${ref.specifier}"`;
  const target = resolveWithinRoot(root, file, ref.specifier);
  if (target === null) return null;
  const folder = FORBIDDEN_CORE_FOLDERS.find((f) => target === f.slice(0, -1) || target.startsWith(f));
  return folder ? `imports "${ref.specifier}" (${folder})` : null;
}

/** Rule 1 over every `.ts` file under `<root>/src/core`. */
export function coreDependencyViolations(root: string): string[] {
  const violations: string[] = [];
  for (const file of listSourceFiles(join(root, 'src', 'core'), ['.ts'])) {
    const name = rootRelative(root, file);
    const facts = scanFile(file);
    for (const ref of facts.imports) {
      const problem = coreImportProblem(root, file, ref);
      if (problem) violations.push(`${name}:${ref.line} ${problem}`);
    }
    for (const line of facts.envReads) violations.push(`${name}:${line} reads process.env`);
  }
  return violations;
}

/** Rule 2 over every source file under `<root>/src`. */
export function envReadViolations(root: string): string[] {
  const allowed: ReadonlySet<string> = new Set(ENV_READERS);
  const violations: string[] = [];
  for (const file of listSourceFiles(join(root, 'src'))) {
    const name = rootRelative(root, file);
    if (allowed.has(name) || name.startsWith(GENERATED_FOLDER)) continue;
    for (const line of scanFile(file).envReads) violations.push(`${name}:${line} reads process.env`);
  }
  return violations;
}
