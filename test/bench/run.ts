// `npm run bench`: every benchmark, one after another, printing its figures.

import { coreBenchmark } from './core.bench';

console.log('Core (issue 2)');
await coreBenchmark();
