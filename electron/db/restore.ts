// Restoring replaces the workspace file with a backup. The file being replaced is first kept
// as a backup of its own, and the backup is checked before anything is touched.

import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion } from './migrations';
import { openSqlite } from './sqlite';
import { schemaVersion } from './migrate';

export class RestoreError extends Error {}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
}

export function backupFolderOf(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), `${path.basename(databaseFile)}.backups`);
}

/** Checks that a file is a sound Munplan database this version can open. */
export function verifyDatabaseFile(file: string): void {
  let db;
  try {
    db = openSqlite(file, { readonly: true });
  } catch {
    throw new RestoreError(`«${file}» не является базой данных Munplan или недоступен`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new RestoreError(`Копия «${file}» повреждена (проверка целостности: ${String(check)})`);
    const version = schemaVersion(db);
    if (version === 0 || !db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'programs'`).get()) {
      throw new RestoreError(`«${file}» не является базой данных Munplan`);
    }
    if (version > latestSchemaVersion) throw new RestoreError(`Копия «${file}» создана более новой версией Munplan`);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`«${file}» не является базой данных Munplan`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the (closed) database file with the backup. Returns where the replaced file was
 * kept. The caller must have closed every connection to `databaseFile`.
 */
export async function restoreDatabase(databaseFile: string, backupFile: string): Promise<{ keptAs: string | null }> {
  const source = path.resolve(backupFile);
  const target = path.resolve(databaseFile);
  if (source === target) throw new RestoreError('Нельзя восстановить базу из неё самой');
  verifyDatabaseFile(source);
  let keptAs: string | null = null;
  try {
    const current = openSqlite(target, { readonly: true });
    try {
      const folder = backupFolderOf(target);
      mkdirSync(folder, { recursive: true });
      keptAs = path.join(folder, `before-restore-${timestamp()}.sqlite`);
      await current.backup(keptAs);
    } finally {
      current.close();
    }
  } catch (error) {
    // No current database (first start or deleted): nothing to keep.
    if ((error as NodeJS.ErrnoException).code !== 'SQLITE_CANTOPEN') throw error;
  }
  const temporary = `${target}.restore-partial`;
  copyFileSync(source, temporary);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(temporary, target);
  return { keptAs };
}
