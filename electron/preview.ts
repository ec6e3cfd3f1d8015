// The app in a browser, where Electron cannot run: the built renderer and the real handlers on
// a real database file, joined by the loopback bridge.
//   npm run preview [-- --db FILE] [--port N]
// The renderer is built first when dist/renderer is missing or older than its sources.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlerContext } from './api/context';
import { createDispatch } from './api/dispatch';
import { startLoopbackBridge } from './bridge/loopbackBridge';
import { closeWorkspace, openWorkspace } from './db/workspace';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const builtEntry = path.join(projectRoot, 'dist', 'renderer', 'index.html');

/** What the built renderer is made of: its own sources, the shared code and the demo program. */
const RENDERER_SOURCES = ['renderer', 'shared', path.join('resources', 'demo'), 'vite.config.ts', 'package.json'];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

export function rendererIsStale(): boolean {
  if (!existsSync(builtEntry)) return true;
  const built = statSync(builtEntry).mtimeMs;
  return RENDERER_SOURCES.some((source) => newestChange(path.join(projectRoot, source)) > built);
}

async function buildRenderer(): Promise<void> {
  console.log('Сборка интерфейса (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

interface PreviewArguments {
  db: string;
  port: number;
}

function usage(message: string): never {
  console.error(`${message}\nЗапуск: npm run preview [-- --db ФАЙЛ.sqlite] [--port ПОРТ]`);
  process.exit(2);
}

function parseArguments(argv: string[]): PreviewArguments {
  const parsed: PreviewArguments = { db: 'munplan-preview.sqlite', port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? usage(`После ${flag} нужно значение`);
    if (flag === '--db') parsed.db = value();
    else if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('Порт — целое число от 0 до 65535');
      parsed.port = port;
    } else usage(`Неизвестный параметр «${argv[i]}»`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  if (rendererIsStale()) await buildRenderer();
  const dbFile = path.resolve(args.db);
  const workspace = openWorkspace(dbFile);
  const dispatch = createDispatch(createHandlerContext(workspace));
  const bridge = await startLoopbackBridge({ dispatch, staticDir: path.dirname(builtEntry), host: '127.0.0.1', port: args.port });

  console.log(`Munplan в браузере: ${bridge.url}`);
  console.log(`База данных: ${dbFile}`);
  console.log('Адрес действует, пока работает эта команда; остановить — Ctrl+C.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bridge.close();
    closeWorkspace(workspace);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

try {
  await main();
} catch (error) {
  // Whatever stopped the start (a port in use, a database of a newer version), in words.
  console.error(`Предпросмотр не запущен: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
