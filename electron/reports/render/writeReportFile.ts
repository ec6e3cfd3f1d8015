// Saves a rendered report so that the target is either the old file or the complete new one:
// the bytes go to a temporary file in the same folder (same disk, so the rename is atomic),
// reach the disk (fsync), and only then replace the target. Errors name the file and the
// cause in Russian, for the officer who chose the path.

import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

type Step = 'create' | 'write' | 'replace';

export async function writeReportFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (step: Step, error: unknown) => new Error(`Не удалось записать файл «${path}»: ${reason(step, error)}`, { cause: error });

  let file;
  try {
    file = await open(temporary, 'wx');
  } catch (error) {
    throw fail('create', error);
  }
  try {
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw fail('write', error);
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw fail('replace', error);
  }
}

function reason(step: Step, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'папка не существует';
    case 'ENOTDIR':
      return 'в пути к папке есть файл с таким именем';
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      // Renaming over a file fails like this on Windows while Word or Excel holds it open.
      return step === 'replace' ? 'файл открыт в другой программе или защищён от записи' : 'нет доступа к папке';
    case 'EISDIR':
      return 'на этом месте уже есть папка с таким именем';
    case 'EROFS':
      return 'диск доступен только для чтения';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'на диске не хватает места';
    case 'ENAMETOOLONG':
      return 'слишком длинное имя файла';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
