// The main window's settings and the page's Content-Security-Policy. Kept apart from main.ts
// (which alone imports Electron) so that every security decision is plain data a test reads.

import { isAppUrl } from './ipcGuard';

/**
 * Everything the renderer loads comes from the app's own origin: no inline script or style
 * element (Vite emits files; React's style props go through the CSSOM, which CSP allows), no
 * eval. No remote origin appears anywhere: the app works offline and must not reach out.
 */
const POLICY: [directive: string, sources: string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Sent as a response header with every page of the app. */
export const CONTENT_SECURITY_POLICY = POLICY.map(([directive, sources]) => `${directive} ${sources}`).join('; ');

// A <meta> policy may not carry frame-ancestors (browsers ignore it there and warn).
const META_POLICY = POLICY.filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

/** The same policy for the renderer's index.html, as a second line of defence. */
export const CONTENT_SECURITY_POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${META_POLICY}">`;

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

export interface MainWindowSettings {
  /** Absolute path of the bundled preload script (CommonJS: sandboxed preloads are not ESM). */
  preload: string;
  bounds: Bounds;
  /** Developer tools only outside the packaged app. */
  devTools: boolean;
}

/** The options for Electron's BrowserWindow, as plain data. */
export function mainWindowOptions({ preload, bounds, devTools }: MainWindowSettings) {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Munplan',
    // Shown on 'ready-to-show', so the officer never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  } as const;
}

/**
 * Permissions a page of the app may have: writing to the clipboard (a grid's «Копировать»).
 * Camera, geolocation, notifications and the rest are refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl ?? '');
}
