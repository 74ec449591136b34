#!/usr/bin/env node
// Entry point of the `jamun` command. It runs the bundle in dist/ (built by
// `npm install` and `npm run build`, see build.mjs) while no source is newer
// than it, and the TypeScript sources through tsx otherwise, so there is no
// build step between a clone and a run and an edit is never run stale.
// `jamun start` builds the bundle again when it is stale (about a second,
// once; the bot then starts in a third of the CPU time); if that fails it
// runs through tsx.
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
  const { setRuntimeFlags } = await import('./runtime-flags.mjs');
  setRuntimeFlags();
  const { main } = await loadMain(args[0] === 'start');
  process.exitCode = await main(process.argv);
}

/** `main` of the bundle when it is fresh (or, for `start`, could be made so), else of the sources through tsx. */
async function loadMain(rebuildIfStale) {
  const bundle = await import('./build.mjs');
  let fresh = bundle.bundleIsFresh();
  if (!fresh && rebuildIfStale) {
    fresh = await bundle.buildBundle().then(
      () => true,
      () => false,
    );
  }
  if (fresh) {
    const { pathToFileURL } = await import('node:url');
    return import(pathToFileURL(bundle.BUNDLE).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('./main.ts');
}
