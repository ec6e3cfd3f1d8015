// The packaging configuration (electron-builder.yml) and the build that feeds it: the installers
// asked for, per-user without administrator rights, native modules outside the asar, the fonts
// and resources included, and every path it names either in the repository or made by the build.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFontPaths } from '../../electron/reports/render/fonts';
import { ELECTRON_BINDING, MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_ENTRY, RENDERER_FOLDER } from '../../electron/shell/appLayout';
import { bundleShell } from '../../electron/shell/buildShell';

const projectRoot = process.cwd();
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, any>;
const posix = (file: string) => file.split(path.sep).join('/');
const targetNames = (targets: (string | { target: string })[]) => targets.map((t) => (typeof t === 'string' ? t : t.target));

/** Whether electron-builder's `files` would take this project-relative file into the app. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('names the product in Russian terms', () => {
    expect(config.productName).toBe('Munplan');
    expect(config.appId).toMatch(/^ru\./);
    expect(config.linux.description).toMatch(/[А-Яа-яЁё]{5}/);
    expect(packageJson.description).toMatch(/^[А-ЯЁ][а-яё]+/);
  });

  it('builds the Windows installer per user, without administrator rights, and a portable .exe', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
  });

  it('builds .deb (Astra Linux), .rpm (РЕД ОС) and AppImage for Linux', () => {
    expect(targetNames(config.linux.target)).toEqual(['deb', 'rpm', 'AppImage']);
    // .deb needs a maintainer; package.json has no author to take one from.
    expect(config.linux.maintainer).toBeTruthy();
  });

  it("unpacks native modules from the asar, and leaves node_modules' Node build alone", () => {
    const unpacked = (file: string) => (config.asarUnpack as string[]).some((pattern) => minimatch(file, pattern, { dot: true }));
    expect(unpacked('dist/native/better_sqlite3.node')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('packages the bundles, the Electron build of better-sqlite3, the renderer, resources and fonts', () => {
    expect(packageJson.main).toBe(posix(MAIN_BUNDLE));
    for (const file of [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_ENTRY, ELECTRON_BINDING, 'package.json']) {
      expect(packaged(posix(file)), file).toBe(true);
    }
    expect(packaged('resources/demo/ryazan.munplan.json')).toBe(true);
    for (const font of Object.values(reportFontPaths())) {
      expect(existsSync(font), font).toBe(true);
      expect(packaged(posix(path.relative(projectRoot, font))), font).toBe(true);
    }
    expect(packageJson.dependencies['@expo-google-fonts/tinos']).toBeDefined();
    expect(packaged('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(packaged('dist/electron/main.js.map')).toBe(false);
  });

  it('names only paths that exist in the repository or that build:electron makes', () => {
    const built = [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_ENTRY, ELECTRON_BINDING].map((f) => path.dirname(posix(f)));
    for (const pattern of config.files as string[]) {
      const base = pattern.replace(/^!/, '').split('/').filter((part) => !/[*?{[]/.test(part));
      const fixed = base.join('/');
      const madeByBuild = built.some((folder) => folder === fixed || folder.startsWith(`${fixed}/`) || fixed.startsWith(`${folder}/`));
      expect(existsSync(fixed) || madeByBuild, pattern).toBe(true);
    }
  });

  it('takes the renderer from where Vite builds it', async () => {
    const { loadConfigFromFile } = await import('vite');
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(projectRoot, 'vite.config.ts'), projectRoot, 'silent');
    expect(path.resolve(projectRoot, loaded!.config.build!.outDir!)).toBe(path.join(projectRoot, RENDERER_FOLDER));
  });

  it("passes electron-builder's own validation", async () => {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    const loaded = await getConfig(projectRoot, null, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('package.json scripts', () => {
  it('start, build:electron and dist run the shell build, dist then electron-builder', () => {
    const { scripts } = packageJson;
    expect(scripts.start).toMatch(/electron\/shell\/startCommand\.ts$/);
    expect(scripts['build:electron']).toMatch(/electron\/shell\/startCommand\.ts --build$/);
    expect(scripts.dist).toMatch(/^npm run build:electron && electron-builder\b/);
  });
});

describe('the shell bundles', () => {
  let out: string;
  beforeAll(async () => {
    // Inside the project, so that the bundle finds node_modules as dist/electron/main.js does.
    mkdirSync(path.join(projectRoot, 'test-output'), { recursive: true });
    out = mkdtempSync(path.join(projectRoot, 'test-output', 'shell-bundle-'));
    await bundleShell(projectRoot, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('makes a sandbox-safe preload that requires nothing but electron', () => {
    const preload = readFileSync(path.join(out, PRELOAD_BUNDLE), 'utf8');
    const required = [...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('makes an ES module main that leaves electron and better-sqlite3 to be loaded at run time', () => {
    const main = readFileSync(path.join(out, MAIN_BUNDLE), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toMatch(/from "better-sqlite3"/);
    expect(main).not.toContain('function Database(filenameGiven');
    expect(main).not.toMatch(/\brequire\(/);
  });

  it("runs under Node's own ES module loader: opens the database and exports a PDF with the fonts", () => {
    // Electron's module is replaced by a stub; everything else is loaded as the app loads it.
    const folder = path.dirname(path.join(out, MAIN_BUNDLE));
    const userData = path.join(out, 'userData');
    writeFileSync(
      path.join(folder, 'electron-stub.mjs'),
      `const noop = () => {};
export const handlers = new Map();
const win = { webContents: { id: 5, send: noop }, isDestroyed: () => false, maximize: noop, once: noop, on: noop, setTitle: noop, loadURL: async () => {} };
export const app = { isPackaged: false, getAppPath: () => ${JSON.stringify(out)}, requestSingleInstanceLock: () => true, quit: noop, on: noop,
  whenReady: async () => {}, exit: (code) => process.exit(10 + code), getPath: () => ${JSON.stringify(userData)} };
export const BrowserWindow = class { constructor() { return win; } };
export const dialog = { showErrorBox: (...a) => console.error(...a), showMessageBox: async () => ({ response: 1 }),
  showSaveDialog: async () => ({ canceled: false, filePath: ${JSON.stringify(path.join(out, 'passport'))} }) };
export const ipcMain = { handle: (channel, handler) => handlers.set(channel, handler) };
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: noop };
export const protocol = { registerSchemesAsPrivileged: noop, handle: noop };
export const screen = { getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [] };
export const session = { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, webRequest: { onBeforeRequest: noop, onHeadersReceived: noop } } };
`,
    );
    writeFileSync(path.join(folder, 'main-on-node.mjs'), readFileSync(path.join(out, MAIN_BUNDLE), 'utf8').replace(/from "electron"/g, 'from "./electron-stub.mjs"'));
    writeFileSync(
      path.join(folder, 'drive.mjs'),
      `import { handlers } from './electron-stub.mjs';
const main = await import('./main-on-node.mjs');
await main.started;
const event = { sender: { id: 5 }, senderFrame: { url: 'app://munplan/index.html', parent: null } };
const call = (name, request) => handlers.get('munplan:invoke')(event, name, request);
const program = await call('programs/create', { title: 'Проверка сборки', periodStart: 2022, periodEnd: 2024 });
const exportTo = (file) => call('reports/export', { programId: program.result.id, report: 'passport', format: 'pdf', file });
const unchosen = await exportTo(${JSON.stringify(path.join(out, 'unchosen.pdf'))});
const file = await handlers.get('munplan:save-file')(event, { kind: 'report', format: 'pdf' });
const pdf = await exportTo(file);
console.log(JSON.stringify({ unchosen, pdf }));
process.exit(0);
`,
    );
    mkdirSync(userData);
    const run = spawnSync(process.execPath, [path.join(folder, 'drive.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { unchosen, pdf } = JSON.parse(run.stdout);
    // The window writes a report only where the save dialog pointed (electron/api/windowDispatch.ts).
    expect(unchosen).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(existsSync(path.join(out, 'unchosen.pdf'))).toBe(false);
    expect(pdf).toMatchObject({ ok: true, result: { file: path.join(out, 'passport.pdf') } });
    expect(readFileSync(path.join(out, 'passport.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(path.join(userData, 'munplan.sqlite'))).toBe(true);
  });
});
