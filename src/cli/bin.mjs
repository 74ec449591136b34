#!/usr/bin/env node
// Entry point of the `jamun` command: runs the TypeScript sources through tsx,
// so there is no build step between a clone and a run.
//
// `jamun --help` (and `-h`, `help`) prints help.txt without loading tsx,
// commander or anything else: under 0.1 s instead of about 2 s. help.txt is
// what commander prints for the program (tests/cli/help-text.test.ts fails
// when the two differ, and says how to write it again).
const args = process.argv.slice(2);
if (args.length === 1 && ['--help', '-h', 'help'].includes(args[0])) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(readFileSync(new URL('./help.txt', import.meta.url), 'utf8'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv);
}
