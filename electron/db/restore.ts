// Restoring replaces the workspace file with a backup. The backup is checked before anything
// is touched, and the database being replaced is first kept in the backups folder: a sound one
// as a verified `…-before-restore.sqlite` copy, a damaged one moved aside as found.

import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion } from './migrations';
import { openSqlite } from './sqlite';
import { schemaVersion } from './migrate';
import { integrityProblem, listBackups, saveBackup, setDamagedDatabaseAside, type BackupEntry } from './backupStore';

export class RestoreError extends Error {}

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

/** The newest backup in the database's folder that passes verifyDatabaseFile, or null. */
export function newestGoodBackup(databaseFile: string): BackupEntry | null {
  for (const backup of listBackups(databaseFile)) {
    if (backup.reason === 'damaged') continue;
    try {
      verifyDatabaseFile(backup.file);
      return backup;
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
    }
  }
  return null;
}

async function keepReplacedDatabase(databaseFile: string, now: Date): Promise<string | null> {
  if (!existsSync(databaseFile)) return null;
  if (integrityProblem(databaseFile) !== null) return setDamagedDatabaseAside(databaseFile, now);
  const current = openSqlite(databaseFile, { readonly: true });
  try {
    return (await saveBackup(databaseFile, 'before-restore', (temporaryFile) => current.backup(temporaryFile), now)).file;
  } finally {
    current.close();
  }
}

/**
 * Replaces the (closed) database file with the backup. Returns where the replaced file was
 * kept. The caller must have closed every connection to `databaseFile`.
 */
export async function restoreDatabase(databaseFile: string, backupFile: string, options: { now?: Date } = {}): Promise<{ keptAs: string | null }> {
  const source = path.resolve(backupFile);
  const target = path.resolve(databaseFile);
  if (source === target) throw new RestoreError('Нельзя восстановить базу из неё самой');
  verifyDatabaseFile(source);
  const keptAs = await keepReplacedDatabase(target, options.now ?? new Date());
  const temporary = `${target}.restore-partial`;
  copyFileSync(source, temporary);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(temporary, target);
  return { keptAs };
}
