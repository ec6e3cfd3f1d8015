// Structure and financing: the program's tree (subprograms, tasks, main activities, activities,
// steps) as one grid with a column per year, ИТОГО and the expected result, as Table 4 prints
// it. Parents' amounts are their children's sums, computed by the core and shown read-only; on
// request each part shows its breakdown by source and executor beneath it.

import { useCallback, useMemo, useRef, useState } from 'react';
import type { TotalsView } from '../../shared/api/contract';
import type { ProgramDetail, Source } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { buildProgramTree } from '../../shared/programTree';
import { DataGrid } from '../grid/DataGrid';
import { commitFinancing, commitNodeFields, inOrder, type FinancingCellEdit, type NodeFieldEdit } from '../grid/program/commits';
import {
  amountCopyText,
  amountText,
  combosOf,
  editTarget,
  effectiveAmount,
  hasQuarters,
  indexFinancing,
  reindexFinancing,
  sameCombo,
  organisationLabel,
  sourceLabel,
  type Combo,
  type ComboAmounts,
  type FinancingIndex,
} from '../grid/program/financingIndex';
import { findingMarks } from '../grid/program/findingMarks';
import { parentIds, useCollapsed } from '../grid/program/treeRows';
import type { CellRef, CellState, CommitResult, GridColumn, GridEdit } from '../grid/types';
import { useFocusRequest } from '../hooks/useFocusRequest';
import { useStore } from '../store';
import { totalsLineOf } from '../store/totalsLines';
import { PartsPanel } from './structure/PartsPanel';
import { breakdownChanged, buildStructureRows, partKey, type StructureRow } from './structure/structureRows';
import '../grid/gridScreen.css';
import './StructureScreen.css';

const PARENT_REASON = 'Сумма складывается из вложенных мероприятий: введите суммы в них';
const SEVERAL_REASON = 'У мероприятия несколько источников или исполнителей: включите «Показать источники и исполнителей» и введите сумму в нужной строке';
const QUARTERS_REASON = 'Сумма года складывается из кварталов: измените их на экране «Дорожная карта»';
const LINE_REASON = 'Сумма по вложенным мероприятиям';

const yearKey = (year: number) => `y${year}`;

/** The stored amounts of one (source, executor) of a part, when it has any. */
function storedCombo(financing: FinancingIndex, nodeId: number, combo: Combo): ComboAmounts | undefined {
  return combosOf(financing, nodeId).find((stored) => sameCombo(stored, combo));
}

/** The cell an amount typed into this row and year goes to, or null when the cell is read-only. */
function amountTarget(financing: FinancingIndex, row: StructureRow, year: number): Combo | null {
  const { line, node } = row;
  if (!node) return null;
  const target = line.kind === 'combo' ? line.combo : line.kind === 'part' && !line.hasChildren ? editTarget(financing, node) : null;
  if (!target) return null;
  const stored = storedCombo(financing, node.id, target);
  return stored && hasQuarters(stored, year) ? null : target;
}

function amountReason(financing: FinancingIndex, row: StructureRow, year: number): string | undefined {
  const { line, node } = row;
  if (line.kind === 'part' && line.hasChildren) return PARENT_REASON;
  if (line.kind !== 'part' && line.kind !== 'combo') return LINE_REASON;
  if (line.kind === 'part' && node && !editTarget(financing, node)) return SEVERAL_REASON;
  return amountTarget(financing, row, year) ? undefined : QUARTERS_REASON;
}

/** Whether a part's own row stores an amount for the year (any year for null), be it zero. */
function storesAmount(financing: FinancingIndex | null, row: StructureRow, year: number | null): boolean {
  const { line, node } = row;
  if (line.kind !== 'part' || financing === null || node === null) return false;
  const combos = combosOf(financing, node.id);
  return year === null ? combos.length > 0 : combos.some((combo) => effectiveAmount(combo, year) !== undefined);
}

function comboLabel(detail: ProgramDetail, combo: { source: Source; organisationId: number | null }): string {
  return `${sourceLabel(detail, combo.source)} · ${organisationLabel(detail.organisations, combo.organisationId)}`;
}

/** The cell a finding marks: «nodeId|year» or «nodeId|total» of a part's amounts. */
function amountCellOf(finding: Finding): string | null {
  const { nodeId, year, indicatorId } = finding.target;
  if (nodeId === undefined || indicatorId !== undefined) return null;
  if (finding.code === 'activityWithoutExecutor' || finding.code === 'outsidePeriod') return null;
  return `${nodeId}|${year ?? 'total'}`;
}

export function StructureScreen() {
  const detail = useStore((s) => s.detail);
  const totals = useStore((s) => s.totals);
  const findings = useStore((s) => s.findings);
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
  const indexed = useRef<{ rows: Pick<ProgramDetail, 'financing' | 'quarterly'>; index: FinancingIndex } | null>(null);
  const financing = useMemo(() => {
    if (!detail) return null;
    const rows = { financing: detail.financing, quarterly: detail.quarterly };
    const previous = indexed.current;
    const index = previous ? reindexFinancing(previous.index, previous.rows, rows) : indexFinancing(rows);
    indexed.current = { rows, index };
    return index;
  }, [detail?.financing, detail?.quarterly]);
  const financingRef = useRef(financing);
  financingRef.current = financing;
  // The breakdown lines follow the stored (source, executor) pairs and the parents' sources and
  // executors; a new version only when those change, not their amounts.
  const breakdownShape = useRef<{ financing: FinancingIndex; totals: TotalsView | null; version: number } | null>(null);
  const breakdownVersion = useMemo(() => {
    if (!financing) return 0;
    const previous = breakdownShape.current;
    if (previous && previous.financing === financing && previous.totals === totals) return previous.version;
    const changed = !previous || (breakdown && breakdownChanged(previous.financing, financing, previous.totals, totals));
    const version = (previous?.version ?? 0) + (changed ? 1 : 0);
    breakdownShape.current = { financing, totals, version };
    return version;
  }, [financing, totals, breakdown]);
  // Built from the amounts current when the breakdown last changed: the rows name the lines, the
  // cells look their amounts up, so an amount edit keeps every row object.
  const rows = useMemo(
    () => (tree && financing ? buildStructureRows(tree, financing, totals, collapsed, breakdown) : []),
    [tree, collapsed, breakdown, breakdownVersion],
  );
  const rowByKey = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  const rowByKeyRef = useRef(rowByKey);
  rowByKeyRef.current = rowByKey;

  const yearIndex = useMemo(() => new Map(years.map((year, i) => [year, i])), [years]);
  // A year column's year, looked up rather than parsed from its key for every cell drawn.
  const yearOfColumn = useMemo(() => new Map(years.map((year) => [yearKey(year), year])), [years]);
  const marks = useMemo(() => findingMarks(findings, amountCellOf), [findings]);
  // The parts with a marked amount: only their cells make a key to look their marks up by.
  const markedParts = useMemo(() => new Set(findings.filter((finding) => amountCellOf(finding) !== null).map((finding) => finding.target.nodeId)), [findings]);

  // A finding clicked elsewhere: open the part's ancestors and go to its cell.
  useFocusRequest((focus) => {
    if (!tree) return false;
    if (focus.nodeId === undefined || !tree.byId.has(focus.nodeId)) return true;
    reveal(tree.ancestorsOf(focus.nodeId).slice(1));
    setGridFocus({ rowKey: partKey(focus.nodeId), columnKey: focus.year !== undefined && years.includes(focus.year) ? yearKey(focus.year) : 'title' });
    return true;
  }, tree);

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
          // Read through the ref: the columns stay the same objects while amounts change, and
          // the grid asks when it draws a cell or an edit starts, so it always sees the current amounts.
          editable: (row) => financingRef.current !== null && amountTarget(financingRef.current, row, year) !== null,
          readonlyReason: (row) => (financingRef.current ? amountReason(financingRef.current, row, year) : undefined),
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
      const year = yearOfColumn.get(column.key) ?? null;
      switch (column.key) {
        case 'code':
          return line.kind === 'part' && node ? node.code : '';
        case 'title':
          if (!detail) return '';
          if (line.kind === 'program') return `Всего по программе «${detail.program.title}»`;
          if (line.kind === 'part') return node?.title ?? '';
          if (line.kind === 'combo') return comboLabel(detail, line.combo);
          if (line.kind === 'sourceSum') return sourceLabel(detail, line.source);
          return `${line.source ? `${sourceLabel(detail, line.source)} · ` : ''}${organisationLabel(detail.organisations, line.organisationId)}`;
        case 'result':
          return line.kind === 'part' && node ? node.expectedResult : '';
      }
      if (line.kind === 'combo') {
        const stored = financing && node ? storedCombo(financing, node.id, line.combo) : undefined;
        if (!stored) return '';
        if (year !== null) return money(effectiveAmount(stored, year));
        if (column.key === 'total') {
          const amounts = years.map((y) => effectiveAmount(stored, y)).filter((k): k is number => k !== undefined);
          return amounts.length > 0 ? money(amounts.reduce((a, b) => a + b, 0)) : '';
        }
        return '';
      }
      const partSums = node && totals ? totalsLineOf(totals, node.id) : undefined;
      const sums =
        line.kind === 'program'
          ? totals?.program
          : line.kind === 'sourceSum'
            ? partSums?.bySource.find((entry) => entry.source === line.source)
            : line.kind === 'executorSum'
              ? partSums?.byExecutor.find((entry) => entry.organisationId === line.organisationId)
              : partSums;
      // A stored zero is shown; a part with nothing in a year shows an empty cell, as the forms print «-».
      if (year !== null) {
        const index = yearIndex.get(year);
        const kopecks = sums && index !== undefined ? sums.amounts[index] : 0;
        return kopecks !== 0 || storesAmount(financing, row, year) ? money(kopecks) : '';
      }
      if (column.key === 'total') {
        const kopecks = sums?.total ?? 0;
        return kopecks !== 0 || storesAmount(financing, row, null) ? money(kopecks) : '';
      }
      return '';
    },
    [detail, financing, totals, yearIndex, yearOfColumn, years],
  );

  const copyText = useCallback((row: StructureRow, column: GridColumn<StructureRow>) => cellText(row, column, true), [cellText]);

  const cellState = useCallback(
    (row: StructureRow, column: GridColumn<StructureRow>): CellState => {
      if (row.line.kind !== 'part' || !row.node || !markedParts.has(row.node.id)) return null;
      const where = column.key === 'total' ? 'total' : yearOfColumn.get(column.key);
      if (where === undefined) return null;
      const found = marks.get(`${row.node.id}|${where}`);
      if (!found) return null;
      return { state: found.some((f) => f.severity === 'error') ? 'error' : 'warning', title: found.map((f) => f.message).join('\n') };
    },
    [marks, markedParts, yearOfColumn],
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
      const financing = financingRef.current;
      const target = financing && edit.columnKey.startsWith('y') ? amountTarget(financing, row, year) : null;
      if (!target) return { ok: false, message: (financing && amountReason(financing, row, year)) ?? 'Ячейка не редактируется', cell: edit };
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
