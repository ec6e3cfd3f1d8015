// Opening the workspace file. better-sqlite3 is synchronous: a handler's reads and its one
// write transaction run to completion without interleaving, which is what keeps writes atomic.

import Database from 'better-sqlite3';

export type SqliteHandle = Database.Database;

export function openSqlite(file: string, options: { readonly?: boolean } = {}): SqliteHandle {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: a commit that returned has reached the disk, even if the laptop then loses power.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
