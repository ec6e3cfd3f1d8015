// better-sqlite3 is a native module, and Node and Electron have different ABIs. node_modules
// keeps the build for Node (npm test, the CLI); the desktop app gets its own build for
// Electron's ABI, kept in a cache folder keyed by everything that changes the binary, copied
// next to the bundled main process, and loaded through better-sqlite3's nativeBinding option.
// So `npm test` and `npm start` each find the right binary, in either order, with no manual step.
// This file decides; electron/shell/buildShell.ts builds.

import path from 'node:path';
import { ELECTRON_BINDING } from './appLayout';

export const BINDING_FILE = 'better_sqlite3.node';

/** Everything a compiled better_sqlite3.node depends on. */
export interface BindingKey {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export function bindingKeyName(key: BindingKey): string {
  return `electron-${key.electron}_better-sqlite3-${key.betterSqlite3}_${key.platform}-${key.arch}`;
}

/** The cache lives in node_modules, so a fresh `npm ci` starts it over with the new packages. */
export function bindingCacheRoot(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'munplan-electron-native');
}

export function cachedBindingFile(cacheRoot: string, key: BindingKey): string {
  return path.join(cacheRoot, bindingKeyName(key), BINDING_FILE);
}

/** Where the main process finds its binding: beside the bundle, inside the package too. */
export function stagedBindingFile(appRoot: string): string {
  return path.join(appRoot, ELECTRON_BINDING);
}

export type BindingPlan = { action: 'reuse'; file: string } | { action: 'build'; file: string; reason: string };

/** Whether the Electron build for this key is already in the cache or must be built. */
export function planBinding(key: BindingKey, cacheRoot: string, exists: (file: string) => boolean): BindingPlan {
  const file = cachedBindingFile(cacheRoot, key);
  if (exists(file)) return { action: 'reuse', file };
  return {
    action: 'build',
    file,
    reason: `нет сборки better-sqlite3 ${key.betterSqlite3} для Electron ${key.electron} (${key.platform}-${key.arch})`,
  };
}

/**
 * npm hands its configuration to scripts as npm_config_* variables, and node-gyp obeys them:
 * a `nodedir` (as on machines without header downloads) would silently build against Node's
 * headers instead of Electron's. These are dropped for the Electron build.
 */
export function electronBuildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const overriding = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !overriding.test(name)));
}

/**
 * The binding the main process passes to better-sqlite3. Under plain Node (tests) the package's
 * own build is right: undefined. Under Electron the staged copy must be there.
 */
export function bindingForProcess(electronVersion: string | undefined, stagedFile: string, exists: (file: string) => boolean): string | undefined {
  if (!electronVersion) return undefined;
  if (exists(stagedFile)) return stagedFile;
  throw new Error(`Не найдена сборка better-sqlite3 для Electron (${stagedFile}): запустите приложение командой npm start, она её соберёт`);
}
