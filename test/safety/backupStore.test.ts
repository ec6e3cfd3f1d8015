// Backups on real files: names, verification, rotation in the folder, and restores that bring
// back the exact state while keeping the database they replace.

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backupFolderOf,
  backupsToDelete,
  BackupError,
  integrityProblem,
  listBackups,
  saveBackup,
  takeBackup,
} from '../../electron/db/backupStore';
import { newestGoodBackup, restoreDatabase, RestoreError } from '../../electron/db/restore';
import { openSqlite } from '../../electron/db/sqlite';
import { closeWorkspace } from '../../electron/db/workspace';
import { enterRyazanProgram } from '../fixtures/ryazan';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';
import { corruptMiddlePages, removeTempFolders, tempFolder } from './files';

const HOUR = 60 * 60 * 1000;
const T0 = new Date('2026-11-23T12:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const workspaces: TestWorkspace[] = [];
afterEach(() => {
  workspaces.splice(0).forEach((t) => t.dispose());
  removeTempFolders();
});

async function ryazanWorkspace(): Promise<TestWorkspace & { programId: number }> {
  const t = createTestWorkspace();
  workspaces.push(t);
  const { programId } = await enterRyazanProgram(t.api);
  return Object.assign(t, { programId });
}

const namesIn = (folder: string) => readdirSync(folder).sort();

describe('takeBackup', () => {
  it('writes a verified, self-contained copy named by its UTC moment and reason', async () => {
    const t = await ryazanWorkspace();
    const backup = await takeBackup(t.ws, 'start', { now: T0 });
    expect(backup.file).toBe(path.join(backupFolderOf(t.file), '2026-11-23T12-00-00Z-start.sqlite'));
    expect(backup).toMatchObject({ reason: 'start', takenAt: T0 });
    expect(backup.bytes).toBeGreaterThan(0);
    expect(integrityProblem(backup.file)).toBeNull();
    // Not WAL: reading the backup leaves nothing beside it.
    expect(namesIn(backupFolderOf(t.file))).toEqual(['2026-11-23T12-00-00Z-start.sqlite']);
    const copy = openSqlite(backup.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();

    const again = await takeBackup(t.ws, 'start', { now: T0 });
    expect(path.basename(again.file)).toBe('2026-11-23T12-00-00Z-start-2.sqlite');
    await takeBackup(t.ws, 'interval', { now: later(15 * 60_000) });
    expect(listBackups(t.file).map((b) => [path.basename(b.file), b.reason])).toEqual([
      ['2026-11-23T12-15-00Z-interval.sqlite', 'interval'],
      ['2026-11-23T12-00-00Z-start-2.sqlite', 'start'],
      ['2026-11-23T12-00-00Z-start.sqlite', 'start'],
    ]);
  });

  it('never gives a backup name to a copy that fails the check', async () => {
    const t = await ryazanWorkspace();
    const writeGarbage = async (file: string) => writeFileSync(file, Buffer.alloc(8192, 0x5a));
    await expect(saveBackup(t.file, 'interval', writeGarbage, T0)).rejects.toThrow(BackupError);
    await expect(saveBackup(t.file, 'interval', writeGarbage, T0)).rejects.toThrow(/не прошла проверку целостности/);
    expect(namesIn(backupFolderOf(t.file))).toEqual([]);
  });

  it('rotates the folder on real files: the newest 10, one a day for 30 days, nothing else', async () => {
    const t = await ryazanWorkspace();
    const folder = backupFolderOf(t.file);
    // Twenty days of a backup every 12 hours.
    for (let i = 0; i < 40; i++) await takeBackup(t.ws, 'interval', { now: later(i * 12 * HOUR) });
    writeFileSync(path.join(folder, 'notes.txt'), 'мои заметки');
    copyFileSync(listBackups(t.file)[0].file, path.join(folder, 'my-copy.sqlite'));
    const kept = listBackups(t.file);
    // 10 newest (the last 5 days, twice a day) + the newest of each of the 15 days before.
    expect(kept).toHaveLength(25);
    expect(backupsToDelete(kept, later(39 * 12 * HOUR))).toEqual([]);
    expect(kept.slice(10).every((b) => b.takenAt.getUTCHours() === 12)).toBe(true);

    // A copy kept by a restore on day 10, then the next backup after a 40-day gap.
    const restoreCopy = await saveBackup(t.file, 'before-restore', (file) => t.ws.sqlite.backup(file), later(20 * 12 * HOUR + HOUR));
    const afterGap = later(39 * 12 * HOUR + 40 * 24 * HOUR);
    await takeBackup(t.ws, 'interval', { now: afterGap });
    const left = listBackups(t.file);
    expect(left).toHaveLength(10);
    expect(left[0].takenAt).toEqual(afterGap);
    expect(left.map((b) => b.file)).not.toContain(restoreCopy.file);
    expect(left.every((b) => existsSync(b.file))).toBe(true);
    // Files the folder holds under other names are never the rule's to delete.
    expect(namesIn(folder)).toEqual(expect.arrayContaining(['notes.txt', 'my-copy.sqlite']));
    expect(namesIn(folder)).toHaveLength(12);
  });
});

describe('restoreDatabase', () => {
  it('brings back the exact state of the backup and keeps the replaced database as a backup', async () => {
    const t = await ryazanWorkspace();
    const stateA = await t.api('programs/get', { programId: t.programId });
    const backup = await takeBackup(t.ws, 'interval', { now: T0 });

    const activity = stateA.nodes.find((n) => n.kind === 'activity' && !stateA.nodes.some((c) => c.parentId === n.id))!;
    await t.api('financing/set-year', { nodeId: activity.id, year: 2024, source: 'local', organisationId: null, amount: '123,45678' });
    await t.api('nodes/create', { programId: t.programId, parentId: null, kind: 'task', code: '9.', title: 'Задача, добавленная после копии' });
    const stateB = await t.api('programs/get', { programId: t.programId });
    expect(stateB).not.toEqual(stateA);
    closeWorkspace(t.ws);

    const { keptAs } = await restoreDatabase(t.file, backup.file, { now: later(HOUR) });
    expect(keptAs).toBe(path.join(backupFolderOf(t.file), '2026-11-23T13-00-00Z-before-restore.sqlite'));
    expect(listBackups(t.file).map((b) => b.reason)).toEqual(['before-restore', 'interval']);
    t.reopen();
    expect(await t.api('programs/get', { programId: t.programId })).toEqual(stateA);

    // The kept copy is a backup like any other: restoring it brings back what it replaced.
    closeWorkspace(t.ws);
    await restoreDatabase(t.file, keptAs!, { now: later(2 * HOUR) });
    t.reopen();
    expect(await t.api('programs/get', { programId: t.programId })).toEqual(stateB);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const t = await ryazanWorkspace();
    const backup = await takeBackup(t.ws, 'interval', { now: T0 });
    const damaged = await takeBackup(t.ws, 'interval', { now: later(HOUR) });
    closeWorkspace(t.ws);
    corruptMiddlePages(damaged.file);
    expect(integrityProblem(damaged.file)).not.toBeNull();
    const before = readFileSync(t.file);

    await expect(restoreDatabase(t.file, damaged.file)).rejects.toThrow(RestoreError);
    expect(readFileSync(t.file).equals(before)).toBe(true);
    expect(listBackups(t.file).map((b) => b.file)).toEqual([damaged.file, backup.file]);
    // The newest good backup passes over it.
    expect(newestGoodBackup(t.file)?.file).toBe(backup.file);
  });

  it('refuses a file that is not a Munplan database', async () => {
    const folder = tempFolder();
    const target = path.join(folder, 'work.sqlite');
    const text = path.join(folder, 'notes.sqlite');
    writeFileSync(text, 'это не база данных');
    await expect(restoreDatabase(target, text)).rejects.toThrow(/не является базой данных Munplan/);
    expect(existsSync(target)).toBe(false);
  });
});
