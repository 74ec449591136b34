// Bundles the CLI's TypeScript sources into dist/ with esbuild (which tsx
// already brings, so nothing extra is installed or downloaded), so that
// `jamun` starts without compiling through tsx: `jamun start` is ready in
// about a third of the CPU time and with tens of MB less (README, Benchmarks).
//
// Only jamun's own sources are bundled; packages stay imports from
// node_modules (native modules, WebAssembly and font files load as they do
// unbundled). Code splitting keeps every dynamic import lazy: the report
// libraries, date-holidays, prom-client and pg load only where they are used.
// `import.meta.url` of each source file is rewritten to that file's own
// location, so files found relative to it (package.json, prisma/) still are.
//
// dist/inputs.json lists the sources and the build time: bin.mjs runs the
// bundle only while no source is newer, and through tsx otherwise, so an
// edited tree never runs stale code. Run by `npm install` (postinstall),
// `npm run build`, and by `jamun start` when the bundle is stale.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'dist');
const ENTRY = path.join(ROOT, 'src/cli/main.ts');
const MANIFEST = path.join(OUT_DIR, 'inputs.json');
/** The bundle's entry: exports `main` as src/cli/main.ts does. */
export const BUNDLE = path.join(OUT_DIR, 'main.js');

/**
 * Packages loaded from node_modules as they are: native code (better-sqlite3), WebAssembly and generated code
 * (Prisma), worker files (pino), data files (fonts, holiday rules), the tools, and what loads only on demand.
 */
const KEEP_EXTERNAL = [
  'better-sqlite3',
  '@prisma/*',
  'pg',
  'pino',
  'prom-client',
  'date-holidays',
  'docx',
  'exceljs',
  'pdfkit',
  'pretendard-gov',
  'tsx',
  'esbuild',
];

/** Replaces `import.meta.url` in each source by its own file's URL, computed from the bundle's place. */
const ownUrlPlugin = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.(ts|mjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

/** Whether dist/ holds a bundle of the sources as they are now (no source changed or vanished since it was built). */
export function bundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  try {
    for (const input of manifest.inputs)
      if (statSync(path.join(ROOT, input)).mtimeMs > manifest.builtAtMs) return false;
    statSync(BUNDLE);
  } catch {
    return false;
  }
  return true;
}

/** Writes `file` whole or not at all: two builds at once (or a start reading it meanwhile) never see half a file. */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * `text` with every character outside printable ASCII (but tabs and line breaks) written as a `\uXXXX` escape,
 * one per UTF-16 unit (so a character beyond the BMP becomes a surrogate pair).
 * V8 keeps each module's source in memory, and one character outside Latin-1 makes it a two-byte string:
 * esbuild escapes strings but leaves comments and regular expression literals as written, so the two largest
 * chunks (discord.js's and undici's comments, our Hangul patterns) took 13 MB instead of 7. In a comment the
 * escape is text; in a regular expression `\uXXXX` means the character, with or without the `u` flag.
 */
export function asciiOnly(text) {
  return text.replace(/[^ -~\t\n\r]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Builds dist/; returns the number of output files. Throws when esbuild is missing or the sources do not compile. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  // Taken before reading the sources: a file saved during the build makes the bundle stale, not wrongly fresh.
  const builtAtMs = Date.now();
  const result = await build({
    entryPoints: { main: ENTRY },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: KEEP_EXTERNAL,
    // Bundled CommonJS packages require Node's built-ins: give the ESM bundle a real `require`.
    banner: {
      js: "import { createRequire as __jamunRequire } from 'node:module'; const require = __jamunRequire(import.meta.url);",
    },
    absWorkingDir: ROOT,
    outdir: OUT_DIR,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [ownUrlPlugin],
  });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) writeAtomically(file.path, asciiOnly(file.text));
  const inputs = Object.keys(result.metafile.inputs).map((input) => input.split(path.sep).join('/'));
  writeAtomically(MANIFEST, `${JSON.stringify({ builtAtMs, inputs }, null, 1)}\n`);
  return result.outputFiles.length;
}

/** Removes dist/ (a failed or unwanted build). */
function removeBundle() {
  rmSync(OUT_DIR, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--if-sources`: the postinstall run, which finds no sources in a Docker layer that copied only package files.
  const ifSources = process.argv.includes('--if-sources');
  let hasSources = true;
  try {
    statSync(ENTRY);
  } catch {
    hasSources = false;
  }
  if (!hasSources && ifSources) process.exit(0);
  try {
    const files = await buildBundle();
    process.stdout.write(`jamun: bundled the sources into dist/ (${files} files)\n`);
  } catch (error) {
    removeBundle();
    process.stderr.write(`jamun: the bundle was not built, jamun runs through tsx: ${String(error).split('\n')[0]}\n`);
    process.exitCode = ifSources ? 0 : 1;
  }
}
