/**
 * The bench's verdicts: each measured figure against its target, printed
 * with ✓/✗ and the ratio to the floor (≥ 1 means met), plus event-loop
 * delay percentiles measured with perf_hooks.monitorEventLoopDelay.
 * Ratios compare figures within one run: the machine is shared and noisy.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** One target: `value` against `floor`; `higherIsBetter` false for times and sizes. */
export interface Target {
  name: string;
  value: number;
  floor: number;
  unit: string;
  higherIsBetter: boolean;
}

/** Figures that have no target (context for the reader). */
type Figures = Record<string, number | string>;

export interface SuiteResult {
  figures: Figures;
  targets: Target[];
}

/** Ratio to the floor: ≥ 1 when met, whichever direction is better. */
function ratioOf(target: Target): number {
  if (target.higherIsBetter) return target.floor === 0 ? Number.POSITIVE_INFINITY : target.value / target.floor;
  return target.value === 0 ? Number.POSITIVE_INFINITY : target.floor / target.value;
}

export function formatTarget(target: Target): string {
  const ratio = ratioOf(target);
  const mark = ratio >= 1 ? '✓' : '✗';
  const op = target.higherIsBetter ? '≥' : '≤';
  const shown = Number.isFinite(ratio) ? ratio.toFixed(2) : '∞';
  return `${mark} ${target.name.padEnd(58)} ${String(round(target.value)).padStart(9)} ${target.unit} (target ${op} ${target.floor} ${target.unit}; ratio ${shown})`;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toFixed(2));
}

/**
 * Event-loop delay over `work`: p50/p99/max in milliseconds; and `held`, the
 * CPU time the process used between two turns of a 5 ms timer (p99/max).
 * On a loaded machine the delay includes the time the process waited for a
 * CPU; the CPU between turns does not, so it shows what the code itself held
 * the loop for. It counts the whole process (the garbage collector's helper
 * threads too; Node 20 has no per-thread CPU time), so it is an upper bound.
 */
export async function withLoopDelay<T>(
  work: () => Promise<T>,
): Promise<{ result: T; p50: number; p99: number; max: number; held: { p99: number; max: number } }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const turns: number[] = [];
  let last = process.cpuUsage();
  const sampler = setInterval(() => {
    const now = process.cpuUsage();
    turns.push((now.user + now.system - last.user - last.system) / 1000);
    last = now;
  }, 5);
  histogram.enable();
  try {
    const result = await work();
    // A span that blocked until the end is recorded only when the sampling timer fires once more.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { result, ...loopFigures(histogram), held: heldFigures(turns) };
  } finally {
    histogram.disable();
    clearInterval(sampler);
  }
}

function heldFigures(turns: number[]): { p99: number; max: number } {
  const sorted = [...turns].sort((a, b) => a - b);
  const at = (q: number): number =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(1));
  return { p99: at(0.99), max: at(1) };
}

function loopFigures(histogram: ReturnType<typeof monitorEventLoopDelay>): { p50: number; p99: number; max: number } {
  const ms = (ns: number): number => Number((ns / 1e6).toFixed(1));
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
}

/** The target every suite shares: p99 event-loop delay ≤ 50 ms. */
export function loopTarget(what: string, p99: number): Target {
  return { name: `event loop p99 delay during ${what}`, value: p99, floor: 50, unit: 'ms', higherIsBetter: false };
}
