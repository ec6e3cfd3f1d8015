// The bar above every screen: which program, whether an amendment is open, undo and redo,
// and long work in progress.

import { actTitle, periodText } from '../format';
import { useStore } from '../store';
import { TaskList } from './TaskList';

export function TopBar() {
  const program = useStore((s) => s.detail?.program ?? null);
  const openAmendment = useStore((s) => s.detail?.amendments.find((a) => a.status === 'open') ?? null);
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  const undoLabel = useStore((s) => s.undoLabel);
  const redoLabel = useStore((s) => s.redoLabel);
  const undo = useStore((s) => s.undo);
  const redo = useStore((s) => s.redo);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <header className="top-bar">
      <div className="top-title">
        {program ? (
          <>
            <h1>{program.title}</h1>
            <span className="muted">{periodText(program.periodStart, program.periodEnd)}</span>
          </>
        ) : (
          <h1>Муниципальные программы</h1>
        )}
        {openAmendment && (
          <button type="button" className="amendment-flag" onClick={() => setScreen('amendments')}>
            Открыты изменения: {actTitle(openAmendment)}
          </button>
        )}
      </div>
      <TaskList />
      <div className="top-actions">
        <button type="button" className="button" disabled={!canUndo} onClick={() => void undo()} title={undoLabel ? `Отменить: ${undoLabel} (Ctrl+Z)` : 'Отменить (Ctrl+Z)'}>
          ↶ Отменить
        </button>
        <button type="button" className="button" disabled={!canRedo} onClick={() => void redo()} title={redoLabel ? `Повторить: ${redoLabel} (Ctrl+Y)` : 'Повторить (Ctrl+Y)'}>
          ↷ Повторить
        </button>
      </div>
    </header>
  );
}
