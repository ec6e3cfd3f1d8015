// `npm run bench`: every benchmark, one after another, printing its figures.

import { coreBenchmark } from './core.bench';
import { importBenchmark } from './import.bench';
import { rendererBenchmark } from './renderer.bench';
import { reportsBenchmark } from './reports.bench';

console.log('Core (issue 2)');
await coreBenchmark();
console.log('Import (issue 3)');
await importBenchmark();
console.log('Reports (issue 4)');
await reportsBenchmark();
console.log('Renderer (issue 5)');
await rendererBenchmark();
