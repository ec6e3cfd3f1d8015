// Roll-ups: a part's amount is its own plus the sum of its children's, by year, executor and
// source. Computed from the leaves every time — a total is never typed twice.

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
  /** Kopecks by year. */
  years: Map<number, number>;
  total: number;
}

export interface ExecutorBreakdown extends Breakdown {
  organisationId: number | null;
}
export interface SourceBreakdown extends Breakdown {
  source: Source;
}

export interface NodeTotals extends Breakdown {
  nodeId: number;
  byExecutor: ExecutorBreakdown[];
  bySource: SourceBreakdown[];
  /** The part holds money of its own besides its children's (a finding). */
  hasOwnAmounts: boolean;
}

export interface ProgramTotals {
  years: number[];
  program: Omit<NodeTotals, 'nodeId' | 'hasOwnAmounts'>;
  nodes: Map<number, NodeTotals>;
}

// Cells keyed as "year|organisation|source"; few distinct keys per part keep the roll-up linear.
type Cells = Map<string, number>;

function cellKey(year: number, organisationId: number | null, source: Source): string {
  return `${year}|${organisationId ?? ''}|${source}`;
}

function addCells(into: Cells, from: Cells): void {
  for (const [key, kopecks] of from) into.set(key, (into.get(key) ?? 0) + kopecks);
}

function summarise(cells: Cells): Omit<NodeTotals, 'nodeId' | 'hasOwnAmounts'> {
  const years = new Map<number, number>();
  const executors = new Map<string, ExecutorBreakdown>();
  const sources = new Map<string, SourceBreakdown>();
  let total = 0;
  for (const [key, kopecks] of cells) {
    const [yearText, organisationText, source] = key.split('|');
    const year = Number(yearText);
    total += kopecks;
    years.set(year, (years.get(year) ?? 0) + kopecks);
    let executor = executors.get(organisationText);
    if (!executor) {
      executor = { organisationId: organisationText === '' ? null : Number(organisationText), years: new Map(), total: 0 };
      executors.set(organisationText, executor);
    }
    executor.years.set(year, (executor.years.get(year) ?? 0) + kopecks);
    executor.total += kopecks;
    let bySource = sources.get(source);
    if (!bySource) {
      bySource = { source: source as Source, years: new Map(), total: 0 };
      sources.set(source, bySource);
    }
    bySource.years.set(year, (bySource.years.get(year) ?? 0) + kopecks);
    bySource.total += kopecks;
  }
  return { years, total, byExecutor: [...executors.values()], bySource: [...sources.values()] };
}

export function computeTotals(nodes: readonly TreeNode[], cells: Iterable<AmountCell>, programYears: number[]): ProgramTotals {
  const tree = buildProgramTree(nodes);
  const own = new Map<number, Cells>();
  const yearsSeen = new Set(programYears);
  for (const cell of cells) {
    if (!tree.byId.has(cell.nodeId)) continue;
    let nodeCells = own.get(cell.nodeId);
    if (!nodeCells) own.set(cell.nodeId, (nodeCells = new Map()));
    const key = cellKey(cell.year, cell.organisationId, cell.source);
    nodeCells.set(key, (nodeCells.get(key) ?? 0) + cell.kopecks);
    yearsSeen.add(cell.year);
  }
  const rolled = new Map<number, Cells>();
  const programCells: Cells = new Map();
  // Children come after their parent in depth-first order: walk it backwards to roll up.
  for (let i = tree.depthFirst.length - 1; i >= 0; i--) {
    const node = tree.depthFirst[i];
    const cellsOfNode: Cells = new Map(own.get(node.id));
    for (const child of tree.childrenOf(node.id)) addCells(cellsOfNode, rolled.get(child.id)!);
    rolled.set(node.id, cellsOfNode);
    if (node.parentId === null || !tree.byId.has(node.parentId)) addCells(programCells, cellsOfNode);
  }
  const result = new Map<number, NodeTotals>();
  for (const node of tree.depthFirst) {
    const ownCells = own.get(node.id);
    result.set(node.id, {
      nodeId: node.id,
      ...summarise(rolled.get(node.id)!),
      hasOwnAmounts: !!ownCells && ownCells.size > 0 && tree.childrenOf(node.id).length > 0,
    });
  }
  return { years: [...yearsSeen].sort((a, b) => a - b), program: summarise(programCells), nodes: result };
}

export function programYears(periodStart: number, periodEnd: number): number[] {
  const years: number[] = [];
  for (let year = periodStart; year <= periodEnd; year++) years.push(year);
  return years;
}
