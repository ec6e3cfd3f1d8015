// The preload's whole surface: exactly window.munplan with invoke, openFile, saveFile, onMenu,
// each forwarding to its channel. Electron's objects are stand-ins (no Electron binary here).

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_KEYS, type MunplanBridge } from '../../shared/api/bridge';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let bridge: MunplanBridge;
beforeAll(async () => {
  await import('../../electron/preload');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as MunplanBridge;
});

describe('preload', () => {
  it('exposes one object, window.munplan, with exactly the bridge keys', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
    expect(name).toBe('munplan');
    expect(Object.keys(exposed as object).sort()).toEqual([...BRIDGE_KEYS].sort());
    expect(Object.keys(exposed as object).sort()).toEqual(['invoke', 'onMenu', 'openFile', 'saveFile']);
    for (const key of BRIDGE_KEYS) expect(typeof (exposed as Record<string, unknown>)[key]).toBe('function');
  });

  it('forwards invoke to the one API channel with the name and the request', async () => {
    const answer = await bridge.invoke('programs/list', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(BRIDGE_CHANNELS.invoke, 'programs/list', {});
    expect(BRIDGE_CHANNELS.invoke).toBe('munplan:invoke');
    expect(answer).toEqual({ channel: 'munplan:invoke', args: ['programs/list', {}] });
  });

  it('forwards the dialogs to their channels', async () => {
    await bridge.openFile({ kind: 'template' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('munplan:open-file', { kind: 'template' });
    await bridge.saveFile({ kind: 'report', format: 'pdf' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('munplan:save-file', { kind: 'report', format: 'pdf' });
  });

  it('hands menu commands to the listener without the IPC event, until unsubscribed', () => {
    const heard: unknown[] = [];
    const stop = bridge.onMenu((command) => heard.push(command));
    const deliver = (...args: unknown[]) => electron.listeners.get(BRIDGE_CHANNELS.menu)?.forEach((listener) => listener({ sender: 'ipc' }, ...args));
    deliver('undo');
    deliver('databaseChanged');
    deliver('rm -rf /');
    expect(heard).toEqual(['undo', 'databaseChanged']);
    stop();
    deliver('redo');
    expect(heard).toEqual(['undo', 'databaseChanged']);
    expect(electron.listeners.get(BRIDGE_CHANNELS.menu)?.size).toBe(0);
  });
});
