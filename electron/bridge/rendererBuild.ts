// The built renderer that the preview and the end-to-end tests serve: rebuilt with Vite when
// it is missing or older than what it is made of.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtRendererFolder = path.join(projectRoot, 'dist', 'renderer');
const builtEntry = path.join(builtRendererFolder, 'index.html');

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

export async function ensureRendererBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!rendererIsStale()) return;
  log('Сборка интерфейса (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
}
