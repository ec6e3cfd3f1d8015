// Keeping the open program current after a grid edit without reloading it: the handlers say
// exactly which totals moved (the edited part, its ancestors and the program, for one year),
// so those lines are patched in place. One cell changed, so the whole change of a line's year
// belongs to that cell's executor and source, and their breakdowns move by the same amount.

import type { CellUpdate, TotalsLine, TotalsView, YearAmounts } from '../../shared/api/contract';
import type { ProgramDetail, Quarter } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { recordRowPatch } from './rowPatches';
import { patchTotalsLines, totalsLineOf } from './totalsLines';

type Cell = CellUpdate['cell'];

function moveBreakdowns(line: TotalsLine, cell: Cell, index: number, delta: number, yearCount: number, executorName: string): Pick<TotalsLine, 'byExecutor' | 'bySource'> {
  if (delta === 0) return { byExecutor: line.byExecutor, bySource: line.bySource };
  const shift = <L extends { amounts: number[]; total: number }>(entry: L): L => {
    const amounts = [...entry.amounts];
    amounts[index] += delta;
    return { ...entry, amounts, total: entry.total + delta };
  };
  const fresh = () => {
    const amounts = new Array<number>(yearCount).fill(0);
    amounts[index] = delta;
    return { amounts, total: delta };
  };
  const hasExecutor = line.byExecutor.some((e) => e.organisationId === cell.organisationId);
  const hasSource = line.bySource.some((s) => s.source === cell.source);
  return {
    byExecutor: hasExecutor
      ? line.byExecutor.map((e) => (e.organisationId === cell.organisationId ? shift(e) : e))
      : [...line.byExecutor, { organisationId: cell.organisationId, executor: executorName, ...fresh() }],
    bySource: hasSource ? line.bySource.map((s) => (s.source === cell.source ? shift(s) : s)) : [...line.bySource, { source: cell.source, ...fresh() }],
  };
}

function patchLine<L extends TotalsLine>(line: L, cell: Cell, index: number, kopecks: number, total: number, yearCount: number, executorName: string): L {
  const delta = kopecks - line.amounts[index];
  if (delta === 0 && total === line.total) return line;
  const amounts = [...line.amounts];
  amounts[index] = kopecks;
  return { ...line, amounts, total, ...moveBreakdowns(line, cell, index, delta, yearCount, executorName) };
}

/** The totals after one cell's update: its parts' lines and the program's line for its year. */
export function patchTotals(totals: TotalsView, update: CellUpdate, executorName: string): TotalsView {
  const index = totals.years.indexOf(update.cell.year);
  if (index < 0) return totals;
  const yearCount = totals.years.length;
  const program = patchLine(totals.program, update.cell, index, update.programYear.kopecks, update.programYear.total, yearCount, executorName);
  const moved = new Map<number, TotalsView['nodes'][number]>();
  for (const line of update.rollup) {
    const current = totalsLineOf(totals, line.nodeId);
    const next = current && patchLine(current, update.cell, index, line.kopecks, line.total, yearCount, executorName);
    if (next && next !== current) moved.set(line.nodeId, next);
  }
  // The answer to an amount already shown (amountsInFlight.ts) moves nothing: the same view.
  if (program === totals.program && moved.size === 0) return totals;
  return { years: totals.years, program, nodes: patchTotalsLines(totals.nodes, moved.keys(), (node) => moved.get(node.nodeId)!) };
}

/** After a pasted block: the year amounts and totals it reports (breakdowns are reloaded). */
export function patchRollup(totals: TotalsView, rollup: CellUpdate['rollup'], program: { years: YearAmounts; total: number }): TotalsView {
  const lines = new Map<number, CellUpdate['rollup']>();
  for (const line of rollup) lines.set(line.nodeId, [...(lines.get(line.nodeId) ?? []), line]);
  const programAmounts = totals.years.map((year, i) => program.years[String(year)] ?? totals.program.amounts[i]);
  return {
    years: totals.years,
    program: { ...totals.program, amounts: programAmounts, total: program.total },
    nodes: patchTotalsLines(totals.nodes, lines.keys(), (node) => {
      const changed = lines.get(node.nodeId)!;
      const amounts = [...node.amounts];
      for (const line of changed) {
        const index = totals.years.indexOf(line.year);
        if (index >= 0) amounts[index] = line.kopecks;
      }
      return { ...node, amounts, total: changed[changed.length - 1].total };
    }),
  };
}

const sameExecutor = (a: number | null | undefined, b: number | null) => (a ?? null) === b;

/**
 * The program's findings with those about the edited cell replaced by the update's: its
 * quarters against its year, and the stated totals of its parts and of the program for that
 * year (and their ИТОГО column).
 */
export function mergeCellFindings(findings: Finding[], update: CellUpdate): Finding[] {
  const { cell } = update;
  const parts = new Set(update.rollup.map((line) => line.nodeId));
  const concernsCell = (finding: Finding): boolean => {
    const target = finding.target;
    if (finding.code === 'quartersMismatch') {
      return target.nodeId === cell.nodeId && target.year === cell.year && target.source === cell.source && sameExecutor(target.organisationId, cell.organisationId);
    }
    if (finding.code === 'statedTotalMismatch') {
      return (target.nodeId === undefined || parts.has(target.nodeId)) && (target.year === undefined || target.year === cell.year);
    }
    // An amount under an executor names one for the part.
    if (finding.code === 'activityWithoutExecutor') return target.nodeId === cell.nodeId && cell.organisationId !== null && cell.kopecks !== null;
    return false;
  };
  const kept = findings.filter((finding) => !concernsCell(finding));
  return kept.length === findings.length && update.findings.length === 0 ? findings : [...kept, ...update.findings];
}

/** The first position whose row is of part `nodeId` or a later one, in a list ordered by part. */
export function partStart(rows: readonly { nodeId: number }[], nodeId: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle].nodeId < nodeId) low = middle + 1;
    else high = middle;
  }
  return low;
}

function equalRows<R extends object>(a: R, b: R): boolean {
  return (Object.keys(b) as (keyof R)[]).every((key) => a[key] === b[key]);
}

/**
 * Replaces the row with the key in place, inserts it after its part's rows, or removes it when
 * `next` is null; the new list records what changed (rowPatches.ts). The lists come ordered by
 * part id (ProgramDetail) and stay so, so the row is looked for among its part's rows only: a
 * scan of 180 000 rows cost 1–7 ms of every typed amount.
 */
function upsert<R extends { nodeId: number }>(rows: R[], nodeId: number, matches: (row: R) => boolean, next: R | null): R[] {
  let index = partStart(rows, nodeId);
  while (index < rows.length && rows[index].nodeId === nodeId && !matches(rows[index])) index += 1;
  const found = index < rows.length && rows[index].nodeId === nodeId;
  if (!found && next === null) return rows;
  // The save's answer for an amount already shown (amountsInFlight.ts) changes nothing.
  if (found && next !== null && equalRows(rows[index], next)) return rows;
  const copy = rows.slice();
  if (!found) copy.splice(index, 0, next!);
  else if (next === null) copy.splice(index, 1);
  else copy[index] = next;
  recordRowPatch(rows, copy, found ? [rows[index]] : [], next === null ? [] : [next]);
  return copy;
}

/** The program's stored amounts with the written cells in place (a null amount clears one). */
export function patchDetailCells(detail: ProgramDetail, cells: readonly Cell[]): ProgramDetail {
  let financing = detail.financing;
  let quarterly = detail.quarterly;
  for (const cell of cells) {
    const key = { nodeId: cell.nodeId, year: cell.year, source: cell.source, organisationId: cell.organisationId };
    const sameKey = (row: typeof key) =>
      row.nodeId === key.nodeId && row.year === key.year && row.source === key.source && row.organisationId === key.organisationId;
    if (cell.quarter) {
      const quarter = cell.quarter as Quarter;
      quarterly = upsert(quarterly, cell.nodeId, (row) => sameKey(row) && row.quarter === quarter, cell.kopecks === null ? null : { ...key, quarter, kopecks: cell.kopecks });
    } else {
      financing = upsert(financing, cell.nodeId, sameKey, cell.kopecks === null ? null : { ...key, kopecks: cell.kopecks });
    }
  }
  return financing === detail.financing && quarterly === detail.quarterly ? detail : { ...detail, financing, quarterly };
}
