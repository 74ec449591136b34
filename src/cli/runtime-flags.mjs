// V8 settings of every jamun process, set by bin.mjs before anything loads
// WebAssembly (and by the bench, so it measures what runs).
//
// Prisma's query compiler is a 3.4 MB WebAssembly module. V8 runs it first
// on Liftoff, its baseline compiler, and recompiles functions that ran
// "enough" with TurboFan. Prisma's start-up (the schema, the first query
// plans) is enough for much of the module: at `jamun start` the tier-up cost
// about 75 MB of resident memory and 0.5 s of CPU (232 → 151 MB, 1.8 → 1.3 s,
// README "Benchmarks"), for planning queries that jamun's hot paths do not
// make (answers, receipts, claims and opens are prepared statements). A
// larger tiering budget keeps the module on Liftoff until a function has run
// a thousand times longer than V8's default; TurboFan still compiles what
// Liftoff cannot (unlike --liftoff-only, a flag for V8's own testing).
import { setFlagsFromString } from 'node:v8';

/** V8's default is 1,800,000 ("roughly bytes executed" before a function is optimised). */
const WASM_TIERING_BUDGET = 2_000_000_000;

/** Applies jamun's V8 flags; call before the first WebAssembly module is compiled. */
export function setRuntimeFlags() {
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
}
