// The app in a browser, where Electron cannot run: the built renderer and the real handlers on
// a real database file, joined by the loopback bridge.
//   npm run preview [-- --db FILE] [--port N]
// The renderer is built first when dist/renderer is missing or older than its sources.

import path from 'node:path';
import { createHandlerContext } from './api/context';
import { createDispatch } from './api/dispatch';
import { startLoopbackBridge } from './bridge/loopbackBridge';
import { builtRendererFolder, ensureRendererBuilt } from './bridge/rendererBuild';
import { closeWorkspace, openWorkspace } from './db/workspace';

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
  await ensureRendererBuilt();
  const dbFile = path.resolve(args.db);
  const workspace = openWorkspace(dbFile);
  const dispatch = createDispatch(createHandlerContext(workspace));
  const bridge = await startLoopbackBridge({ dispatch, staticDir: builtRendererFolder, host: '127.0.0.1', port: args.port });

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
