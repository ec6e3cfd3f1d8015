// The renderer's only door to the main process: window.munplan with exactly the members of
// MunplanBridge. Runs sandboxed (bundled to CommonJS, requiring nothing but 'electron'), so
// the page never touches ipcRenderer or Node itself.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS, MENU_COMMANDS, type MenuCommand, type MunplanBridge } from '../shared/api/bridge';

const bridge: MunplanBridge = {
  invoke: (name, request) => ipcRenderer.invoke(BRIDGE_CHANNELS.invoke, name, request),
  openFile: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.openFile, options),
  saveFile: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, options),
  onMenu: (listener) => {
    // The listener gets the command alone: the IPC event (and its sender) stays on this side.
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(BRIDGE_CHANNELS.menu, forward);
    return () => {
      ipcRenderer.removeListener(BRIDGE_CHANNELS.menu, forward);
    };
  },
};

contextBridge.exposeInMainWorld('munplan', bridge);
