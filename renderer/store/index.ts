// The one store of the renderer, composed of slices; every action lives at its root.
// Components select what they show (useStore((s) => s.detail)); tests reset it per test.

import { create } from 'zustand';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { createHistorySlice } from './historySlice';
import { createProgramSlice } from './programSlice';
import { createProgramsSlice } from './programsSlice';
import type { StoreState } from './types';
import { createUiSlice } from './uiSlice';

/** Until start-up sets the real client, every call answers that there is no connection. */
const unconnected: ApiClient = createApiClient(async () => ({
  ok: false,
  error: { code: 'internal', message: 'Нет связи с данными: программа ещё не подключена к базе.' },
}));

export const useStore = create<StoreState>()((...args) => ({
  api: unconnected,
  ...createProgramsSlice(...args),
  ...createProgramSlice(...args),
  ...createHistorySlice(...args),
  ...createUiSlice(...args),
}));

const initialState = useStore.getState();

/** Back to the state at start-up (tests call it before each render), with overrides such as the api. */
export function resetStore(overrides: Partial<StoreState> = {}): void {
  for (const task of useStore.getState().tasks) task.controller.abort();
  useStore.setState({ ...initialState, ...overrides }, true);
}

export type { Focus, Screen, StoreState, Task } from './types';
export { SCREENS } from './types';
export { placeOfFinding } from './uiSlice';
