// The latest notice or error, in words; closed by its button or replaced by the next one.

import { useStore } from '../store';

export function Messages() {
  const notice = useStore((s) => s.notice);
  const error = useStore((s) => s.error);
  const dismiss = useStore((s) => s.dismissMessages);
  if (!notice && !error) return null;
  return (
    <div className={error ? 'message message-error' : 'message message-notice'} role={error ? 'alert' : 'status'}>
      <span>{error ?? notice}</span>
      <button type="button" className="button link" onClick={dismiss} aria-label="Закрыть сообщение">
        ✕
      </button>
    </div>
  );
}
