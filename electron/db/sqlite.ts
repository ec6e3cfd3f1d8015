// Opening the workspace file. better-sqlite3 is synchronous: a handler's reads and its one
// write transaction run to completion without interleaving, which is what keeps writes atomic.

import Database from 'better-sqlite3';

export type SqliteHandle = Database.Database;

export interface OpenSqliteOptions {
  readonly?: boolean;
  /** A better_sqlite3.node built for this process's ABI; absent: the process-wide one. */
  nativeBinding?: string;
}

// The desktop app runs better-sqlite3 under Electron's ABI from a separately built binary, while
// node_modules keeps the build for Node (tests, CLI). The choice is per process, so it is made
// once at start-up and every opener (restore, backups) follows it without passing it along.
let processNativeBinding: string | undefined;

/** Makes every later openSqlite load better-sqlite3 from this file (undefined: its own build). */
export function useNativeBinding(file: string | undefined): void {
  processNativeBinding = file;
}

export function openSqlite(file: string, options: OpenSqliteOptions = {}): SqliteHandle {
  const nativeBinding = options.nativeBinding ?? processNativeBinding;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a commit that returned has reached the disk, even if the laptop then loses power.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
