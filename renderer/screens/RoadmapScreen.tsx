// The quarterly roadmap (план-график) of a chosen year: each part with its responsible
// executor and person, its amounts by quarter, the year as the quarters' sum, the year's plan
// from the financing, and the expected result. Where the quarters and the plan disagree the
// plan carries a visible mark, as the core's quartersMismatch finding does.

import { useCallback, useMemo, useRef, useState } from 'react';
import type { ProgramDetail, ProgramNode, Quarter } from '../../shared/domain';
import { QUARTERS } from '../../shared/domain';
import { buildProgramTree } from '../../shared/programTree';
import { DataGrid } from '../grid/DataGrid';
import { commitFinancing, commitNodeFields, inOrder, type FinancingCellEdit, type NodeFieldEdit } from '../grid/program/commits';
import {
  QUARTER_NUMERALS,
  amountCopyText,
  amountText,
  combosOf,
  editTarget,
  indexFinancing,
  quarterSum,
  type Combo,
  type FinancingIndex,
} from '../grid/program/financingIndex';
import { parentIds, useCollapsed, visibleNodes } from '../grid/program/treeRows';
import type { CellRef, CellState, CommitResult, GridColumn, GridEdit, GridRow, HeaderGroup } from '../grid/types';
import { useFocusRequest } from '../hooks/useFocusRequest';
import { useStore } from '../store';
import '../grid/gridScreen.css';
import './RoadmapScreen.css';

/** A part's amounts in the chosen year: its own when it has no children, else its children's sums. */
interface YearAmounts {
  quarters: (number | undefined)[];
  plan: number | undefined;
  /** For a part without children: where its amounts go, null when it has several (source, executor). */
  target: Combo | null;
  /** «Сумма кварталов … не равна плану года …», one line per (source, executor) that disagrees. */
  mismatch: string | null;
}

export interface RoadmapRow extends GridRow {
  node: ProgramNode;
  hasChildren: boolean;
  amounts: YearAmounts;
}

const QUARTER_KEYS = QUARTERS.map((q) => `q${q}`);
const PARENT_REASON = 'Сумма складывается из вложенных мероприятий: введите суммы в них';
const SEVERAL_REASON = 'У мероприятия в этом году несколько источников или исполнителей: суммы по ним вводятся в структуре программы';

const add = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : a + b);

function money(kopecks: number): string {
  return `${amountText(kopecks)} тыс. руб.`;
}

function leafAmounts(financing: FinancingIndex, node: ProgramNode, year: number): YearAmounts {
  const combos = combosOf(financing, node.id, year);
  const quarters: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  let plan: number | undefined;
  const mismatches: string[] = [];
  for (const combo of combos) {
    combo.quarters.get(year)?.forEach((q, i) => (quarters[i] = add(quarters[i], q)));
    const comboPlan = combo.plans.get(year);
    plan = add(plan, comboPlan);
    const sum = quarterSum(combo, year);
    // The core's rule: a plan with quarters must equal their sum.
    if (comboPlan !== undefined && sum !== undefined && sum !== comboPlan) {
      mismatches.push(`Сумма кварталов ${money(sum)} не равна плану года ${money(comboPlan)} (разница ${money(sum - comboPlan)})`);
    }
  }
  return { quarters, plan, target: editTarget(financing, node, year), mismatch: mismatches.length > 0 ? mismatches.join('\n') : null };
}

function buildRows(detail: ProgramDetail, year: number, collapsed: ReadonlySet<number>): RoadmapRow[] {
  const tree = buildProgramTree(detail.nodes);
  const financing = indexFinancing(detail);
  // Children before parents, so each parent adds up finished children.
  const amounts = new Map<number, YearAmounts>();
  for (const node of [...tree.depthFirst].reverse()) {
    const children = tree.childrenOf(node.id);
    if (children.length === 0) {
      amounts.set(node.id, leafAmounts(financing, node, year));
      continue;
    }
    const sum: YearAmounts = { quarters: [undefined, undefined, undefined, undefined], plan: undefined, target: null, mismatch: null };
    for (const child of children) {
      const own = amounts.get(child.id)!;
      own.quarters.forEach((q, i) => (sum.quarters[i] = add(sum.quarters[i], q)));
      sum.plan = add(sum.plan, own.plan);
    }
    amounts.set(node.id, sum);
  }
  return visibleNodes(tree, collapsed).map(({ node, depth, hasChildren }) => ({
    key: `n:${node.id}`,
    node,
    depth,
    hasChildren,
    collapsible: hasChildren,
    collapsed: collapsed.has(node.id),
    emphasis: hasChildren ? 'group' : undefined,
    amounts: amounts.get(node.id)!,
  }));
}

function yearSum(amounts: YearAmounts): number | undefined {
  return amounts.quarters.reduce<number | undefined>((sum, q) => add(sum, q), undefined);
}

function executorsText(detail: ProgramDetail, node: ProgramNode): string {
  return node.executors
    .map((e) => {
      if (e.label) return e.label;
      const organisation = detail.organisations.find((o) => o.id === e.organisationId);
      return organisation ? (organisation.abbreviation ?? organisation.name) : '';
    })
    .filter(Boolean)
    .join(', ');
}

function rowsWord(n: number): string {
  const tens = n % 100;
  if (n % 10 === 1 && tens !== 11) return 'строка';
  if (n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14)) return 'строки';
  return 'строк';
}

const amountEditable = (row: RoadmapRow) => !row.hasChildren && row.amounts.target !== null;
const amountReason = (row: RoadmapRow) => (row.hasChildren ? PARENT_REASON : row.amounts.target === null ? SEVERAL_REASON : undefined);

export function RoadmapScreen() {
  const detail = useStore((s) => s.detail);
  const roadmapYear = useStore((s) => s.roadmapYear);
  const setRoadmapYear = useStore((s) => s.setRoadmapYear);
  const { collapsed, setCollapsed, toggle, reveal } = useCollapsed();
  const [gridFocus, setGridFocus] = useState<CellRef | null>(null);

  const period = detail ? { start: detail.program.periodStart, end: detail.program.periodEnd } : null;
  const years = useMemo(() => (period ? Array.from({ length: period.end - period.start + 1 }, (_, i) => period.start + i) : []), [period?.start, period?.end]);
  const year = years.includes(roadmapYear) ? roadmapYear : (years[0] ?? roadmapYear);

  const rows = useMemo(() => (detail ? buildRows(detail, year, collapsed) : []), [detail, year, collapsed]);
  const rowByKey = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  const rowByKeyRef = useRef(rowByKey);
  rowByKeyRef.current = rowByKey;
  const yearRef = useRef(year);
  yearRef.current = year;

  // A finding or a deadline clicked elsewhere (the store has already chosen its year): go to its cell.
  useFocusRequest((focus) => {
    if (!detail) return false;
    const tree = buildProgramTree(detail.nodes);
    if (focus.nodeId === undefined || !tree.byId.has(focus.nodeId)) return true;
    reveal(tree.ancestorsOf(focus.nodeId).slice(1));
    setGridFocus({ rowKey: `n:${focus.nodeId}`, columnKey: focus.quarter ? `q${focus.quarter}` : 'plan' });
    return true;
  }, detail?.nodes);

  const columns = useMemo<GridColumn<RoadmapRow>[]>(
    () => [
      { key: 'code', title: '№', width: 64, frozen: true },
      { key: 'title', title: 'Мероприятие', width: 320, frozen: true, tree: true, wrap: true },
      { key: 'executors', title: 'Ответственный исполнитель', width: 180, wrap: true },
      { key: 'person', title: 'Ответственное лицо', width: 160, wrap: true, editable: true },
      ...QUARTERS.map(
        (q): GridColumn<RoadmapRow> => ({
          key: `q${q}`,
          title: `${QUARTER_NUMERALS[q]} квартал`,
          width: 112,
          align: 'right',
          editable: amountEditable,
          readonlyReason: amountReason,
        }),
      ),
      { key: 'yearSum', title: 'Год (сумма кварталов)', width: 136, align: 'right', readonlyReason: 'Сумма кварталов года' },
      { key: 'plan', title: 'План года', width: 124, align: 'right', editable: amountEditable, readonlyReason: amountReason },
      { key: 'result', title: 'Результат', width: 300, wrap: true, editable: true },
    ],
    [],
  );

  const headerRows = useMemo<HeaderGroup[][]>(() => [[{ title: '', span: 4 }, { title: `${year} год, тыс. руб.`, span: 6 }, { title: '', span: 1 }]], [year]);

  const cellText = useCallback(
    (row: RoadmapRow, column: GridColumn<RoadmapRow>, copy = false): string => {
      const format = copy ? amountCopyText : amountText;
      switch (column.key) {
        case 'code':
          return row.node.code;
        case 'title':
          return row.node.title;
        case 'executors':
          return detail ? executorsText(detail, row.node) : '';
        case 'person':
          return row.node.responsiblePerson ?? '';
        case 'yearSum':
          return format(yearSum(row.amounts));
        case 'plan':
          return format(row.amounts.plan);
        case 'result':
          return row.node.expectedResult;
      }
      const quarter = QUARTER_KEYS.indexOf(column.key);
      return quarter >= 0 ? format(row.amounts.quarters[quarter]) : '';
    },
    [detail],
  );
  const copyText = useCallback((row: RoadmapRow, column: GridColumn<RoadmapRow>) => cellText(row, column, true), [cellText]);

  const cellState = useCallback((row: RoadmapRow, column: GridColumn<RoadmapRow>): CellState => {
    if ((column.key === 'plan' || column.key === 'yearSum') && row.amounts.mismatch) return { state: 'warning', title: row.amounts.mismatch };
    return null;
  }, []);

  const onCommit = useCallback(async (edits: GridEdit[]): Promise<CommitResult> => {
    const money: FinancingCellEdit[] = [];
    const texts: NodeFieldEdit[] = [];
    const year = yearRef.current;
    for (const edit of edits) {
      const row = rowByKeyRef.current.get(edit.rowKey);
      if (!row) return { ok: false, message: 'Строка больше не существует', cell: edit };
      const nodeId = row.node.id;
      if (edit.columnKey === 'person') {
        texts.push({ edit, nodeId, changes: { responsiblePerson: edit.text.trim() === '' ? null : edit.text.trim() } });
        continue;
      }
      if (edit.columnKey === 'result') {
        texts.push({ edit, nodeId, changes: { expectedResult: edit.text } });
        continue;
      }
      const target = row.amounts.target;
      if (row.hasChildren || !target) return { ok: false, message: amountReason(row) ?? 'Ячейка не редактируется', cell: edit };
      const quarter = QUARTER_KEYS.indexOf(edit.columnKey) + 1;
      money.push({
        edit,
        cell: { nodeId, year, source: target.source, organisationId: target.organisationId, ...(quarter > 0 ? { quarter: quarter as Quarter } : {}) },
      });
    }
    return inOrder([() => commitFinancing(money), () => commitNodeFields(texts)]);
  }, []);

  const onToggleRow = useCallback((rowKey: string) => toggle(Number(rowKey.slice(2))), [toggle]);
  const onUndo = useStore((s) => s.undo);
  const onRedo = useStore((s) => s.redo);

  if (!detail) return <p className="muted">Загрузка программы…</p>;
  const mismatches = rows.filter((row) => row.amounts.mismatch).length;

  return (
    <div className="screen-body grid-screen roadmap-screen">
      <div className="screen-heading">
        <h2>Дорожная карта по кварталам</h2>
        <span className="muted">Суммы в тыс. руб. Изменения сохраняются сразу; Ctrl+Z — отменить.</span>
      </div>
      <div className="grid-toolbar" role="toolbar" aria-label="Вид таблицы">
        <label className="inline-label">
          Год{' '}
          <select value={year} onChange={(e) => setRoadmapYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button small" onClick={() => setCollapsed(new Set(parentIds(detail.nodes)))}>
          Свернуть всё
        </button>
        <button type="button" className="button small" onClick={() => setCollapsed(new Set())}>
          Развернуть всё
        </button>
        {mismatches > 0 && (
          <span className="roadmap-mismatch-note" role="status">
            Кварталы не сходятся с планом года: {mismatches} {rowsWord(mismatches)} (отмечены в столбце «План года»)
          </span>
        )}
      </div>
      <div className="grid-host">
        <DataGrid<RoadmapRow>
          label={`Дорожная карта на ${year} год, тыс. руб.`}
          columns={columns}
          headerRows={headerRows}
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
          rowLabel={(row) => `${row.node.code} ${row.node.title}`.trim()}
        />
      </div>
    </div>
  );
}
