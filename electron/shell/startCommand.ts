// `npm start` and `npm run build:electron`. Start: find the Electron binary (fetching it once
// if npm's install step was skipped), build what the window needs, launch it. Where Electron
// cannot be had, one sentence says so and points to the browser preview.
//   tsx electron/shell/startCommand.ts            build and launch
//   tsx electron/shell/startCommand.ts --build    build only (before electron-builder)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRenderer, bundleShell, ensureElectronBinding } from './buildShell';

export const ELECTRON_MISSING =
  'Electron не установлен на этой машине (его не удалось загрузить); откройте Munplan в браузере: npm run preview';

export interface ElectronProbe {
  /** The binary's path as the electron package reports it; throws when it has none. */
  resolve(): string;
  exists(file: string): boolean;
  /** Runs the electron package's download step; true when it succeeded. */
  download(): boolean;
}

/** The Electron binary, or null when it is not installed and cannot be downloaded. */
export function locateElectron(probe: ElectronProbe, env: NodeJS.ProcessEnv): string | null {
  const find = () => {
    try {
      const file = probe.resolve();
      return probe.exists(file) ? file : null;
    } catch {
      return null;
    }
  };
  const found = find();
  if (found) return found;
  // The project's install skips Electron's download script (package.json "allowScripts");
  // ELECTRON_SKIP_BINARY_DOWNLOAD is how build machines and tests say not to try at all.
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  return probe.download() ? find() : null;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronProbe(env: NodeJS.ProcessEnv): ElectronProbe {
  const require = createRequire(path.join(projectRoot, 'package.json'));
  return {
    resolve() {
      if (env.MUNPLAN_ELECTRON_BINARY) return env.MUNPLAN_ELECTRON_BINARY;
      // In Node the electron package exports the binary's path. A failed require is not cached,
      // so asking again after a download sees the new state.
      const id = require.resolve('electron');
      delete require.cache[id];
      return require(id) as string;
    },
    exists: existsSync,
    download() {
      const script = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
      return spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 15 * 60_000 }).status === 0;
    },
  };
}

async function buildAll(log: (line: string) => void): Promise<void> {
  await bundleShell(projectRoot);
  await ensureElectronBinding(projectRoot, log);
  await buildRenderer(projectRoot);
}

function launch(electron: string): void {
  const env = { ...process.env };
  // Set by some tools; it would make the binary a plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, ['.'], { cwd: projectRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function runStartCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const buildOnly = argv.includes('--build');
  const log = (line: string) => console.log(line);
  let electron: string | null = null;
  if (!buildOnly) {
    electron = locateElectron(electronProbe(env), env);
    if (!electron) {
      console.error(ELECTRON_MISSING);
      return 1;
    }
  }
  try {
    await buildAll(log);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (electron) launch(electron);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runStartCommand(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
