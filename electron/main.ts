// The Electron main process: one window showing the renderer from app://munplan, one handler
// table behind one IPC channel, the Russian menu, and the workspace database's life (open at
// start, «Открыть базу…», backup and restore). Every decision it applies is made in a plain
// module under electron/shell/; this file only wires them to Electron.

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  type IpcMainInvokeEvent,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import { BRIDGE_CHANNELS, type MenuCommand, type OpenFileResult } from '../shared/api/bridge';
import type { ApiResponse } from '../shared/api/errors';
import { createHandlerContext } from './api/context';
import { createDispatch, type Dispatch } from './api/dispatch';
import { createWindowDispatch } from './api/windowDispatch';
import { APP_NAME } from './appInfo';
import { backupDatabase } from './db/backup';
import { openWorkspaceAtStart, restoreNewestGoodBackup, type StartResult } from './db/openAtStart';
import { backupFolderOf } from './db/backupStore';
import { restoreDatabase, verifyDatabaseFile } from './db/restore';
import { useNativeBinding } from './db/sqlite';
import type { BackupScheduler } from './db/backupScheduler';
import { closeWorkspace, type Workspace } from './db/workspace';
import { PRELOAD_BUNDLE, RENDERER_FOLDER } from './shell/appLayout';
import { appResponseHeaders, resolveAppRequest } from './shell/appProtocol';
import { databaseFileAtStart, rememberDatabaseFile } from './shell/databaseLocation';
import {
  backupFileName,
  DATABASE_FILTERS,
  MAX_TEMPLATE_BYTES,
  parseOpenFileOptions,
  parseSaveFileOptions,
  reportFilters,
  TEMPLATE_FILTERS,
  withExtension,
} from './shell/fileDialogs';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, isTrustedSender } from './shell/ipcGuard';
import { menuTemplate, rendererCommandOf, type MenuAction, type RENDERER_ACTIONS } from './shell/menuTemplate';
import { bindingForProcess, stagedBindingFile } from './shell/nativeBinding';
import { CONTENT_SECURITY_POLICY, isPermissionAllowed, mainWindowOptions } from './shell/windowOptions';
import { loadWindowState, placeWindow, saveWindowState, WINDOW_STATE_FILE } from './shell/windowState';

interface OpenWorkspace {
  ws: Workspace;
  backups: BackupScheduler;
  dispatch: Dispatch;
}

const REFUSED_MESSAGE = 'Запрос отклонён: он пришёл не из окна Munplan';
const REFUSED: ApiResponse<never> = { ok: false, error: { code: 'invalidRequest', message: REFUSED_MESSAGE } };
const NOT_OPEN: ApiResponse<never> = {
  ok: false,
  error: { code: 'internal', message: 'База данных не открыта: выберите её в меню «Файл → Открыть базу…»' },
};

// The app's files: the project folder in development, app.asar when packaged.
const appRoot = app.getAppPath();
const rendererRoot = path.join(appRoot, RENDERER_FOLDER);
const preloadFile = path.join(appRoot, PRELOAD_BUNDLE);

let mainWindow: BrowserWindow | null = null;
/** The database the app works on; stays set when opening it failed, for a restore into it. */
let databaseFile = '';
let current: OpenWorkspace | null = null;
/** What the window may ask of the open workspace's handlers. */
const windowCalls = createWindowDispatch(async (name, request) => (current ? current.dispatch(name, request) : NOT_OPEN));

// Must precede 'ready': the scheme is a standard, secure origin of its own for 'self' and fetch;
// corsEnabled lets Chromium fetch the renderer's module scripts (always CORS-mode) from it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

function isAppWindow(webContentsId: number): boolean {
  return liveWindow()?.webContents.id === webContentsId;
}

function messageBox(options: MessageBoxOptions) {
  const parent = liveWindow();
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

function openDialog(options: OpenDialogOptions) {
  const parent = liveWindow();
  return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
}

function saveDialog(options: SaveDialogOptions) {
  const parent = liveWindow();
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

function showError(title: string, error: unknown): Promise<unknown> {
  return messageBox({ type: 'error', title, message: title, detail: error instanceof Error ? error.message : String(error) });
}

function tell(command: MenuCommand): void {
  liveWindow()?.webContents.send(BRIDGE_CHANNELS.menu, command);
}

function showTitle(): void {
  liveWindow()?.setTitle(current ? `Munplan — ${path.basename(current.ws.file)}` : 'Munplan');
}

// ---------------------------------------------------------------------------------------------
// The workspace database

/** Takes the closing backup (if anything changed) and closes the file. */
async function closeCurrent(): Promise<void> {
  if (!current) return;
  const { ws, backups } = current;
  current = null;
  showTitle();
  try {
    await backups.close();
  } finally {
    closeWorkspace(ws);
  }
}

/**
 * Opens `file` as the workspace. A damaged file is offered a restore from its newest good
 * backup; a file this version cannot migrate is reported. False when nothing was opened.
 */
async function openDatabase(file: string, offerRestore = true): Promise<boolean> {
  const result: StartResult = await openWorkspaceAtStart(file);
  switch (result.status) {
    case 'ok':
      current = { ws: result.ws, backups: result.backups, dispatch: createDispatch(createHandlerContext(result.ws)) };
      showTitle();
      return true;
    case 'damaged': {
      // The message says when the newest good backup was taken, or that there is none.
      const canRestore = offerRestore && result.newestGoodBackup !== null;
      const { response } = await messageBox({
        type: 'error',
        title: 'База повреждена',
        message: canRestore ? 'База повреждена. Восстановить её из последней исправной резервной копии?' : 'База повреждена',
        detail: result.message,
        buttons: canRestore ? ['Восстановить из копии', 'Не восстанавливать'] : ['Закрыть'],
        defaultId: 0,
        cancelId: canRestore ? 1 : 0,
        noLink: true,
      });
      if (!canRestore || response !== 0) return false;
      try {
        await restoreNewestGoodBackup(file);
      } catch (error) {
        await showError('Не удалось восстановить базу', error);
        return false;
      }
      return openDatabase(file, false);
    }
    case 'migrationFailed':
      await messageBox({ type: 'error', title: 'База не открыта', message: 'Базу не удалось обновить до этой версии Munplan', detail: result.message });
      return false;
  }
}

async function chooseDatabase(): Promise<void> {
  const { canceled, filePaths } = await openDialog({ title: 'Открыть базу', filters: DATABASE_FILTERS, properties: ['openFile'] });
  const chosen = filePaths[0];
  if (canceled || !chosen || (current && path.resolve(chosen) === path.resolve(current.ws.file))) return;
  const previous = current ? databaseFile : null;
  await closeCurrent();
  if (await openDatabase(chosen)) {
    databaseFile = chosen;
    rememberDatabaseFile(app.getPath('userData'), chosen);
  } else if (previous) {
    await openDatabase(previous);
  }
  tell('databaseChanged');
}

function requireWorkspace(): OpenWorkspace {
  if (!current) throw new Error('База данных не открыта');
  return current;
}

async function backupToFile(): Promise<void> {
  const { ws } = requireWorkspace();
  const { canceled, filePath } = await saveDialog({
    title: 'Резервная копия базы',
    defaultPath: path.join(app.getPath('documents'), backupFileName()),
    filters: DATABASE_FILTERS,
  });
  if (canceled || !filePath) return;
  const saved = await backupDatabase(ws, withExtension(filePath, 'sqlite'));
  await messageBox({ type: 'info', title: 'Резервная копия', message: 'Резервная копия сохранена', detail: saved.file });
}

/** Replaces the app's database file (open or not: a damaged one is not) with a chosen backup. */
async function restoreFromBackup(): Promise<void> {
  const file = databaseFile;
  const folder = backupFolderOf(file);
  const { canceled, filePaths } = await openDialog({
    title: 'Восстановить из копии',
    defaultPath: existsSync(folder) ? folder : app.getPath('documents'),
    filters: DATABASE_FILTERS,
    properties: ['openFile'],
  });
  const backup = filePaths[0];
  if (canceled || !backup) return;
  // Checked before anything is closed: a wrong file leaves the open database as it was.
  verifyDatabaseFile(backup);
  const { response } = await messageBox({
    type: 'warning',
    title: 'Восстановить из копии',
    message: `Заменить базу «${path.basename(file)}» резервной копией?`,
    detail: `Копия: ${backup}\nНынешнее состояние базы будет сохранено в папке копий ${folder}.`,
    buttons: ['Восстановить', 'Отмена'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) return;
  await closeCurrent();
  let failure: unknown = null;
  try {
    await restoreDatabase(file, backup);
  } catch (error) {
    failure = error;
  }
  // Reopened either way: after a failed restore the file is the one that was there.
  const reopened = await openDatabase(file);
  tell('databaseChanged');
  if (failure) await showError('Не удалось восстановить базу', failure);
  else if (reopened) await messageBox({ type: 'info', title: 'Восстановить из копии', message: 'База восстановлена из копии', detail: backup });
}

// ---------------------------------------------------------------------------------------------
// IPC: every channel answers only the app's own window and top frame.

function registerIpc(): void {
  ipcMain.handle(BRIDGE_CHANNELS.invoke, async (event: IpcMainInvokeEvent, name: unknown, request: unknown) => {
    if (!isTrustedSender(event, isAppWindow)) return REFUSED;
    return windowCalls.dispatch(name as string, request);
  });

  ipcMain.handle(BRIDGE_CHANNELS.openFile, async (event: IpcMainInvokeEvent, raw: unknown): Promise<OpenFileResult> => {
    if (!isTrustedSender(event, isAppWindow)) return { status: 'refused', message: REFUSED_MESSAGE };
    if (!parseOpenFileOptions(raw)) return { status: 'refused', message: 'Неверный запрос выбора файла' };
    const { canceled, filePaths } = await openDialog({ title: 'Импорт шаблона', filters: TEMPLATE_FILTERS, properties: ['openFile'] });
    const file = filePaths[0];
    if (canceled || !file) return { status: 'cancelled' };
    const fileName = path.basename(file);
    try {
      const { size } = await stat(file);
      if (size > MAX_TEMPLATE_BYTES) {
        return { status: 'refused', message: `Файл «${fileName}» слишком велик для импорта: ${(size / 1e6).toFixed(1)} МБ, допускается до ${MAX_TEMPLATE_BYTES / 1e6} МБ` };
      }
      return { status: 'picked', fileName, data: (await readFile(file)).toString('base64') };
    } catch (error) {
      return { status: 'refused', message: `Не удалось прочитать «${fileName}»: ${(error as Error).message}` };
    }
  });

  ipcMain.handle(BRIDGE_CHANNELS.saveFile, async (event: IpcMainInvokeEvent, raw: unknown): Promise<string | null> => {
    if (!isTrustedSender(event, isAppWindow)) return null;
    const options = parseSaveFileOptions(raw);
    if (!options) return null;
    const { canceled, filePath } = await saveDialog({
      title: 'Экспорт отчёта',
      defaultPath: path.join(app.getPath('documents'), options.defaultName ?? `Отчёт.${options.format}`),
      filters: reportFilters(options.format),
    });
    return canceled || !filePath ? null : windowCalls.allowReportFile(withExtension(filePath, options.format));
  });
}

// ---------------------------------------------------------------------------------------------
// The session and every web contents: no remote content, no navigation, no new windows.

function secureSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // An offline app: nothing is fetched from the network, whatever a page might try.
  defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererRoot);
    if (!file) return new Response('Не найдено', { status: 404 });
    try {
      return new Response(await readFile(file), { headers: appResponseHeaders(file) });
    } catch {
      return new Response('Не найдено', { status: 404 });
    }
  });
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

// ---------------------------------------------------------------------------------------------
// The window and the menu

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)];
  const placed = placeWindow(loadWindowState(stateFile), displays.map((display) => display.workArea));
  const window = new BrowserWindow(mainWindowOptions({ preload: preloadFile, bounds: placed.bounds, devTools: !app.isPackaged }));
  mainWindow = window;
  if (placed.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => saveWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  showTitle();
  void window.loadURL(APP_ENTRY_URL);
}

function showAbout(): Promise<unknown> {
  return messageBox({
    type: 'info',
    title: 'О программе',
    message: APP_NAME,
    detail: `${packageJson.description}\n\nБаза: ${current?.ws.file ?? 'не открыта'}\nElectron ${process.versions.electron ?? '—'}, Chromium ${process.versions.chrome ?? '—'}`,
  });
}

const MAIN_ACTIONS: Record<Exclude<MenuAction, keyof typeof RENDERER_ACTIONS>, () => unknown> = {
  openDatabase: chooseDatabase,
  backup: backupToFile,
  restore: restoreFromBackup,
  quit: () => app.quit(),
  copy: () => liveWindow()?.webContents.copy(),
  paste: () => liveWindow()?.webContents.paste(),
  about: showAbout,
};

function runMenuAction(action: MenuAction): void {
  const command = rendererCommandOf(action);
  if (command) return tell(command);
  Promise.resolve()
    .then(() => MAIN_ACTIONS[action as keyof typeof MAIN_ACTIONS]())
    .catch((error: unknown) => showError('Действие не выполнено', error));
}

// ---------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const window = liveWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  // The closing backup is asynchronous: quitting waits for it once, then goes on.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!current || closing) return;
    closing = true;
    event.preventDefault();
    void closeCurrent()
      .catch((error: unknown) => console.error('База закрыта с ошибкой:', error))
      .finally(() => app.quit());
  });

  await app.whenReady();
  useNativeBinding(bindingForProcess(process.versions.electron, stagedBindingFile(appRoot), existsSync));
  secureSession();
  registerIpc();
  databaseFile = databaseFileAtStart(app.getPath('userData'));
  // A file that did not open still gets the window: «Открыть базу…» and «Восстановить из
  // копии…» are the way out, and the renderer is told the database is not open.
  await openDatabase(databaseFile);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(runMenuAction)));
  createWindow();
}

/** Settles once the app has started (or given up); the tests wait on it. */
export const started: Promise<void> = start().catch((error: unknown) => {
  dialog.showErrorBox('Munplan не запустился', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
