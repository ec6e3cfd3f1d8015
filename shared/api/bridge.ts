// What the desktop shell gives the renderer as `window.munplan`, and nothing more: the one
// generic API channel, the two file dialogs the renderer needs, and the menu's commands.
// The preload implements it and the main process answers it; both take the channel names
// from here so the two sides cannot drift apart.

import type { ReportFormat } from './contract';
import type { Transport } from './client';

export const BRIDGE_CHANNELS = {
  invoke: 'munplan:invoke',
  openFile: 'munplan:open-file',
  saveFile: 'munplan:save-file',
  menu: 'munplan:menu',
} as const;

/** The keys of window.munplan, in one place for the preload and its test. */
export const BRIDGE_KEYS = ['invoke', 'openFile', 'saveFile', 'onMenu'] as const;

/**
 * What the shell asks the renderer to do. The menu's own items, plus `databaseChanged` after
 * «Открыть базу…» or «Восстановить из копии…» replaced the open file: every view reloads.
 * For `undo`/`redo` the renderer decides: text undo in a focused field, else history/undo.
 */
export const MENU_COMMANDS = ['newProgram', 'importTemplate', 'exportReport', 'undo', 'redo', 'databaseChanged'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A template for import: the renderer has no file system, so the shell reads the file. */
export interface OpenFileOptions {
  kind: 'template';
}

export type OpenFileResult =
  | { status: 'picked'; fileName: string; /** The file's bytes, base64, as import/preview takes them. */ data: string }
  | { status: 'cancelled' }
  | { status: 'refused'; message: string };

/** Where to write a report; the renderer then calls reports/export with the chosen path. */
export interface SaveFileOptions {
  kind: 'report';
  format: ReportFormat;
  /** Suggested file name without folder, e.g. «Таблица 4.xlsx». */
  defaultName?: string;
}

export interface MunplanBridge {
  invoke: Transport;
  openFile(options: OpenFileOptions): Promise<OpenFileResult>;
  /** The chosen path, or null when the officer cancelled. */
  saveFile(options: SaveFileOptions): Promise<string | null>;
  /** Returns the function that stops listening. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
