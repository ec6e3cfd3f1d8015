// A damaged database at start: main.ts leaves it as found, offers the newest good backup in a
// native message box, and on «Восстановить из копии» opens the restored file.

import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import { listBackups, takeBackup } from '../../electron/db/backupStore';
import { closeWorkspace, openWorkspace } from '../../electron/db/workspace';
import { ipcEvent } from './electronStandIn';

const stand = await vi.hoisted(async () => (await import('./electronStandIn')).createElectronStandIn());
vi.mock('electron', () => stand.electron);

let root: string;
let databaseFile: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'munplan-damaged-'));
  Object.assign(stand.paths, { appRoot: path.join(root, 'app'), userData: path.join(root, 'userData'), documents: root });
  mkdirSync(stand.paths.userData);
  databaseFile = path.join(stand.paths.userData, 'munplan.sqlite');

  // A database with one program and a good backup of it; then the file is broken.
  const ws = openWorkspace(databaseFile);
  await createDispatch(createHandlerContext(ws))('programs/create', { title: 'Из резервной копии', periodStart: 2022, periodEnd: 2024 });
  await takeBackup(ws, 'interval', { now: new Date(Date.now() - 60_000) });
  closeWorkspace(ws);
  const fd = openSync(databaseFile, 'r+');
  writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
  closeSync(fd);

  const main = await import('../../electron/main');
  await main.started;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a damaged database at start', () => {
  it('is reported in a message box that offers the newest good backup', () => {
    expect(stand.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = (stand.electron.dialog.showMessageBox.mock.calls[0] as unknown[]).at(-1) as { message: string; detail: string; buttons: string[] };
    expect(options.message).toMatch(/повреждена.*Восстановить/);
    expect(options.detail).toContain(databaseFile);
    expect(options.buttons).toEqual(['Восстановить из копии', 'Не восстанавливать']);
  });

  it('is restored from that backup when the officer agrees, and kept aside as found', async () => {
    const window = stand.windows[0];
    const listed = await stand.handlers.get('munplan:invoke')!(ipcEvent(window.webContents.id, { url: 'app://munplan/index.html', parent: null }), 'programs/list', {});
    expect(listed.ok && listed.result.map((p: { title: string }) => p.title)).toEqual(['Из резервной копии']);
    expect(listBackups(databaseFile).map((b) => b.reason)).toContain('damaged');
    expect(stand.electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
