// A part's stored amounts grouped the way the grids read them: by (source, executor), each
// with its year plans and its quarters. The effective amount of a year follows the core's
// rule: when the year has quarters it is their sum, otherwise the year's plan.

import type { Organisation, ProgramDetail, ProgramNode, Quarter, Source } from '../../../shared/domain';
import { SOURCE_LABELS } from '../../../shared/domain';
import { formatThousands } from '../../../shared/money';
import { rowChangesSince } from '../../store/rowPatches';

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

/** Replaced entries kept over a plain map before they are folded into a new one. */
const FOLD_AT = 256;

/**
 * Every part's amounts by (source, executor), read for each amount cell drawn. An amount edit
 * makes a new index that replaces one part's entry and shares the rest: copying a map of
 * 10 000 parts cost about 2 ms an edit. Replaced entries lie over a plain map, folded into a
 * new one once FOLD_AT parts have been replaced.
 */
export class FinancingIndex implements Iterable<readonly [number, ComboAmounts[]]> {
  private constructor(
    private readonly plain: ReadonlyMap<number, ComboAmounts[]>,
    /** Entries replaced since `plain` was made; null: the part has no amounts left. */
    private readonly replaced: ReadonlyMap<number, ComboAmounts[] | null>,
    readonly size: number,
    /**
     * The index this one was patched from, held weakly so that indexes do not keep every earlier
     * one alive, and the parts the patch replaced.
     */
    private readonly patch: { from: WeakRef<FinancingIndex>; parts: readonly number[] } | null,
  ) {}

  static of(byNode: ReadonlyMap<number, ComboAmounts[]>): FinancingIndex {
    return new FinancingIndex(byNode, new Map(), byNode.size, null);
  }

  get(nodeId: number): ComboAmounts[] | undefined {
    const entry = this.replaced.get(nodeId);
    return entry === undefined ? this.plain.get(nodeId) : (entry ?? undefined);
  }

  *[Symbol.iterator](): Iterator<readonly [number, ComboAmounts[]]> {
    for (const entry of this.plain) if (!this.replaced.has(entry[0])) yield entry;
    for (const [nodeId, combos] of this.replaced) if (combos) yield [nodeId, combos];
  }

  /** This index with the parts' entries replaced (null: no amounts left); the rest shared. */
  replacing(parts: ReadonlyMap<number, ComboAmounts[] | null>): FinancingIndex {
    const replaced = new Map(this.replaced);
    let size = this.size;
    for (const [nodeId, combos] of parts) {
      size += (combos ? 1 : 0) - (this.get(nodeId) ? 1 : 0);
      replaced.set(nodeId, combos);
    }
    const patch = { from: new WeakRef<FinancingIndex>(this), parts: [...parts.keys()] };
    if (replaced.size <= FOLD_AT) return new FinancingIndex(this.plain, replaced, size, patch);
    const folded = new Map(this.plain);
    for (const [nodeId, combos] of replaced) {
      if (combos) folded.set(nodeId, combos);
      else folded.delete(nodeId);
    }
    return new FinancingIndex(folded, new Map(), size, patch);
  }

  /**
   * The parts whose entries differ from `before` when this index was patched from it; null
   * when it was not. The other parts' entries are the same objects.
   */
  partsPatchedSince(before: FinancingIndex): readonly number[] | null {
    return this.patch?.from.deref() === before ? this.patch.parts : null;
  }
}

export const comboKey = (combo: Combo) => `${combo.source}|${combo.organisationId ?? ''}`;

/** Compared field by field: asked for every amount cell a scroll brings in, it allocates nothing. */
export const sameCombo = (a: Combo, b: Combo) => a.source === b.source && a.organisationId === b.organisationId;

/** A part's amounts for the row's (source, executor), made empty when it has none yet. */
function comboEntry(combos: Map<string, ComboAmounts>, row: Combo): ComboAmounts {
  const key = comboKey(row);
  let combo = combos.get(key);
  if (!combo) combos.set(key, (combo = { source: row.source, organisationId: row.organisationId, plans: new Map(), quarters: new Map() }));
  return combo;
}

export function indexFinancing(detail: Pick<ProgramDetail, 'financing' | 'quarterly'>): FinancingIndex {
  const byNode = new Map<number, Map<string, ComboAmounts>>();
  const entry = (row: { nodeId: number; source: Source; organisationId: number | null }) => {
    let combos = byNode.get(row.nodeId);
    if (!combos) byNode.set(row.nodeId, (combos = new Map()));
    return comboEntry(combos, row);
  };
  for (const row of detail.financing) entry(row).plans.set(row.year, row.kopecks);
  for (const row of detail.quarterly) {
    const combo = entry(row);
    let quarters = combo.quarters.get(row.year);
    if (!quarters) combo.quarters.set(row.year, (quarters = [undefined, undefined, undefined, undefined]));
    quarters[row.quarter - 1] = row.kopecks;
  }
  return FinancingIndex.of(new Map([...byNode].map(([nodeId, combos]) => [nodeId, [...combos.values()]])));
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

/** Beyond this many changed rows a fresh index is quicker than patching one. */
const PATCH_LIMIT = 64;

const copyCombo = (combo: ComboAmounts): ComboAmounts => ({
  source: combo.source,
  organisationId: combo.organisationId,
  plans: new Map(combo.plans),
  quarters: new Map([...combo.quarters].map(([year, quarters]) => [year, [...quarters]])),
});

/**
 * The index of `next`, made from the index of `previous` by applying the rows the store's
 * patches changed between them: an amount edit patches one row of 180 000, and only its part's
 * entry is copied. Falls back to a full index when much changed or the rows were loaded anew. A
 * part's (source, executor) pairs keep their order, a new one comes last.
 */
export function reindexFinancing(index: FinancingIndex, previous: IndexedRows, next: IndexedRows): FinancingIndex {
  if (previous.financing === next.financing && previous.quarterly === next.quarterly) return index;
  const plans = rowChangesSince(previous.financing, next.financing, PATCH_LIMIT);
  const quarterly = rowChangesSince(previous.quarterly, next.quarterly, PATCH_LIMIT);
  if (!plans || !quarterly) return indexFinancing(next);
  const touched = new Map<number, Map<string, ComboAmounts>>();
  const comboOf = (row: { nodeId: number } & Combo) => {
    let combos = touched.get(row.nodeId);
    if (!combos) touched.set(row.nodeId, (combos = new Map((index.get(row.nodeId) ?? []).map((combo) => [comboKey(combo), copyCombo(combo)]))));
    return comboEntry(combos, row);
  };
  const setQuarter = (row: IndexedRows['quarterly'][number], kopecks: number | undefined) => {
    const { quarters } = comboOf(row);
    const year = quarters.get(row.year) ?? [undefined, undefined, undefined, undefined];
    year[row.quarter - 1] = kopecks;
    if (year.some((q) => q !== undefined)) quarters.set(row.year, year);
    else quarters.delete(row.year);
  };
  for (const row of plans.removed) comboOf(row).plans.delete(row.year);
  for (const row of quarterly.removed) setQuarter(row, undefined);
  for (const row of plans.added) comboOf(row).plans.set(row.year, row.kopecks);
  for (const row of quarterly.added) setQuarter(row, row.kopecks);
  const parts = new Map<number, ComboAmounts[] | null>();
  for (const [nodeId, combos] of touched) {
    const stored = [...combos.values()].filter((combo) => combo.plans.size > 0 || combo.quarters.size > 0);
    parts.set(nodeId, stored.length > 0 ? stored : null);
  }
  return index.replacing(parts);
}
