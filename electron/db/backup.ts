// Backups are copies of the SQLite file made by SQLite's online backup, so they are consistent
// even while the app writes. The copy goes to a temporary name first and is renamed into
// place only when complete, so a failed backup never leaves a half-written file.

import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../shared/api/errors';
import type { Workspace } from './workspace';

export async function backupDatabase(ws: Workspace, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  if (target === path.resolve(ws.file)) throw new ApiFailure('invalidInput', 'Резервную копию нельзя записать поверх самой базы');
  const temporary = `${target}.${process.pid}.partial`;
  try {
    await ws.sqlite.backup(temporary);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'папка не существует' : (error as Error).message;
    throw new ApiFailure('invalidInput', `Не удалось записать резервную копию «${target}»: ${reason}`);
  }
  return { file: target, bytes: statSync(target).size };
}
