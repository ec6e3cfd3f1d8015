// The backups folder of a database: `<db>.backups/` beside it, one file a backup, named by the
// UTC moment it was taken and why — `2026-11-23T12-00-00Z-start.sqlite` — so the names sort in
// time order and the folder explains itself to whoever opens it. Automatic backups, the copy a
// restore keeps of the database it replaces, and a damaged database set aside all live here.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase } from './backup';
import { openSqlite, type SqliteHandle } from './sqlite';
import type { Workspace } from './workspace';

export const BACKUP_REASONS = ['start', 'interval', 'close', 'before-migration', 'before-restore', 'damaged'] as const;
/** Why a file is in the folder; `damaged` is not a backup but a database set aside as found. */
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: 'при запуске',
  interval: 'по расписанию',
  close: 'при закрытии',
  'before-migration': 'перед обновлением базы',
  'before-restore': 'перед восстановлением',
  damaged: 'повреждённая база, отложена',
};

/** «23.11.2026 15:00» in the officer's local time. */
export function formatBackupMoment(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface BackupEntry {
  file: string;
  takenAt: Date;
  reason: BackupReason;
  bytes: number;
}

export class BackupError extends Error {}

/** Kept whatever their number: the newest this many. */
export const KEEP_NEWEST = 10;
/** Kept for this many days: the newest backup of each day, and every before-restore/before-migration copy. */
export const KEEP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const PROTECTED: ReadonlySet<BackupReason> = new Set(['before-restore', 'before-migration']);

export function backupFolderOf(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), `${path.basename(databaseFile)}.backups`);
}

/** `2026-11-23T12-00-00Z-start.sqlite`; a second backup with the same second and reason gets `-2`. */
export function backupName(takenAt: Date, reason: BackupReason, sequence = 1): string {
  const stamp = `${takenAt.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;
  return `${stamp}-${reason}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

const NAME = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.sqlite$`);

function parseBackupName(name: string): { takenAt: Date; reason: BackupReason; sequence: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, reason, sequence] = match;
  const takenAt = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { takenAt, reason: reason as BackupReason, sequence: sequence ? Number(sequence) : 1 };
}

/**
 * The folder's backups, newest first. Files with other names (a copy the officer put there,
 * a half-written `.pending`) are not listed, and so never deleted by the retention rule.
 */
export function listBackups(databaseFile: string): BackupEntry[] {
  const folder = backupFolderOf(databaseFile);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const found: { entry: BackupEntry; sequence: number; writtenAt: number }[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    const stat = statSync(file);
    found.push({ entry: { file, takenAt: parsed.takenAt, reason: parsed.reason, bytes: stat.size }, sequence: parsed.sequence, writtenAt: stat.mtimeMs });
  }
  // Names carry whole seconds: within one second, the later written is the newer.
  found.sort((a, b) => b.entry.takenAt.getTime() - a.entry.takenAt.getTime() || b.sequence - a.sequence || b.writtenAt - a.writtenAt);
  return found.map((f) => f.entry);
}

/**
 * The retention rule, pure: which of these backups to delete at `now`. Kept: the newest
 * KEEP_NEWEST; the newest of each calendar day (UTC, as the names are) for today and the
 * KEEP_DAYS − 1 days before; every before-restore and before-migration copy younger than
 * KEEP_DAYS days. A damaged database set aside is not a backup and is never returned: only the
 * officer deletes it.
 */
export function backupsToDelete<B extends Pick<BackupEntry, 'takenAt' | 'reason'>>(backups: readonly B[], now: Date): B[] {
  const newestFirst = backups.filter((b) => b.reason !== 'damaged').sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set(newestFirst.slice(0, KEEP_NEWEST));
  const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);
  const today = dayOf(now);
  const daysKept = new Set<number>();
  for (const backup of newestFirst) {
    const day = dayOf(backup.takenAt);
    if (today - day < KEEP_DAYS && !daysKept.has(day)) {
      daysKept.add(day);
      keep.add(backup);
    }
    if (PROTECTED.has(backup.reason) && now.getTime() - backup.takenAt.getTime() < KEEP_DAYS * DAY_MS) keep.add(backup);
  }
  return newestFirst.filter((b) => !keep.has(b));
}

/**
 * What `PRAGMA integrity_check` finds wrong with a file, read through a read-only connection
 * (nothing is written, no checkpoint is run); null when the file is sound. A file SQLite cannot
 * open or read for another reason (locked, no permission) is not called damaged: that throws.
 */
export function integrityProblem(file: string): string | null {
  let db: SqliteHandle | undefined;
  try {
    db = openSqlite(file, { readonly: true });
    const findings = db.prepare('PRAGMA integrity_check(10)').pluck().all() as string[];
    return findings.length === 1 && findings[0] === 'ok' ? null : findings.join('; ');
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return `файл не читается как база данных (${(error as Error).message})`;
    throw error;
  } finally {
    db?.close();
  }
}

function freeName(databaseFile: string, takenAt: Date, reason: BackupReason): string {
  const folder = backupFolderOf(databaseFile);
  mkdirSync(folder, { recursive: true });
  for (let sequence = 1; ; sequence++) {
    const file = path.join(folder, backupName(takenAt, reason, sequence));
    if (!existsSync(file)) return file;
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

function entryOf(file: string): BackupEntry {
  const parsed = parseBackupName(path.basename(file))!;
  return { file, takenAt: parsed.takenAt, reason: parsed.reason, bytes: statSync(file).size };
}

/**
 * Puts a copy into the backups folder. `copy` writes a consistent copy (SQLite's online
 * backup) to the temporary path it is given; the copy is checked, made one self-contained file
 * (rollback journal instead of WAL, so reading it later leaves no -wal/-shm beside it), and
 * only then gets a backup's name.
 */
export async function saveBackup(
  databaseFile: string,
  reason: Exclude<BackupReason, 'damaged'>,
  copy: (temporaryFile: string) => Promise<unknown>,
  now = new Date(),
): Promise<BackupEntry> {
  const file = freeName(databaseFile, now, reason);
  const pending = `${file}.pending`;
  try {
    await copy(pending);
    const problem = integrityProblem(pending);
    if (problem) throw new BackupError(`Резервная копия базы не прошла проверку целостности: ${problem}`);
    const db = openSqlite(pending);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    renameSync(pending, file);
  } finally {
    removeWithSidecars(pending);
  }
  return entryOf(file);
}

/** A backup of the open workspace into its folder, then the retention rule applied to the folder. */
export async function takeBackup(ws: Workspace, reason: Exclude<BackupReason, 'damaged'>, options: { now?: Date } = {}): Promise<BackupEntry> {
  const now = options.now ?? new Date();
  const entry = await saveBackup(ws.file, reason, (temporaryFile) => backupDatabase(ws, temporaryFile), now);
  for (const old of backupsToDelete(listBackups(ws.file), now)) removeWithSidecars(old.file);
  return entry;
}

/**
 * Moves a damaged database (with its -wal, which may hold its latest commits, and -shm) into
 * the backups folder byte for byte, as `…-damaged.sqlite`. Returns where it went.
 */
export function setDamagedDatabaseAside(databaseFile: string, now = new Date()): string {
  const file = freeName(databaseFile, now, 'damaged');
  renameSync(databaseFile, file);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${databaseFile}${suffix}`)) renameSync(`${databaseFile}${suffix}`, `${file}${suffix}`);
  }
  return file;
}
