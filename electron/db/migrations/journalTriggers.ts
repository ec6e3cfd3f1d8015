// Row-change journaling by triggers, so that every write — including ones a handler makes
// indirectly — is captured for undo/redo and the audit trail without each repository having to
// remember it. A migration that adds columns to a journaled table calls this again for it.

import type { SqliteHandle } from '../sqlite';

/** SQL building a row's JSON image from its current columns; `alias` names the row. */
export function rowImage(db: SqliteHandle, table: string, alias: string): string {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return `json_object(${columns.map(({ name }) => `'${name}', ${alias}."${name}"`).join(', ')})`;
}

export function installJournalTriggers(db: SqliteHandle, tables: string[]): void {
  for (const table of tables) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      db.exec(`DROP TRIGGER IF EXISTS journal_${table}_${event}`);
    }
    const editId = `(SELECT edit_id FROM journal_state WHERE id = 1)`;
    const active = `WHEN ${editId} IS NOT NULL`;
    db.exec(`
      CREATE TRIGGER journal_${table}_insert AFTER INSERT ON ${table} ${active} BEGIN
        INSERT INTO edit_changes (edit_id, tbl, row_id, before, after)
        VALUES (${editId}, '${table}', NEW.id, NULL, ${rowImage(db, table, 'NEW')});
      END;
      CREATE TRIGGER journal_${table}_update AFTER UPDATE ON ${table} ${active} BEGIN
        INSERT INTO edit_changes (edit_id, tbl, row_id, before, after)
        VALUES (${editId}, '${table}', NEW.id, ${rowImage(db, table, 'OLD')}, ${rowImage(db, table, 'NEW')});
      END;
      CREATE TRIGGER journal_${table}_delete AFTER DELETE ON ${table} ${active} BEGIN
        INSERT INTO edit_changes (edit_id, tbl, row_id, before, after)
        VALUES (${editId}, '${table}', OLD.id, ${rowImage(db, table, 'OLD')}, NULL);
      END;
    `);
  }
}
