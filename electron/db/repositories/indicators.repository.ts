// Target indicators with their plan and fact values and their links to program parts.

import type { Comparator, Indicator, IndicatorValue, IndicatorValueRow, ValueMark, ValuePeriod, ValueType } from '../../../shared/domain';
import { statement, type Workspace } from '../workspace';

export type IndicatorFields = Omit<Indicator, 'id' | 'position' | 'values' | 'nodeIds'>;

const COLUMNS: Record<keyof IndicatorFields, string[]> = {
  code: ['code'],
  name: ['name'],
  unit: ['unit'],
  direction: ['direction'],
  cumulative: ['cumulative'],
  kind: ['kind'],
  territory: ['territory'],
  note: ['note'],
  taskNodeId: ['task_node_id'],
  base: ['base_comparator', 'base_value', 'base_mark', 'base_text'],
  baseYear: ['base_year'],
  baseDate: ['base_date'],
};

function columnValues(field: keyof IndicatorFields, value: unknown): unknown[] {
  if (field === 'cumulative') return [value ? 1 : 0];
  if (field === 'base') {
    const base = value as IndicatorValue | null;
    return [base?.comparator ?? null, base?.value ?? null, base?.mark ?? null, base?.text ?? null];
  }
  return [value];
}

export function insertIndicator(ws: Workspace, programId: number, fields: IndicatorFields): number {
  const { position } = statement(ws, 'SELECT ifnull(max(position) + 1, 0) AS position FROM indicators WHERE program_id = ?').get(programId) as {
    position: number;
  };
  const names = Object.keys(COLUMNS) as (keyof IndicatorFields)[];
  const columns = names.flatMap((name) => COLUMNS[name]);
  const values = names.flatMap((name) => columnValues(name, fields[name]));
  return Number(
    statement(
      ws,
      `INSERT INTO indicators (program_id, position, ${columns.join(', ')}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`,
    ).run(programId, position, ...values).lastInsertRowid,
  );
}

export function updateIndicator(ws: Workspace, indicatorId: number, changes: Partial<IndicatorFields>): void {
  const names = (Object.keys(changes) as (keyof IndicatorFields)[]).filter((name) => changes[name] !== undefined);
  if (names.length === 0) return;
  const columns = names.flatMap((name) => COLUMNS[name]);
  const values = names.flatMap((name) => columnValues(name, changes[name]));
  ws.sqlite.prepare(`UPDATE indicators SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, indicatorId);
}

export function deleteIndicator(ws: Workspace, indicatorId: number): void {
  for (const sql of [
    'DELETE FROM indicator_values WHERE indicator_id = ?',
    'DELETE FROM node_indicators WHERE indicator_id = ?',
    `DELETE FROM amendment_targets WHERE entity = 'indicator' AND entity_id = ?`,
    'DELETE FROM indicators WHERE id = ?',
  ]) {
    statement(ws, sql).run(indicatorId);
  }
}

export interface ValueWrite {
  year: number;
  period: ValuePeriod;
  type: ValueType;
  value: IndicatorValue | null;
  date: string | null;
  comment: string | null;
}

export function setIndicatorValue(ws: Workspace, indicatorId: number, write: ValueWrite): void {
  const where = 'indicator_id = ? AND year = ? AND period = ? AND type = ?';
  const key = [indicatorId, write.year, write.period, write.type];
  if (write.value === null) {
    statement(ws, `DELETE FROM indicator_values WHERE ${where}`).run(...key);
    return;
  }
  const { comparator, value, mark, text } = write.value;
  statement(
    ws,
    `INSERT INTO indicator_values (indicator_id, year, period, type, comparator, value, mark, text, date, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (indicator_id, year, period, type) DO UPDATE SET
       comparator = excluded.comparator, value = excluded.value, mark = excluded.mark, text = excluded.text,
       date = excluded.date, comment = excluded.comment`,
  ).run(...key, comparator, value, mark, text, write.date, write.comment);
}

export function setIndicatorLinks(ws: Workspace, indicatorId: number, nodeIds: number[]): void {
  const current = new Set((statement(ws, 'SELECT node_id FROM node_indicators WHERE indicator_id = ?').all(indicatorId) as { node_id: number }[]).map((r) => r.node_id));
  const wanted = new Set(nodeIds);
  for (const nodeId of current) if (!wanted.has(nodeId)) statement(ws, 'DELETE FROM node_indicators WHERE indicator_id = ? AND node_id = ?').run(indicatorId, nodeId);
  for (const nodeId of wanted) if (!current.has(nodeId)) statement(ws, 'INSERT INTO node_indicators (node_id, indicator_id) VALUES (?, ?)').run(nodeId, indicatorId);
}

export function getIndicator(ws: Workspace, programId: number, indicatorId: number): Indicator | null {
  return loadIndicators(ws, programId, indicatorId)[0] ?? null;
}

type Row = Record<string, unknown>;

function baseValue(row: Row): IndicatorValue | null {
  if (row.base_text === null) return null;
  return {
    comparator: row.base_comparator as Comparator | null,
    value: row.base_value as string | null,
    mark: row.base_mark as ValueMark | null,
    text: row.base_text as string,
  };
}

/** The program's indicators with values and links; or just one of them. */
export function loadIndicators(ws: Workspace, programId: number, onlyId?: number): Indicator[] {
  const scope = onlyId === undefined ? 'program_id = ?' : 'program_id = ? AND id = ?';
  const params = onlyId === undefined ? [programId] : [programId, onlyId];
  const q = (sql: string) => statement(ws, sql).all(...params) as Row[];
  const values = new Map<number, IndicatorValueRow[]>();
  for (const row of q(`SELECT * FROM indicator_values WHERE indicator_id IN (SELECT id FROM indicators WHERE ${scope}) ORDER BY indicator_id, year, period, type`)) {
    const list = values.get(row.indicator_id as number) ?? [];
    list.push({
      year: row.year as number,
      period: row.period as ValuePeriod,
      type: row.type as ValueType,
      comparator: row.comparator as Comparator | null,
      value: row.value as string | null,
      mark: row.mark as ValueMark | null,
      text: row.text as string,
      date: row.date as string | null,
      comment: row.comment as string | null,
    });
    values.set(row.indicator_id as number, list);
  }
  const links = new Map<number, number[]>();
  for (const row of q(`SELECT node_id, indicator_id FROM node_indicators WHERE indicator_id IN (SELECT id FROM indicators WHERE ${scope}) ORDER BY id`)) {
    const list = links.get(row.indicator_id as number) ?? [];
    list.push(row.node_id as number);
    links.set(row.indicator_id as number, list);
  }
  return q(`SELECT * FROM indicators WHERE ${scope} ORDER BY position, id`).map((row) => ({
    id: row.id as number,
    code: row.code as string,
    name: row.name as string,
    unit: row.unit as string,
    direction: row.direction as Indicator['direction'],
    cumulative: row.cumulative === 1,
    kind: row.kind as Indicator['kind'],
    territory: row.territory as string | null,
    note: row.note as string | null,
    taskNodeId: row.task_node_id as number | null,
    base: baseValue(row),
    baseYear: row.base_year as number | null,
    baseDate: row.base_date as string | null,
    position: row.position as number,
    values: values.get(row.id as number) ?? [],
    nodeIds: links.get(row.id as number) ?? [],
  }));
}
