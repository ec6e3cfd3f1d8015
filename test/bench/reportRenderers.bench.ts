// Speed of the three report renderers on a Table 4 with 10 000 activities (≈ 25 000 rows).
// Run: npx tsx test/bench/reportRenderers.bench.ts [activities]
// Targets: DOCX < 3 s, XLSX < 3 s, PDF < 10 s.

import { renderDocx } from '../../electron/reports/render/docx';
import { renderPdf } from '../../electron/reports/render/pdf';
import { renderXlsx } from '../../electron/reports/render/xlsx';
import type { ReportDocument } from '../../electron/reports/reportDocument';
import { largeResourceProvision } from '../reports/render/sampleDocument';

const activities = Number(process.argv[2] ?? 10_000);
const renderers: [name: string, render: (doc: ReportDocument) => Promise<Uint8Array>, targetMs: number][] = [
  ['DOCX', renderDocx, 3_000],
  ['XLSX', renderXlsx, 3_000],
  ['PDF', renderPdf, 10_000],
];

const started = performance.now();
const doc = largeResourceProvision(activities);
const table = doc.blocks.find((block) => block.kind === 'table');
const rows = table?.kind === 'table' ? table.table.rows.length : 0;
console.log(`Table 4: ${activities} activities, ${rows} rows, model built in ${Math.round(performance.now() - started)} ms`);

// A small document first, so that module loading and font reading are not timed.
for (const [, render] of renderers) await render(largeResourceProvision(10));

let failed = false;
for (const [name, render, targetMs] of renderers) {
  const start = performance.now();
  const bytes = await render(doc);
  const ms = Math.round(performance.now() - start);
  failed ||= ms > targetMs;
  console.log(`${name.padEnd(4)} ${String(ms).padStart(6)} ms  ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  (target < ${targetMs / 1000} s)${ms > targetMs ? '  SLOW' : ''}`);
}
process.exitCode = failed ? 1 : 0;
