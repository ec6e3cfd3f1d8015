// A workspace is one SQLite file: the synchronous handle that runs statements and the Kysely
// builder that writes them type-checked. Queries are compiled by Kysely and run by
// better-sqlite3 directly, so a handler stays synchronous and its transaction atomic.

import { Kysely, SqliteDialect, type Compilable } from 'kysely';
import type { DatabaseSchema } from './tables';
import type { Statement } from 'better-sqlite3';
import { openSqlite, type SqliteHandle } from './sqlite';
import { migrate } from './migrate';

export interface Workspace {
  readonly file: string;
  readonly sqlite: SqliteHandle;
  readonly sql: Kysely<DatabaseSchema>;
}

export function openWorkspace(file: string, options: { nativeBinding?: string } = {}): Workspace {
  const sqlite = openSqlite(file, { nativeBinding: options.nativeBinding });
  try {
    migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { file, sqlite, sql: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}

export function closeWorkspace(workspace: Workspace): void {
  workspace.sqlite.close();
}

// Prepared statements are reused per SQL text: a grid edit runs the same few statements.
const statementCache = new WeakMap<SqliteHandle, Map<string, Statement>>();

export function statement(ws: Workspace, sql: string): Statement {
  let cache = statementCache.get(ws.sqlite);
  if (!cache) statementCache.set(ws.sqlite, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = ws.sqlite.prepare(sql)));
  return prepared;
}

export function all<Row>(ws: Workspace, query: Compilable<Row>): Row[] {
  const { sql, parameters } = query.compile();
  return statement(ws, sql).all(...(parameters as unknown[])) as Row[];
}

export function first<Row>(ws: Workspace, query: Compilable<Row>): Row | undefined {
  const { sql, parameters } = query.compile();
  return statement(ws, sql).get(...(parameters as unknown[])) as Row | undefined;
}

/** Runs a write; returns the new row id for an insert. */
export function run(ws: Workspace, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const { sql, parameters } = query.compile();
  const result = statement(ws, sql).run(...(parameters as unknown[]));
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}
