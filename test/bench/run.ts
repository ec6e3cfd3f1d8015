// `npm run bench [-- core import reports renderer]`: the named benchmarks (all by default),
// each in a fresh Node process so that one's heap and leftovers never weigh on the next's
// figures.

import { execFileSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = {
  core: { title: 'Core (issue 2)', file: 'core.bench.ts', run: 'coreBenchmark' },
  import: { title: 'Import (issue 3)', file: 'import.bench.ts', run: 'importBenchmark' },
  reports: { title: 'Reports (issue 4)', file: 'reports.bench.ts', run: 'reportsBenchmark' },
  renderer: { title: 'Renderer (issue 5)', file: 'renderer.bench.ts', run: 'rendererBenchmark' },
} as const;
type BenchmarkName = keyof typeof BENCHMARKS;

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`);
  process.exit(2);
}
const names = (asked.length ? asked : Object.keys(BENCHMARKS)) as BenchmarkName[];

for (const name of names) {
  const { title, file, run } = BENCHMARKS[name];
  console.log(title);
  const module = JSON.stringify(path.join(import.meta.dirname, file));
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const m = await import(${module}); await m.${run}();`], { stdio: 'inherit' });
}
