// Which key does what, as people who live in Excel expect it. Two maps: one while moving about
// the grid, one while a cell's editor is open («Ввод» mode after typing, «Правка» after F2).

export interface KeyInput {
  key: string;
  /** The physical key («KeyZ»), so shortcuts work in the Russian layout too. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type NavigationAction =
  | { type: 'move'; rows: number; cols: number; extend: boolean }
  | { type: 'jump'; to: 'rowStart' | 'rowEnd' | 'gridStart' | 'gridEnd'; extend: boolean }
  | { type: 'page'; direction: 1 | -1; extend: boolean }
  | { type: 'tab'; backwards: boolean }
  | { type: 'enter'; backwards: boolean }
  | { type: 'edit' }
  | { type: 'type'; text: string }
  | { type: 'escape' }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'toggleRow' }
  | { type: 'selectAll' }
  | { type: 'copy' };

/** «Ввод»: the typed text replaces the cell, arrows finish it. «Правка»: arrows move the caret. */
export type EditMode = 'replace' | 'edit';

export type EditorAction =
  | { type: 'commit'; then: 'down' | 'up' | 'right' | 'left' | 'tabForward' | 'tabBackward' }
  | { type: 'cancel' }
  | { type: 'switchMode' };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Ctrl on Windows and Linux, Cmd on a Mac. AltGr arrives as Ctrl+Alt and types characters. */
const command = (e: KeyInput) => (e.ctrlKey || e.metaKey) && !e.altKey;

// The Russian layout's letters on the same keys, for when the physical key is not reported.
const RUSSIAN_KEYS: Record<string, string> = { я: 'z', н: 'y', ф: 'a', с: 'c', м: 'v' };

/** The Latin letter of a shortcut's key, by its physical position when known (Ctrl+Я is Ctrl+Z). */
export function shortcutLetter(e: KeyInput): string | null {
  if (e.code && /^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  const key = e.key.length === 1 ? e.key.toLowerCase() : '';
  return RUSSIAN_KEYS[key] ?? (key || null);
}

export function navigationAction(e: KeyInput, rowIsCollapsible: boolean): NavigationAction | null {
  const arrow = ARROWS[e.key];
  if (arrow && !e.altKey) {
    if (command(e)) {
      // Ctrl+arrow: to the edge of the grid, as Excel goes to the edge of the data.
      return { type: 'move', rows: arrow[0] * Number.MAX_SAFE_INTEGER, cols: arrow[1] * Number.MAX_SAFE_INTEGER, extend: e.shiftKey };
    }
    return { type: 'move', rows: arrow[0], cols: arrow[1], extend: e.shiftKey };
  }
  switch (e.key) {
    case 'Home':
      return { type: 'jump', to: command(e) ? 'gridStart' : 'rowStart', extend: e.shiftKey };
    case 'End':
      return { type: 'jump', to: command(e) ? 'gridEnd' : 'rowEnd', extend: e.shiftKey };
    case 'PageUp':
      return { type: 'page', direction: -1, extend: e.shiftKey };
    case 'PageDown':
      return { type: 'page', direction: 1, extend: e.shiftKey };
    case 'Tab':
      return command(e) || e.altKey ? null : { type: 'tab', backwards: e.shiftKey };
    case 'Enter':
      return command(e) || e.altKey ? null : { type: 'enter', backwards: e.shiftKey };
    case 'F2':
      return { type: 'edit' };
    case 'Escape':
      return { type: 'escape' };
    case 'Delete':
    case 'Backspace':
      return command(e) ? null : { type: 'clear' };
  }
  if (command(e)) {
    const letter = shortcutLetter(e);
    if (letter === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (letter === 'y') return { type: 'redo' };
    if (letter === 'a') return { type: 'selectAll' };
    if (letter === 'c') return { type: 'copy' };
    return null;
  }
  if (e.key === '+' && rowIsCollapsible) return { type: 'toggleRow' };
  if (e.key.length === 1 && !(e.altKey && !e.ctrlKey)) return { type: 'type', text: e.key };
  return null;
}

export function editorAction(e: KeyInput, mode: EditMode): EditorAction | null {
  switch (e.key) {
    case 'Enter':
      if (e.altKey || command(e)) return null;
      return { type: 'commit', then: e.shiftKey ? 'up' : 'down' };
    case 'Tab':
      return { type: 'commit', then: e.shiftKey ? 'tabBackward' : 'tabForward' };
    case 'Escape':
      return { type: 'cancel' };
    case 'F2':
      return { type: 'switchMode' };
  }
  if (mode === 'replace' && !e.shiftKey && !command(e) && !e.altKey) {
    if (e.key === 'ArrowDown') return { type: 'commit', then: 'down' };
    if (e.key === 'ArrowUp') return { type: 'commit', then: 'up' };
    if (e.key === 'ArrowRight') return { type: 'commit', then: 'right' };
    if (e.key === 'ArrowLeft') return { type: 'commit', then: 'left' };
  }
  return null;
}
