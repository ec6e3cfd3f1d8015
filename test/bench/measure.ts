// Timing helpers for the benchmarks: wall-clock figures printed with their targets.

import { performance } from 'node:perf_hooks';

export async function measure<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function report(what: string, ms: number, targetMs?: number): void {
  const figure = ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`;
  const target = targetMs === undefined ? '' : `   (target < ${targetMs >= 1000 ? `${targetMs / 1000} s` : `${targetMs} ms`}: ${ms < targetMs ? 'met' : 'MISSED'})`;
  console.log(`  ${what}: ${figure}${target}`);
}
