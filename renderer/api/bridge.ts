// The Electron preload's `window.munplan` (typed in shared/api/bridge.ts). Only the renderer's
// api/ folder and the few places that must choose between a native dialog and the browser's
// own controls ask for it.

import type { MunplanBridge } from '../../shared/api/bridge';

export type { MenuCommand, MunplanBridge, OpenFileResult } from '../../shared/api/bridge';

declare global {
  interface Window {
    munplan?: MunplanBridge;
  }
}

/** The Electron bridge, or undefined in the browser preview and in tests. */
export function electronBridge(): MunplanBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.munplan;
}
