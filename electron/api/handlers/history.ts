import { canUndoRedo, listEdits, redoNext, undoLast } from '../../db/journal';
import type { HandlerTable } from './types';

export const historyHandlers: HandlerTable<'history/undo' | 'history/redo' | 'history/list'> = {
  'history/undo': ({ ws }) => ({ edit: undoLast(ws), ...canUndoRedo(ws) }),
  'history/redo': ({ ws }) => ({ edit: redoNext(ws), ...canUndoRedo(ws) }),
  'history/list': ({ ws }, { programId, limit }) => ({ edits: listEdits(ws, programId, limit), ...canUndoRedo(ws) }),
};
