// The programs a user's machine would open our files with: LibreOffice for DOCX and XLSX,
// poppler for PDF. Each test file passes its own LibreOffice profile name, so parallel test
// workers never share (and lock) a profile.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where tests leave files for a person to look at (ignored by git). */
export function outputDir(): string {
  const dir = resolve('test-output/reports');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Converts files with headless LibreOffice (`format`: 'pdf' or a CSV filter string) into
 * `outDir`, and returns the paths of the results; throws if any is missing.
 */
export async function convertWithLibreOffice(files: string[], format: string, outDir: string, profile: string): Promise<string[]> {
  const profileDir = join(tmpdir(), `lo-profile-${profile}-${process.pid}`);
  try {
    await run('soffice', [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], { timeout: 120_000 });
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
  const extension = format.split(':')[0];
  return files.map((file) => {
    const converted = join(outDir, `${basename(file, extname(file))}.${extension}`);
    if (!existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${extension}`);
    return converted;
  });
}

export async function pdfToText(file: string, pages?: { first: number; last: number }): Promise<string> {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  const { stdout } = await run('pdftotext', ['-layout', ...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(stdout.split('\n').filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  }));
}

/** pdffonts' table: one entry per font with its name and whether it is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name … emb sub uni object ID: emb is the fifth column from the end.
      return { name: columns[0], embedded: columns[columns.length - 5] === 'yes' };
    });
}

/** Renders one page as PNG (60 dpi) for a person to look at; returns its path. */
export async function pdfPageToPng(file: string, page: number, pngBase: string): Promise<string> {
  await run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, pngBase]);
  return `${pngBase}.png`;
}

/** Text lines of a page that are not blank. */
export function nonBlankLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
