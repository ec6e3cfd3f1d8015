import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, schemaVersion } from '../../electron/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/db/migrations';
import { openSqlite, type SqliteHandle } from '../../electron/db/sqlite';
import { openWorkspace, closeWorkspace } from '../../electron/db/workspace';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function tempFile(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-migrations-'));
  folders.push(folder);
  return path.join(folder, 'workspace.sqlite');
}

function seedVersion1(db: SqliteHandle): void {
  db.exec(`
    INSERT INTO organisations (id, name) VALUES (1, 'УЭиЦР');
    INSERT INTO programs (id, title, level, status, period_start, period_end, created_at, updated_at)
      VALUES (1, 'Цифровизация городской среды', 'municipal', 'active', 2022, 2030, '2024-01-01', '2024-01-01');
    INSERT INTO nodes (id, program_id, parent_id, kind, code, title, position) VALUES (1, 1, NULL, 'task', '1.', 'Задача 1', 0);
    INSERT INTO financing (node_id, year, source, organisation_id, kopecks) VALUES (1, 2023, 'local', 1, 680685333);
  `);
}

/** What each migration must have done to the version-1 data. */
const afterVersion: Record<number, (db: SqliteHandle) => void> = {
  2: (db) => {
    // A part whose amounts all come from one source takes it as its own; the journal sees the new column.
    expect(db.prepare('SELECT source FROM nodes WHERE id = 1').pluck().get()).toBe('local');
    db.exec(`UPDATE journal_state SET edit_id = 1; INSERT INTO edits (id, at, action, summary, state) VALUES (1, '', 't', 't', 'done');
             UPDATE nodes SET source = 'none' WHERE id = 1; UPDATE journal_state SET edit_id = NULL;`);
    const change = db.prepare(`SELECT after FROM edit_changes WHERE tbl = 'nodes'`).pluck().get() as string;
    expect(JSON.parse(change).source).toBe('none');
    db.exec(`UPDATE nodes SET source = 'local' WHERE id = 1; DELETE FROM edit_changes; DELETE FROM edits;`);
  },
};

describe('migrations', () => {
  it('are numbered 1…n without gaps', () => {
    expect([...migrations.keys()]).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
  });

  it('each applies on top of the previous version with data in it', () => {
    const db = openSqlite(tempFile());
    for (let version = 1; version <= latestSchemaVersion; version++) {
      migrate(db, version);
      expect(schemaVersion(db)).toBe(version);
      if (version === 1) seedVersion1(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT kopecks FROM financing').pluck().all()).toEqual([680685333]);
      afterVersion[version]?.(db);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leave the database untouched when one fails, and say so', () => {
    const file = tempFile();
    const db = openSqlite(file);
    migrate(db, 1);
    seedVersion1(db);
    migrate(db);
    const failing = new Map(migrations);
    failing.set(latestSchemaVersion + 1, (handle) => {
      handle.exec(`ALTER TABLE programs ADD COLUMN note TEXT; DELETE FROM financing;`);
      throw new Error('сбой посреди миграции');
    });
    expect(() => migrate(db, latestSchemaVersion + 1, failing)).toThrow(MigrationError);
    expect(() => migrate(db, latestSchemaVersion + 1, failing)).toThrow(`База осталась в версии ${latestSchemaVersion} без изменений`);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare('SELECT kopecks FROM financing').pluck().all()).toEqual([680685333]);
    expect(db.prepare(`SELECT count(*) FROM pragma_table_info('programs') WHERE name = 'note'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a file made by a newer version', () => {
    const file = tempFile();
    const db = openSqlite(file);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    expect(() => openWorkspace(file)).toThrow(/более новой версией Munplan/);
  });

  it('open a new file in WAL mode with foreign keys on', () => {
    const ws = openWorkspace(tempFile());
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    closeWorkspace(ws);
  });
});
