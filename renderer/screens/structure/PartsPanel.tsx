// Adding and removing parts of the program: a subprogram, task, main activity, activity or
// roadmap step under a chosen parent, and deleting a part with everything under it after a
// confirmation. Each is one edit, undone with Ctrl+Z like any other.

import { useMemo, useState } from 'react';
import { NODE_KINDS, NODE_KIND_LABELS, type NodeKind } from '../../../shared/domain';
import { buildProgramTree } from '../../../shared/programTree';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStore } from '../../store';

/** What a new part under a parent of this kind usually is. */
const CHILD_KIND: Record<NodeKind | 'root', NodeKind> = {
  root: 'task',
  subprogram: 'mainActivity',
  task: 'mainActivity',
  mainActivity: 'activity',
  activity: 'step',
  step: 'step',
};

export function PartsPanel() {
  const detail = useStore((s) => s.detail);
  const [parentId, setParentId] = useState<string>('');
  const [kind, setKind] = useState<NodeKind>('task');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [removing, setRemoving] = useState<string>('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const parts = useMemo(() => {
    if (!detail) return [];
    const tree = buildProgramTree(detail.nodes);
    return tree.depthFirst.map((node) => ({ node, depth: tree.depthOf(node.id) }));
  }, [detail]);
  if (!detail) return null;

  const label = (id: string) => {
    const part = parts.find((p) => String(p.node.id) === id)?.node;
    return part ? `${part.code ? `${part.code} ` : ''}${part.title}` : '';
  };

  const chooseParent = (value: string) => {
    setParentId(value);
    const parent = parts.find((p) => String(p.node.id) === value)?.node;
    setKind(CHILD_KIND[parent?.kind ?? 'root']);
  };

  const add = async () => {
    const { api, refreshProgram, noteEdit } = useStore.getState();
    setProblem(null);
    try {
      await api('nodes/create', {
        programId: detail.program.id,
        parentId: parentId ? Number(parentId) : null,
        kind,
        code: code.trim(),
        title: title.trim(),
      });
      setCode('');
      setTitle('');
      await refreshProgram();
      noteEdit();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const remove = async () => {
    const { api, refreshProgram, noteEdit, showError } = useStore.getState();
    setConfirming(false);
    try {
      await api('nodes/delete', { nodeId: Number(removing) });
      setRemoving('');
      await refreshProgram();
      noteEdit();
    } catch (error) {
      showError(error);
    }
  };

  const options = parts.map(({ node, depth }) => (
    <option key={node.id} value={node.id}>
      {`${'\u00a0\u00a0'.repeat(depth)}${node.code ? `${node.code} ` : ''}${node.title}`.slice(0, 90)}
    </option>
  ));

  return (
    <section className="parts-panel" aria-label="Части программы">
      <form
        className="parts-form"
        aria-label="Добавить часть программы"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label>
          Внутри
          <select value={parentId} onChange={(e) => chooseParent(e.target.value)}>
            <option value="">— верхний уровень —</option>
            {options}
          </select>
        </label>
        <label>
          Вид
          <select value={kind} onChange={(e) => setKind(e.target.value as NodeKind)}>
            {NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {NODE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Номер
          <input value={code} onChange={(e) => setCode(e.target.value)} size={6} placeholder="1.1" />
        </label>
        <label className="parts-title">
          Наименование
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <button type="submit" className="button small" disabled={!title.trim()}>
          Добавить часть
        </button>
        {problem && (
          <span role="alert" className="field-error">
            {problem}
          </span>
        )}
      </form>
      <form
        className="parts-form"
        aria-label="Удалить часть программы"
        onSubmit={(event) => {
          event.preventDefault();
          if (removing) setConfirming(true);
        }}
      >
        <label>
          Часть
          <select value={removing} onChange={(e) => setRemoving(e.target.value)}>
            <option value="">— выберите —</option>
            {options}
          </select>
        </label>
        <button type="submit" className="button small danger" disabled={!removing}>
          Удалить часть…
        </button>
      </form>
      {confirming && (
        <ConfirmDialog
          title="Удалить часть программы?"
          confirmLabel="Удалить"
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          «{label(removing)}» будет удалена вместе со всеми вложенными частями и их суммами. Отменить можно через Ctrl+Z.
        </ConfirmDialog>
      )}
    </section>
  );
}
