// The start of the app on every kind of file it may find: healthy, damaged, made by an older
// version, and one whose migration fails — never leaving the file worse than it was.

import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import { backupFolderOf, integrityProblem, listBackups, takeBackup } from '../../electron/db/backupStore';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/db/migrations';
import { openWorkspaceAtStart, restoreNewestGoodBackup, type StartResult } from '../../electron/db/openAtStart';
import { openSqlite, type SqliteHandle } from '../../electron/db/sqlite';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/db/workspace';
import type { BackupTimer } from '../../electron/db/backupScheduler';
import { enterRyazanProgram } from '../fixtures/ryazan';
import { createTestWorkspace } from '../support/testWorkspace';
import { corruptMiddlePages, removeTempFolders, tempFolder } from './files';

const T0 = new Date('2026-11-23T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(T0.getTime() + ms);
/** Nothing fires: these tests look at the start, not the schedule. */
const stillTimer: BackupTimer = { every: () => () => {} };
const startOptions = (now = T0) => ({ now: () => now, timer: stillTimer });

const opened: Workspace[] = [];
afterEach(() => {
  opened.splice(0).forEach((ws) => ws.sqlite.open && closeWorkspace(ws));
  removeTempFolders();
});

function expectOk(result: StartResult): Extract<StartResult, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}: ${result.message}`);
  opened.push(result.ws);
  return result;
}

const apiOn = (ws: Workspace) => createApiClient(createDispatch(createHandlerContext(ws), () => {}));

/** A real database with the Ryazan program, closed, in a folder of its own. */
async function ryazanFile(): Promise<{ file: string; programId: number; detail: unknown }> {
  const t = createTestWorkspace();
  const { programId } = await enterRyazanProgram(t.api);
  const detail = await t.api('programs/get', { programId });
  closeWorkspace(t.ws);
  const file = path.join(tempFolder(), 'munplan.sqlite');
  copyFileSync(t.file, file);
  t.dispose();
  return { file, programId, detail };
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

/** A database as version 1 of Munplan left it, with data, closed cleanly. */
function version1File(): string {
  const file = path.join(tempFolder(), 'munplan.sqlite');
  const db = openSqlite(file);
  migrate(db, 1);
  seedVersion1(db);
  db.close();
  return file;
}

function readOnly<T>(file: string, read: (db: SqliteHandle) => T): T {
  const db = openSqlite(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('openWorkspaceAtStart', () => {
  it('opens a healthy file as it is and starts the backups', async () => {
    const { file, programId, detail } = await ryazanFile();
    const result = expectOk(await openWorkspaceAtStart(file, startOptions()));
    expect(result.migrated).toBeNull();
    expect(await apiOn(result.ws)('programs/get', { programId })).toEqual(detail);
    expect(listBackups(file).map((b) => [path.basename(b.file), b.reason])).toEqual([['2026-11-23T12-00-00Z-start.sqlite', 'start']]);
    expect(await result.backups.close()).toBeNull();
  });

  it('creates a new file at the latest version, with no migration backup', async () => {
    const file = path.join(tempFolder(), 'new.sqlite');
    const result = expectOk(await openWorkspaceAtStart(file, startOptions()));
    expect(schemaVersion(result.ws.sqlite)).toBe(latestSchemaVersion);
    expect(result.migrated).toBeNull();
    expect(listBackups(file).map((b) => b.reason)).toEqual(['start']);
  });

  it('leaves a damaged file byte for byte as it is, and points to the newest good backup', async () => {
    const { file, programId, detail } = await ryazanFile();
    const ws = openWorkspace(file);
    const older = await takeBackup(ws, 'start', { now: T0 });
    const newer = await takeBackup(ws, 'interval', { now: at(HOUR) });
    const newest = await takeBackup(ws, 'interval', { now: at(2 * HOUR) });
    closeWorkspace(ws);
    corruptMiddlePages(newest.file);
    corruptMiddlePages(file);
    expect(integrityProblem(file)).not.toBeNull();
    const damagedBytes = readFileSync(file);
    const backupsBefore = listBackups(file);

    const result = await openWorkspaceAtStart(file, startOptions(at(3 * HOUR)));
    expect(result).toMatchObject({ status: 'damaged', file, newestGoodBackup: newer.file });
    expect(result.status === 'damaged' && result.message).toMatch(/^База данных «.+» повреждена и не открыта; файл оставлен как есть/);
    expect(result.status === 'damaged' && result.message).toMatch(/Можно восстановить последнюю исправную резервную копию от \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(readFileSync(file).equals(damagedBytes)).toBe(true);
    expect(listBackups(file)).toEqual(backupsBefore);

    // The officer accepts: the good backup comes back, the damaged file is kept aside as found.
    const restored = await restoreNewestGoodBackup(file, { now: at(3 * HOUR) });
    expect(restored.restoredFrom.file).toBe(newer.file);
    expect(restored.keptAs).toBe(path.join(backupFolderOf(file), '2026-11-23T15-00-00Z-damaged.sqlite'));
    expect(readFileSync(restored.keptAs!).equals(damagedBytes)).toBe(true);
    const reopened = expectOk(await openWorkspaceAtStart(file, startOptions(at(3 * HOUR))));
    expect(await apiOn(reopened.ws)('programs/get', { programId })).toEqual(detail);
    expect(listBackups(file).map((b) => b.file)).toEqual(expect.arrayContaining([older.file, newer.file, newest.file, restored.keptAs]));
  });

  it('says so when no backup is good', async () => {
    const { file } = await ryazanFile();
    corruptMiddlePages(file);
    const result = await openWorkspaceAtStart(file, startOptions());
    expect(result).toMatchObject({ status: 'damaged', newestGoodBackup: null });
    expect(result.status === 'damaged' && result.message).toMatch(/Исправных резервных копий этой базы нет/);
    await expect(restoreNewestGoodBackup(file)).rejects.toThrow(/нет исправной резервной копии/);
    expect(existsSync(file)).toBe(true);
  });

  it('backs up a file made by an older version, then migrates it', async () => {
    const file = version1File();
    const result = expectOk(await openWorkspaceAtStart(file, startOptions()));
    expect(result.migrated).toEqual({ from: 1, to: latestSchemaVersion, backup: path.join(backupFolderOf(file), '2026-11-23T12-00-00Z-before-migration.sqlite') });
    expect(schemaVersion(result.ws.sqlite)).toBe(latestSchemaVersion);
    // Migration 2's work on the old data: the part takes the single source of its amounts.
    expect(result.ws.sqlite.prepare('SELECT source FROM nodes WHERE id = 1').pluck().get()).toBe('local');
    expect(result.ws.sqlite.prepare('SELECT kopecks FROM financing').pluck().all()).toEqual([680685333]);

    // The backup is the database as the old version left it.
    readOnly(result.migrated!.backup, (backup) => {
      expect(schemaVersion(backup)).toBe(1);
      expect(backup.prepare('SELECT kopecks FROM financing').pluck().all()).toEqual([680685333]);
      expect(backup.prepare(`SELECT count(*) FROM pragma_table_info('nodes') WHERE name = 'source'`).pluck().get()).toBe(0);
    });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['start', 'before-migration']);
  });

  it('leaves the old file untouched when a migration fails — every step of the start, not only the failing one', async () => {
    const file = version1File();
    const bytesBefore = readFileSync(file);
    const failing = new Map(migrations);
    failing.set(latestSchemaVersion + 1, (db) => {
      db.exec(`ALTER TABLE programs ADD COLUMN note TEXT; DELETE FROM financing;`);
      throw new Error('сбой посреди миграции');
    });

    const result = await openWorkspaceAtStart(file, { ...startOptions(), migrations: failing });
    expect(result.status).toBe('migrationFailed');
    if (result.status !== 'migrationFailed') return;
    expect(result.message).toContain(`Не удалось обновить базу данных до версии ${latestSchemaVersion + 1}: сбой посреди миграции.`);
    expect(result.message).toContain('База осталась в версии 1 без изменений.');
    expect(result.message).toContain(`Копия базы перед обновлением: «${result.backup}».`);
    expect(path.basename(result.backup!)).toBe('2026-11-23T12-00-00Z-before-migration.sqlite');

    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
    readOnly(file, (db) => {
      expect(schemaVersion(db)).toBe(1);
      expect(db.prepare('SELECT kopecks FROM financing').pluck().all()).toEqual([680685333]);
      // Migration 2 succeeded before the failing step, and was rolled back with it.
      expect(db.prepare(`SELECT count(*) FROM pragma_table_info('nodes') WHERE name = 'source'`).pluck().get()).toBe(0);
    });
    // No start backup: the app did not start on this file.
    expect(listBackups(file).map((b) => b.reason)).toEqual(['before-migration']);

    // The same file opens normally with this version's own migrations.
    expectOk(await openWorkspaceAtStart(file, startOptions(at(HOUR))));
  });

  it('backs up an SQLite file of another program before touching it, and leaves it as it was when it does not fit', async () => {
    const file = path.join(tempFolder(), 'other.sqlite');
    const db = openSqlite(file);
    db.exec(`CREATE TABLE programs (name TEXT); INSERT INTO programs VALUES ('чужая таблица');`);
    db.close();
    const bytesBefore = readFileSync(file);
    const result = await openWorkspaceAtStart(file, startOptions());
    expect(result.status).toBe('migrationFailed');
    expect(result.status === 'migrationFailed' && result.message).toMatch(/База осталась в версии 0 без изменений/);
    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
    expect(listBackups(file).map((b) => b.reason)).toEqual(['before-migration']);
  });

  it('refuses a file made by a newer version without changing it', async () => {
    const file = path.join(tempFolder(), 'munplan.sqlite');
    const db = openSqlite(file);
    migrate(db);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const bytesBefore = readFileSync(file);
    const result = await openWorkspaceAtStart(file, startOptions());
    expect(result).toMatchObject({ status: 'migrationFailed', backup: null });
    expect(result.status === 'migrationFailed' && result.message).toMatch(/более новой версией Munplan/);
    expect(readFileSync(file).equals(bytesBefore)).toBe(true);
    expect(listBackups(file)).toEqual([]);
  });
});
