// Target indicators as Table 1 prints them, grouped by task: unit, base value, and for every
// year of the program the plan («Не менее 95», «x», «-», «35») and the fact, coloured by how far
// the fact reached the plan. Facts by quarter of a chosen year are shown on request.

import { useCallback, useMemo, useRef, useState } from 'react';
import { achievement, type AchievementStatus } from '../../shared/achievement';
import type { Indicator, IndicatorValueRow, ProgramDetail, Quarter, ValuePeriod, ValueType } from '../../shared/domain';
import { NODE_KIND_LABELS, QUARTERS } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { formatDecimal } from '../../shared/indicatorValue';
import { buildProgramTree } from '../../shared/programTree';
import { DataGrid } from '../grid/DataGrid';
import {
  commitIndicatorFields,
  commitIndicatorValues,
  inOrder,
  type IndicatorFieldEdit,
  type IndicatorValueEdit,
} from '../grid/program/commits';
import { QUARTER_NUMERALS } from '../grid/program/financingIndex';
import { findingMarks } from '../grid/program/findingMarks';
import { useCollapsed } from '../grid/program/treeRows';
import type { CellRef, CellState, CommitResult, GridColumn, GridEdit, GridRow, HeaderGroup } from '../grid/types';
import { useFocusRequest } from '../hooks/useFocusRequest';
import { useStore } from '../store';
import '../grid/gridScreen.css';
import './IndicatorsScreen.css';

export type IndicatorsRow = GridRow &
  (
    | { kind: 'task'; groupId: number; code: string; title: string }
    | { kind: 'indicator'; indicator: Indicator; values: ReadonlyMap<string, IndicatorValueRow> }
  );

/** The group of indicators without a task. */
const NO_TASK = 0;

const ACHIEVEMENT_WORDS: Record<Exclude<AchievementStatus, 'unknown'>, string> = {
  achieved: 'выполнено',
  atRisk: 'под угрозой',
  missed: 'не выполнено',
};

const valueKey = (type: ValueType, year: number, period: ValuePeriod) => `${type}|${year}|${period}`;

/** A value column's key: «plan:2023», «fact:2023», «fact:2023:2» for the second quarter. */
function parseValueColumn(key: string): { type: ValueType; year: number; period: ValuePeriod } | null {
  const match = /^(plan|fact):(\d{4})(?::([1-4]))?$/.exec(key);
  if (!match) return null;
  return { type: match[1] as ValueType, year: Number(match[2]), period: (match[3] ? Number(match[3]) : 0) as ValuePeriod };
}

function buildRows(detail: ProgramDetail, collapsed: ReadonlySet<number>): IndicatorsRow[] {
  const tree = buildProgramTree(detail.nodes);
  const byTask = new Map<number, Indicator[]>();
  for (const indicator of [...detail.indicators].sort((a, b) => a.position - b.position || a.id - b.id)) {
    const task = indicator.taskNodeId !== null && tree.byId.has(indicator.taskNodeId) ? indicator.taskNodeId : NO_TASK;
    byTask.set(task, [...(byTask.get(task) ?? []), indicator]);
  }
  const indicatorRow = (indicator: Indicator, depth: number): IndicatorsRow => ({
    key: `i:${indicator.id}`,
    kind: 'indicator',
    depth,
    indicator,
    values: new Map(indicator.values.map((v) => [valueKey(v.type, v.year, v.period), v])),
  });
  // Without any task there is nothing to group by.
  if (byTask.size === 1 && byTask.has(NO_TASK)) return byTask.get(NO_TASK)!.map((i) => indicatorRow(i, 0));
  const rows: IndicatorsRow[] = [];
  const group = (groupId: number, code: string, title: string) => {
    const indicators = byTask.get(groupId);
    if (!indicators) return;
    rows.push({ key: `t:${groupId}`, kind: 'task', groupId, code, title, collapsible: true, collapsed: collapsed.has(groupId), emphasis: 'group' });
    if (!collapsed.has(groupId)) rows.push(...indicators.map((i) => indicatorRow(i, 1)));
  };
  for (const node of tree.depthFirst) group(node.id, node.code, `${NODE_KIND_LABELS[node.kind]} ${node.code} ${node.title}`.replace(/\s+/g, ' '));
  group(NO_TASK, '', 'Показатели без задачи');
  return rows;
}

/** The cell a finding about an indicator marks: «indicatorId|year». */
function indicatorCellOf(finding: Finding): string | null {
  const { indicatorId, year } = finding.target;
  return indicatorId === undefined || year === undefined ? null : `${indicatorId}|${year}`;
}

export function IndicatorsScreen() {
  const detail = useStore((s) => s.detail);
  const findings = useStore((s) => s.findings);
  const { collapsed, setCollapsed, toggle, reveal } = useCollapsed();
  const [quarterly, setQuarterly] = useState(false);
  const [quarterYear, setQuarterYear] = useState<number | null>(null);
  const [gridFocus, setGridFocus] = useState<CellRef | null>(null);

  const periodStart = detail?.program.periodStart ?? 0;
  const periodEnd = detail?.program.periodEnd ?? -1;
  const years = useMemo(() => Array.from({ length: Math.max(0, periodEnd - periodStart + 1) }, (_, i) => periodStart + i), [periodStart, periodEnd]);
  const factYear = quarterYear !== null && years.includes(quarterYear) ? quarterYear : (years.find((y) => y === new Date().getFullYear()) ?? years[0]);
  const shownQuarterYear = quarterly ? factYear : null;

  const rows = useMemo(() => (detail ? buildRows(detail, collapsed) : []), [detail, collapsed]);
  const rowByKey = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  const rowByKeyRef = useRef(rowByKey);
  rowByKeyRef.current = rowByKey;
  const marks = useMemo(() => findingMarks(findings, indicatorCellOf), [findings]);

  // A finding clicked elsewhere: go to the indicator's plan of that year.
  useFocusRequest((focus) => {
    if (!detail) return false;
    const indicator = detail.indicators.find((i) => i.id === focus.indicatorId);
    if (!indicator) return true;
    reveal([indicator.taskNodeId ?? NO_TASK]);
    const column = focus.year !== undefined && years.includes(focus.year) ? `plan:${focus.year}` : 'name';
    setGridFocus({ rowKey: `i:${indicator.id}`, columnKey: column });
    return true;
  }, detail?.indicators);

  const columns = useMemo<GridColumn<IndicatorsRow>[]>(() => {
    const isIndicator = (row: IndicatorsRow) => row.kind === 'indicator';
    const valueColumn = (key: string, title: string): GridColumn<IndicatorsRow> => ({
      key,
      title,
      width: 104,
      align: 'center',
      editable: isIndicator,
      readonlyReason: 'Значения указываются в строках показателей',
    });
    return [
      { key: 'code', title: '№', width: 64, frozen: true },
      { key: 'name', title: 'Наименование показателя', width: 360, frozen: true, tree: true, wrap: true },
      { key: 'unit', title: 'Ед. изм.', width: 84, align: 'center', editable: isIndicator },
      { key: 'base', title: 'Базовое значение', width: 104, align: 'center', editable: isIndicator },
      ...years.flatMap((year) => [
        valueColumn(`plan:${year}`, `План ${year}`),
        valueColumn(`fact:${year}`, `Факт ${year}`),
        ...(year === shownQuarterYear ? QUARTERS.map((q) => valueColumn(`fact:${year}:${q}`, `Факт ${QUARTER_NUMERALS[q]} кв. ${year}`)) : []),
      ]),
    ];
  }, [years, shownQuarterYear]);

  const headerRows = useMemo<HeaderGroup[][]>(
    () => [[{ title: '', span: 4 }, ...years.map((year) => ({ title: `${year} год`, span: year === shownQuarterYear ? 6 : 2 }))]],
    [years, shownQuarterYear],
  );

  const cellText = useCallback((row: IndicatorsRow, column: GridColumn<IndicatorsRow>): string => {
    if (row.kind === 'task') {
      if (column.key === 'code') return row.code;
      if (column.key === 'name') return row.title;
      return '';
    }
    const { indicator } = row;
    switch (column.key) {
      case 'code':
        return indicator.code;
      case 'name':
        return indicator.name;
      case 'unit':
        return indicator.unit;
      case 'base':
        return indicator.base?.text ?? '';
    }
    const value = parseValueColumn(column.key);
    return value ? (row.values.get(valueKey(value.type, value.year, value.period))?.text ?? '') : '';
  }, []);

  const cellState = useCallback(
    (row: IndicatorsRow, column: GridColumn<IndicatorsRow>): CellState => {
      if (row.kind !== 'indicator') return null;
      if (column.key === 'base' && row.indicator.baseYear) return { state: null, title: `Базовое значение ${row.indicator.baseYear} г.` };
      const value = parseValueColumn(column.key);
      if (!value) return null;
      if (value.type === 'plan') {
        const found = marks.get(`${row.indicator.id}|${value.year}`);
        return found ? { state: 'warning', title: found.map((f) => f.message).join('\n') } : null;
      }
      if (value.period !== 0) return null;
      const plan = row.values.get(valueKey('plan', value.year, 0));
      const fact = row.values.get(valueKey('fact', value.year, 0));
      const reached = achievement(row.indicator.direction, plan, fact);
      if (reached.status === 'unknown') return null;
      const percent = reached.percent === null ? '' : ` (${formatDecimal(reached.percent)} % плана)`;
      return { state: null, tone: `ach ach-${reached.status}`, title: `${ACHIEVEMENT_WORDS[reached.status]}${percent}` };
    },
    [marks],
  );

  const onCommit = useCallback(async (edits: GridEdit[]): Promise<CommitResult> => {
    const values: IndicatorValueEdit[] = [];
    const fields: IndicatorFieldEdit[] = [];
    for (const edit of edits) {
      const row = rowByKeyRef.current.get(edit.rowKey);
      if (!row || row.kind !== 'indicator') return { ok: false, message: 'Значения указываются в строках показателей', cell: edit };
      const indicatorId = row.indicator.id;
      if (edit.columnKey === 'unit') {
        fields.push({ edit, indicatorId, changes: { unit: edit.text.trim() } });
        continue;
      }
      if (edit.columnKey === 'base') {
        fields.push({ edit, indicatorId, changes: { base: edit.text.trim() === '' ? null : edit.text } });
        continue;
      }
      const value = parseValueColumn(edit.columnKey);
      if (!value) return { ok: false, message: 'Ячейка не редактируется', cell: edit };
      values.push({ edit, indicatorId, value: { ...value, period: value.period as 0 | Quarter } });
    }
    return inOrder([() => commitIndicatorValues(values), () => commitIndicatorFields(fields)]);
  }, []);

  const onToggleRow = useCallback((rowKey: string) => toggle(Number(rowKey.slice(2))), [toggle]);
  const onUndo = useStore((s) => s.undo);
  const onRedo = useStore((s) => s.redo);

  if (!detail) return <p className="muted">Загрузка программы…</p>;
  const groups = rows.filter((row) => row.kind === 'task').map((row) => (row.kind === 'task' ? row.groupId : NO_TASK));

  return (
    <div className="screen-body grid-screen indicators-screen">
      <div className="screen-heading">
        <h2>Целевые показатели</h2>
        <span className="muted">
          План и факт пишутся как в таблицах: «Не менее 95», «&gt;25», «35», «x», «-». Изменения сохраняются сразу; Ctrl+Z — отменить.
        </span>
      </div>
      <div className="grid-toolbar" role="toolbar" aria-label="Вид таблицы">
        <label className="inline-label">
          <input type="checkbox" checked={quarterly} onChange={(e) => setQuarterly(e.target.checked)} />
          Факт по кварталам
        </label>
        <label className="inline-label">
          за{' '}
          <select value={factYear} disabled={!quarterly} onChange={(e) => setQuarterYear(Number(e.target.value))} aria-label="Год квартальных фактов">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>{' '}
          год
        </label>
        {groups.length > 0 && (
          <>
            <button type="button" className="button small" onClick={() => setCollapsed(new Set(groups))}>
              Свернуть всё
            </button>
            <button type="button" className="button small" onClick={() => setCollapsed(new Set())}>
              Развернуть всё
            </button>
          </>
        )}
        <span className="achievement-legend" aria-hidden="true">
          <span className="ach ach-achieved">выполнено</span>
          <span className="ach ach-atRisk">под угрозой (не менее 90 % плана)</span>
          <span className="ach ach-missed">не выполнено</span>
        </span>
      </div>
      {detail.indicators.length === 0 && <p className="muted">В программе пока нет целевых показателей.</p>}
      <div className="grid-host">
        <DataGrid<IndicatorsRow>
          label="Целевые показатели: план и факт"
          columns={columns}
          headerRows={headerRows}
          rows={rows}
          rowHeight={34}
          cellText={cellText}
          cellState={cellState}
          onCommit={onCommit}
          onToggleRow={onToggleRow}
          onUndo={onUndo}
          onRedo={onRedo}
          focus={gridFocus}
          rowLabel={(row) => (row.kind === 'indicator' ? `${row.indicator.code} ${row.indicator.name}`.trim() : row.title)}
        />
      </div>
    </div>
  );
}
