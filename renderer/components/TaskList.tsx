// Long work in progress: what it is, how far it got, and a way to stop it.

import { useStore } from '../store';

export function TaskList() {
  const tasks = useStore((s) => s.tasks);
  const cancelTask = useStore((s) => s.cancelTask);
  if (tasks.length === 0) return null;
  return (
    <ul className="tasks" aria-label="Выполняется">
      {tasks.map((task) => (
        <li key={task.id} className="task">
          <span className="task-label">{task.cancelling ? `${task.label} — прерывается…` : task.label}</span>
          <progress aria-label={task.label} max={1} value={task.progress ?? undefined} />
          {task.cancellable && (
            <button type="button" className="button small" disabled={task.cancelling} onClick={() => cancelTask(task.id)} aria-label={`Прервать: ${task.label}`}>
              Прервать
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
