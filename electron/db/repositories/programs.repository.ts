// The program row and its passport.

import type { Passport, Program, ProgramLevel, ProgramStatus, ProgramSummary, Source } from '../../../shared/domain';
import type { ProgramsTable } from '../tables';
import { all, first, run, statement, type Workspace } from '../workspace';
import type { Selectable } from 'kysely';

type ProgramRow = Selectable<ProgramsTable>;

function toProgram(row: ProgramRow, coExecutorIds: number[], participantIds: number[]): Program {
  return {
    id: row.id,
    title: row.title,
    level: row.level as ProgramLevel,
    status: row.status as ProgramStatus,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    responsibleExecutorId: row.responsible_executor_id,
    coExecutorIds,
    participantIds,
    goal: row.goal,
    tasks: row.tasks,
    expectedResults: row.expected_results,
    legalBasis: row.legal_basis,
    sourceLabels: JSON.parse(row.source_labels) as Partial<Record<Source, string>>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getProgram(ws: Workspace, id: number): Program | null {
  const row = first(ws, ws.sql.selectFrom('programs').selectAll().where('id', '=', id));
  if (!row) return null;
  const roles = all(
    ws,
    ws.sql.selectFrom('program_organisations').select(['organisation_id', 'role']).where('program_id', '=', id).orderBy('position'),
  );
  return toProgram(
    row,
    roles.filter((r) => r.role === 'coExecutor').map((r) => r.organisation_id),
    roles.filter((r) => r.role === 'participant').map((r) => r.organisation_id),
  );
}

export function programExists(ws: Workspace, id: number): boolean {
  return !!first(ws, ws.sql.selectFrom('programs').select('id').where('id', '=', id));
}

export function listProgramSummaries(ws: Workspace): ProgramSummary[] {
  // Total financing per program over the effective amounts (quarters override their year).
  const totals = new Map(
    (
      statement(
        ws,
        `SELECT n.program_id AS programId, SUM(e.kopecks) AS total
         FROM effective_financing e JOIN nodes n ON n.id = e.node_id GROUP BY n.program_id`,
      ).all() as { programId: number; total: number }[]
    ).map((r) => [r.programId, r.total]),
  );
  return all(ws, ws.sql.selectFrom('programs').selectAll().orderBy('id')).map((row) => ({
    id: row.id,
    title: row.title,
    level: row.level as ProgramLevel,
    status: row.status as ProgramStatus,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    totalKopecks: totals.get(row.id) ?? 0,
  }));
}

function setRoles(ws: Workspace, programId: number, role: 'coExecutor' | 'participant', ids: number[]): void {
  run(ws, ws.sql.deleteFrom('program_organisations').where('program_id', '=', programId).where('role', '=', role));
  ids.forEach((organisationId, position) => {
    run(ws, ws.sql.insertInto('program_organisations').values({ program_id: programId, organisation_id: organisationId, role, position }));
  });
}

export function insertProgram(ws: Workspace, passport: Passport, now = new Date().toISOString()): number {
  const id = run(
    ws,
    ws.sql.insertInto('programs').values({
      title: passport.title,
      level: passport.level,
      status: passport.status,
      period_start: passport.periodStart,
      period_end: passport.periodEnd,
      responsible_executor_id: passport.responsibleExecutorId,
      goal: passport.goal,
      tasks: passport.tasks,
      expected_results: passport.expectedResults,
      legal_basis: passport.legalBasis,
      source_labels: JSON.stringify(passport.sourceLabels),
      created_at: now,
      updated_at: now,
    }),
  ).lastInsertRowid;
  setRoles(ws, id, 'coExecutor', passport.coExecutorIds);
  setRoles(ws, id, 'participant', passport.participantIds);
  return id;
}

export function updatePassport(ws: Workspace, id: number, changes: Partial<Passport>): void {
  const columns: Partial<Record<keyof ProgramsTable, unknown>> = {};
  if (changes.title !== undefined) columns.title = changes.title;
  if (changes.level !== undefined) columns.level = changes.level;
  if (changes.status !== undefined) columns.status = changes.status;
  if (changes.periodStart !== undefined) columns.period_start = changes.periodStart;
  if (changes.periodEnd !== undefined) columns.period_end = changes.periodEnd;
  if (changes.responsibleExecutorId !== undefined) columns.responsible_executor_id = changes.responsibleExecutorId;
  if (changes.goal !== undefined) columns.goal = changes.goal;
  if (changes.tasks !== undefined) columns.tasks = changes.tasks;
  if (changes.expectedResults !== undefined) columns.expected_results = changes.expectedResults;
  if (changes.legalBasis !== undefined) columns.legal_basis = changes.legalBasis;
  if (changes.sourceLabels !== undefined) columns.source_labels = JSON.stringify(changes.sourceLabels);
  touchProgram(ws, id, columns);
  if (changes.coExecutorIds !== undefined) setRoles(ws, id, 'coExecutor', changes.coExecutorIds);
  if (changes.participantIds !== undefined) setRoles(ws, id, 'participant', changes.participantIds);
}

/** Marks the program changed; every edit of its content calls this. */
export function touchProgram(ws: Workspace, id: number, columns: Partial<Record<keyof ProgramsTable, unknown>> = {}): void {
  run(ws, ws.sql.updateTable('programs').set({ ...columns, updated_at: new Date().toISOString() } as never).where('id', '=', id));
}

/** Deletes a program and everything that belongs to it, children before parents. */
export function deleteProgram(ws: Workspace, id: number): void {
  const byNode = `node_id IN (SELECT id FROM nodes WHERE program_id = ?)`;
  const byIndicator = `indicator_id IN (SELECT id FROM indicators WHERE program_id = ?)`;
  const byAmendment = `amendment_id IN (SELECT id FROM amendments WHERE program_id = ?)`;
  for (const sql of [
    `DELETE FROM financing WHERE ${byNode}`,
    `DELETE FROM quarterly_plan WHERE ${byNode}`,
    `DELETE FROM node_executors WHERE ${byNode}`,
    `DELETE FROM node_indicators WHERE ${byNode}`,
    `DELETE FROM indicator_values WHERE ${byIndicator}`,
    `DELETE FROM stated_totals WHERE program_id = ?`,
    `DELETE FROM approved_budget WHERE program_id = ?`,
    `DELETE FROM indicators WHERE program_id = ?`,
    `DELETE FROM amendment_targets WHERE ${byAmendment}`,
    `DELETE FROM editions WHERE program_id = ?`,
    `DELETE FROM amendments WHERE program_id = ?`,
    `DELETE FROM program_organisations WHERE program_id = ?`,
  ]) {
    statement(ws, sql).run(id);
  }
  // Foreign keys are checked at the end of a statement, so one DELETE may remove a whole tree.
  statement(ws, `DELETE FROM nodes WHERE program_id = ?`).run(id);
  statement(ws, `DELETE FROM programs WHERE id = ?`).run(id);
}
