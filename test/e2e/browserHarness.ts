// The app as an officer's browser sees it, for end-to-end tests, screenshots and the renderer
// benchmark: the built renderer and the real handlers on a real SQLite file behind the
// loopback bridge, opened in Debian's headless Chromium.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import { startLoopbackBridge } from '../../electron/bridge/loopbackBridge';
import { builtRendererFolder, ensureRendererBuilt } from '../../electron/bridge/rendererBuild';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/db/workspace';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  folder: string;
  dbFile: string;
  /** The same handlers the page talks to, for arranging data and checking the database. */
  api: ApiClient;
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowserApp(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserApp> {
  await ensureRendererBuilt(() => undefined);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-e2e-'));
  const dbFile = path.join(folder, 'workspace.sqlite');
  const ws: Workspace = openWorkspace(dbFile);
  const dispatch = createDispatch(createHandlerContext(ws), () => {});
  const bridge = await startLoopbackBridge({ dispatch, staticDir: builtRendererFolder, host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(bridge.url).origin });
  const page = await context.newPage();
  return {
    folder,
    dbFile,
    api: createApiClient(dispatch),
    url: bridge.url,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await bridge.close();
      closeWorkspace(ws);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
