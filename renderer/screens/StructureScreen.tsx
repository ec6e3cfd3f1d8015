// Structure and financing: the program's tree (subprograms, tasks, main activities, activities,
// steps) as one grid with a column per year, ИТОГО and the expected result, as Table 4 prints
// it. Parents' amounts are their children's sums, computed by the core and shown read-only; on
// request each part shows its breakdown by source and executor beneath it.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TotalsView } from '../../shared/api/contract';
import type { ProgramDetail, ProgramNode, Source } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { buildProgramTree, type ProgramTree } from '../../shared/programTree';
import { DataGrid } from '../grid/DataGrid';
import { commitFinancing, commitNodeFields, inOrder, type FinancingCellEdit, type NodeFieldEdit } from '../grid/program/commits';
import {
  amountCopyText,
  amountText,
  comboKey,
  combosOf,
  editTarget,
  effectiveAmount,
  hasQuarters,
  indexFinancing,
  reindexFinancing,
  organisationLabel,
  sourceLabel,
  type Combo,
  type ComboAmounts,
} from '../grid/program/financingIndex';
import { parentIds, useCollapsed, visibleNodes } from '../grid/program/treeRows';
import type { CellRef, CellState, CommitResult, GridColumn, GridEdit, GridRow } from '../grid/types';
import { useStore } from '../store';
import { PartsPanel } from './structure/PartsPanel';
import '../grid/gridScreen.css';
import './StructureScreen.css';

type Line =
  /** The program's own row: the sums of everything. */
  | { kind: 'program' }
  /** A part; `target` is where its own row's amounts go (a part without children), null when it has several. */
  | { kind: 'part'; hasChildren: boolean; target: Combo | null; combos: ComboAmounts[] }
  /** A part without children: one stored (source, executor) of it, edited in place. */
  | { kind: 'combo'; combo: ComboAmounts }
  /** A parent's sum by source or by executor, read-only. */
  | { kind: 'sum'; label: string; amounts: number[]; total: number };

export interface StructureRow extends GridRow {
  node: ProgramNode | null;
  line: Line;
}

const PARENT_REASON = 'Сумма складывается из вложенных мероприятий: введите суммы в них';
const SEVERAL_REASON = 'У мероприятия несколько источников или исполнителей: включите «Показать источники и исполнителей» и введите сумму в нужной строке';
const QUARTERS_REASON = 'Сумма года складывается из кварталов: измените их на экране «Дорожная карта»';
const LINE_REASON = 'Сумма по вложенным мероприятиям';

const yearKey = (year: number) => `y${year}`;
const partKey = (nodeId: number) => `n:${nodeId}`;

/** The cell an amount typed into this row and year goes to, or null when the cell is read-only. */
function amountTarget(row: StructureRow, year: number): Combo | null {
  const { line } = row;
  if (line.kind === 'combo') return hasQuarters(line.combo, year) ? null : line.combo;
  if (line.kind !== 'part' || line.hasChildren || !line.target) return null;
  const stored = line.combos.find((c) => comboKey(c) === comboKey(line.target!));
  return stored && hasQuarters(stored, year) ? null : line.target;
}

function amountReason(row: StructureRow, year: number): string | undefined {
  const { line } = row;
  if (line.kind === 'program' || line.kind === 'sum') return LINE_REASON;
  if (line.kind === 'part' && line.hasChildren) return PARENT_REASON;
  if (line.kind === 'part' && !line.target) return SEVERAL_REASON;
  return amountTarget(row, year) ? undefined : QUARTERS_REASON;
}

function buildRows(
  detail: ProgramDetail,
  tree: ProgramTree<ProgramNode>,
  financing: ReturnType<typeof indexFinancing>,
  totals: TotalsView | null,
  collapsed: ReadonlySet<number>,
  breakdown: boolean,
): StructureRow[] {
  const totalsByNode = new Map((totals?.nodes ?? []).map((line) => [line.nodeId, line]));
  const rows: StructureRow[] = [{ key: 'program', node: null, line: { kind: 'program' }, emphasis: 'total' }];
  for (const { node, depth, hasChildren } of visibleNodes(tree, collapsed)) {
    const combos = combosOf(financing, node.id);
    rows.push({
      key: partKey(node.id),
      node,
      depth,
      collapsible: hasChildren,
      collapsed: collapsed.has(node.id),
      emphasis: hasChildren ? 'group' : undefined,
      line: { kind: 'part', hasChildren, target: hasChildren ? null : editTarget(financing, node), combos },
    });
    if (!breakdown) continue;
    if (!hasChildren) {
      for (const combo of combos) {
        rows.push({ key: `c:${node.id}:${comboKey(combo)}`, node, depth: depth + 1, emphasis: 'detail', line: { kind: 'combo', combo } });
      }
      continue;
    }
    const sums = totalsByNode.get(node.id);
    if (!sums) continue;
    if (sums.bySource.length > 1) {
      for (const line of sums.bySource) {
        rows.push({
          key: `s:${node.id}:${line.source}`,
          node,
          depth: depth + 1,
          emphasis: 'detail',
          line: { kind: 'sum', label: sourceLabel(detail, line.source), amounts: line.amounts, total: line.total },
        });
      }
    }
    for (const line of sums.byExecutor) {
      const label = `${sums.bySource.length === 1 ? `${sourceLabel(detail, sums.bySource[0].source)} · ` : ''}${organisationLabel(detail.organisations, line.organisationId)}`;
      rows.push({
        key: `e:${node.id}:${line.organisationId ?? ''}`,
        node,
        depth: depth + 1,
        emphasis: 'detail',
        line: { kind: 'sum', label, amounts: line.amounts, total: line.total },
      });
    }
  }
  return rows;
}

function comboLabel(detail: ProgramDetail, combo: { source: Source; organisationId: number | null }): string {
  return `${sourceLabel(detail, combo.source)} · ${organisationLabel(detail.organisations, combo.organisationId)}`;
}

/** The marks findings put on cells: «nodeId|year» or «nodeId|total». */
function findingMarks(findings: readonly Finding[]): Map<string, Finding[]> {
  const marks = new Map<string, Finding[]>();
  for (const finding of findings) {
    const { nodeId, year, indicatorId } = finding.target;
    if (nodeId === undefined || indicatorId !== undefined) continue;
    if (finding.code === 'activityWithoutExecutor' || finding.code === 'outsidePeriod') continue;
    const key = `${nodeId}|${year ?? 'total'}`;
    marks.set(key, [...(marks.get(key) ?? []), finding]);
  }
  return marks;
}

export function StructureScreen() {
  const detail = useStore((s) => s.detail);
  const totals = useStore((s) => s.totals);
  const findings = useStore((s) => s.findings);
  const focus = useStore((s) => s.focus);
  const { collapsed, setCollapsed, toggle, reveal } = useCollapsed();
  const [breakdown, setBreakdown] = useState(false);
  // An empty program opens with the parts form shown; afterwards it stays as the officer left it.
  // Decided when the program's data is here: the screen may be chosen while it is still loading.
  const [partsChoice, setPartsOpen] = useState<boolean | null>(null);
  const [gridFocus, setGridFocus] = useState<CellRef | null>(null);

  const years = useMemo(() => {
    if (totals) return totals.years;
    if (!detail) return [];
    const { periodStart, periodEnd } = detail.program;
    return Array.from({ length: periodEnd - periodStart + 1 }, (_, i) => periodStart + i);
  }, [totals, detail]);

  // An amount edit changes the amounts and totals, never the tree: it is built once per structure.
  const nodes = detail?.nodes;
  const tree = useMemo(() => (nodes ? buildProgramTree(nodes) : null), [nodes]);
  // An amount edit patches one stored row: only its part is indexed again.
  const indexed = useRef<{ rows: Pick<ProgramDetail, 'financing' | 'quarterly'>; index: ReturnType<typeof indexFinancing> } | null>(null);
  const financing = useMemo(() => {
    if (!detail) return null;
    const rows = { financing: detail.financing, quarterly: detail.quarterly };
    const previous = indexed.current;
    const index = previous ? reindexFinancing(previous.index, previous.rows, rows) : indexFinancing(rows);
    indexed.current = { rows, index };
    return index;
  }, [detail?.financing, detail?.quarterly]);
  const rows = useMemo(
    () => (detail && tree && financing ? buildRows(detail, tree, financing, totals, collapsed, breakdown) : []),
    [detail, tree, financing, totals, collapsed, breakdown],
  );
  const rowByKey = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  const rowByKeyRef = useRef(rowByKey);
  rowByKeyRef.current = rowByKey;

  const totalsByNode = useMemo(() => new Map((totals?.nodes ?? []).map((line) => [line.nodeId, line])), [totals]);
  const yearIndex = useMemo(() => new Map(years.map((year, i) => [year, i])), [years]);
  const marks = useMemo(() => findingMarks(findings), [findings]);

  // A finding clicked elsewhere: open the part's ancestors and go to its cell.
  useEffect(() => {
    if (!focus?.nodeId || !detail) return;
    const tree = buildProgramTree(detail.nodes);
    if (!tree.byId.has(focus.nodeId)) return;
    reveal(tree.ancestorsOf(focus.nodeId).slice(1));
    setGridFocus({ rowKey: partKey(focus.nodeId), columnKey: focus.year !== undefined && years.includes(focus.year) ? yearKey(focus.year) : 'title' });
    // Only a new focus moves the selection, not every change of the program.
  }, [focus]);

  const columns = useMemo<GridColumn<StructureRow>[]>(
    () => [
      { key: 'code', title: '№', width: 72, frozen: true, editable: (row) => row.line.kind === 'part', readonlyReason: 'Номер указывается в строке части программы' },
      {
        key: 'title',
        title: 'Наименование',
        width: 380,
        frozen: true,
        tree: true,
        wrap: true,
        editable: (row) => row.line.kind === 'part',
        readonlyReason: 'Наименование указывается в строке части программы',
      },
      ...years.map(
        (year): GridColumn<StructureRow> => ({
          key: yearKey(year),
          title: `${year} г.`,
          width: 116,
          align: 'right',
          editable: (row) => amountTarget(row, year) !== null,
          readonlyReason: (row) => amountReason(row, year),
        }),
      ),
      { key: 'total', title: 'ИТОГО', width: 128, align: 'right', readonlyReason: 'ИТОГО — сумма по годам' },
      {
        key: 'result',
        title: 'Ожидаемый результат',
        width: 380,
        wrap: true,
        editable: (row) => row.line.kind === 'part',
        readonlyReason: 'Ожидаемый результат указывается в строке мероприятия',
      },
    ],
    [years],
  );

  const cellText = useCallback(
    (row: StructureRow, column: GridColumn<StructureRow>, copy = false): string => {
      const money = copy ? amountCopyText : amountText;
      const { line, node } = row;
      const year = column.key.startsWith('y') ? Number(column.key.slice(1)) : null;
      switch (column.key) {
        case 'code':
          return line.kind === 'part' && node ? node.code : '';
        case 'title':
          if (line.kind === 'program') return detail ? `Всего по программе «${detail.program.title}»` : 'Всего по программе';
          if (line.kind === 'part') return node?.title ?? '';
          if (line.kind === 'combo') return detail ? comboLabel(detail, line.combo) : '';
          return line.label;
        case 'result':
          return line.kind === 'part' && node ? node.expectedResult : '';
      }
      if (line.kind === 'combo') {
        if (year !== null) return money(effectiveAmount(line.combo, year));
        if (column.key === 'total') {
          const amounts = years.map((y) => effectiveAmount(line.combo, y)).filter((k): k is number => k !== undefined);
          return amounts.length > 0 ? money(amounts.reduce((a, b) => a + b, 0)) : '';
        }
        return '';
      }
      const sums = line.kind === 'program' ? totals?.program : line.kind === 'sum' ? line : node ? totalsByNode.get(node.id) : undefined;
      // A stored zero is shown; a part with nothing in a year shows an empty cell, as the forms print «-».
      const stored = (y: number | null) => line.kind === 'part' && line.combos.some((c) => (y === null ? true : effectiveAmount(c, y) !== undefined));
      if (year !== null) {
        const index = yearIndex.get(year);
        const kopecks = sums && index !== undefined ? sums.amounts[index] : 0;
        return kopecks !== 0 || stored(year) ? money(kopecks) : '';
      }
      if (column.key === 'total') {
        const kopecks = sums?.total ?? 0;
        return kopecks !== 0 || stored(null) ? money(kopecks) : '';
      }
      return '';
    },
    [detail, totals, totalsByNode, yearIndex, years],
  );

  const copyText = useCallback((row: StructureRow, column: GridColumn<StructureRow>) => cellText(row, column, true), [cellText]);

  const cellState = useCallback(
    (row: StructureRow, column: GridColumn<StructureRow>): CellState => {
      if (row.line.kind !== 'part' || !row.node) return null;
      const where = column.key === 'total' ? 'total' : column.key.startsWith('y') ? column.key.slice(1) : null;
      if (where === null) return null;
      const found = marks.get(`${row.node.id}|${where}`);
      if (!found) return null;
      return { state: found.some((f) => f.severity === 'error') ? 'error' : 'warning', title: found.map((f) => f.message).join('\n') };
    },
    [marks],
  );

  const onCommit = useCallback(async (edits: GridEdit[]): Promise<CommitResult> => {
    const money: FinancingCellEdit[] = [];
    const texts: NodeFieldEdit[] = [];
    for (const edit of edits) {
      const row = rowByKeyRef.current.get(edit.rowKey);
      if (!row?.node) return { ok: false, message: 'Строка больше не существует', cell: edit };
      if (edit.columnKey === 'result' || edit.columnKey === 'code' || edit.columnKey === 'title') {
        const field = edit.columnKey === 'result' ? 'expectedResult' : edit.columnKey;
        if (field === 'title' && !edit.text.trim()) return { ok: false, message: 'Наименование не может быть пустым', cell: edit };
        texts.push({ edit, nodeId: row.node.id, changes: { [field]: edit.text.trim() } });
        continue;
      }
      const year = Number(edit.columnKey.slice(1));
      const target = amountTarget(row, year);
      if (!edit.columnKey.startsWith('y') || !target) return { ok: false, message: amountReason(row, year) ?? 'Ячейка не редактируется', cell: edit };
      money.push({ edit, cell: { nodeId: row.node.id, year, source: target.source, organisationId: target.organisationId } });
    }
    return inOrder([() => commitFinancing(money), () => commitNodeFields(texts)]);
  }, []);

  const onToggleRow = useCallback((rowKey: string) => toggle(Number(rowKey.slice(2))), [toggle]);
  const onUndo = useStore((s) => s.undo);
  const onRedo = useStore((s) => s.redo);

  if (!detail) return <p className="muted">Загрузка программы…</p>;
  const partsOpen = partsChoice ?? detail.nodes.length === 0;
  // Latched on the first data: adding the first part leaves the form open.
  if (partsChoice === null) setPartsOpen(partsOpen);

  return (
    <div className="screen-body grid-screen structure-screen">
      <div className="screen-heading">
        <h2>Структура и финансирование</h2>
        <span className="muted">Суммы в тыс. руб. Изменения сохраняются сразу; Ctrl+Z — отменить.</span>
      </div>
      <div className="grid-toolbar" role="toolbar" aria-label="Вид таблицы">
        <label className="inline-label">
          <input type="checkbox" checked={breakdown} onChange={(e) => setBreakdown(e.target.checked)} />
          Показать источники и исполнителей
        </label>
        <button type="button" className="button small" onClick={() => setCollapsed(new Set(parentIds(detail.nodes)))}>
          Свернуть всё
        </button>
        <button type="button" className="button small" onClick={() => setCollapsed(new Set())}>
          Развернуть всё
        </button>
      </div>
      <details className="parts-details" open={partsOpen} onToggle={(e) => setPartsOpen(e.currentTarget.open)}>
        <summary>Добавить или удалить часть программы</summary>
        {/* Its lists name every part: built only while open, they cost nothing on a large program. */}
        {partsOpen && <PartsPanel />}
      </details>
      {detail.nodes.length === 0 && <p className="muted">В программе пока нет частей: добавьте их или загрузите шаблон.</p>}
      <div className="grid-host">
        <DataGrid<StructureRow>
          label="Структура и финансирование, тыс. руб."
          columns={columns}
          rows={rows}
          rowHeight={34}
          cellText={cellText}
          copyText={copyText}
          cellState={cellState}
          onCommit={onCommit}
          onToggleRow={onToggleRow}
          onUndo={onUndo}
          onRedo={onRedo}
          focus={gridFocus}
          rowLabel={(row) => (row.node ? `${row.node.code} ${row.node.title}`.trim() : 'Всего по программе')}
        />
      </div>
    </div>
  );
}
