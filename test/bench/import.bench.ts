// Import figures: a 10 000-activity Table 4 in .xlsx (Munplan's own export of the large
// program, about 11 500 rows) previewed and committed in a separate process, with its peak
// memory; and, side by side, LibreOffice opening the same file and saving it as CSV.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { buildReport, renderReport } from '../../electron/reports/buildReport';
import { largeProgramDetail } from './largeProgram';
import { runSoffice } from './libreOffice';
import { measure, report } from './measure';

export async function importBenchmark(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-bench-import-'));
  try {
    const file = path.join(folder, 'table4-10000.xlsx');
    writeFileSync(file, await renderReport(buildReport(largeProgramDetail(), 'resources', null), 'xlsx'));
    console.log(`  file: ${(statSync(file).size / 1e6).toFixed(2)} MB`);
    const worker = await compiledWorker();
    let output: string;
    try {
      output = execFileSync(process.execPath, [worker, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    } finally {
      rmSync(path.dirname(worker), { recursive: true, force: true });
    }
    const figures = JSON.parse(output) as { previewMs: number; totalMs: number; peakRssMb: number; nodes: number; amounts: number; errors: number };
    console.log(`  read back: ${figures.nodes} parts, ${figures.amounts} amounts, ${figures.errors} stated totals that disagree`);
    report('preview', figures.previewMs);
    report('preview + commit', figures.totalMs, 2000);
    console.log(`  peak memory of the importing process: ${figures.peakRssMb.toFixed(0)} MB (target < 300 MB: ${figures.peakRssMb < 300 ? 'met' : 'MISSED'})`);
    const profile = path.join(folder, 'lo-profile');
    // A first start creates the profile; time the second, as a user's LibreOffice would start.
    if (await runSoffice([`-env:UserInstallation=file://${profile}`, '--headless', '--version'], 120_000)) {
      const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', path.join(folder, 'csv'), file];
      const { result: converted, ms } = await measure(() => runSoffice(args, 300_000));
      if (converted) {
        report('LibreOffice opening the same file and saving it as CSV', ms);
        console.log(`  Munplan / LibreOffice: ${(figures.totalMs / ms).toFixed(2)} (target ≤ 1: ${figures.totalMs <= ms ? 'met' : 'MISSED'})`);
      } else {
        console.log('  LibreOffice did not convert the file in 300 s: the side-by-side comparison has no figure');
      }
    } else {
      console.log('  LibreOffice is not installed: the side-by-side comparison is skipped');
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The worker bundled the way the app's main process is (esbuild, packages left to node_modules)
 * and run by plain Node: the app runs compiled JavaScript, and under `--import tsx` some 60 MB
 * of the peak was tsx's and esbuild's own, not the import's. The peak reported is still the
 * whole process's: Node, the modules loaded, the workspace, and the import.
 */
async function compiledWorker(): Promise<string> {
  const projectRoot = path.resolve(import.meta.dirname, '../..');
  // Inside the project, so that the bundle's imports of packages find node_modules.
  const outRoot = path.join(projectRoot, 'test-output');
  mkdirSync(outRoot, { recursive: true });
  const outfile = path.join(mkdtempSync(path.join(outRoot, 'bench-import-')), 'importWorker.mjs');
  await build({ absWorkingDir: projectRoot, entryPoints: [path.join(import.meta.dirname, 'importWorker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}
