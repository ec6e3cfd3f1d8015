// Opening the workspace when the app starts, so that no start can make things worse:
// 1. an existing file is checked (PRAGMA integrity_check) through a read-only connection; a
//    damaged file is reported and left exactly as it is — no writer opens it, so no WAL
//    checkpoint and no migration touches it — with the newest good backup to offer;
// 2. a file made by an older version is backed up, then migrated in ONE transaction: every
//    step is a savepoint inside it, so a failure at any step leaves the file as it was;
// 3. the automatic backups start (one now, then every 15 minutes with changes).

import { existsSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { formatBackupMoment, integrityProblem, takeBackup, type BackupEntry } from './backupStore';
import { BackupScheduler, type BackupSchedulerOptions } from './backupScheduler';
import { migrate, MigrationError, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { newestGoodBackup, restoreDatabase, RestoreError } from './restore';
import { openSqlite, type SqliteHandle } from './sqlite';
import type { DatabaseSchema } from './tables';
import type { Workspace } from './workspace';

export interface StartOptions extends BackupSchedulerOptions {
  /** The migrations to bring the file up to; tests inject a failing one. */
  migrations?: ReadonlyMap<number, (db: SqliteHandle) => void>;
}

export type StartResult =
  | {
      status: 'ok';
      ws: Workspace;
      /** Started: call `await backups.close()` before closing the workspace. */
      backups: BackupScheduler;
      /** Set when the file was made by an older version and has just been brought up to date. */
      migrated: { from: number; to: number; backup: string } | null;
    }
  | { status: 'damaged'; file: string; message: string; newestGoodBackup: string | null }
  /** The file is as it was before the start; `backup` is the copy taken before trying. */
  | { status: 'migrationFailed'; file: string; message: string; backup: string | null };

function damaged(file: string, problem: string): StartResult {
  const newest = newestGoodBackup(file);
  const offer = newest
    ? ` Можно восстановить последнюю исправную резервную копию от ${formatBackupMoment(newest.takenAt)}; повреждённый файл при этом будет сохранён в папке резервных копий.`
    : ' Исправных резервных копий этой базы нет.';
  return {
    status: 'damaged',
    file,
    message: `База данных «${file}» повреждена и не открыта; файл оставлен как есть (проверка целостности: ${problem}).${offer}`,
    newestGoodBackup: newest?.file ?? null,
  };
}

function migrationFailed(file: string, error: unknown, fromVersion: number, backup: BackupEntry | null): StartResult {
  // Each step's MigrationError names the version before that step; inside the one transaction
  // of the start every step rolled back, so the file is at the version it started with.
  const reason =
    error instanceof MigrationError
      ? error.message.replace(/База осталась в версии \d+ без изменений\./, `База осталась в версии ${fromVersion} без изменений.`)
      : (error as Error).message;
  return { status: 'migrationFailed', file, message: backup ? `${reason} Копия базы перед обновлением: «${backup.file}».` : reason, backup: backup?.file ?? null };
}

export async function openWorkspaceAtStart(file: string, options: StartOptions = {}): Promise<StartResult> {
  const registry = options.migrations ?? migrations;
  const latest = Math.max(...registry.keys());
  const now = options.now ?? (() => new Date());

  if (existsSync(file)) {
    const problem = integrityProblem(file);
    if (problem !== null) return damaged(file, problem);
  }

  const sqlite = openSqlite(file);
  try {
    const ws: Workspace = { file, sqlite, sql: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) }) };
    const version = schemaVersion(sqlite);
    let backup: BackupEntry | null = null;
    // An empty file has nothing to lose; a newer one is refused by migrate untouched.
    const empty = version === 0 && sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get() === 0;
    if (!empty && version < latest) {
      try {
        backup = await takeBackup(ws, 'before-migration', { now: now() });
      } catch (error) {
        sqlite.close();
        return {
          status: 'migrationFailed',
          file,
          message: `Базу данных нужно обновить до версии ${latest}, но сделать резервную копию перед обновлением не удалось: ${(error as Error).message}. База не изменена.`,
          backup: null,
        };
      }
    }
    try {
      if (version !== latest) sqlite.transaction(() => migrate(sqlite, latest, registry)).immediate();
    } catch (error) {
      sqlite.close();
      return migrationFailed(file, error, version, backup);
    }
    const backups = new BackupScheduler(ws, options);
    await backups.start();
    return { status: 'ok', ws, backups, migrated: backup ? { from: version, to: latest, backup: backup.file } : null };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    throw error;
  }
}

/**
 * The «restore» answer to a damaged start: the newest good backup replaces the file, and the
 * damaged file (with its -wal) is moved into the backups folder as `…-damaged.sqlite`, never
 * deleted. Open the workspace again afterwards with openWorkspaceAtStart.
 */
export async function restoreNewestGoodBackup(file: string, options: { now?: Date } = {}): Promise<{ restoredFrom: BackupEntry; keptAs: string | null }> {
  const backup = newestGoodBackup(file);
  if (!backup) throw new RestoreError(`Для базы «${file}» нет исправной резервной копии: восстанавливать не из чего.`);
  const { keptAs } = await restoreDatabase(file, backup.file, options);
  return { restoredFrom: backup, keptAs };
}
