// Roll-ups: a part's amount is its own plus the sum of its children's, by year, executor and
// source. Computed from the leaves — a total is never typed twice. Amounts per year are kept
// as arrays aligned with the program's list of years, so a 10 000-activity program rolls up
// with additions of short arrays rather than map look-ups.

import type { Source } from '../../shared/domain';
import { buildProgramTree, type TreeNode } from '../../shared/programTree';

/** One effective amount: a year's plan of a part for a source and executor. */
export interface AmountCell {
  nodeId: number;
  year: number;
  source: Source;
  organisationId: number | null;
  kopecks: number;
}

export interface Breakdown {
  /** Kopecks per year, aligned with ProgramTotals.years. */
  amounts: number[];
  total: number;
}

export interface ExecutorBreakdown extends Breakdown {
  organisationId: number | null;
}
export interface SourceBreakdown extends Breakdown {
  source: Source;
}

export interface Summary extends Breakdown {
  byExecutor: ExecutorBreakdown[];
  bySource: SourceBreakdown[];
}

export interface NodeTotals extends Summary {
  nodeId: number;
  /** The part holds money of its own besides its children's (a finding). */
  hasOwnAmounts: boolean;
}

export interface ProgramTotals {
  /** The program's years and any other year an amount falls in, ascending. */
  years: number[];
  program: Summary;
  nodes: Map<number, NodeTotals>;
}

/** The kopecks of one year, 0 when the year has none. */
export function amountOfYear(totals: Pick<ProgramTotals, 'years'>, breakdown: Breakdown, year: number): number {
  const index = totals.years.indexOf(year);
  return index < 0 ? 0 : breakdown.amounts[index];
}

function emptySummary(yearCount: number): Summary {
  return { amounts: new Array<number>(yearCount).fill(0), total: 0, byExecutor: [], bySource: [] };
}

function addAmounts(into: Breakdown, from: Breakdown): void {
  for (let i = 0; i < from.amounts.length; i++) into.amounts[i] += from.amounts[i];
  into.total += from.total;
}

// Loops rather than find(): called for every amount, and the lists are a line or two long.
export function executorLine(summary: Summary, organisationId: number | null, yearCount: number): ExecutorBreakdown {
  const lines = summary.byExecutor;
  for (let i = 0; i < lines.length; i++) if (lines[i].organisationId === organisationId) return lines[i];
  const line = { organisationId, amounts: new Array<number>(yearCount).fill(0), total: 0 };
  lines.push(line);
  return line;
}

export function sourceLine(summary: Summary, source: Source, yearCount: number): SourceBreakdown {
  const lines = summary.bySource;
  for (let i = 0; i < lines.length; i++) if (lines[i].source === source) return lines[i];
  const line = { source, amounts: new Array<number>(yearCount).fill(0), total: 0 };
  lines.push(line);
  return line;
}

/** Adds one amount to a summary: its year, its executor's line and its source's line. */
export function addToSummary(summary: Summary, yearIndex: number, organisationId: number | null, source: Source, kopecks: number): void {
  const yearCount = summary.amounts.length;
  summary.amounts[yearIndex] += kopecks;
  summary.total += kopecks;
  const executor = executorLine(summary, organisationId, yearCount);
  executor.amounts[yearIndex] += kopecks;
  executor.total += kopecks;
  const bySource = sourceLine(summary, source, yearCount);
  bySource.amounts[yearIndex] += kopecks;
  bySource.total += kopecks;
}

function addSummary(into: Summary, from: Summary): void {
  const yearCount = into.amounts.length;
  addAmounts(into, from);
  const executors = from.byExecutor;
  for (let i = 0; i < executors.length; i++) addAmounts(executorLine(into, executors[i].organisationId, yearCount), executors[i]);
  const sources = from.bySource;
  for (let i = 0; i < sources.length; i++) addAmounts(sourceLine(into, sources[i].source, yearCount), sources[i]);
}

export function computeTotals(nodes: readonly TreeNode[], cells: readonly AmountCell[], programYears: number[]): ProgramTotals {
  const tree = buildProgramTree(nodes);
  const yearSet = new Set(programYears);
  // Indexed loops and plain literals: this runs once per call over up to hundreds of thousands
  // of cells, mostly before the optimising compiler takes it over, where each iterator step
  // and object spread is an allocation.
  for (let i = 0; i < cells.length; i++) yearSet.add(cells[i].year);
  const years = [...yearSet].sort((a, b) => a - b);
  const yearIndex = new Map(years.map((year, index) => [year, index]));

  const order = tree.depthFirst;
  const summaries = new Map<number, NodeTotals>();
  for (let i = 0; i < order.length; i++) {
    const id = order[i].id;
    summaries.set(id, { nodeId: id, hasOwnAmounts: false, amounts: new Array<number>(years.length).fill(0), total: 0, byExecutor: [], bySource: [] });
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const summary = summaries.get(cell.nodeId);
    if (!summary) continue;
    addToSummary(summary, yearIndex.get(cell.year)!, cell.organisationId, cell.source, cell.kopecks);
  }
  for (let i = 0; i < order.length; i++) {
    const summary = summaries.get(order[i].id)!;
    summary.hasOwnAmounts = summary.byExecutor.length > 0 && tree.childrenOf(order[i].id).length > 0;
  }
  const program = emptySummary(years.length);
  // Children follow their parent in depth-first order: walking it backwards rolls up.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const summary = summaries.get(node.id)!;
    const parent = node.parentId === null ? undefined : summaries.get(node.parentId);
    addSummary(parent ?? program, summary);
  }
  return { years, program, nodes: summaries };
}

export function programYears(periodStart: number, periodEnd: number): number[] {
  const years: number[] = [];
  for (let year = periodStart; year <= periodEnd; year++) years.push(year);
  return years;
}
