/**
 * Loads the committees and rounds once, at start-up, from
 * `<dir>/committees/*.yaml` and `<dir>/rounds/*.yaml` (`.yml` too). Bad input
 * never throws: every problem of every file comes back at once as a
 * {@link ConfigError} list. File names in errors are relative to the working
 * directory (`config/rounds/2024-1.yaml`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { OfficialYear } from '../core/calendar/index.ts';
import type { Result } from '../core/errors.ts';
import type { Committee, RoundDefinition } from '../core/model.ts';
import { checkCommittee } from './check-committee.ts';
import { checkRoundAgainstCommittee, committeeWarnings } from './check-plausibility.ts';
import { inFile, type ConfigError } from './config-error.ts';
import { readHolidayFolder } from './holiday-files.ts';
import { checkMaterialSizes, readMaterialFiles } from './material-files.ts';
import { asRecord, asString } from './raw-access.ts';
import { committeeSchema } from './schema-committee.ts';
import { validateContent, validateRoundContent } from './validate-round.ts';
import { readYaml } from './yaml-source.ts';

/** Everything the application is configured with, validated. */
export interface LoadedConfig {
  committees: Committee[];
  rounds: RoundDefinition[];
  /** The directory the files were read from, as given. */
  dir: string;
  /** Official holiday lists the deployment imported (`<dir>/holidays/`), replacing shipped lists and rules. */
  holidays: OfficialYear[];
  /** Problems that do not block start-up (no staff, no staff channel, unreachable member). Log them. */
  warnings: ConfigError[];
}

/** The text of one configuration file and what it defines. */
export interface ConfigSource {
  kind: 'committee' | 'round';
  /** Name used in error reports, e.g. `config/rounds/2024-1.yaml`. */
  file: string;
  text: string;
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Directory file names in errors are relative to (default: the working directory). */
  displayBase?: string;
}

interface ParsedFile<T> {
  file: string;
  content: unknown;
  value: T | null;
}

/** Reports a repeated top-level id in a later file, pointing at the first. */
function duplicateIds(files: ReadonlyArray<ParsedFile<unknown>>, what: string): ConfigError[] {
  const first = new Map<string, string>();
  const errors: ConfigError[] = [];
  for (const f of files) {
    const id = asString(asRecord(f.content)?.['id'])?.normalize('NFC');
    if (id === undefined) continue;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, f.file);
    else errors.push({ file: f.file, path: 'id', message: `duplicate ${what} id '${id}' (also in ${seen})` });
  }
  return errors;
}

/**
 * Rounds naming a committee no file defines. Skipped while some committee
 * file has no readable id (syntax error, empty file): that file may well be
 * the one the round means.
 */
function unknownCommittees(
  rounds: ReadonlyArray<ParsedFile<unknown>>,
  committees: ReadonlyArray<ParsedFile<unknown>>,
): ConfigError[] {
  const ids = committees.map((c) => asString(asRecord(c.content)?.['id'])?.normalize('NFC'));
  const known = ids.filter((id) => id !== undefined);
  if (known.length < ids.length) return [];
  const errors: ConfigError[] = [];
  for (const r of rounds) {
    const ref = asString(asRecord(r.content)?.['committee'])?.normalize('NFC');
    if (ref === undefined || known.includes(ref)) continue;
    const hint = known.length > 0 ? `known: ${known.join(', ')}` : 'no committee is defined';
    errors.push({ file: r.file, path: 'committee', message: `unknown committee '${ref}' (${hint})` });
  }
  return errors;
}

/**
 * Validates configuration texts: YAML syntax, each file's schema and
 * cross-key checks, then cross-file checks (duplicate committee and round
 * ids, rounds naming an unknown committee). Errors come grouped by file in
 * the order the sources were given.
 */
export function loadConfigSources(sources: readonly ConfigSource[], dir: string): Result<LoadedConfig, ConfigError[]> {
  const byFile = new Map<string, ConfigError[]>(sources.map((s) => [s.file, []]));
  const report = (errors: readonly ConfigError[]): void => {
    for (const e of errors) {
      const bucket = byFile.get(e.file);
      if (bucket) bucket.push(e);
      else byFile.set(e.file, [e]);
    }
  };
  const warnings: ConfigError[] = [];
  const committees: Array<ParsedFile<Committee>> = [];
  const rounds: Array<ParsedFile<RoundDefinition>> = [];

  for (const source of sources) {
    const yaml = readYaml(source.file, source.text);
    if (!yaml.ok) {
      report(yaml.errors);
      if (source.kind === 'committee') committees.push({ file: source.file, content: null, value: null });
      continue;
    }
    if (source.kind === 'committee') {
      const { value, problems } = validateContent(committeeSchema, yaml.content);
      const checked = checkCommittee(yaml.content);
      report(inFile(source.file, [...problems, ...checked.errors]));
      warnings.push(...inFile(source.file, checked.warnings));
      committees.push({ file: source.file, content: yaml.content, value });
    } else {
      const { value, problems } = validateRoundContent(yaml.content);
      const files = value ? readMaterialFiles(value, yaml.content, dir) : [];
      report(inFile(source.file, [...problems, ...files]));
      rounds.push({ file: source.file, content: yaml.content, value });
    }
  }
  report(duplicateIds(committees, 'committee'));
  report(duplicateIds(rounds, 'round'));
  report(unknownCommittees(rounds, committees));
  for (const c of committees) if (c.value) warnings.push(...inFile(c.file, committeeWarnings(c.value)));
  for (const r of rounds) {
    const committee = committees.find((c) => c.value?.id === r.value?.committeeId)?.value;
    if (!r.value || !committee) continue;
    const checked = checkRoundAgainstCommittee(r.value, committee);
    const sizes = checkMaterialSizes(r.value, r.content, committee);
    report(inFile(r.file, [...checked.errors, ...sizes.errors]));
    warnings.push(...inFile(r.file, [...checked.warnings, ...sizes.warnings]));
  }

  const errors = [...byFile.values()].flat();
  if (errors.length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: {
      committees: committees.flatMap((c) => (c.value ? [c.value] : [])),
      rounds: rounds.flatMap((r) => (r.value ? [r.value] : [])),
      dir,
      holidays: [],
      warnings,
    },
  };
}

function displayName(path: string, base: string): string {
  const rel = relative(base, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Korean offices often save text as EUC-KR/CP949; read as UTF-8 every name
 * would turn to mojibake in every message. Such a file is refused, not guessed at.
 */
const NOT_UTF8 =
  'not UTF-8 text (perhaps saved as EUC-KR/CP949 or ANSI): save the file as UTF-8 (e.g. Notepad: Save as → Encoding: UTF-8) and check again';

/** The text of a UTF-8 file (a byte-order mark dropped), or null when the bytes are not UTF-8. */
function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Reads the YAML files of one sub-folder, sorted by name, or reports why it cannot. */
function readFolder(
  dir: string,
  sub: 'committees' | 'rounds',
  base: string,
): { sources: ConfigSource[]; errors: ConfigError[] } {
  const folder = join(dir, sub);
  const shown = displayName(folder, base);
  const kind = sub === 'committees' ? 'committee' : 'round';
  if (!isDirectory(folder)) {
    const message = `folder not found; it must hold one YAML file per ${kind}`;
    return { sources: [], errors: [{ file: shown, path: '', message }] };
  }
  const names = readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.'))
    .sort();
  if (names.length === 0) {
    return { sources: [], errors: [{ file: shown, path: '', message: `no ${kind} files (*.yaml) in this folder` }] };
  }
  const sources: ConfigSource[] = [];
  const errors: ConfigError[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const file = displayName(path, base);
    const text = decodeUtf8(readFileSync(path));
    if (text === null) errors.push({ file, path: '', message: NOT_UTF8 });
    else sources.push({ kind, file, text });
  }
  return { sources, errors };
}

/**
 * Loads and validates `dir/committees/*.yaml` and `dir/rounds/*.yaml`.
 * A missing directory, a missing or empty sub-folder, and every problem in
 * the files are reported as values; only I/O failures on existing files throw.
 */
export function loadConfig(dir: string, options: LoadConfigOptions = {}): Result<LoadedConfig, ConfigError[]> {
  const base = options.displayBase ?? process.cwd();
  if (!isDirectory(dir)) {
    const message = 'configuration directory not found (set JAMUN_CONFIG_DIR or create it)';
    return { ok: false, error: [{ file: displayName(dir, base), path: '', message }] };
  }
  const committees = readFolder(dir, 'committees', base);
  const rounds = readFolder(dir, 'rounds', base);
  const holidays = readHolidayFolder(dir, displayName(dir, base));
  const folderErrors = [...committees.errors, ...rounds.errors, ...holidays.errors];
  const loaded = loadConfigSources([...committees.sources, ...rounds.sources], dir);
  if (folderErrors.length === 0)
    return loaded.ok ? { ok: true, value: { ...loaded.value, holidays: holidays.years } } : loaded;
  return { ok: false, error: [...folderErrors, ...(loaded.ok ? [] : loaded.error)] };
}
