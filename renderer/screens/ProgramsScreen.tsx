// The programs of the workspace: open, create, copy, delete; and on an empty workspace, the
// offer to open the demonstration program.

import { useState, type FormEvent } from 'react';
import { PROGRAM_STATUS_LABELS, type ProgramSummary } from '../../shared/domain';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { amountText, periodText } from '../format';
import { NEW_PROGRAM_TITLE } from '../hooks/useMenuActions';
import { useStore } from '../store';

function FirstStart() {
  const openDemoProgram = useStore((s) => s.openDemoProgram);
  const busy = useStore((s) => s.tasks.length > 0);
  return (
    <section className="card first-start" aria-labelledby="first-start-title">
      <h2 id="first-start-title">Добро пожаловать в Munplan</h2>
      <p>
        Здесь пока нет ни одной программы. Чтобы сразу увидеть, как всё устроено, откройте демонстрационную программу — муниципальную программу
        города Рязани «Цифровизация городской среды» на 2022–2030 годы: паспорт, мероприятия, финансирование, целевые показатели и редакции.
      </p>
      <p>Или создайте свою программу в форме ниже, или загрузите шаблон из Excel или Word в разделе «Импорт шаблона».</p>
      <button type="button" className="button primary" disabled={busy} onClick={() => void openDemoProgram()}>
        Открыть демонстрационную программу
      </button>
    </section>
  );
}

function CreateProgramForm() {
  const createProgram = useStore((s) => s.createProgram);
  const thisYear = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(String(thisYear));
  const [end, setEnd] = useState(String(thisYear + 5));
  const [errors, setErrors] = useState<{ title?: string; start?: string; end?: string }>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const periodStart = Number(start);
    const periodEnd = Number(end);
    const found: typeof errors = {};
    if (!title.trim()) found.title = 'Укажите наименование программы';
    if (!/^\d{4}$/.test(start.trim())) found.start = 'Укажите год четырьмя цифрами';
    if (!/^\d{4}$/.test(end.trim())) found.end = 'Укажите год четырьмя цифрами';
    else if (!found.start && periodEnd < periodStart) found.end = 'Год окончания раньше года начала';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const program = await createProgram({ title: title.trim(), periodStart, periodEnd });
    setSaving(false);
    if (program) setTitle('');
  };

  return (
    <form className="card create-program" aria-labelledby="create-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="create-title">Новая программа</h2>
      <div className="form-row">
        <Field label="Наименование" error={errors.title} wide>
          <input type="text" data-focus-target={NEW_PROGRAM_TITLE} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={2000} />
        </Field>
        <Field label="Год начала" error={errors.start}>
          <input type="text" inputMode="numeric" className="year-input" value={start} onChange={(e) => setStart(e.target.value)} />
        </Field>
        <Field label="Год окончания" error={errors.end}>
          <input type="text" inputMode="numeric" className="year-input" value={end} onChange={(e) => setEnd(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>
            Создать программу
          </button>
        </div>
      </div>
    </form>
  );
}

function ProgramRow({ program, onDelete }: { program: ProgramSummary; onDelete(program: ProgramSummary): void }) {
  const openProgram = useStore((s) => s.openProgram);
  const duplicateProgram = useStore((s) => s.duplicateProgram);
  const isOpen = useStore((s) => s.programId === program.id);
  return (
    <tr aria-current={isOpen ? 'true' : undefined}>
      <th scope="row" className="text-cell">
        <button type="button" className="button link" onClick={() => void openProgram(program.id)}>
          {program.title}
        </button>
      </th>
      <td className="nowrap">{periodText(program.periodStart, program.periodEnd)}</td>
      <td>{PROGRAM_STATUS_LABELS[program.status]}</td>
      <td className="amount">{amountText(program.totalKopecks)}</td>
      <td className="row-actions">
        <button type="button" className="button small" onClick={() => void openProgram(program.id)} aria-label={`Открыть «${program.title}»`}>
          Открыть
        </button>
        <button type="button" className="button small" onClick={() => void duplicateProgram(program.id)} aria-label={`Создать копию «${program.title}»`}>
          Копия
        </button>
        <button type="button" className="button small danger-text" onClick={() => onDelete(program)} aria-label={`Удалить «${program.title}»`}>
          Удалить
        </button>
      </td>
    </tr>
  );
}

export function ProgramsScreen() {
  const programs = useStore((s) => s.programs);
  const loaded = useStore((s) => s.programsLoaded);
  const deleteProgram = useStore((s) => s.deleteProgram);
  const [deleting, setDeleting] = useState<ProgramSummary | null>(null);

  return (
    <div className="screen-body">
      <div className="screen-heading">
        <h2>Программы</h2>
      </div>
      {loaded && programs.length === 0 && <FirstStart />}
      {programs.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Программы в базе</caption>
          <thead>
            <tr>
              <th scope="col">Наименование</th>
              <th scope="col">Срок</th>
              <th scope="col">Статус</th>
              <th scope="col" className="amount">
                Объём финансирования, тыс. руб.
              </th>
              <th scope="col">
                <span className="visually-hidden">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {programs.map((program) => (
              <ProgramRow key={program.id} program={program} onDelete={setDeleting} />
            ))}
          </tbody>
        </table>
      )}
      <CreateProgramForm />
      {deleting && (
        <ConfirmDialog
          title="Удалить программу?"
          confirmLabel="Удалить"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void deleteProgram(id);
          }}
        >
          <p>
            Программа «{deleting.title}» будет удалена вместе с мероприятиями, суммами, показателями и редакциями.
          </p>
          <p>Удаление можно отменить кнопкой «Отменить» (Ctrl+Z).</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
