// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo anywhere in the window, except inside a
// text field, where they belong to the field, and except where a screen (the grid) already
// handled the key. Keys are matched by their physical position, so they work in the Russian
// layout too (there Ctrl+Z types «я»).

import { useEffect } from 'react';
import { useStore } from '../store';

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return false;
}

export function shortcutOf(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.code === 'KeyZ' || event.key.toLowerCase() === 'z' ? 'z' : event.code === 'KeyY' || event.key.toLowerCase() === 'y' ? 'y' : null;
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      const store = useStore.getState();
      void (action === 'undo' ? store.undo() : store.redo());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
