// Checks that a request's ids name things that exist and belong together, so a handler fails
// with a sentence a person understands instead of a foreign-key error.

import { ApiFailure } from '../../../shared/api/errors';
import { first, type Workspace } from '../../db/workspace';

export function requireProgram(ws: Workspace, programId: number): { id: number; periodStart: number; periodEnd: number; title: string } {
  const row = first(ws, ws.sql.selectFrom('programs').select(['id', 'period_start', 'period_end', 'title']).where('id', '=', programId));
  if (!row) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
  return { id: row.id, periodStart: row.period_start, periodEnd: row.period_end, title: row.title };
}

export function requireNode(ws: Workspace, nodeId: number): { id: number; programId: number; parentId: number | null; code: string; title: string } {
  const row = first(ws, ws.sql.selectFrom('nodes').select(['id', 'program_id', 'parent_id', 'code', 'title']).where('id', '=', nodeId));
  if (!row) throw new ApiFailure('notFound', `Часть программы с номером ${nodeId} не найдена`);
  return { id: row.id, programId: row.program_id, parentId: row.parent_id, code: row.code, title: row.title };
}

export function requireNodeOf(ws: Workspace, programId: number, nodeId: number): ReturnType<typeof requireNode> {
  const node = requireNode(ws, nodeId);
  if (node.programId !== programId) throw new ApiFailure('conflict', `Часть программы ${nodeId} относится к другой программе`);
  return node;
}

export function requireIndicator(ws: Workspace, indicatorId: number): { id: number; programId: number; name: string } {
  const row = first(ws, ws.sql.selectFrom('indicators').select(['id', 'program_id', 'name']).where('id', '=', indicatorId));
  if (!row) throw new ApiFailure('notFound', `Показатель с номером ${indicatorId} не найден`);
  return { id: row.id, programId: row.program_id, name: row.name };
}

export function requireOrganisations(ws: Workspace, ids: Iterable<number | null>): void {
  for (const id of new Set(ids)) {
    if (id === null) continue;
    if (!first(ws, ws.sql.selectFrom('organisations').select('id').where('id', '=', id))) {
      throw new ApiFailure('notFound', `Организация с номером ${id} не найдена`);
    }
  }
}

export function requireYearInPeriod(program: { periodStart: number; periodEnd: number }, year: number, where = ''): void {
  if (year < program.periodStart || year > program.periodEnd) {
    throw new ApiFailure(
      'invalidInput',
      `${where}${year} год вне срока программы (${program.periodStart}–${program.periodEnd})`,
    );
  }
}
