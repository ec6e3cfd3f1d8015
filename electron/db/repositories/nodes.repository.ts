// Program parts: the tree of subprograms, tasks, main activities, activities and steps.
// Siblings keep contiguous positions 0…n-1 in printed order.

import type { NodeExecutor, NodeKind, ProgramNode, Source } from '../../../shared/domain';
import { all, first, run, statement, type Workspace } from '../workspace';

export function getNode(ws: Workspace, nodeId: number): ProgramNode | null {
  const row = first(ws, ws.sql.selectFrom('nodes').selectAll().where('id', '=', nodeId));
  if (!row) return null;
  const executors = all(
    ws,
    ws.sql.selectFrom('node_executors').select(['organisation_id', 'label']).where('node_id', '=', nodeId).orderBy('position'),
  );
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as NodeKind,
    code: row.code,
    title: row.title,
    position: row.position,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    expectedResult: row.expected_result,
    deadline: row.deadline,
    responsiblePerson: row.responsible_person,
    source: row.source as Source | null,
    executors: executors.map((e) => ({ organisationId: e.organisation_id, label: e.label })),
  };
}

function siblingIds(ws: Workspace, programId: number, parentId: number | null, except?: number): number[] {
  const rows = statement(
    ws,
    `SELECT id FROM nodes WHERE program_id = ? AND parent_id IS ? ${except ? 'AND id <> ?' : ''} ORDER BY position, id`,
  ).all(...(except ? [programId, parentId, except] : [programId, parentId])) as { id: number }[];
  return rows.map((r) => r.id);
}

function renumber(ws: Workspace, ids: number[]): void {
  const update = statement(ws, 'UPDATE nodes SET position = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, position) => update.run(position, id, position));
}

export function setNodeExecutors(ws: Workspace, nodeId: number, executors: NodeExecutor[]): void {
  run(ws, ws.sql.deleteFrom('node_executors').where('node_id', '=', nodeId));
  executors.forEach((executor, position) =>
    run(
      ws,
      ws.sql
        .insertInto('node_executors')
        .values({ node_id: nodeId, organisation_id: executor.organisationId, label: executor.label, position }),
    ),
  );
}

export type NodeFields = Omit<ProgramNode, 'id' | 'parentId' | 'position'>;

export function insertNode(ws: Workspace, programId: number, parentId: number | null, position: number | undefined, fields: NodeFields): number {
  const siblings = siblingIds(ws, programId, parentId);
  const at = Math.min(position ?? siblings.length, siblings.length);
  const id = run(
    ws,
    ws.sql.insertInto('nodes').values({
      program_id: programId,
      parent_id: parentId,
      kind: fields.kind,
      code: fields.code,
      title: fields.title,
      position: at,
      period_start: fields.periodStart,
      period_end: fields.periodEnd,
      expected_result: fields.expectedResult,
      deadline: fields.deadline,
      responsible_person: fields.responsiblePerson,
      source: fields.source,
    }),
  ).lastInsertRowid;
  siblings.splice(at, 0, id);
  renumber(ws, siblings);
  setNodeExecutors(ws, id, fields.executors);
  return id;
}

export function updateNode(ws: Workspace, nodeId: number, changes: Partial<NodeFields>): void {
  const columns: Record<string, unknown> = {};
  if (changes.kind !== undefined) columns.kind = changes.kind;
  if (changes.code !== undefined) columns.code = changes.code;
  if (changes.title !== undefined) columns.title = changes.title;
  if (changes.periodStart !== undefined) columns.period_start = changes.periodStart;
  if (changes.periodEnd !== undefined) columns.period_end = changes.periodEnd;
  if (changes.expectedResult !== undefined) columns.expected_result = changes.expectedResult;
  if (changes.deadline !== undefined) columns.deadline = changes.deadline;
  if (changes.responsiblePerson !== undefined) columns.responsible_person = changes.responsiblePerson;
  if (changes.source !== undefined) columns.source = changes.source;
  if (Object.keys(columns).length > 0) run(ws, ws.sql.updateTable('nodes').set(columns).where('id', '=', nodeId));
  if (changes.executors !== undefined) setNodeExecutors(ws, nodeId, changes.executors);
}

/** The node and all its descendants. */
export function subtreeIds(ws: Workspace, nodeId: number): number[] {
  const rows = statement(
    ws,
    `WITH RECURSIVE subtree(id) AS (SELECT ? UNION ALL SELECT n.id FROM nodes n JOIN subtree s ON n.parent_id = s.id)
     SELECT id FROM subtree`,
  ).all(nodeId) as { id: number }[];
  return rows.map((r) => r.id);
}

export function moveNode(ws: Workspace, programId: number, nodeId: number, oldParentId: number | null, newParentId: number | null, position: number): void {
  run(ws, ws.sql.updateTable('nodes').set({ parent_id: newParentId }).where('id', '=', nodeId));
  if (oldParentId !== newParentId) renumber(ws, siblingIds(ws, programId, oldParentId, nodeId));
  const siblings = siblingIds(ws, programId, newParentId, nodeId);
  siblings.splice(Math.min(position, siblings.length), 0, nodeId);
  renumber(ws, siblings);
}

/** Deletes a part with its whole subtree and everything attached to it; returns how many parts. */
export function deleteSubtree(ws: Workspace, programId: number, nodeId: number, parentId: number | null): number {
  const ids = subtreeIds(ws, nodeId);
  const placeholders = ids.map(() => '?').join(', ');
  for (const sql of [
    `DELETE FROM financing WHERE node_id IN (${placeholders})`,
    `DELETE FROM quarterly_plan WHERE node_id IN (${placeholders})`,
    `DELETE FROM node_executors WHERE node_id IN (${placeholders})`,
    `DELETE FROM node_indicators WHERE node_id IN (${placeholders})`,
    `DELETE FROM stated_totals WHERE node_id IN (${placeholders})`,
    `DELETE FROM amendment_targets WHERE entity = 'node' AND entity_id IN (${placeholders})`,
    `UPDATE indicators SET task_node_id = NULL WHERE task_node_id IN (${placeholders})`,
    `DELETE FROM nodes WHERE id IN (${placeholders})`,
  ]) {
    ws.sqlite.prepare(sql).run(...ids);
  }
  renumber(ws, siblingIds(ws, programId, parentId));
  return ids.length;
}

export function hasChildren(ws: Workspace, nodeId: number): boolean {
  return !!statement(ws, 'SELECT 1 FROM nodes WHERE parent_id = ? LIMIT 1').get(nodeId);
}
