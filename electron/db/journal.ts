// Every user action is one edit: one SQLite transaction whose row changes the triggers record
// (see migrations/journalTriggers.ts). Undo replays an edit's before-images in reverse, redo
// its after-images forward; both run with recording switched off, inside one transaction.

import { rowImage } from './migrations/journalTriggers';
import type { Workspace } from './workspace';
import { statement } from './workspace';

export interface EditInfo {
  action: string;
  summary: string;
  programId: number | null;
}

export interface EditRecord extends EditInfo {
  id: number;
  at: string;
  amendmentId: number | null;
  state: 'done' | 'undone' | 'discarded';
}

function openAmendmentOf(ws: Workspace, programId: number | null): number | null {
  if (programId === null) return null;
  const row = statement(ws, `SELECT id FROM amendments WHERE program_id = ? AND status = 'open'`).get(programId) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

/**
 * Runs `change` as one edit in one transaction. A throw rolls back everything, the edit row
 * included. Making a new edit discards the redo stack, as in every editor.
 */
export function inEdit<T>(ws: Workspace, info: EditInfo, change: (editId: number) => T): T {
  return ws.sqlite.transaction(() => {
    statement(ws, `UPDATE edits SET state = 'discarded' WHERE state = 'undone'`).run();
    const amendmentId = openAmendmentOf(ws, info.programId);
    const editId = Number(
      statement(
        ws,
        `INSERT INTO edits (at, program_id, amendment_id, action, summary, state) VALUES (?, ?, ?, ?, ?, 'done')`,
      ).run(new Date().toISOString(), info.programId, amendmentId, info.action, info.summary).lastInsertRowid,
    );
    statement(ws, `UPDATE journal_state SET edit_id = ? WHERE id = 1`).run(editId);
    try {
      const result = change(editId);
      // An edit that changed nothing leaves no trace in the undo stack.
      const changed = statement(ws, `SELECT 1 FROM edit_changes WHERE edit_id = ? LIMIT 1`).get(editId);
      if (!changed) statement(ws, `DELETE FROM edits WHERE id = ?`).run(editId);
      return result;
    } finally {
      statement(ws, `UPDATE journal_state SET edit_id = NULL WHERE id = 1`).run();
    }
  }).immediate();
}

/**
 * Runs `insert`, which only adds rows, with the per-row triggers paused, then journals every
 * row it added with one set-based statement per table — the same row images the triggers
 * would have written, at a fraction of the cost when a whole program of 200 000 rows is
 * created. New rows get ids above each table's current largest, which is how they are found.
 */
export function journalInsertsInBulk<T>(ws: Workspace, insert: () => T): T {
  const { edit_id: editId } = statement(ws, 'SELECT edit_id FROM journal_state WHERE id = 1').get() as { edit_id: number | null };
  if (editId === null) return insert();
  const tables = (
    statement(ws, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'journal_*_insert' ORDER BY rowid`).all() as { name: string }[]
  ).map(({ name }) => name.slice('journal_'.length, -'_insert'.length));
  const largestBefore = new Map(tables.map((table) => [table, (ws.sqlite.prepare(`SELECT ifnull(max(id), 0) AS id FROM "${table}"`).get() as { id: number }).id]));
  statement(ws, 'UPDATE journal_state SET edit_id = NULL WHERE id = 1').run();
  let result: T;
  try {
    result = insert();
  } finally {
    statement(ws, 'UPDATE journal_state SET edit_id = ? WHERE id = 1').run(editId);
  }
  for (const table of tables) {
    ws.sqlite
      .prepare(
        `INSERT INTO edit_changes (edit_id, tbl, row_id, before, after)
         SELECT ?, '${table}', id, NULL, ${rowImage(ws.sqlite, table, `"${table}"`)} FROM "${table}" WHERE id > ? ORDER BY id`,
      )
      .run(editId, largestBefore.get(table));
  }
  return result;
}

interface ChangeRow {
  tbl: string;
  row_id: number;
  before: string | null;
  after: string | null;
}

// Table names come from our own triggers, never from input; still, replay only known tables.
function assertJournaled(ws: Workspace, table: string): void {
  const known = statement(ws, `SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(`journal_${table}_insert`);
  if (!known) throw new Error(`Журнал изменений повреждён: неизвестная таблица ${table}`);
}

function applyImage(ws: Workspace, table: string, rowId: number, image: string | null): void {
  assertJournaled(ws, table);
  if (image === null) {
    ws.sqlite.prepare(`DELETE FROM "${table}" WHERE id = ?`).run(rowId);
    return;
  }
  const values = JSON.parse(image) as Record<string, unknown>;
  const columns = Object.keys(values);
  const exists = ws.sqlite.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(rowId);
  if (exists) {
    ws.sqlite
      .prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`)
      .run(...columns.map((c) => values[c]), rowId);
  } else {
    ws.sqlite
      .prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => values[c]));
  }
}

function replay(ws: Workspace, editId: number, direction: 'undo' | 'redo'): void {
  const changes = statement(ws, `SELECT tbl, row_id, before, after FROM edit_changes WHERE edit_id = ? ORDER BY id`).all(
    editId,
  ) as ChangeRow[];
  if (direction === 'undo') changes.reverse();
  ws.sqlite.pragma('defer_foreign_keys = ON');
  for (const change of changes) {
    applyImage(ws, change.tbl, change.row_id, direction === 'undo' ? change.before : change.after);
  }
}

function toRecord(row: Record<string, unknown>): EditRecord {
  return {
    id: row.id as number,
    at: row.at as string,
    action: row.action as string,
    summary: row.summary as string,
    programId: row.program_id as number | null,
    amendmentId: row.amendment_id as number | null,
    state: row.state as EditRecord['state'],
  };
}

/** Undoes the latest edit still done; null when there is nothing to undo. */
export function undoLast(ws: Workspace): EditRecord | null {
  return ws.sqlite.transaction(() => {
    const edit = statement(ws, `SELECT * FROM edits WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as
      | Record<string, unknown>
      | undefined;
    if (!edit) return null;
    replay(ws, edit.id as number, 'undo');
    statement(ws, `UPDATE edits SET state = 'undone' WHERE id = ?`).run(edit.id);
    return toRecord({ ...edit, state: 'undone' });
  }).immediate();
}

/** Redoes the earliest undone edit; null when there is nothing to redo. */
export function redoNext(ws: Workspace): EditRecord | null {
  return ws.sqlite.transaction(() => {
    const edit = statement(ws, `SELECT * FROM edits WHERE state = 'undone' ORDER BY id ASC LIMIT 1`).get() as
      | Record<string, unknown>
      | undefined;
    if (!edit) return null;
    replay(ws, edit.id as number, 'redo');
    statement(ws, `UPDATE edits SET state = 'done' WHERE id = ?`).run(edit.id);
    return toRecord({ ...edit, state: 'done' });
  }).immediate();
}

export function listEdits(ws: Workspace, programId: number | null, limit: number): EditRecord[] {
  const rows = (
    programId === null
      ? statement(ws, `SELECT * FROM edits ORDER BY id DESC LIMIT ?`).all(limit)
      : statement(ws, `SELECT * FROM edits WHERE program_id = ? ORDER BY id DESC LIMIT ?`).all(programId, limit)
  ) as Record<string, unknown>[];
  return rows.map(toRecord);
}

export function canUndoRedo(ws: Workspace): { canUndo: boolean; canRedo: boolean } {
  return {
    canUndo: !!statement(ws, `SELECT 1 FROM edits WHERE state = 'done' LIMIT 1`).get(),
    canRedo: !!statement(ws, `SELECT 1 FROM edits WHERE state = 'undone' LIMIT 1`).get(),
  };
}
