// The passport as a form: every field is saved the moment it is left or changed (there is no
// Save button), and a refusal is written beside the field it concerns.

import { useId, useState, type ReactElement } from 'react';
import { PROGRAM_LEVELS, PROGRAM_STATUS_LABELS, PROGRAM_STATUSES, SOURCE_LABELS, SOURCES, type Organisation, type Passport, type Source } from '../../shared/domain';
import { Field } from '../components/Field';
import { useStore } from '../store';

const LEVEL_LABELS = { municipal: 'Муниципальная', regional: 'Региональная' } as const;

type Save = (changes: Partial<Passport>) => Promise<string | null>;

/** A text control holding its draft until it is left; then saved if it changed. */
function TextField({
  label,
  stored,
  save,
  multiline = false,
  validate,
  toChanges,
  inputMode,
  className,
  wide = true,
}: {
  label: string;
  stored: string;
  save: Save;
  multiline?: boolean;
  validate?: (text: string) => string | null;
  toChanges(text: string): Partial<Passport>;
  inputMode?: 'numeric';
  className?: string;
  wide?: boolean;
}) {
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(stored);
  // The stored value moved (undo, another screen): show it unless the officer is mid-edit with an error.
  if (stored !== seen) {
    setSeen(stored);
    setDraft(stored);
    setError(null);
  }
  const commit = async () => {
    if (draft === stored) {
      setError(null);
      return;
    }
    const problem = validate?.(draft) ?? null;
    if (problem) {
      setError(problem);
      return;
    }
    setError(await save(toChanges(draft)));
  };
  const props = {
    value: draft,
    className,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: () => void commit(),
  };
  const control: ReactElement<{ id?: string }> = multiline ? (
    <textarea rows={Math.min(12, Math.max(3, draft.split('\n').length + 1))} {...props} />
  ) : (
    <input
      type="text"
      inputMode={inputMode}
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
      }}
    />
  );
  return (
    <Field label={label} error={error} wide={wide}>
      {control}
    </Field>
  );
}

function SelectField<V extends string>({ label, stored, options, onSave }: { label: string; stored: V; options: readonly { value: V; label: string }[]; onSave(value: V): Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Field label={label} error={error}>
      <select value={stored} onChange={(event) => void onSave(event.target.value as V).then(setError)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

const yearProblem = (text: string) => (/^\s*\d{4}\s*$/.test(text) ? null : 'Укажите год четырьмя цифрами');

function organisationTitle(organisation: Organisation): string {
  return organisation.abbreviation && organisation.abbreviation !== organisation.name ? `${organisation.name} (${organisation.abbreviation})` : organisation.name;
}

function findOrganisation(organisations: readonly Organisation[], text: string): Organisation | undefined {
  const wanted = text.trim().toLowerCase();
  return organisations.find((o) => [o.name, o.abbreviation ?? '', ...o.aliases].some((name) => name.trim().toLowerCase() === wanted));
}

/** Co-executors or participants: the chosen organisations, and a way to add one by name. */
function OrganisationList({ label, ids, onSave }: { label: string; ids: number[]; onSave(ids: number[]): Promise<string | null> }) {
  const organisations = useStore((s) => s.organisations);
  const createOrganisation = useStore((s) => s.createOrganisation);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const byId = new Map(organisations.map((o) => [o.id, o]));

  const add = async () => {
    if (!name.trim()) {
      setError('Укажите наименование организации');
      return;
    }
    let organisation: Organisation | string | undefined = findOrganisation(organisations, name);
    if (!organisation) organisation = await createOrganisation(name.trim());
    if (typeof organisation === 'string') {
      setError(organisation);
      return;
    }
    if (ids.includes(organisation.id)) {
      setError(`«${organisation.name}» уже в списке`);
      return;
    }
    const problem = await onSave([...ids, organisation.id]);
    setError(problem);
    if (!problem) setName('');
  };

  return (
    <fieldset className="field wide organisation-list">
      <legend>{label}</legend>
      {ids.length === 0 ? (
        <p className="muted">Не указаны</p>
      ) : (
        <ul className="chips">
          {ids.map((id) => {
            const organisation = byId.get(id);
            const title = organisation ? organisationTitle(organisation) : `Организация ${id}`;
            return (
              <li key={id} className="chip">
                <span>{title}</span>
                <button type="button" className="button link" aria-label={`Убрать «${organisation?.name ?? id}» из списка «${label}»`} onClick={() => void onSave(ids.filter((x) => x !== id)).then(setError)}>
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="inline-form">
        <input
          type="text"
          list={listId}
          value={name}
          aria-label={`Добавить в список «${label}»: наименование организации`}
          placeholder="Наименование или сокращение"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void add();
            }
          }}
        />
        <datalist id={listId}>
          {organisations.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
        <button type="button" className="button small" onClick={() => void add()} aria-label={`Добавить в список «${label}»`}>
          Добавить
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function ResponsibleExecutor({ stored, save }: { stored: number | null; save: Save }) {
  const organisations = useStore((s) => s.organisations);
  const createOrganisation = useStore((s) => s.createOrganisation);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const addAndChoose = async () => {
    if (!name.trim()) return setError('Укажите наименование организации');
    let organisation: Organisation | string | undefined = findOrganisation(organisations, name);
    if (!organisation) organisation = await createOrganisation(name.trim());
    if (typeof organisation === 'string') return setError(organisation);
    const problem = await save({ responsibleExecutorId: organisation.id });
    setError(problem);
    if (!problem) setName('');
  };
  return (
    <div className="wide">
      <Field label="Ответственный исполнитель" error={error} wide>
        <select value={stored ?? ''} onChange={(event) => void save({ responsibleExecutorId: event.target.value ? Number(event.target.value) : null }).then(setError)}>
          <option value="">— не указан —</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {organisationTitle(o)}
            </option>
          ))}
        </select>
      </Field>
      <div className="inline-form">
        <input type="text" value={name} aria-label="Новая организация — ответственный исполнитель" placeholder="Или впишите новую организацию" onChange={(event) => setName(event.target.value)} />
        <button type="button" className="button small" onClick={() => void addAndChoose()}>
          Добавить и назначить
        </button>
      </div>
    </div>
  );
}

function SourceLabels({ stored, save }: { stored: Partial<Record<Source, string>>; save: Save }) {
  return (
    <fieldset className="field wide">
      <legend>Наименования источников финансирования в документах</legend>
      <div className="form-grid">
        {SOURCES.filter((s) => s !== 'none').map((source) => (
          <TextField
            key={source}
            label={SOURCE_LABELS[source]}
            stored={stored[source] ?? ''}
            save={save}
            wide={false}
            toChanges={(text) => {
              const next: Partial<Record<Source, string>> = { ...stored };
              if (text.trim()) next[source] = text.trim();
              else delete next[source];
              return { sourceLabels: next };
            }}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function PassportScreen() {
  const program = useStore((s) => s.detail?.program ?? null);
  const save = useStore((s) => s.updatePassport);
  if (!program) return <p className="muted">Загрузка программы…</p>;
  return (
    <div className="screen-body passport">
      <div className="screen-heading">
        <h2>Паспорт программы</h2>
        <span className="muted">Изменения сохраняются сразу, как только вы покидаете поле.</span>
      </div>
      <form className="card form-grid" aria-label="Паспорт программы" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Наименование программы" stored={program.title} save={save} multiline toChanges={(title) => ({ title: title.trim() })} validate={(t) => (t.trim() ? null : 'Укажите наименование программы')} />
        <SelectField label="Уровень" stored={program.level} options={PROGRAM_LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }))} onSave={(level) => save({ level })} />
        <SelectField label="Статус" stored={program.status} options={PROGRAM_STATUSES.map((value) => ({ value, label: PROGRAM_STATUS_LABELS[value] }))} onSave={(status) => save({ status })} />
        <TextField label="Год начала" stored={String(program.periodStart)} save={save} inputMode="numeric" className="year-input" wide={false} validate={yearProblem} toChanges={(t) => ({ periodStart: Number(t.trim()) })} />
        <TextField label="Год окончания" stored={String(program.periodEnd)} save={save} inputMode="numeric" className="year-input" wide={false} validate={yearProblem} toChanges={(t) => ({ periodEnd: Number(t.trim()) })} />
        <ResponsibleExecutor stored={program.responsibleExecutorId} save={save} />
        <OrganisationList label="Соисполнители" ids={program.coExecutorIds} onSave={(coExecutorIds) => save({ coExecutorIds })} />
        <OrganisationList label="Участники" ids={program.participantIds} onSave={(participantIds) => save({ participantIds })} />
        <TextField label="Цель" stored={program.goal} save={save} multiline toChanges={(goal) => ({ goal })} />
        <TextField label="Задачи" stored={program.tasks} save={save} multiline toChanges={(tasks) => ({ tasks })} />
        <TextField label="Ожидаемые результаты" stored={program.expectedResults} save={save} multiline toChanges={(expectedResults) => ({ expectedResults })} />
        <TextField label="Правовое основание" stored={program.legalBasis} save={save} multiline toChanges={(legalBasis) => ({ legalBasis })} />
        <SourceLabels stored={program.sourceLabels} save={save} />
      </form>
    </div>
  );
}
