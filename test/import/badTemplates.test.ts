// Files the import must refuse: text or a sixth decimal in an amount cell, a truncated or empty
// file, text under an .xlsx name, a table Munplan cannot recognise. Each refusal is a Russian
// message naming the file, the place and what was expected; the database is left exactly as
// it was, through the API (code invalidInput) and on the command line (exit 1, no stack trace).

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWorkspace } from '../../electron/db/workspace';
import { ApiCallError } from '../../shared/api/client';
import { enterRyazanProgram } from '../fixtures/ryazan';
import { badTemplates, type BadTemplate } from '../fixtures/templates/badTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import { base64 } from './ryazanImportChecks';

const root = path.resolve(import.meta.dirname, '../..');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let t: TestWorkspace;
let programId: number;
let templates: BadTemplate[];

beforeAll(async () => {
  t = createTestWorkspace();
  // Something to keep: a whole program already in the database.
  programId = (await enterRyazanProgram(t.api)).programId;
  templates = await badTemplates();
});
afterAll(() => t?.dispose());

const byCase = (name: string) => templates.find((b) => b.case === name)!;

describe.each([
  'text in an amount cell (DOCX)',
  'a sixth decimal written as text (XLSX)',
  'a sixth decimal kept as a number (XLSX)',
  'text in an amount cell (CSV)',
  'a truncated DOCX (the first half of its bytes)',
  'an empty file',
  'a text file named .xlsx',
  'a table Munplan cannot recognise (an address list)',
])('refuses %s', (name) => {
  it.each([null, 'existing'] as const)('into %s program: invalidInput naming the file and the place; nothing written', async (target) => {
    const bad = byCase(name);
    const before = snapshotTables(t.ws);
    const attempt = t.api('import/preview', { fileName: bad.fileName, data: base64(bad.bytes), programId: target === null ? null : programId });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiCallError);
    const { code, message, details } = (error as ApiCallError).error;
    expect(code).toBe('invalidInput');
    for (const piece of bad.mentions) expect(message).toContain(piece);
    expect(message).toMatch(/^[^a-zA-Z]*Файл|^В файле|^Не удалось прочитать файл/);
    expect(message).not.toMatch(STACK_LINE);
    if (details) expect(details[0].where).toMatch(/строка \d+/);
    expect(snapshotTables(t.ws)).toEqual(before);
  });
});

describe('on the command line', () => {
  // Every refusal takes the same way out (invalidInput → exit 1); two spawns show it, the API
  // cases above cover each file.
  it.each(['text in an amount cell (DOCX)', 'a truncated DOCX (the first half of its bytes)'])('%s: exit 1, the message on stderr, no stack trace, the database unchanged', (name) => {
    const bad = byCase(name);
    const file = path.join(t.folder, bad.fileName);
    writeFileSync(file, bad.bytes);
    const before = snapshotTables(t.ws);
    closeWorkspace(t.ws);
    const run = cli('--db', t.file, 'import', file, '--json');
    t.reopen();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    for (const piece of bad.mentions) expect(run.stderr).toContain(piece);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toMatch(/ImportFileError|Error:/);
    // A refusal, not an internal failure: nothing went to the error log beside the database.
    expect(existsSync(`${t.file}.errors.log`)).toBe(false);
    expect(snapshotTables(t.ws)).toEqual(before);
  });
});
