// Commands from the desktop shell's menu (Electron only; the browser preview has no menu).

import { useEffect } from 'react';
import { electronBridge, type MenuCommand } from '../api/bridge';
import { useStore } from '../store';
import { isTextField } from './useGlobalShortcuts';

/** Where the new-program form's title field is, for «Файл → Новая программа». */
export const NEW_PROGRAM_TITLE = 'new-program-title';

export function runMenuCommand(command: MenuCommand): void {
  const store = useStore.getState();
  switch (command) {
    case 'undo':
    case 'redo':
      // In a text field the menu's Undo is the field's own; elsewhere it is the journal's.
      if (isTextField(document.activeElement)) document.execCommand(command);
      else void (command === 'undo' ? store.undo() : store.redo());
      break;
    case 'newProgram':
      store.setScreen('programs');
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-focus-target="${NEW_PROGRAM_TITLE}"]`)?.focus());
      break;
    case 'importTemplate':
      store.setScreen('import');
      break;
    case 'exportReport':
      if (store.programId !== null) store.setScreen('export');
      else store.showNotice('Сначала откройте программу, отчёт по которой нужен.');
      break;
    case 'databaseChanged':
      // Another database file is open now: nothing shown so far belongs to it.
      store.closeProgram();
      store.setScreen('programs');
      void store.loadPrograms();
      void store.refreshHistory();
      store.showNotice('Открыта другая база данных.');
      break;
  }
}

export function useMenuActions(): void {
  useEffect(() => electronBridge()?.onMenu(runMenuCommand), []);
}
