// A real SQLite file in a fresh temporary folder, with the real dispatcher and a typed client.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch, type Dispatch } from '../../electron/api/dispatch';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/db/workspace';

export interface TestWorkspace {
  folder: string;
  file: string;
  ws: Workspace;
  dispatch: Dispatch;
  api: ApiClient;
  /**
   * The client as the renderer has it: over Electron IPC or the loopback bridge every answer
   * arrives as the renderer's own copy, which its store keeps and patches. Called in-process,
   * an answer may be the handlers' live arrays, which the next edit would change underneath.
   */
  rendererApi: ApiClient;
  /** Closes and opens the file again, as the next start of the app would. */
  reopen(): void;
  dispose(): void;
}

export function createTestWorkspace(fileName = 'workspace.sqlite'): TestWorkspace {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'munplan-test-'));
  const file = path.join(folder, fileName);
  const bind = (ws: Workspace) => {
    const dispatch = createDispatch(createHandlerContext(ws), () => {});
    return { ws, dispatch, api: createApiClient(dispatch), rendererApi: createApiClient(async (name, request) => structuredClone(await dispatch(name, request))) };
  };
  const state: TestWorkspace = {
    folder,
    file,
    ...bind(openWorkspace(file)),
    reopen() {
      closeWorkspace(state.ws);
      Object.assign(state, bind(openWorkspace(file)));
    },
    dispose() {
      if (state.ws.sqlite.open) closeWorkspace(state.ws);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return state;
}

/** Every row of every table, for comparing whole-database states. */
export function snapshotTables(ws: Workspace, except: string[] = ['edits', 'edit_changes', 'journal_state']): Record<string, unknown[]> {
  const tables = ws.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.filter((t) => !except.includes(t.name)).map((t) => [t.name, ws.sqlite.prepare(`SELECT * FROM "${t.name}" ORDER BY id`).all()]),
  );
}
