// The process the crash test kills. It opens the workspace and, until SIGKILL comes, imports
// the Ryazan DOCX (import/preview + import/commit) or pastes a block of amounts
// (financing/set-many), chosen by a seeded random sequence. It says what it does on stdout, one
// line each, written synchronously (stdout is a pipe), so the parent knows where it was killed:
//   ready <generation>         the workspace is open; the paste block holds this generation
//   begin import | paste <g>   a write transaction has begun (BEGIN has run)
//   end                        that transaction has committed (rollback: it was rolled back)
//   done import | paste <g>    the API call returned
// Every cell of paste g holds g × 100 000 + its index in the block, so a block that landed
// whole holds one generation throughout.
//
// Usage: node --import tsx test/safety/crashWorker.ts <db> <template.docx> <paste program id>
// <seed> (the crash test runs the same file bundled, to start faster). It waits for a line on
// stdin before opening the database, so the parent can start it early, while it still checks
// the file after the previous kill.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApiClient } from '../../shared/api/client';
import type { Source } from '../../shared/domain';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import type { SqliteHandle } from '../../electron/db/sqlite';
import { openWorkspace, type Workspace } from '../../electron/db/workspace';

export const PASTE_YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;
export const PASTE_SOURCES: readonly Source[] = ['local', 'regional', 'federal', 'offBudget'];
const GENERATION = 100_000;

export interface PasteCell {
  nodeId: number;
  year: number;
  source: Source;
}

/** The block a paste writes: every activity of the program × year × source, in a fixed order. */
export function pasteBlock(ws: Workspace, programId: number): PasteCell[] {
  const nodeIds = ws.sqlite.prepare(`SELECT id FROM nodes WHERE program_id = ? ORDER BY id`).pluck().all(programId) as number[];
  return nodeIds.flatMap((nodeId) => PASTE_YEARS.flatMap((year) => PASTE_SOURCES.map((source) => ({ nodeId, year, source }))));
}

export function pasteKopecks(generation: number, index: number): number {
  return generation * GENERATION + index;
}

/**
 * The generation of each cell of the block as the database holds it; null for a cell that is
 * missing or holds an amount no paste wrote at its place.
 */
export function generationsIn(ws: Workspace, block: readonly PasteCell[]): (number | null)[] {
  const read = ws.sqlite.prepare(`SELECT kopecks FROM financing WHERE node_id = ? AND year = ? AND source = ? AND organisation_id IS NULL`).pluck();
  return block.map((cell, index) => {
    const kopecks = read.get(cell.nodeId, cell.year, cell.source) as number | undefined;
    return kopecks !== undefined && kopecks % GENERATION === index ? Math.floor(kopecks / GENERATION) : null;
  });
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Says «begin …» inside each outermost write transaction and «end» once it has committed. */
function announceTransactions(db: SqliteHandle, doing: () => string): void {
  const transaction = db.transaction.bind(db);
  let depth = 0;
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const inner = transaction((...args: unknown[]) => {
      if (depth === 1) say(`begin ${doing()}`);
      return fn(...args);
    });
    const outer =
      (run: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        depth++;
        try {
          const result = run(...args);
          if (depth === 1) say('end');
          return result;
        } catch (error) {
          if (depth === 1) say('rollback');
          throw error;
        } finally {
          depth--;
        }
      };
    return Object.assign(outer(inner), {
      default: outer(inner.default),
      deferred: outer(inner.deferred),
      immediate: outer(inner.immediate),
      exclusive: outer(inner.exclusive),
    });
  }) as SqliteHandle['transaction'];
}

/** A small seeded generator (mulberry32): the same seed, the same sequence of operations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function work(file: string, templateFile: string, pasteProgramId: number, seed: number): Promise<never> {
  const template = readFileSync(templateFile).toString('base64');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const ws = openWorkspace(file);
  let doing = '';
  announceTransactions(ws.sqlite, () => doing);
  const api = createApiClient(createDispatch(createHandlerContext(ws), (error) => say(`error ${String(error)}`)));
  const block = pasteBlock(ws, pasteProgramId);
  const generations = new Set(generationsIn(ws, block));
  if (generations.size !== 1 || generations.has(null)) throw new Error('crashWorker: the paste block does not hold one generation');
  let generation = [...generations][0]!;
  const random = seededRandom(seed);
  say(`ready ${generation}`);
  for (;;) {
    if (random() < 0.5) {
      doing = 'import';
      const preview = await api('import/preview', { fileName: path.basename(templateFile), data: template, programId: null });
      await api('import/commit', { previewId: preview.previewId });
    } else {
      generation++;
      doing = `paste ${generation}`;
      const cells = block.map((cell, index) => ({ ...cell, organisationId: null, amount: pasteKopecks(generation, index) }));
      await api('financing/set-many', { programId: pasteProgramId, cells });
    }
    say(`done ${doing}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [file, templateFile, pasteProgramId, seed] = process.argv.slice(2);
  await work(file, templateFile, Number(pasteProgramId), Number(seed));
}
