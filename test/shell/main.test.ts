// The main process end to end, with Electron's objects replaced by minimal stand-ins (no
// Electron binary runs here): main.ts starts, opens the real workspace file in a temporary
// user data folder, and its IPC handlers answer through the real handler table — but only the
// app's own window and top frame.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../shared/api/errors';
import { listBackups } from '../../electron/db/backupStore';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/windowOptions';
import { ipcEvent, type Listener } from './electronStandIn';

const stand = await vi.hoisted(async () => (await import('./electronStandIn')).createElectronStandIn());
vi.mock('electron', () => stand.electron);

const { electron } = stand;
let root: string;
let window: (typeof stand.windows)[number];

const appEvent = (frame: { url: string; parent: unknown } | null, webContentsId = window.webContents.id) => ipcEvent(webContentsId, frame);
const ourFrame = () => appEvent({ url: 'app://munplan/index.html', parent: null });

function invoke(event: unknown, name: string, request: unknown): Promise<ApiResponse<any>> {
  return stand.handlers.get('munplan:invoke')!(event, name, request);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'munplan-main-'));
  Object.assign(stand.paths, { appRoot: path.join(root, 'app'), userData: path.join(root, 'userData'), documents: path.join(root, 'documents') });
  mkdirSync(path.join(stand.paths.appRoot, 'dist', 'renderer'), { recursive: true });
  mkdirSync(stand.paths.userData);
  mkdirSync(stand.paths.documents);
  writeFileSync(path.join(stand.paths.appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Munplan</title>');
  writeFileSync(path.join(stand.paths.appRoot, 'package.json'), '{"secret": true}');
  const main = await import('../../electron/main');
  await main.started;
  window = stand.windows[0];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('main process start', () => {
  it('holds the single-instance lock and opens one window over the app scheme', () => {
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(stand.appListeners.has('second-instance')).toBe(true);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(stand.windows).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://munplan/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: path.join(stand.paths.appRoot, 'dist', 'electron', 'preload.cjs'),
    });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
  });

  it('opens the workspace in the user data folder', () => {
    expect(existsSync(path.join(stand.paths.userData, 'munplan.sqlite'))).toBe(true);
    expect(window.title).toBe('Munplan — munplan.sqlite');
  });

  it('registers the three channels of the bridge and no other', () => {
    expect([...stand.handlers.keys()].sort()).toEqual(['munplan:invoke', 'munplan:open-file', 'munplan:save-file']);
  });
});

describe('the invoke channel', () => {
  it('answers our window through the real handler table', async () => {
    expect(await invoke(ourFrame(), 'programs/list', {})).toEqual({ ok: true, result: [] });
    const created = await invoke(ourFrame(), 'programs/create', { title: 'Развитие образования', periodStart: 2022, periodEnd: 2030 });
    expect(created).toMatchObject({ ok: true, result: { title: 'Развитие образования' } });
    const listed = await invoke(ourFrame(), 'programs/list', {});
    expect(listed.ok && listed.result.map((p: { title: string }) => p.title)).toEqual(['Развитие образования']);
  });

  it('passes on the dispatcher’s refusal of an unknown name', async () => {
    expect(await invoke(ourFrame(), 'fs/read', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
  });

  it('refuses a subframe, another page and another web contents, and runs nothing for them', async () => {
    const foreign = [
      appEvent({ url: 'app://munplan/index.html', parent: { url: 'app://munplan/index.html', parent: null } }),
      appEvent({ url: 'https://example.org/', parent: null }),
      appEvent({ url: 'devtools://devtools/bundled/inspector.html', parent: null }),
      appEvent({ url: 'about:blank', parent: null }),
      appEvent({ url: 'app://munplan/index.html', parent: null }, window.webContents.id + 1),
      appEvent(null),
    ];
    for (const event of foreign) {
      const answer = await invoke(event, 'programs/create', { title: 'Чужая программа', periodStart: 2022, periodEnd: 2024 });
      expect(answer).toEqual({ ok: false, error: { code: 'invalidRequest', message: 'Запрос отклонён: он пришёл не из окна Munplan' } });
    }
    const listed = await invoke(ourFrame(), 'programs/list', {});
    expect(listed.ok && listed.result).toHaveLength(1);
  });
});

describe('the dialog channels', () => {
  it('reads a chosen template for our window, offering only template files', async () => {
    const file = path.join(root, 'шаблон.csv');
    writeFileSync(file, 'Наименование;2022\nМероприятие;1 000,00\n');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const picked = await stand.handlers.get('munplan:open-file')!(ourFrame(), { kind: 'template' });
    expect(picked).toEqual({ status: 'picked', fileName: 'шаблон.csv', data: Buffer.from('Наименование;2022\nМероприятие;1 000,00\n').toString('base64') });
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ filters: [{ name: 'Шаблоны', extensions: ['docx', 'xlsx', 'csv'] }], properties: ['openFile'] }),
    );
  });

  it('opens no dialog for a foreign frame or a request outside the bridge', async () => {
    electron.dialog.showOpenDialog.mockClear();
    const foreign = appEvent({ url: 'https://example.org/', parent: null });
    expect(await stand.handlers.get('munplan:open-file')!(foreign, { kind: 'template' })).toMatchObject({ status: 'refused' });
    expect(await stand.handlers.get('munplan:open-file')!(ourFrame(), { kind: 'template', defaultPath: '/etc' })).toMatchObject({ status: 'refused' });
    expect(await stand.handlers.get('munplan:save-file')!(foreign, { kind: 'report', format: 'pdf' })).toBeNull();
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('returns the chosen report path with its extension', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(root, 'Таблица 4') });
    expect(await stand.handlers.get('munplan:save-file')!(ourFrame(), { kind: 'report', format: 'xlsx', defaultName: 'Таблица 4.xlsx' })).toBe(
      path.join(root, 'Таблица 4.xlsx'),
    );
    expect(electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: path.join(stand.paths.documents, 'Таблица 4.xlsx'), filters: [{ name: 'Отчёт Excel (XLSX)', extensions: ['xlsx'] }] }),
    );
  });

  it('writes a report only where the save dialog pointed, once; never a backup at the window\'s word', async () => {
    const listed = await invoke(ourFrame(), 'programs/list', {});
    const programId = listed.ok && listed.result[0].id;
    const exportTo = (file: string) => invoke(ourFrame(), 'reports/export', { programId, report: 'passport', format: 'pdf', file });
    const refused = { ok: false, error: { code: 'invalidRequest', message: 'Запрос отклонён: файл записывается только туда, куда указали в окне сохранения' } };

    const elsewhere = path.join(root, 'не выбран.pdf');
    expect(await exportTo(elsewhere)).toEqual(refused);
    expect(await invoke(ourFrame(), 'database/backup', { file: path.join(root, 'копия без диалога.sqlite') })).toEqual(refused);

    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(root, 'Паспорт') });
    const chosen = await stand.handlers.get('munplan:save-file')!(ourFrame(), { kind: 'report', format: 'pdf' });
    expect(await exportTo(elsewhere)).toEqual(refused);
    expect(await exportTo(chosen)).toMatchObject({ ok: true, result: { file: chosen } });
    expect(readFileSync(chosen).subarray(0, 5).toString()).toBe('%PDF-');
    rmSync(chosen);
    expect(await exportTo(chosen)).toEqual(refused);
    expect([existsSync(elsewhere), existsSync(chosen), existsSync(path.join(root, 'копия без диалога.sqlite'))]).toEqual([false, false, false]);
  });
});

describe('what the window may load and do', () => {
  it('serves the renderer from app:// with the policy, and nothing outside it', async () => {
    const serve = electron.protocol.handle.mock.calls[0][1] as (request: { url: string }) => Promise<Response>;
    expect(electron.protocol.handle.mock.calls[0][0]).toBe('app');
    const page = await serve({ url: 'app://munplan/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Munplan</title>');
    expect((await serve({ url: 'app://munplan/%2F..%2F..%2Fpackage.json' })).status).toBe(404);
    expect((await serve({ url: 'app://munplan/missing.js' })).status).toBe(404);
  });

  it('adds the policy to app responses, blocks the network and refuses permissions', () => {
    const onHeaders = electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0][0] as Listener;
    const callback = vi.fn();
    onHeaders({ url: 'app://munplan/index.html', responseHeaders: { 'X-A': ['1'] } }, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    onHeaders({ url: 'devtools://devtools/x', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenLastCalledWith({});

    const [filter, onBefore] = electron.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0] as [{ urls: string[] }, Listener];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    onBefore({ url: 'https://example.org/' }, callback);
    expect(callback).toHaveBeenLastCalledWith({ cancel: true });

    const onPermission = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0][0] as Listener;
    onPermission({}, 'media', callback, { requestingUrl: 'app://munplan/index.html' });
    expect(callback).toHaveBeenLastCalledWith(false);
  });

  it('refuses navigation, new windows and webviews in every web contents', () => {
    const [created] = stand.appListeners.get('web-contents-created')!;
    const listeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    created({}, { on: (name: string, listener: Listener) => listeners.set(name, listener), setWindowOpenHandler: (h: Listener) => (openHandler = h) });
    for (const name of ['will-navigate', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, 'https://example.org/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

type Template = { label: string; submenu: { label?: string; click?: () => void }[] }[];
function clickMenu(label: string): void {
  const { template } = electron.Menu.setApplicationMenu.mock.calls[0][0] as { template: Template };
  template.flatMap((menu) => menu.submenu).find((item) => item.label === label)!.click!();
}
const titles = async () => {
  const listed = await invoke(ourFrame(), 'programs/list', {});
  return listed.ok ? listed.result.map((p: { title: string }) => p.title) : listed.error.code;
};

describe('menu', () => {
  it('is the Russian menu, and sends the renderer its commands', () => {
    const { template } = electron.Menu.setApplicationMenu.mock.calls[0][0] as { template: Template };
    expect(template.map((menu) => menu.label)).toEqual(['Файл', 'Правка', 'Справка']);
    window.webContents.send.mockClear();
    clickMenu('Отменить');
    clickMenu('Новая программа');
    expect(window.webContents.send.mock.calls).toEqual([
      ['munplan:menu', 'undo'],
      ['munplan:menu', 'newProgram'],
    ]);
    clickMenu('Вставить');
    return vi.waitFor(() => expect(window.webContents.paste).toHaveBeenCalled());
  });

  it('«Резервная копия…» and «Восстановить из копии…» bring a saved state back', async () => {
    const copy = path.join(root, 'копия');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: copy });
    clickMenu('Резервная копия…');
    await vi.waitFor(() => expect(existsSync(`${copy}.sqlite`)).toBe(true));
    await invoke(ourFrame(), 'programs/create', { title: 'После копии', periodStart: 2023, periodEnd: 2025 });
    expect(await titles()).toHaveLength(2);

    window.webContents.send.mockClear();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [`${copy}.sqlite`] });
    clickMenu('Восстановить из копии…');
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith('munplan:menu', 'databaseChanged'));
    expect(await titles()).toEqual(['Развитие образования']);
    const reasons = listBackups(path.join(stand.paths.userData, 'munplan.sqlite')).map((b) => b.reason);
    expect(reasons).toContain('before-restore');
    expect(reasons).toContain('start');
  });

  it('«Открыть базу…» switches to the chosen file and remembers it', async () => {
    const other = path.join(root, 'другая.sqlite');
    copyFileSync(path.join(root, 'копия.sqlite'), other);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    window.webContents.send.mockClear();
    clickMenu('Открыть базу…');
    await vi.waitFor(() => expect(window.webContents.send).toHaveBeenCalledWith('munplan:menu', 'databaseChanged'));
    expect(window.title).toBe('Munplan — другая.sqlite');
    await invoke(ourFrame(), 'programs/create', { title: 'Только в другой', periodStart: 2023, periodEnd: 2025 });
    expect(await titles()).toEqual(expect.arrayContaining(['Развитие образования', 'Только в другой']));
    expect(JSON.parse(readFileSync(path.join(stand.paths.userData, 'database.json'), 'utf8'))).toEqual({ file: other });
  });
});

describe('quitting', () => {
  it('saves the window bounds and closes the workspace before the app ends', async () => {
    window.listeners.get('close')!();
    expect(JSON.parse(readFileSync(path.join(stand.paths.userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 10, y: 20, width: 1100, height: 700 },
      maximized: false,
    });
    const [willQuit] = stand.appListeners.get('will-quit')!;
    const event = { preventDefault: vi.fn() };
    willQuit(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(await invoke(ourFrame(), 'programs/list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The file open at the end was changed since its start backup: a closing backup was taken.
    expect(listBackups(path.join(root, 'другая.sqlite')).map((b) => b.reason).sort()).toEqual(['close', 'start']);
  });
});
