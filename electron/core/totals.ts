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

export function executorLine(summary: Summary, organisationId: number | null, yearCount: number): ExecutorBreakdown {
  let line = summary.byExecutor.find((e) => e.organisationId === organisationId);
  if (!line) summary.byExecutor.push((line = { organisationId, amounts: new Array<number>(yearCount).fill(0), total: 0 }));
  return line;
}

export function sourceLine(summary: Summary, source: Source, yearCount: number): SourceBreakdown {
  let line = summary.bySource.find((s) => s.source === source);
  if (!line) summary.bySource.push((line = { source, amounts: new Array<number>(yearCount).fill(0), total: 0 }));
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
  for (const line of from.byExecutor) addAmounts(executorLine(into, line.organisationId, yearCount), line);
  for (const line of from.bySource) addAmounts(sourceLine(into, line.source, yearCount), line);
}

export function computeTotals(nodes: readonly TreeNode[], cells: readonly AmountCell[], programYears: number[]): ProgramTotals {
  const tree = buildProgramTree(nodes);
  const yearSet = new Set(programYears);
  for (const cell of cells) yearSet.add(cell.year);
  const years = [...yearSet].sort((a, b) => a - b);
  const yearIndex = new Map(years.map((year, index) => [year, index]));

  const summaries = new Map<number, NodeTotals>();
  for (const node of tree.depthFirst) summaries.set(node.id, { nodeId: node.id, hasOwnAmounts: false, ...emptySummary(years.length) });
  for (const cell of cells) {
    const summary = summaries.get(cell.nodeId);
    if (!summary) continue;
    addToSummary(summary, yearIndex.get(cell.year)!, cell.organisationId, cell.source, cell.kopecks);
  }
  for (const node of tree.depthFirst) {
    const summary = summaries.get(node.id)!;
    summary.hasOwnAmounts = summary.byExecutor.length > 0 && tree.childrenOf(node.id).length > 0;
  }
  const program = emptySummary(years.length);
  // Children follow their parent in depth-first order: walking it backwards rolls up.
  for (let i = tree.depthFirst.length - 1; i >= 0; i--) {
    const node = tree.depthFirst[i];
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
