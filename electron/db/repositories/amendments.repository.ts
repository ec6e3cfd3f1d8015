// Amendments (редакции): the legal acts that change a program, what each changed, and the
// program as it stood before and after each one.

import type { Amendment, AmendmentTarget, ProgramDetail } from '../../../shared/domain';
import { statement, type Workspace } from '../workspace';
import { loadProgramDetail } from './programDetail.repository';

export function listAmendments(ws: Workspace, programId: number): Amendment[] {
  return loadAmendments(ws, 'program_id = ?', programId);
}

export function getAmendment(ws: Workspace, amendmentId: number): (Amendment & { programId: number }) | null {
  const row = statement(ws, 'SELECT program_id FROM amendments WHERE id = ?').get(amendmentId) as { program_id: number } | undefined;
  if (!row) return null;
  return { ...loadAmendments(ws, 'id = ?', amendmentId)[0], programId: row.program_id };
}

function loadAmendments(ws: Workspace, where: string, param: number): Amendment[] {
  const rows = statement(ws, `SELECT * FROM amendments WHERE ${where} ORDER BY date, id`).all(param) as Record<string, unknown>[];
  const targets = statement(ws, 'SELECT entity, entity_id FROM amendment_targets WHERE amendment_id = ? ORDER BY id');
  return rows.map((row) => ({
    id: row.id as number,
    actKind: row.act_kind as string,
    issuer: row.issuer as string,
    number: row.number as string,
    date: row.date as string,
    title: row.title as string,
    status: row.status as Amendment['status'],
    targets: (targets.all(row.id) as { entity: AmendmentTarget['entity']; entity_id: number }[]).map((t) => ({
      entity: t.entity,
      entityId: t.entity_id,
    })),
  }));
}

export function openAmendmentId(ws: Workspace, programId: number): number | null {
  const row = statement(ws, `SELECT id FROM amendments WHERE program_id = ? AND status = 'open'`).get(programId) as { id: number } | undefined;
  return row?.id ?? null;
}

export function insertAmendment(ws: Workspace, programId: number, act: Omit<Amendment, 'id' | 'status' | 'targets'>): number {
  return Number(
    statement(ws, `INSERT INTO amendments (program_id, act_kind, issuer, number, date, title, status) VALUES (?, ?, ?, ?, ?, ?, 'open')`).run(
      programId,
      act.actKind,
      act.issuer,
      act.number,
      act.date,
      act.title,
    ).lastInsertRowid,
  );
}

export function closeAmendment(ws: Workspace, amendmentId: number): void {
  statement(ws, `UPDATE amendments SET status = 'closed' WHERE id = ?`).run(amendmentId);
}

export function addAmendmentTargets(ws: Workspace, amendmentId: number, targets: AmendmentTarget[]): void {
  const insert = statement(ws, 'INSERT OR IGNORE INTO amendment_targets (amendment_id, entity, entity_id) VALUES (?, ?, ?)');
  for (const target of targets) insert.run(amendmentId, target.entity, target.entityId);
}

export function saveEdition(ws: Workspace, programId: number, amendmentId: number, moment: 'before' | 'after'): void {
  const detail = loadProgramDetail(ws, programId)!;
  statement(ws, 'INSERT INTO editions (program_id, amendment_id, moment, taken_at, document) VALUES (?, ?, ?, ?, ?)').run(
    programId,
    amendmentId,
    moment,
    new Date().toISOString(),
    JSON.stringify(detail),
  );
}

export function listEditions(ws: Workspace, programId: number): { amendmentId: number; moment: 'before' | 'after'; takenAt: string }[] {
  return (
    statement(ws, 'SELECT amendment_id, moment, taken_at FROM editions WHERE program_id = ? ORDER BY id').all(programId) as {
      amendment_id: number;
      moment: 'before' | 'after';
      taken_at: string;
    }[]
  ).map((r) => ({ amendmentId: r.amendment_id, moment: r.moment, takenAt: r.taken_at }));
}

export function loadEdition(ws: Workspace, programId: number, amendmentId: number, moment: 'before' | 'after'): ProgramDetail | null {
  const row = statement(ws, 'SELECT document FROM editions WHERE program_id = ? AND amendment_id = ? AND moment = ? ORDER BY id DESC LIMIT 1').get(
    programId,
    amendmentId,
    moment,
  ) as { document: string } | undefined;
  return row ? (JSON.parse(row.document) as ProgramDetail) : null;
}
