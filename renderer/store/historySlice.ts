// Undo and redo across the whole session (the journal is the workspace's, so it also reaches
// edits made before the app was last closed). After either, everything shown is reloaded:
// an undo may touch any program, or remove the open one.

import type { EditEntry } from '../../shared/api/contract';
import type { HistorySlice, SliceCreator } from './types';

function labels(edits: EditEntry[]): { undoLabel: string | null; redoLabel: string | null } {
  // Newest first: undo takes the newest done edit, redo the oldest undone one.
  const undoable = edits.find((edit) => edit.state === 'done');
  const redoable = edits.filter((edit) => edit.state === 'undone').at(-1);
  return { undoLabel: undoable?.summary ?? null, redoLabel: redoable?.summary ?? null };
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set, get) => {
  let labelsRefresh: ReturnType<typeof setTimeout> | undefined;

  async function step(direction: 'undo' | 'redo'): Promise<void> {
    try {
      const result = await get().api(direction === 'undo' ? 'history/undo' : 'history/redo', {});
      set({ canUndo: result.canUndo, canRedo: result.canRedo });
      if (!result.edit) {
        get().showNotice(direction === 'undo' ? 'Отменять нечего' : 'Повторять нечего');
        return;
      }
      await Promise.all([get().refreshProgram(), get().loadPrograms(), get().loadOrganisations()]);
      await get().refreshHistory();
      get().showNotice(`${direction === 'undo' ? 'Отменено' : 'Повторено'}: ${result.edit.summary}`);
    } catch (error) {
      get().showError(error);
    }
  }

  return {
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
    undo: () => step('undo'),
    redo: () => step('redo'),

    async refreshHistory() {
      try {
        const { edits, canUndo, canRedo } = await get().api('history/list', { programId: null, limit: 50 });
        set({ canUndo, canRedo, ...labels(edits) });
      } catch (error) {
        get().showError(error);
      }
    },

    noteEdit() {
      set({ canUndo: true, canRedo: false, redoLabel: null });
      // The labels can wait for the edit itself to show: asked for in a task of their own, once
      // for edits that come together. Sent from the same task, the request went out before the
      // grid drew the new sums and held them back (4 ms an edit on the benchmark's machine).
      clearTimeout(labelsRefresh);
      labelsRefresh = setTimeout(() => void get().refreshHistory(), 0);
    },
  };
};
