// The command line over the backups folder: `backups` lists it, `restore` keeps the replaced
// database in it under the same naming, and restores even a database too damaged to open.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFolderOf, takeBackup } from '../../electron/db/backupStore';
import { closeWorkspace } from '../../electron/db/workspace';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

const root = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let t: TestWorkspace;
let start: string;
let interval: string;

beforeAll(async () => {
  t = createTestWorkspace();
  await t.api('programs/create', { title: 'Цифровизация городской среды', periodStart: 2022, periodEnd: 2030 });
  start = (await takeBackup(t.ws, 'start', { now: new Date('2026-11-23T12:00:00Z') })).file;
  await t.api('programs/create', { title: 'Вторая программа', periodStart: 2024, periodEnd: 2026 });
  interval = (await takeBackup(t.ws, 'interval', { now: new Date('2026-11-23T12:15:00Z') })).file;
  closeWorkspace(t.ws);
});
afterAll(() => t.dispose());

describe('command line: backups and restore', () => {
  it('lists the automatic backups newest first', () => {
    const listed = cli('--db', t.file, 'backups', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { file: interval, takenAt: '2026-11-23T12:15:00.000Z', reason: 'interval', bytes: expect.any(Number) },
      { file: start, takenAt: '2026-11-23T12:00:00.000Z', reason: 'start', bytes: expect.any(Number) },
    ]);
    const text = cli('--db', t.file, 'backups');
    expect(text.stdout).toContain('по расписанию');
    const none = cli('--db', path.join(t.folder, 'none.sqlite'), 'backups', '--json');
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('restores, keeping the replaced database in the folder under the same naming', () => {
    const restored = cli('--db', t.file, 'restore', start, '--json');
    expect(restored.code).toBe(0);
    const { keptAs } = JSON.parse(restored.stdout);
    expect(path.dirname(keptAs)).toBe(backupFolderOf(t.file));
    expect(path.basename(keptAs)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-before-restore\.sqlite$/);
    expect(JSON.parse(cli('--db', t.file, 'programs', '--json').stdout)).toHaveLength(1);
    const listed = JSON.parse(cli('--db', t.file, 'backups', '--json').stdout);
    expect(listed[0]).toMatchObject({ file: keptAs, reason: 'before-restore' });
  });

  it('restores over a database too damaged to open, keeping the damaged file as it was', () => {
    writeFileSync(t.file, 'испорчено: это уже не база данных SQLite, но данные могли быть ценны');
    const damagedBytes = readFileSync(t.file);
    const restored = cli('--db', t.file, 'restore', interval, '--json');
    expect(restored.code).toBe(0);
    const { keptAs } = JSON.parse(restored.stdout);
    expect(path.basename(keptAs)).toMatch(/-damaged\.sqlite$/);
    expect(readFileSync(keptAs).equals(damagedBytes)).toBe(true);
    expect(JSON.parse(cli('--db', t.file, 'programs', '--json').stdout)).toHaveLength(2);
  });
});
