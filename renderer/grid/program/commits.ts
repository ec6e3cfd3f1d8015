// How the program's grids save what the officer typed or pasted: amounts through the financing
// handlers (one cell, or a whole block in one transaction and one undo step), texts through the
// part's and the indicator's handlers. A refusal comes back pointed at its cell, with the
// core's own words; nothing of a refused block is written.

import { ApiCallError } from '../../../shared/api/client';
import type { CellUpdate, RequestOf } from '../../../shared/api/contract';
import type { Indicator, ProgramNode, Quarter, Source } from '../../../shared/domain';
import { parseIndicatorValue } from '../../../shared/indicatorValue';
import { parseThousands } from '../../../shared/money';
import { useStore } from '../../store';
import type { CommitResult, GridEdit } from '../types';

export interface FinancingCellEdit {
  edit: GridEdit;
  cell: { nodeId: number; year: number; quarter?: Quarter; source: Source; organisationId: number | null };
}

export interface NodeFieldEdit {
  edit: GridEdit;
  nodeId: number;
  changes: RequestOf<'nodes/update'>['changes'];
}

export interface IndicatorValueEdit {
  edit: GridEdit;
  indicatorId: number;
  value: { year: number; period: 0 | Quarter; type: 'plan' | 'fact' };
}

export interface IndicatorFieldEdit {
  edit: GridEdit;
  indicatorId: number;
  changes: RequestOf<'indicators/update'>['changes'];
}

const UNEXPECTED = 'непредвиденная ошибка, данные не изменены. Попробуйте ещё раз.';

/** The index a detail's «where» names in the request's list («cells[3].amount» → 3). */
function indexIn(where: string, list: string | null): number | null {
  if (list === null) return 0;
  const match = new RegExp(`^${list}\\[(\\d+)\\]`).exec(where);
  return match ? Number(match[1]) : null;
}

/**
 * A refusal pointed at its cell. An invalid request (a text that is not an amount) gets the
 * detail's own words after `prefix`; a refusal of the handler comes worded already.
 */
export function refusalOf(error: unknown, edits: readonly GridEdit[], list: string | null, prefix: string): CommitResult & { ok: false } {
  if (!(error instanceof ApiCallError)) {
    console.error(error);
    return { ok: false, message: `${prefix}${UNEXPECTED}`, cell: edits[0] };
  }
  const { code, message, details = [] } = error.error;
  let at = edits[0];
  let located: string | undefined;
  for (const detail of details) {
    const index = indexIn(detail.where, list);
    if (index !== null && edits[index]) {
      at = edits[index];
      located = detail.message;
      break;
    }
  }
  const more = details.length > 1 ? ` (и ещё ${details.length - 1})` : '';
  const text = code === 'invalidRequest' ? `${prefix}${located ?? details[0]?.message ?? message}${more}` : message;
  return { ok: false, message: text, cell: { rowKey: at.rowKey, columnKey: at.columnKey } };
}

/** An empty cell clears the amount; anything else goes to the core as typed, to be parsed there. */
const amountOf = (text: string) => (text.trim() === '' ? null : text);

export async function commitFinancing(items: readonly FinancingCellEdit[]): Promise<CommitResult> {
  if (items.length === 0) return { ok: true };
  const store = useStore.getState();
  const { api, programId } = store;
  if (programId === null) return { ok: false, message: 'Программа не открыта' };
  const edits = items.map((item) => item.edit);
  if (items.length === 1) {
    const { cell, edit } = items[0];
    const { quarter, ...key } = cell;
    const amount = amountOf(edit.text);
    // An amount the core's parser takes is shown at once with the totals it moves; a text it
    // refuses waits for the refusal.
    const parsed = amount === null ? null : parseThousands(amount);
    const shown = parsed === null || parsed.ok ? store.showAmount({ ...cell, kopecks: parsed?.kopecks ?? null }) : null;
    try {
      const update =
        quarter !== undefined ? await api('financing/set-quarter', { ...key, quarter, amount }) : await api('financing/set-year', { ...key, amount });
      useStore.getState().applyCellUpdate(update, shown);
      return { ok: true };
    } catch (error) {
      if (shown) useStore.getState().withdrawAmount(shown);
      return refusalOf(error, edits, null, 'Сумма не записана: ');
    }
  }
  const cells = items.map(({ cell, edit }) => ({ ...cell, amount: amountOf(edit.text) }));
  try {
    const result = await api('financing/set-many', { programId, cells });
    // Accepted, so every text parsed: the same parser tells the store the kopecks written.
    const written: CellUpdate['cell'][] = cells.map(({ amount, ...cell }) => {
      const parsed = amount === null ? null : parseThousands(amount);
      return { ...cell, kopecks: parsed && parsed.ok ? parsed.kopecks : null };
    });
    useStore.getState().applyRollup(result.rollup, result.program, written);
    return { ok: true };
  } catch (error) {
    return refusalOf(error, edits, 'cells', 'Вставка не выполнена, ничего не изменено: ');
  }
}

// Parts and indicators come back whole from their handlers; the open program takes them in
// place, without reloading it.
function replaceNode(node: ProgramNode): void {
  useStore.setState((state) => (state.detail ? { detail: { ...state.detail, nodes: state.detail.nodes.map((n) => (n.id === node.id ? node : n)) } } : {}));
}

function replaceIndicator(indicator: Indicator): void {
  useStore.setState((state) =>
    state.detail ? { detail: { ...state.detail, indicators: state.detail.indicators.map((i) => (i.id === indicator.id ? indicator : i)) } } : {},
  );
}

/** Findings about plans and executors may have moved: fetch them again, quietly. */
async function reloadFindings(): Promise<void> {
  const { api, programId } = useStore.getState();
  if (programId === null) return;
  try {
    const findings = await api('findings/list', { programId });
    if (useStore.getState().programId === programId) useStore.setState({ findings });
  } catch {
    // The edit itself is saved; stale findings refresh with the next reload.
  }
}

/**
 * Text fields, one request each (the API has no bulk call for them): stops at the first
 * refusal, keeping what was already written, and reports that cell.
 */
async function commitOneByOne<T extends { edit: GridEdit }>(items: readonly T[], write: (item: T) => Promise<void>): Promise<CommitResult> {
  let written = 0;
  for (const item of items) {
    try {
      await write(item);
      written += 1;
    } catch (error) {
      if (written > 0) afterEdit();
      return refusalOf(error, [item.edit], null, 'Не записано: ');
    }
  }
  if (written > 0) afterEdit();
  return { ok: true };
}

export function commitNodeFields(items: readonly NodeFieldEdit[]): Promise<CommitResult> {
  const { api } = useStore.getState();
  return commitOneByOne(items, async (item) => replaceNode(await api('nodes/update', { nodeId: item.nodeId, changes: item.changes })));
}

export function commitIndicatorFields(items: readonly IndicatorFieldEdit[]): Promise<CommitResult> {
  const { api } = useStore.getState();
  return commitOneByOne(items, async (item) =>
    replaceIndicator(await api('indicators/update', { indicatorId: item.indicatorId, changes: item.changes })),
  );
}

/**
 * Plan and fact values, one request per indicator. Every text is checked first with the
 * core's own parser, so a block with a bad value writes nothing.
 */
export async function commitIndicatorValues(items: readonly IndicatorValueEdit[]): Promise<CommitResult> {
  for (const item of items) {
    if (item.edit.text.trim() === '') continue;
    const parsed = parseIndicatorValue(item.edit.text);
    if (!parsed.ok) {
      const prefix = items.length > 1 ? 'Вставка не выполнена, ничего не изменено: ' : 'Значение не записано: ';
      return { ok: false, message: `${prefix}«${item.edit.text.trim()}»: ${parsed.reason}`, cell: item.edit };
    }
  }
  const byIndicator = new Map<number, IndicatorValueEdit[]>();
  for (const item of items) byIndicator.set(item.indicatorId, [...(byIndicator.get(item.indicatorId) ?? []), item]);
  const { api } = useStore.getState();
  let written = 0;
  for (const [indicatorId, group] of byIndicator) {
    const values = group.map((item) => ({ ...item.value, value: item.edit.text.trim() === '' ? null : item.edit.text }));
    try {
      replaceIndicator(await api('indicators/set-values', { indicatorId, values }));
      written += 1;
    } catch (error) {
      if (written > 0) afterEdit();
      return refusalOf(error, group.map((item) => item.edit), 'values', 'Значение не записано: ');
    }
  }
  if (written > 0) afterEdit();
  return { ok: true };
}

function afterEdit(): void {
  useStore.getState().noteEdit();
  void reloadFindings();
}

/** Runs the commits of one grid edit in order and stops at the first refusal. */
export async function inOrder(steps: readonly (() => Promise<CommitResult>)[]): Promise<CommitResult> {
  for (const step of steps) {
    const result = await step();
    if (!result.ok) return result;
  }
  return { ok: true };
}
