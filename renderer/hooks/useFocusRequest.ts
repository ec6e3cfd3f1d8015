// A cell asked for from another screen (a finding, a roadmap deadline): the screen goes to it
// once, as soon as its data is here, and the request is spent. A request kept would pull the
// selection back to that cell, and reopen its collapsed parents, every time the officer came
// back to the screen.

import { useEffect } from 'react';
import { useStore } from '../store';
import type { Focus } from '../store/types';

/**
 * `goTo` selects the requested cell and says whether the request is settled: false while the
 * data it needs to find the cell has not arrived. `data` is that data: the request is tried
 * again when it changes.
 */
export function useFocusRequest(goTo: (focus: Focus) => boolean, data: unknown): void {
  const focus = useStore((s) => s.focus);
  const setFocus = useStore((s) => s.setFocus);
  useEffect(() => {
    if (focus && goTo(focus)) setFocus(null);
  }, [focus, data]);
}
