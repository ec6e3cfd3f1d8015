// Every migration, numbered, in one explicit map: the number is the schema version it produces.

import type { SqliteHandle } from '../sqlite';
import { migrate001 } from './001_initial';
import { migrate002 } from './002_node_source';

export const migrations: ReadonlyMap<number, (db: SqliteHandle) => void> = new Map([
  [1, migrate001],
  [2, migrate002],
]);

export const latestSchemaVersion = Math.max(...migrations.keys());
