// The Russian application menu: labels, order, accelerators, and who performs each item.

import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../shared/api/bridge';
import { APP_MENU, menuTemplate, rendererCommandOf, type MenuAction } from '../../electron/shell/menuTemplate';

const labels = (items: (typeof APP_MENU)[number]['items']) => items.flatMap((item) => ('separator' in item ? [] : [item.label]));
const item = (label: string) => APP_MENU.flatMap((menu) => menu.items).find((i) => !('separator' in i) && i.label === label) as { accelerator?: string; action: MenuAction };

describe('application menu', () => {
  it('has Файл, Правка, Справка with exactly these items in this order', () => {
    expect(APP_MENU.map((menu) => menu.label)).toEqual(['Файл', 'Правка', 'Справка']);
    expect(labels(APP_MENU[0].items)).toEqual([
      'Новая программа',
      'Открыть базу…',
      'Импорт шаблона…',
      'Экспорт отчёта…',
      'Резервная копия…',
      'Восстановить из копии…',
      'Выход',
    ]);
    expect(labels(APP_MENU[1].items)).toEqual(['Отменить', 'Повторить', 'Копировать', 'Вставить']);
    expect(labels(APP_MENU[2].items)).toEqual(['О программе']);
  });

  it('gives the editing items their usual keys', () => {
    expect(item('Отменить').accelerator).toBe('CmdOrCtrl+Z');
    expect(item('Повторить').accelerator).toBe('CmdOrCtrl+Y');
    expect(item('Копировать').accelerator).toBe('CmdOrCtrl+C');
    expect(item('Вставить').accelerator).toBe('CmdOrCtrl+V');
  });

  it('uses every accelerator once and every action once', () => {
    const items = APP_MENU.flatMap((menu) => menu.items).filter((i) => !('separator' in i)) as { action: MenuAction; accelerator?: string }[];
    const accelerators = items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(new Set(items.map((i) => i.action)).size).toBe(items.length);
  });

  it("sends the renderer's items to the renderer and keeps the rest in the main process", () => {
    expect(rendererCommandOf('newProgram')).toBe('newProgram');
    expect(rendererCommandOf('importTemplate')).toBe('importTemplate');
    expect(rendererCommandOf('exportReport')).toBe('exportReport');
    expect(rendererCommandOf('undo')).toBe('undo');
    expect(rendererCommandOf('redo')).toBe('redo');
    for (const action of ['openDatabase', 'backup', 'restore', 'quit', 'copy', 'paste', 'about'] as const) expect(rendererCommandOf(action)).toBeNull();
    for (const action of ['newProgram', 'importTemplate', 'exportReport', 'undo', 'redo'] as const) expect(MENU_COMMANDS).toContain(rendererCommandOf(action));
  });

  it("becomes Electron's template, each item calling back with its action", () => {
    const run = vi.fn();
    const template = menuTemplate(run);
    expect(template.map((menu) => menu.label)).toEqual(['Файл', 'Правка', 'Справка']);
    const edit = template[1].submenu!;
    expect(edit.map((i) => i.type ?? i.label)).toEqual(['Отменить', 'Повторить', 'separator', 'Копировать', 'Вставить']);
    edit[0].click!();
    edit[4].click!();
    template[0].submenu!.at(-1)!.click!();
    expect(run.mock.calls).toEqual([['undo'], ['paste'], ['quit']]);
  });
});
