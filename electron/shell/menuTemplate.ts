// The application menu as data: Russian labels, accelerators and an action id for each item.
// main.ts maps the ids to what they do; the renderer's share arrives over the menu channel.

import type { MenuCommand } from '../../shared/api/bridge';

export type MenuAction =
  | 'newProgram'
  | 'openDatabase'
  | 'importTemplate'
  | 'exportReport'
  | 'backup'
  | 'restore'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'copy'
  | 'paste'
  | 'about';

export type MenuItemSpec = { label: string; action: MenuAction; accelerator?: string } | { separator: true };

export interface MenuSpec {
  label: string;
  items: readonly MenuItemSpec[];
}

const separator = { separator: true } as const;

export const APP_MENU: readonly MenuSpec[] = [
  {
    label: 'Файл',
    items: [
      { label: 'Новая программа', action: 'newProgram', accelerator: 'CmdOrCtrl+N' },
      { label: 'Открыть базу…', action: 'openDatabase', accelerator: 'CmdOrCtrl+O' },
      separator,
      { label: 'Импорт шаблона…', action: 'importTemplate', accelerator: 'CmdOrCtrl+I' },
      { label: 'Экспорт отчёта…', action: 'exportReport', accelerator: 'CmdOrCtrl+E' },
      separator,
      { label: 'Резервная копия…', action: 'backup' },
      { label: 'Восстановить из копии…', action: 'restore' },
      separator,
      { label: 'Выход', action: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  },
  {
    label: 'Правка',
    items: [
      { label: 'Отменить', action: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { label: 'Повторить', action: 'redo', accelerator: 'CmdOrCtrl+Y' },
      separator,
      { label: 'Копировать', action: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: 'Вставить', action: 'paste', accelerator: 'CmdOrCtrl+V' },
    ],
  },
  {
    label: 'Справка',
    items: [{ label: 'О программе', action: 'about' }],
  },
];

/** The actions the renderer performs (it owns the screens, the undo journal's UI and the grid). */
export const RENDERER_ACTIONS = {
  newProgram: 'newProgram',
  importTemplate: 'importTemplate',
  exportReport: 'exportReport',
  undo: 'undo',
  redo: 'redo',
} as const satisfies Partial<Record<MenuAction, MenuCommand>>;

export function rendererCommandOf(action: MenuAction): MenuCommand | null {
  return Object.prototype.hasOwnProperty.call(RENDERER_ACTIONS, action) ? RENDERER_ACTIONS[action as keyof typeof RENDERER_ACTIONS] : null;
}

export interface ElectronMenuItem {
  label?: string;
  accelerator?: string;
  type?: 'separator';
  click?: () => void;
  submenu?: ElectronMenuItem[];
}

/** The template for Electron's Menu.buildFromTemplate, each item calling `run` with its id. */
export function menuTemplate(run: (action: MenuAction) => void, spec: readonly MenuSpec[] = APP_MENU): ElectronMenuItem[] {
  return spec.map((menu) => ({
    label: menu.label,
    submenu: menu.items.map((item): ElectronMenuItem =>
      'separator' in item
        ? { type: 'separator' }
        : { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), click: () => run(item.action) },
    ),
  }));
}
