// Minimal stand-ins for the parts of Electron that electron/main.ts uses, recording what the
// main process registers (IPC handlers, app events, windows, the menu) so a test can drive it.
// No Electron binary runs on build machines; use with
//   const stand = await vi.hoisted(async () => (await import('./electronStandIn')).createElectronStandIn());
//   vi.mock('electron', () => stand.electron);

import { vi } from 'vitest';

export type Listener = (...args: any[]) => any;

export function createElectronStandIn() {
  const handlers = new Map<string, Listener>();
  const appListeners = new Map<string, Listener[]>();
  const windows: FakeWindow[] = [];
  const paths = { appRoot: '', userData: '', documents: '' };
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  let nextId = 1;

  class FakeWindow {
    readonly webContents = { id: 100 + nextId++, send: vi.fn(), copy: vi.fn(), paste: vi.fn() };
    readonly listeners = new Map<string, Listener>();
    title = '';
    loadedUrl = '';
    maximize = vi.fn();
    constructor(readonly options: any) {
      windows.push(this);
    }
    isDestroyed() {
      return false;
    }
    once(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
    }
    setTitle(title: string) {
      this.title = title;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1100, height: 700 };
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }

  const electron = {
    app: {
      isPackaged: false,
      getAppPath: () => paths.appRoot,
      getPath: (name: string) => (name === 'userData' ? paths.userData : paths.documents),
      requestSingleInstanceLock: vi.fn(() => true),
      on: (name: string, listener: Listener) => appListeners.set(name, [...(appListeners.get(name) ?? []), listener]),
      whenReady: () => Promise.resolve(),
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showErrorBox: vi.fn(),
    },
    ipcMain: { handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
  };
  return { handlers, appListeners, windows, paths, electron };
}

/** An IPC event as Electron delivers it: from a web contents, and a frame (null once gone). */
export function ipcEvent(webContentsId: number, frame: { url: string; parent: unknown } | null) {
  return { sender: { id: webContentsId }, senderFrame: frame };
}
