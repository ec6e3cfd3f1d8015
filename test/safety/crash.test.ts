// The crash test: a process importing the Ryazan DOCX or pasting a block of ~2 000 amounts is
// killed with SIGKILL at a random moment, 50 times in a row, on the same database file. After
// every kill the file is opened as the app opens it at start and must pass the integrity
// check, and every operation must have landed whole or not at all: each imported program is
// complete, and the pasted block holds one generation throughout. Commits the worker saw return
// must be there (synchronous = FULL).
//
// The moments are drawn from a seeded generator, so the plan of a failing run can be replayed
// (the exact moments depend on the machine's speed). Half of the kills come at a random delay
// after the worker is ready; the other half a random fraction of a transaction's measured
// length after a «begin», so that many land inside a transaction — the test counts them from
// the worker's markers and requires some.
//
// The worker is bundled once with esbuild (into node_modules/.cache, so that its packages,
// left external, resolve as usual) and run with plain node: through `node --import tsx` it
// takes ~1.6 s to start, which 50 starts cannot afford; bundled, ~0.4 s. Each next worker is
// started as soon as the current one is ready, so it loads while the current one works and
// its kill is checked.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import type { BackupTimer } from '../../electron/db/backupScheduler';
import { openWorkspaceAtStart } from '../../electron/db/openAtStart';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/db/workspace';
import { ryazanDocx } from '../fixtures/templates/ryazanTemplates';
import { generationsIn, pasteBlock, pasteKopecks, seededRandom } from './crashWorker';
import { removeTempFolders, tempFolder } from './files';

const ROUNDS = 50;
const SEED = 20261123;
/** Activities in the pasted block: × 9 years × 4 sources = 2 016 cells. */
const PASTE_ACTIVITIES = 56;
/**
 * How long a write transaction lasts from «begin» to «end» as the parent sees it, per operation:
 * measured as the test runs (it varies with the machine's load), starting from figures measured
 * here. A «begin» kill comes 0–1.2 of this after the marker, so it lands early, late, or just
 * after the commit.
 */
const transactionMs = { import: 4, paste: 15 };
const root = path.resolve(import.meta.dirname, '../..');
const stillTimer: BackupTimer = { every: () => () => {} };

async function bundleWorker(): Promise<string> {
  const folder = path.join(root, 'node_modules', '.cache', 'munplan-safety');
  mkdirSync(folder, { recursive: true });
  const outfile = path.join(folder, 'crashWorker.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crashWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  onLine(listener: (line: string) => void): void;
  closed: Promise<NodeJS.Signals | null>;
  stderr(): string;
}

function startWorker(script: string, args: string[]): Worker {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      lines.push(line);
      for (const listener of listeners) listener(line);
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  return { child, lines, onLine: (listener) => listeners.push(listener), closed, stderr: () => stderr };
}

type KillPlan = { after: 'ready'; delayMs: number } | { after: 'begin'; nth: number; fraction: number };

function drawPlan(random: () => number): KillPlan {
  return random() < 0.5 ? { after: 'ready', delayMs: Math.floor(random() * 400) } : { after: 'begin', nth: 1 + Math.floor(random() * 2), fraction: 1.2 * random() };
}

/** Lets the worker go, kills it as planned, and returns everything it said. */
async function killAsPlanned(worker: Worker, plan: KillPlan, onReady: () => void): Promise<string[]> {
  let begins = 0;
  let began: { operation: 'import' | 'paste'; at: number } | null = null;
  let timer: NodeJS.Timeout | undefined;
  const kill = () => worker.child.kill('SIGKILL');
  const killAfter = (ms: number) => (ms < 0.5 ? kill() : (timer = setTimeout(kill, ms)));
  worker.onLine((line) => {
    if (line.startsWith('ready')) {
      onReady();
      if (plan.after === 'ready') killAfter(plan.delayMs);
    } else if (line.startsWith('begin')) {
      began = { operation: line.split(' ')[1] as 'import' | 'paste', at: performance.now() };
      if (plan.after === 'begin' && ++begins === plan.nth) killAfter(plan.fraction * transactionMs[began.operation]);
    } else if (line === 'end' && began) {
      transactionMs[began.operation] = 0.7 * transactionMs[began.operation] + 0.3 * (performance.now() - began.at);
      began = null;
    }
  });
  const guard = setTimeout(kill, 15_000);
  worker.child.stdin.write('go\n');
  const signal = await worker.closed;
  clearTimeout(guard);
  clearTimeout(timer);
  if (signal !== 'SIGKILL') throw new Error(`the worker stopped by itself:\n${worker.lines.join('\n')}\n${worker.stderr()}`);
  return worker.lines;
}

/** What the worker's markers say: the commits it saw, and the transaction open when it died. */
function readMarkers(lines: string[]) {
  let open: string | null = null;
  const committed: string[] = [];
  for (const line of lines) {
    if (line.startsWith('begin ')) open = line.slice('begin '.length);
    else if (line === 'end') {
      committed.push(open!);
      open = null;
    } else if (line === 'rollback') open = null;
    else if (line.startsWith('error')) throw new Error(`the worker failed: ${line}`);
  }
  return { open, committed };
}

/** An imported program as the API shows it, reduced to what must equal the full import's. */
async function shapeOf(api: ApiClient, programId: number) {
  const detail = await api('programs/get', { programId });
  const totals = await api('totals/get', { programId });
  return {
    parts: detail.nodes.length,
    indicators: detail.indicators.length,
    amounts: detail.financing.length + detail.quarterly.length,
    statedTotals: detail.statedTotals.length,
    budget: detail.budget.length,
    amendments: detail.amendments.length,
    totalsByYear: totals.program.amounts,
    total: totals.program.total,
  };
}

/** The same, counted in SQL for every program at once: what a partial import would lack. */
function footprints(ws: Workspace): Map<number, string> {
  const rows = ws.sqlite
    .prepare(
      `SELECT p.id,
         (SELECT count(*) FROM nodes WHERE program_id = p.id) || ' parts, ' ||
         (SELECT count(*) FROM indicators WHERE program_id = p.id) || ' indicators, ' ||
         (SELECT count(*) FROM stated_totals WHERE program_id = p.id) || ' stated totals, ' ||
         (SELECT count(*) || ' amounts = ' || ifnull(sum(kopecks), 0) FROM financing JOIN nodes n ON n.id = node_id WHERE n.program_id = p.id) || ', ' ||
         (SELECT count(*) || ' quarters = ' || ifnull(sum(kopecks), 0) FROM quarterly_plan JOIN nodes n ON n.id = node_id WHERE n.program_id = p.id) AS footprint
       FROM programs p ORDER BY p.id`,
    )
    .all() as { id: number; footprint: string }[];
  return new Map(rows.map((r) => [r.id, r.footprint]));
}

const apiOn = (ws: Workspace) => createApiClient(createDispatch(createHandlerContext(ws), (error) => console.error(error)));

describe('crash safety', () => {
  it(`an import or a bulk paste killed with SIGKILL ${ROUNDS} times leaves a sound database in which each landed whole or not at all`, async () => {
    const started = Date.now();
    const folder = tempFolder();
    const file = path.join(folder, 'munplan.sqlite');
    const templateFile = path.join(folder, 'Рязань, таблицы 1-4.docx');
    const [script, template] = await Promise.all([bundleWorker(), ryazanDocx()]);
    writeFileSync(templateFile, template);

    // The paste program at generation 1, and one import done in full: the reference.
    const setup = openWorkspace(file);
    const api = apiOn(setup);
    const pasteProgram = await api('programs/create', { title: 'Вставка из таблицы', periodStart: 2022, periodEnd: 2030 });
    for (let i = 1; i <= PASTE_ACTIVITIES; i++) {
      await api('nodes/create', { programId: pasteProgram.id, parentId: null, kind: 'activity', code: `${i}.`, title: `Мероприятие ${i}` });
    }
    const block = pasteBlock(setup, pasteProgram.id);
    expect(block).toHaveLength(PASTE_ACTIVITIES * 36);
    await api('financing/set-many', { programId: pasteProgram.id, cells: block.map((cell, index) => ({ ...cell, organisationId: null, amount: pasteKopecks(1, index) })) });
    const preview = await api('import/preview', { fileName: path.basename(templateFile), data: Buffer.from(template).toString('base64'), programId: null });
    const referenceId = (await api('import/commit', { previewId: preview.previewId })).programId;
    const reference = await shapeOf(api, referenceId);
    expect(reference).toMatchObject({ parts: 18, indicators: 6 });
    const referenceFootprint = footprints(setup).get(referenceId);
    closeWorkspace(setup);

    const random = seededRandom(SEED);
    const workerArgs = (round: number) => [file, templateFile, String(pasteProgram.id), String(SEED + round)];
    let next = startWorker(script, workerArgs(1));
    let importsPresent = 1;
    let programsChecked = referenceId;
    let generation = 1;
    const tally = { insideTransaction: 0, landed: 0, rolledBack: 0, imports: 0, pastes: 0, inside: { import: 0, paste: 0 } };
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const worker = next;
        const plan = drawPlan(random);
        // The next worker loads while this one works and its kill is checked.
        const lines = await killAsPlanned(worker, plan, () => (next = startWorker(script, workerArgs(round + 1))));
        const { open, committed } = readMarkers(lines);
        tally.imports += committed.filter((c) => c === 'import').length;
        tally.pastes += committed.filter((c) => c.startsWith('paste')).length;
        const committedImports = importsPresent + committed.filter((c) => c === 'import').length;
        const committedGeneration = Math.max(generation, ...committed.filter((c) => c.startsWith('paste')).map((c) => Number(c.split(' ')[1])));

        const start = await openWorkspaceAtStart(file, { timer: stillTimer, onError: (error) => console.error(error) });
        if (start.status !== 'ok') throw new Error(`round ${round}: ${start.status}: ${start.message}`);
        const { ws } = start;
        try {
          expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
          const check = apiOn(ws);

          // Every program whole in SQL; those new since the last kill also through the API.
          const imported = [...footprints(ws)].filter(([id]) => id !== pasteProgram.id);
          for (const [id, footprint] of imported) {
            expect(footprint, `round ${round}, program ${id}`).toBe(referenceFootprint);
            if (id > programsChecked) expect(await shapeOf(check, id), `round ${round}, program ${id}`).toEqual(reference);
          }
          programsChecked = Math.max(programsChecked, ...imported.map(([id]) => id));
          expect(imported.length, `round ${round}: imports committed before the kill`).toBeGreaterThanOrEqual(committedImports);
          expect(imported.length).toBeLessThanOrEqual(committedImports + (open === 'import' ? 1 : 0));

          const generations = new Set(generationsIn(ws, block));
          expect([...generations], `round ${round}: the pasted block holds one generation`).toHaveLength(1);
          const [held] = generations;
          expect(held === committedGeneration || open === `paste ${held}`, `round ${round}: generation ${held}, committed ${committedGeneration}, open ${open}`).toBe(true);

          if (open) {
            tally.insideTransaction++;
            tally.inside[open === 'import' ? 'import' : 'paste']++;
            const landed = open === 'import' ? imported.length > committedImports : held === Number(open.split(' ')[1]);
            if (landed) tally.landed++;
            else tally.rolledBack++;
          }
          importsPresent = imported.length;
          generation = held!;
        } finally {
          await start.backups.close();
          closeWorkspace(ws);
        }
      }
    } finally {
      next.child.kill('SIGKILL');
      await next.closed;
      removeTempFolders();
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${ROUNDS} kills in ${seconds} s; ${tally.imports} imports and ${tally.pastes} pastes of ${block.length} cells committed; ` +
        `${tally.insideTransaction} kills inside a transaction (${tally.inside.import} import, ${tally.inside.paste} paste): ` +
        `${tally.landed} had landed whole, ${tally.rolledBack} not at all`,
    );
    expect(tally.insideTransaction).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
