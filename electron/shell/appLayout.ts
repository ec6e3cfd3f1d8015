// Where the built app's parts live, relative to the app's root: the project folder in
// development, app.asar when packaged. The build writes them here, main.ts loads them from
// here, and electron-builder.yml packages these folders.

import path from 'node:path';

/** package.json's "main". */
export const MAIN_BUNDLE = path.join('dist', 'electron', 'main.js');
export const PRELOAD_BUNDLE = path.join('dist', 'electron', 'preload.cjs');
/** Vite's output (vite.config.ts). */
export const RENDERER_FOLDER = path.join('dist', 'renderer');
export const RENDERER_ENTRY = path.join(RENDERER_FOLDER, 'index.html');
/** better-sqlite3 built for Electron's ABI, copied here from its cache by the build. */
export const ELECTRON_BINDING = path.join('dist', 'native', 'better_sqlite3.node');
