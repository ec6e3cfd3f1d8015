import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWorkspace } from '../../electron/db/workspace';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

const root = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let t: TestWorkspace;
let programId: number;

beforeAll(async () => {
  t = createTestWorkspace();
  const uo = await t.api('organisations/create', { name: 'УОиМП' });
  const program = await t.api('programs/create', { title: 'Цифровизация городской среды', periodStart: 2022, periodEnd: 2030 });
  programId = program.id;
  const task = await t.api('nodes/create', { programId, parentId: null, kind: 'task', code: '1.', title: 'Задача 1' });
  const main = await t.api('nodes/create', { programId, parentId: task.id, kind: 'mainActivity', code: '1.1', title: 'Основное мероприятие 1.1' });
  const activity = await t.api('nodes/create', { programId, parentId: main.id, kind: 'activity', code: '1.1.2', title: 'Мероприятие 1.1.2', executors: [{ organisationId: uo.id, label: null }] });
  await t.api('financing/set-year', { nodeId: activity.id, year: 2022, source: 'local', organisationId: uo.id, amount: '325,10' });
  await t.api('financing/set-year', { nodeId: activity.id, year: 2023, source: 'local', organisationId: uo.id, amount: '6806,85333' });
  closeWorkspace(t.ws);
});
afterAll(() => t.dispose());

describe('command line', () => {
  it('lists programs as JSON, creating a missing database file', () => {
    const fresh = cli('--db', path.join(t.folder, 'new.sqlite'), 'programs', '--json');
    expect(fresh).toMatchObject({ code: 0 });
    expect(JSON.parse(fresh.stdout)).toEqual([]);
    const listed = JSON.parse(cli('--db', t.file, 'programs', '--json').stdout);
    expect(listed).toEqual([expect.objectContaining({ id: programId, title: 'Цифровизация городской среды', totalKopecks: 713_195_333 })]);
  });

  it('prints totals as exact decimal strings', () => {
    const result = cli('--db', t.file, 'totals', '--program', String(programId), '--json');
    expect(result.code).toBe(0);
    const totals = JSON.parse(result.stdout);
    expect(totals.years).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(totals.program).toMatchObject({ years: { '2022': '325.10', '2023': '6806.85333' }, total: '7131.95333' });
    expect(totals.nodes.find((n: { code: string }) => n.code === '1.1')).toMatchObject({
      kind: 'mainActivity',
      total: '7131.95333',
      byExecutor: [expect.objectContaining({ executor: 'УОиМП', total: '7131.95333' })],
    });
  });

  it('shows the whole program and its findings', () => {
    const shown = JSON.parse(cli('--db', t.file, 'show', '--program', String(programId), '--json').stdout);
    expect(shown.nodes.map((n: { code: string }) => n.code)).toEqual(['1.', '1.1', '1.1.2']);
    const check = cli('--db', t.file, 'check', '--program', String(programId), '--json');
    expect(check.code).toBe(0);
    expect(Array.isArray(JSON.parse(check.stdout))).toBe(true);
  });

  it('says what is wrong with exit 1 for bad input and 2 for bad usage, never a stack trace', () => {
    const missing = cli('--db', t.file, 'show', '--program', '999', '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Программа с номером 999 не найдена');
    const unknown = cli('--db', t.file, 'no-such-command');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Неизвестная команда «no-such-command»');
    expect(cli('programs').code).toBe(2);
    expect(cli('--db', t.file, 'totals').code).toBe(2);
    expect(cli('--db', t.file, 'totals', '--program', 'abc').code).toBe(2);
    const notJson = cli('--db', t.file, 'import-json', path.join(root, 'README.md'));
    expect(notJson.code).toBe(1);
    for (const result of [missing, unknown, notJson]) expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('round-trips a program through export-json and import-json', () => {
    const file = path.join(t.folder, 'program.json');
    expect(cli('--db', t.file, 'export-json', '--program', String(programId), '--out', file).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'munplan.program', version: 1 });
    const other = path.join(t.folder, 'other.sqlite');
    const imported = cli('--db', other, 'import-json', file, '--json');
    expect(imported.code).toBe(0);
    const newId = JSON.parse(imported.stdout).programId;
    const a = JSON.parse(cli('--db', t.file, 'totals', '--program', String(programId), '--json').stdout);
    const b = JSON.parse(cli('--db', other, 'totals', '--program', String(newId), '--json').stdout);
    expect(b.program).toEqual(a.program);
    expect(cli('--db', t.file, 'export-json', '--program', String(programId), '--out', path.join(t.folder, 'no', 'such', 'dir.json')).code).toBe(1);
  });

  it('backs up and restores, keeping the replaced database', () => {
    const db = path.join(t.folder, 'restore.sqlite');
    const program = path.join(t.folder, 'program.json');
    cli('--db', t.file, 'export-json', '--program', String(programId), '--out', program);
    cli('--db', db, 'import-json', program);
    const before = cli('--db', db, 'programs', '--json').stdout;
    const backup = path.join(t.folder, 'backup.sqlite');
    expect(cli('--db', db, 'backup', '--out', backup).code).toBe(0);
    cli('--db', db, 'import-json', program);
    expect(JSON.parse(cli('--db', db, 'programs', '--json').stdout)).toHaveLength(2);
    const restored = cli('--db', db, 'restore', backup, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).keptAs).toMatch(/-before-restore\.sqlite$/);
    expect(cli('--db', db, 'programs', '--json').stdout).toBe(before);
    const bad = cli('--db', db, 'restore', path.join(root, 'README.md'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/не является базой данных Munplan/);
  });
});
