// A typed amount shows in its parents' totals as soon as Enter is pressed, before its save
// answers. A total is a plain sum of effective amounts (core/totals.ts, by the rule the grids
// read them with in financingIndex.ts), so the renderer works out the core's answer itself; the
// answer then puts the core's own figures in place, and a refusal takes the shown amount back.
// Waiting for the answer put a round trip to the main process into every edit, and on a busy
// laptop single saves took 60–280 ms.

import type { CellUpdate, TotalsView } from '../../shared/api/contract';
import type { ProgramDetail, ProgramNode } from '../../shared/domain';
import { effectiveAmount, type ComboAmounts } from '../grid/program/financingIndex';
import { partStart } from './cellPatch';
import { totalsLineOf } from './totalsLines';

type Cell = CellUpdate['cell'];

/** An amount shown before its save answered: what it moved, to settle or take back. */
export interface AmountInFlight {
  programId: number;
  cell: Cell;
  /** The cell's stored amount before it (null: none), put back on refusal. */
  before: number | null;
  /** The parts whose totals it moved, nearest first; none when they could not be foreseen. */
  nodeIds: readonly number[];
  /** How much it moved their year's effective amount and their ИТОГО. */
  delta: number;
}

const parentsByNodes = new WeakMap<readonly ProgramNode[], ReadonlyMap<number, number | null>>();

function parentOf(nodes: readonly ProgramNode[], nodeId: number): number | null {
  let parents = parentsByNodes.get(nodes);
  if (!parents) parentsByNodes.set(nodes, (parents = new Map(nodes.map((node) => [node.id, node.parentId]))));
  return parents.get(nodeId) ?? null;
}

const sameKey = (row: Omit<Cell, 'kopecks' | 'quarter'>, cell: Cell) =>
  row.nodeId === cell.nodeId && row.year === cell.year && row.source === cell.source && row.organisationId === cell.organisationId;

/** What is stored for the cell's part, source and executor in the cell's year: its plan and quarters. */
function storedCombo(detail: ProgramDetail, cell: Cell): ComboAmounts {
  const combo: ComboAmounts = { source: cell.source, organisationId: cell.organisationId, plans: new Map(), quarters: new Map() };
  for (let i = partStart(detail.financing, cell.nodeId); i < detail.financing.length && detail.financing[i].nodeId === cell.nodeId; i++) {
    if (sameKey(detail.financing[i], cell)) combo.plans.set(cell.year, detail.financing[i].kopecks);
  }
  const quarters: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  for (let i = partStart(detail.quarterly, cell.nodeId); i < detail.quarterly.length && detail.quarterly[i].nodeId === cell.nodeId; i++) {
    const row = detail.quarterly[i];
    if (sameKey(row, cell)) quarters[row.quarter - 1] = row.kopecks;
  }
  combo.quarters.set(cell.year, quarters);
  return combo;
}

/** The combo with the cell written into it. */
function written(combo: ComboAmounts, cell: Cell): ComboAmounts {
  const amount = cell.kopecks ?? undefined;
  if (!cell.quarter) {
    const plans = new Map(combo.plans);
    if (amount === undefined) plans.delete(cell.year);
    else plans.set(cell.year, amount);
    return { ...combo, plans };
  }
  const quarters = [...(combo.quarters.get(cell.year) ?? [])];
  quarters[cell.quarter - 1] = amount;
  return { ...combo, quarters: new Map([[cell.year, quarters]]) };
}

/** The update that moves the parts' lines and the program's for the cell's year by `delta`. */
export function movedUpdate(totals: TotalsView, cell: Cell, nodeIds: readonly number[], delta: number): CellUpdate {
  const index = totals.years.indexOf(cell.year);
  return {
    cell,
    // A part a reload took away meanwhile has no line left to move.
    rollup: nodeIds.flatMap((nodeId) => {
      const line = totalsLineOf(totals, nodeId);
      return line ? [{ nodeId, year: cell.year, kopecks: line.amounts[index] + delta, total: line.total + delta }] : [];
    }),
    programYear: { year: cell.year, kopecks: totals.program.amounts[index] + delta, total: totals.program.total + delta },
    findings: [],
  };
}

/**
 * What writing the cell will do, as the core will answer it (without its findings), and the
 * record to settle it by. Totals are not foreseen for a year they have no column for: the core
 * recomputes them then, and the answer brings them.
 */
export function foreseeAmount(programId: number, detail: ProgramDetail, totals: TotalsView, cell: Cell): { update: CellUpdate | null; flight: AmountInFlight } {
  const stored = storedCombo(detail, cell);
  const before = (cell.quarter ? stored.quarters.get(cell.year)![cell.quarter - 1] : stored.plans.get(cell.year)) ?? null;
  if (!totals.years.includes(cell.year)) return { update: null, flight: { programId, cell, before, nodeIds: [], delta: 0 } };
  const nodeIds: number[] = [];
  for (let id: number | null = cell.nodeId; id !== null && totalsLineOf(totals, id); id = parentOf(detail.nodes, id)) nodeIds.push(id);
  const delta = (effectiveAmount(written(stored, cell), cell.year) ?? 0) - (effectiveAmount(stored, cell.year) ?? 0);
  return { update: movedUpdate(totals, cell, nodeIds, delta), flight: { programId, cell, before, nodeIds, delta } };
}

export const sameCell = (a: Cell, b: Cell) => sameKey(a, b) && (a.quarter ?? 0) === (b.quarter ?? 0);

/**
 * The core's answer with the amounts shown after its request added on: the core writes in the
 * order the requests were sent, so it had not written them when it answered.
 */
export function withLaterAmounts(update: CellUpdate, later: readonly AmountInFlight[]): CellUpdate {
  if (later.length === 0) return update;
  const movedSince = (nodeId: number | null, sameYear: boolean) =>
    later.reduce((sum, flight) => {
      const touches = nodeId === null || flight.nodeIds.includes(nodeId);
      return touches && (!sameYear || flight.cell.year === update.cell.year) ? sum + flight.delta : sum;
    }, 0);
  return {
    ...update,
    rollup: update.rollup.map((line) => ({ ...line, kopecks: line.kopecks + movedSince(line.nodeId, true), total: line.total + movedSince(line.nodeId, false) })),
    programYear: { ...update.programYear, kopecks: update.programYear.kopecks + movedSince(null, true), total: update.programYear.total + movedSince(null, false) },
  };
}
