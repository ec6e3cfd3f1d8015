import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeReportFile } from '../../../electron/reports/render/writeReportFile';

// The real file system, with a way to make one call fail as Windows or a full disk would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeReportFile', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'munplan-report-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    vi.mocked(fs.open).mockClear();
    vi.mocked(fs.rename).mockClear();
  });

  it('writes the bytes and leaves no temporary file', async () => {
    const path = join(folder, 'Таблица 4.docx');
    await writeReportFile(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(folder)).toEqual(['Таблица 4.docx']);
  });

  it('replaces an existing file whole', async () => {
    const path = join(folder, 'report.pdf');
    writeFileSync(path, 'old contents, longer than the new ones');
    await writeReportFile(path, new TextEncoder().encode('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['report.pdf']);
  });

  it('names the path and the cause in Russian when the folder does not exist', async () => {
    const path = join(folder, 'нет такой папки', 'report.xlsx');
    await expect(writeReportFile(path, new Uint8Array([1]))).rejects.toThrow(`Не удалось записать файл «${path}»: папка не существует`);
  });

  it('says the folder is not writable when it may not create files there', async () => {
    vi.mocked(fs.open).mockRejectedValueOnce(systemError('EACCES'));
    const path = join(folder, 'report.docx');
    await expect(writeReportFile(path, new Uint8Array([1]))).rejects.toThrow(`Не удалось записать файл «${path}»: нет доступа к папке`);
  });

  it('keeps the old file and removes the temporary one when the replacement fails', async () => {
    const path = join(folder, 'report.docx');
    writeFileSync(path, 'old');
    // Windows refuses to replace a file that Word holds open.
    vi.mocked(fs.rename).mockRejectedValueOnce(systemError('EBUSY'));
    await expect(writeReportFile(path, new TextEncoder().encode('new'))).rejects.toThrow(
      `Не удалось записать файл «${path}»: файл открыт в другой программе или защищён от записи`,
    );
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['report.docx']);
  });
});
