/**
 * What every CLI command starts from: the environment and the configuration,
 * parsed once, with every problem printed as `file: path: message`.
 */
import path from 'node:path';
import { formatConfigError, type ConfigError } from '../config/config-error.ts';
import { configDirFromEnv, readProcessEnv, type AppEnv } from '../config/env.ts';
import { loadConfig, type LoadedConfig } from '../config/load-config.ts';

/** Where a command writes: stdout for results, stderr for problems. Tests capture both. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function printErrors(output: Output, errors: readonly ConfigError[]): void {
  for (const e of errors) output.err(formatConfigError(e));
}

/** The configuration directory of a command: --config, else JAMUN_CONFIG_DIR, else `config` (even when other variables are wrong). */
export function configDirOf(option: string | undefined): string {
  return option ?? configDirFromEnv();
}

/** The environment, or null after printing what is wrong with it. */
export function environment(output: Output): AppEnv | null {
  const env = readProcessEnv();
  if (env.ok) return env.value;
  output.err('The environment has problems:');
  printErrors(output, env.error);
  return null;
}

/** The configuration in `dir`, or null after printing every problem. Warnings are printed too. */
export function configuration(output: Output, dir: string): LoadedConfig | null {
  const loaded = loadConfig(path.resolve(dir), { displayBase: process.cwd() });
  if (!loaded.ok) {
    output.err(`The configuration in ${dir} has ${loaded.error.length} problem(s):`);
    printErrors(output, loaded.error);
    return null;
  }
  for (const w of loaded.value.warnings) output.err(`warning: ${formatConfigError(w)}`);
  return loaded.value;
}
