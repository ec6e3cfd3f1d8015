// The rows of the structure grid. A row says what it shows — the program, a part, one
// (source, executor) of a part, a parent's sum by source or executor — never the amounts
// themselves: those are looked up when a cell is drawn. So an amount typed into one cell leaves
// the 10 000 rows as they are, and only the few rows in view are drawn again.

import type { TotalsView } from '../../../shared/api/contract';
import type { ProgramNode, Source } from '../../../shared/domain';
import type { ProgramTree } from '../../../shared/programTree';
import { comboKey, combosOf, sameCombo, type Combo, type FinancingIndex } from '../../grid/program/financingIndex';
import { visibleNodes } from '../../grid/program/treeRows';
import type { GridRow } from '../../grid/types';
import { totalsLineOf } from '../../store/totalsLines';

export type StructureLine =
  /** The program's own row: the sums of everything. */
  | { kind: 'program' }
  | { kind: 'part'; hasChildren: boolean }
  /** A part without children: one stored (source, executor) of it, edited in place. */
  | { kind: 'combo'; combo: Combo }
  /** A parent's sum by source, read-only. */
  | { kind: 'sourceSum'; source: Source }
  /** A parent's sum by executor, read-only; `source` is named when the parent has only one. */
  | { kind: 'executorSum'; organisationId: number | null; source: Source | null };

export interface StructureRow extends GridRow {
  node: ProgramNode | null;
  line: StructureLine;
}

export const partKey = (nodeId: number) => `n:${nodeId}`;

/**
 * Every row: the program's, then each visible part with, when `breakdown` is on, its stored
 * (source, executor) lines (a part without children) or its sums by source and by executor (a
 * parent; by source only when there are several).
 */
export function buildStructureRows(
  tree: ProgramTree<ProgramNode>,
  financing: FinancingIndex,
  totals: TotalsView | null,
  collapsed: ReadonlySet<number>,
  breakdown: boolean,
): StructureRow[] {
  const rows: StructureRow[] = [{ key: 'program', node: null, line: { kind: 'program' }, emphasis: 'total' }];
  for (const { node, depth, hasChildren } of visibleNodes(tree, collapsed)) {
    rows.push({
      key: partKey(node.id),
      node,
      depth,
      collapsible: hasChildren,
      collapsed: collapsed.has(node.id),
      emphasis: hasChildren ? 'group' : undefined,
      line: { kind: 'part', hasChildren },
    });
    if (!breakdown) continue;
    const detail = { node, depth: depth + 1, emphasis: 'detail' as const };
    if (!hasChildren) {
      for (const { source, organisationId } of combosOf(financing, node.id)) {
        const combo = { source, organisationId };
        rows.push({ key: `c:${node.id}:${comboKey(combo)}`, ...detail, line: { kind: 'combo', combo } });
      }
      continue;
    }
    const sums = totals ? totalsLineOf(totals, node.id) : undefined;
    if (!sums) continue;
    if (sums.bySource.length > 1) {
      for (const { source } of sums.bySource) rows.push({ key: `s:${node.id}:${source}`, ...detail, line: { kind: 'sourceSum', source } });
    }
    const onlySource = sums.bySource.length === 1 ? sums.bySource[0].source : null;
    for (const { organisationId } of sums.byExecutor) {
      rows.push({ key: `e:${node.id}:${organisationId ?? ''}`, ...detail, line: { kind: 'executorSum', organisationId, source: onlySource } });
    }
  }
  return rows;
}

function sameCombos(a: readonly Combo[], b: readonly Combo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCombo(a[i], b[i])) return false;
  return true;
}

function sameBreakdowns(a: TotalsView['nodes'][number], b: TotalsView['nodes'][number]): boolean {
  if (a.nodeId !== b.nodeId || a.bySource.length !== b.bySource.length || a.byExecutor.length !== b.byExecutor.length) return false;
  for (let i = 0; i < a.bySource.length; i++) if (a.bySource[i].source !== b.bySource[i].source) return false;
  for (let i = 0; i < a.byExecutor.length; i++) if (a.byExecutor[i].organisationId !== b.byExecutor[i].organisationId) return false;
  return true;
}

/**
 * Whether the breakdown lines differ: a part's stored (source, executor) pairs, or a parent's
 * sources and executors. Amounts do not count. Edits keep unchanged entries by identity, so only
 * the changed ones are compared (for a patched index, only its patched parts are looked at);
 * this runs on every typed amount, hence the plain loops.
 */
export function breakdownChanged(before: FinancingIndex, after: FinancingIndex, totalsBefore: TotalsView | null, totalsAfter: TotalsView | null): boolean {
  if (before !== after) {
    const differs = (nodeId: number, combos: readonly Combo[] | undefined) => {
      const previous = before.get(nodeId);
      return previous !== combos && (!previous || !combos || !sameCombos(previous, combos));
    };
    const patched = after.partsPatchedSince(before);
    if (patched) {
      if (patched.some((nodeId) => differs(nodeId, after.get(nodeId)))) return true;
    } else {
      if (before.size !== after.size) return true;
      for (const [nodeId, combos] of after) if (differs(nodeId, combos)) return true;
    }
  }
  if (totalsBefore === totalsAfter) return false;
  if (!totalsBefore || !totalsAfter || totalsBefore.nodes.length !== totalsAfter.nodes.length) return true;
  const lines = totalsAfter.nodes;
  for (let i = 0; i < lines.length; i++) {
    const previous = totalsBefore.nodes[i];
    if (previous !== lines[i] && !sameBreakdowns(previous, lines[i])) return true;
  }
  return false;
}
