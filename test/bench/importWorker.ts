// Runs in its own process so that its peak memory is the import's alone: preview and commit
// of one file into a fresh database, printing the figures as JSON. import.bench.ts bundles it
// and runs it under plain Node, as the app runs its main process.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestWorkspace } from '../support/testWorkspace';

const file = process.argv[2];
const t = createTestWorkspace();
try {
  const bytes = readFileSync(file);
  const start = performance.now();
  const preview = await t.api('import/preview', { fileName: path.basename(file), data: bytes.toString('base64'), programId: null });
  const previewMs = performance.now() - start;
  const result = await t.api('import/commit', { previewId: preview.previewId });
  const totalMs = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ previewMs, totalMs, peakRssMb: process.resourceUsage().maxRSS / 1024, nodes: result.created.nodes, amounts: result.created.amounts, errors: preview.findings.filter((f) => f.severity === 'error').length }),
  );
} finally {
  t.dispose();
}
