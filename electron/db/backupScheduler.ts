// Automatic backups of the open workspace: one at start, then every 15 minutes if the database
// changed since the last one, and a last one on close if it changed. The clock and the timer
// are injected, so a test runs a day of the schedule in milliseconds.
//
// «Changed» is read from SQLite itself, as two counters taken together:
// - `PRAGMA data_version` moves when another connection commits to the file (a command-line
//   run while the app is open);
// - `total_changes()` counts the rows this connection inserted, updated or deleted, trigger
//   writes included, so it also sees undo and redo, which rewrite rows without adding an edit.
// The max edit id would miss exactly those (undo/redo, writes outside the journal). A change
// that was rolled back still counts: at worst one backup too many, never one too few.

import type { Statement } from 'better-sqlite3';
import { takeBackup, type BackupEntry } from './backupStore';
import type { Workspace } from './workspace';

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface BackupTimer {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => unknown): () => void;
}

export const systemTimer: BackupTimer = {
  every(ms, tick) {
    const handle = setInterval(tick, ms);
    // A pending backup never keeps the process alive; close() takes the last one.
    handle.unref();
    return () => clearInterval(handle);
  },
};

export interface BackupSchedulerOptions {
  intervalMs?: number;
  now?: () => Date;
  timer?: BackupTimer;
  /** Each backup taken, for the shell's status line. */
  onBackup?: (backup: BackupEntry) => void;
  /** A backup that failed (disk full, folder not writable): the app goes on, the next tick retries. */
  onError?: (error: unknown) => void;
}

export class BackupScheduler {
  private readonly intervalMs: number;
  private readonly now: () => Date;
  private readonly timer: BackupTimer;
  private readonly onBackup: (backup: BackupEntry) => void;
  private readonly onError: (error: unknown) => void;
  private readonly totalChanges: Statement<[], number>;
  private cancelTimer: (() => void) | null = null;
  private running: Promise<BackupEntry | null> | null = null;
  /** The change counters as they were when the last backup began; null: no backup yet. */
  private backedUpAt: string | null = null;
  private lastBackup: BackupEntry | null = null;

  constructor(
    private readonly ws: Workspace,
    options: BackupSchedulerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
    this.now = options.now ?? (() => new Date());
    this.timer = options.timer ?? systemTimer;
    this.onBackup = options.onBackup ?? (() => {});
    this.onError = options.onError ?? ((error) => console.error('Резервная копия не сделана:', error));
    this.totalChanges = ws.sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  }

  /** The newest backup this scheduler took. */
  get last(): BackupEntry | null {
    return this.lastBackup;
  }

  /** Takes the start backup and arms the timer. */
  async start(): Promise<BackupEntry | null> {
    if (this.cancelTimer) throw new Error('BackupScheduler уже запущен');
    this.cancelTimer = this.timer.every(this.intervalMs, () => this.backup('interval', { onlyIfChanged: true }));
    return this.backup('start', { onlyIfChanged: false });
  }

  /** True when the database changed since the last backup began. */
  changedSinceLastBackup(): boolean {
    return this.changeMark() !== this.backedUpAt;
  }

  /** Disarms the timer; no further automatic backups. */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Disarms the timer and takes a last backup if anything changed. Call before closing the workspace. */
  async close(): Promise<BackupEntry | null> {
    this.stop();
    await this.running;
    return this.backup('close', { onlyIfChanged: true });
  }

  private changeMark(): string {
    return `${this.ws.sqlite.pragma('data_version', { simple: true })}/${this.totalChanges.get()}`;
  }

  private backup(reason: 'start' | 'interval' | 'close', { onlyIfChanged }: { onlyIfChanged: boolean }): Promise<BackupEntry | null> {
    // A tick that comes while a backup is still being written waits for the next tick.
    if (this.running) return this.running;
    if (onlyIfChanged && !this.changedSinceLastBackup()) return Promise.resolve(null);
    // Marked before copying: a change made while the copy runs is caught by the next backup.
    const mark = this.changeMark();
    this.running = takeBackup(this.ws, reason, { now: this.now() })
      .then(
        (backup) => {
          this.backedUpAt = mark;
          this.lastBackup = backup;
          this.onBackup(backup);
          return backup;
        },
        (error: unknown) => {
          this.onError(error);
          return null;
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
