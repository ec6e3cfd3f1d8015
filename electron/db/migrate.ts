// Brings a database file up to the latest schema, one numbered migration at a time, each in
// its own transaction: a migration that fails leaves the file at the version before it.

import type { SqliteHandle } from './sqlite';
import { latestSchemaVersion, migrations } from './migrations';

export class MigrationError extends Error {
  constructor(
    readonly fromVersion: number,
    readonly failedVersion: number,
    cause: unknown,
  ) {
    super(
      `Не удалось обновить базу данных до версии ${failedVersion}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        `База осталась в версии ${fromVersion} без изменений.`,
    );
  }
}

export function schemaVersion(db: SqliteHandle): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: SqliteHandle,
  target = latestSchemaVersion,
  registry: ReadonlyMap<number, (db: SqliteHandle) => void> = migrations,
): void {
  const from = schemaVersion(db);
  if (from > latestSchemaVersion) {
    throw new Error(
      `Файл базы данных создан более новой версией Munplan (схема ${from}, эта версия знает до ${latestSchemaVersion}). Обновите программу.`,
    );
  }
  for (let version = from + 1; version <= target; version++) {
    const step = registry.get(version);
    if (!step) throw new Error(`Нет миграции до версии ${version}`);
    // Foreign keys are checked at commit, so a migration may rebuild tables in any order.
    const run = db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      step(db);
      db.pragma(`user_version = ${version}`);
    });
    try {
      run();
    } catch (error) {
      throw new MigrationError(version - 1, version, error);
    }
  }
}
