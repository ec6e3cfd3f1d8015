// A real workspace behind the renderer's store for component tests: a temporary SQLite file,
// the real dispatcher, and a client that records every call the screens make.

import { cleanup } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { MethodName } from '../../../shared/api/contract';
import { resetStore, useStore } from '../../../renderer/store';
import { createTestWorkspace, type TestWorkspace } from '../../support/testWorkspace';

export interface RecordedCall {
  name: MethodName;
  request: unknown;
  result?: unknown;
  error?: unknown;
}

export interface RendererWorkspace {
  workspace: TestWorkspace;
  /** The client the store uses; calls go to the real dispatcher. */
  api: ApiClient;
  calls: RecordedCall[];
  callsOf(name: MethodName): RecordedCall[];
  /** Makes the next call of `name` wait until the returned function is called. */
  holdNext(name: MethodName): () => void;
}

/** Registers beforeEach/afterEach that give each test a fresh workspace and a reset store. */
export function useRendererWorkspace(): () => RendererWorkspace {
  let current: RendererWorkspace;
  beforeEach(() => {
    const workspace = createTestWorkspace();
    const calls: RecordedCall[] = [];
    const holds = new Map<MethodName, Promise<void>>();
    const api = (async (name: MethodName, request: unknown) => {
      const call: RecordedCall = { name, request };
      calls.push(call);
      const hold = holds.get(name);
      if (hold) {
        holds.delete(name);
        await hold;
      }
      try {
        call.result = await (workspace.rendererApi as (n: MethodName, r: unknown) => Promise<unknown>)(name, request);
        return call.result;
      } catch (error) {
        call.error = error;
        throw error;
      }
    }) as ApiClient;
    current = {
      workspace,
      api,
      calls,
      callsOf: (name) => calls.filter((c) => c.name === name),
      holdNext(name) {
        let release!: () => void;
        holds.set(name, new Promise<void>((resolve) => (release = resolve)));
        return () => release();
      },
    };
    resetStore({ api });
  });
  afterEach(() => {
    cleanup();
    resetStore();
    current.workspace.dispose();
  });
  return () => current;
}

// A string, not new URL(…): under jsdom the global URL is jsdom's, which node:url refuses.
export const DEMO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/demo/ryazan.munplan.json');

/** Loads the demonstration program into the workspace through the API, as the app does. */
export async function loadDemoProgram(api: ApiClient): Promise<number> {
  const document = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as unknown;
  const program = await api('transfer/import-json', { document });
  return program.id;
}

/** Opens the program in the store on a screen, as a click in the navigation would. */
export async function openInStore(programId: number, screen: Parameters<ReturnType<typeof useStore.getState>['openProgram']>[1]): Promise<void> {
  await useStore.getState().openProgram(programId, screen);
}

export const NBSP = '\u00a0';
