// Real files for the data-safety tests: temporary folders, and damage done the way a failing
// disk does it — garbage in the middle of a database file.

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const folders: string[] = [];

export function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-safety-'));
  folders.push(folder);
  return folder;
}

/** For afterEach: removes every folder tempFolder made. */
export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Overwrites the middle third of the file's pages with (reproducible) garbage. */
export function corruptMiddlePages(file: string): void {
  const bytes = readFileSync(file);
  const sizeField = bytes.readUInt16BE(16);
  const pageSize = sizeField === 1 ? 65536 : sizeField;
  const pages = Math.floor(bytes.length / pageSize);
  if (pages < 6) throw new Error(`corruptMiddlePages: «${file}» has only ${pages} pages`);
  const garbage = Buffer.alloc(pageSize);
  let state = 0x2545f491;
  for (let i = 0; i < garbage.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    garbage[i] = state >>> 24;
  }
  const handle = openSync(file, 'r+');
  try {
    for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page++) writeSync(handle, garbage, 0, pageSize, page * pageSize);
  } finally {
    closeSync(handle);
  }
}
