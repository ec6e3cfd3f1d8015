// The build steps behind `npm start`, `npm run build:electron` and `npm run dist`: the main
// process and preload bundled with esbuild, better-sqlite3 built for Electron's ABI (once per
// version, cached) and staged beside them, and the renderer built by Vite.

import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { ensureRendererBuilt } from '../bridge/rendererBuild';
import { MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_ENTRY } from './appLayout';
import {
  bindingCacheRoot,
  electronBuildEnvironment,
  planBinding,
  stagedBindingFile,
  type BindingKey,
} from './nativeBinding';

export type Log = (line: string) => void;

/**
 * main: an ES module (package.json says "type": "module"; Electron runs ESM main processes)
 * with every package left to node_modules, so native and data-reading packages (better-sqlite3,
 * pdfkit's font metrics, the Tinos files) load from where they are installed and packaged.
 * preload: one CommonJS file for the sandbox, whose require knows nothing but 'electron'.
 */
export async function bundleShell(projectRoot: string, outRoot = projectRoot): Promise<{ main: string; preload: string }> {
  const main = path.join(outRoot, MAIN_BUNDLE);
  const preload = path.join(outRoot, PRELOAD_BUNDLE);
  const common = { absWorkingDir: projectRoot, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' } as const;
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: main, platform: 'node', format: 'esm', target: 'node22', packages: 'external' }),
    // platform browser: a Node built-in imported by mistake fails the build instead of the window.
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: preload, platform: 'browser', format: 'cjs', target: 'chrome130', external: ['electron'] }),
  ]);
  return { main, preload };
}

function packageVersion(projectRoot: string, name: string): string {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

export function bindingKeyOf(projectRoot: string, platform: string = process.platform, arch: string = process.arch): BindingKey {
  return { electron: packageVersion(projectRoot, 'electron'), betterSqlite3: packageVersion(projectRoot, 'better-sqlite3'), platform, arch };
}

/**
 * Builds better_sqlite3.node for Electron from a private copy of the package, so the copy in
 * node_modules stays Node's. @electron/rebuild (electron-builder's own rebuilder) fetches a
 * prebuilt binary when one is published for this Electron, else compiles against its headers.
 */
async function buildBinding(projectRoot: string, key: BindingKey, target: string, log: Log): Promise<void> {
  const work = path.join(path.dirname(path.dirname(target)), `build-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const moduleCopy = path.join(work, 'node_modules', 'better-sqlite3');
  const installed = path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('better-sqlite3/package.json'));
  try {
    cpSync(installed, moduleCopy, { recursive: true, filter: (source) => path.relative(installed, source).split(path.sep)[0] !== 'build' });
    writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'munplan-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': key.betterSqlite3 } }),
    );
    const environment = electronBuildEnvironment(process.env);
    for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
    log(`Сборка better-sqlite3 ${key.betterSqlite3} для Electron ${key.electron} (один раз для этой версии)…`);
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion: key.electron, arch: key.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    const built = path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`сборка не создала ${built}`);
    mkdirSync(path.dirname(target), { recursive: true });
    // Copied aside and renamed: an interrupted build never leaves a file that looks finished.
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Makes sure dist/native holds better-sqlite3 for this Electron, building it if needed. */
export async function ensureElectronBinding(projectRoot: string, log: Log): Promise<string> {
  const key = bindingKeyOf(projectRoot);
  const plan = planBinding(key, bindingCacheRoot(projectRoot), existsSync);
  if (plan.action === 'build') {
    try {
      await buildBinding(projectRoot, key, plan.file, log);
    } catch (error) {
      throw new Error(
        `Не удалось собрать better-sqlite3 для Electron ${key.electron}: ${(error as Error).message}. ` +
          'Нужны доступ к интернету (заголовки Electron) и компилятор C++ (на Windows — Visual Studio Build Tools).',
      );
    }
  }
  const staged = stagedBindingFile(projectRoot);
  mkdirSync(path.dirname(staged), { recursive: true });
  copyFileSync(plan.file, staged);
  return staged;
}

/** Builds the renderer into dist/renderer unless it is already up to date with its sources. */
export async function buildRenderer(projectRoot: string): Promise<string> {
  await ensureRendererBuilt(() => undefined);
  const entry = path.join(projectRoot, RENDERER_ENTRY);
  if (!existsSync(entry)) throw new Error(`Интерфейс не собран: нет ${RENDERER_ENTRY}`);
  return entry;
}
