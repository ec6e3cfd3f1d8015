// A part's stored amounts grouped the way the grids read them: by (source, executor), each
// with its year plans and its quarters. The effective amount of a year follows the core's
// rule: when the year has quarters it is their sum, otherwise the year's plan.

import type { Organisation, ProgramDetail, ProgramNode, Quarter, Source } from '../../../shared/domain';
import { SOURCE_LABELS } from '../../../shared/domain';
import { formatThousands } from '../../../shared/money';

export interface Combo {
  source: Source;
  organisationId: number | null;
}

export interface ComboAmounts extends Combo {
  /** Year → the year's plan in kopecks. */
  plans: Map<number, number>;
  /** Year → kopecks by quarter (index 0 is the first quarter). */
  quarters: Map<number, (number | undefined)[]>;
}

export type FinancingIndex = ReadonlyMap<number, ComboAmounts[]>;

export const comboKey = (combo: Combo) => `${combo.source}|${combo.organisationId ?? ''}`;

export function indexFinancing(detail: Pick<ProgramDetail, 'financing' | 'quarterly'>): FinancingIndex {
  const byNode = new Map<number, Map<string, ComboAmounts>>();
  const entry = (row: { nodeId: number; source: Source; organisationId: number | null }) => {
    let combos = byNode.get(row.nodeId);
    if (!combos) byNode.set(row.nodeId, (combos = new Map()));
    const key = comboKey(row);
    let combo = combos.get(key);
    if (!combo) combos.set(key, (combo = { source: row.source, organisationId: row.organisationId, plans: new Map(), quarters: new Map() }));
    return combo;
  };
  for (const row of detail.financing) entry(row).plans.set(row.year, row.kopecks);
  for (const row of detail.quarterly) {
    const combo = entry(row);
    let quarters = combo.quarters.get(row.year);
    if (!quarters) combo.quarters.set(row.year, (quarters = [undefined, undefined, undefined, undefined]));
    quarters[row.quarter - 1] = row.kopecks;
  }
  return new Map([...byNode].map(([nodeId, combos]) => [nodeId, [...combos.values()]]));
}

export function hasQuarters(combo: ComboAmounts, year: number): boolean {
  return combo.quarters.get(year)?.some((q) => q !== undefined) ?? false;
}

/** The sum of the year's quarters, or undefined when the year has none. */
export function quarterSum(combo: ComboAmounts, year: number): number | undefined {
  const quarters = combo.quarters.get(year);
  if (!quarters || quarters.every((q) => q === undefined)) return undefined;
  return quarters.reduce<number>((sum, q) => sum + (q ?? 0), 0);
}

/** The amount the totals count for the year: its quarters' sum when it has quarters, else its plan. */
export function effectiveAmount(combo: ComboAmounts, year: number): number | undefined {
  return quarterSum(combo, year) ?? combo.plans.get(year);
}

export function combosOf(index: FinancingIndex, nodeId: number, year?: number): ComboAmounts[] {
  const combos = index.get(nodeId) ?? [];
  return year === undefined ? combos : combos.filter((c) => c.plans.has(year) || hasQuarters(c, year));
}

/**
 * Where an amount typed on a part's own row goes: its one (source, executor), or — when it has
 * none yet — its printed source (local by default) and first executor. Null when the part has
 * several, so the row is a sum and its breakdown lines are edited instead. With a year, the
 * year's own combinations decide first.
 */
export function editTarget(index: FinancingIndex, node: ProgramNode, year?: number): Combo | null {
  if (year !== undefined) {
    const inYear = combosOf(index, node.id, year);
    if (inYear.length === 1) return { source: inYear[0].source, organisationId: inYear[0].organisationId };
    if (inYear.length > 1) return null;
  }
  const all = combosOf(index, node.id);
  if (all.length === 1) return { source: all[0].source, organisationId: all[0].organisationId };
  if (all.length > 1) return null;
  return { source: node.source ?? 'local', organisationId: node.executors[0]?.organisationId ?? null };
}

export function organisationLabel(organisations: readonly Organisation[], id: number | null): string {
  if (id === null) return 'Исполнитель не указан';
  const organisation = organisations.find((o) => o.id === id);
  return organisation ? (organisation.abbreviation ?? organisation.name) : `Организация ${id}`;
}

export function sourceLabel(detail: Pick<ProgramDetail, 'program'>, source: Source): string {
  return detail.program.sourceLabels[source] ?? SOURCE_LABELS[source];
}

/** «62 526,00», or '' for no amount. */
export function amountText(kopecks: number | undefined | null): string {
  return kopecks === undefined || kopecks === null ? '' : formatThousands(kopecks);
}

/** Ungrouped, for the clipboard: Excel in a Russian locale reads «62526,00» as a number. */
export function amountCopyText(kopecks: number | undefined | null): string {
  return kopecks === undefined || kopecks === null ? '' : formatThousands(kopecks, { grouped: false });
}

export const QUARTER_NUMERALS: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

type IndexedRows = Pick<ProgramDetail, 'financing' | 'quarterly'>;

/** The parts whose rows differ between two versions of a list that was patched in place (rows kept by identity); null when too many differ. */
function changedNodes<R extends { nodeId: number }>(before: readonly R[], after: readonly R[], into: Set<number>, limit: number): boolean {
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      i++;
      j++;
    } else if (before[i + 1] === after[j]) {
      into.add(before[i++].nodeId);
    } else if (before[i] === after[j + 1]) {
      into.add(after[j++].nodeId);
    } else {
      into.add(before[i++].nodeId);
      into.add(after[j++].nodeId);
    }
    if (into.size > limit) return false;
  }
  while (i < before.length) into.add(before[i++].nodeId);
  while (j < after.length) into.add(after[j++].nodeId);
  return into.size <= limit;
}

/**
 * The index of `next`, built from the index of `previous` by re-indexing only the parts whose
 * rows changed: an amount edit patches one row of 180 000. Falls back to a full index when
 * much changed. Only lookups by part are the same as indexFinancing's, not the parts' order.
 */
export function reindexFinancing(index: FinancingIndex, previous: IndexedRows, next: IndexedRows): FinancingIndex {
  if (previous.financing === next.financing && previous.quarterly === next.quarterly) return index;
  const changed = new Set<number>();
  const limit = 64;
  if (!changedNodes(previous.financing, next.financing, changed, limit) || !changedNodes(previous.quarterly, next.quarterly, changed, limit)) return indexFinancing(next);
  const partial = indexFinancing({
    financing: next.financing.filter((row) => changed.has(row.nodeId)),
    quarterly: next.quarterly.filter((row) => changed.has(row.nodeId)),
  });
  const result = new Map(index);
  for (const nodeId of changed) {
    const combos = partial.get(nodeId);
    if (combos) result.set(nodeId, combos);
    else result.delete(nodeId);
  }
  return result;
}
