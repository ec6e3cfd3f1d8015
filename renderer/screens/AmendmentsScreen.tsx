// Amendments (редакции): open one before editing so every changed row is attributed to the
// act, close it when done, see the rows each act changed, compare two editions side by side.

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { amendmentCitation } from '../../shared/amendmentNote';
import type { Edition, EditionChange } from '../../shared/api/contract';
import { parseRussianDate } from '../../shared/dates';
import type { Amendment, AmendmentTarget, ProgramDetail } from '../../shared/domain';
import { ChangesTable } from '../components/ChangesTable';
import { Field } from '../components/Field';
import { actTitle, nodeLabel } from '../format';
import { useStore } from '../store';

const ACT_KINDS = ['Постановление', 'Распоряжение', 'Решение', 'Приказ'];

function targetLabel(detail: ProgramDetail, target: AmendmentTarget): string {
  if (target.entity === 'program') return 'Паспорт программы';
  if (target.entity === 'node') {
    const node = detail.nodes.find((n) => n.id === target.entityId);
    return node ? `п. ${nodeLabel(node)}` : 'Часть программы (удалена)';
  }
  const indicator = detail.indicators.find((i) => i.id === target.entityId);
  return indicator ? `Показатель ${indicator.code ? `${indicator.code} ` : ''}«${indicator.name}»` : 'Показатель (удалён)';
}

function OpenAmendmentForm({ lastIssuer }: { lastIssuer: string }) {
  const openAmendment = useStore((s) => s.openAmendment);
  const [actKind, setActKind] = useState('Постановление');
  const [issuer, setIssuer] = useState(lastIssuer);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'issuer' | 'number' | 'date' | 'form', string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = parseRussianDate(date);
    const found: typeof errors = {};
    if (!issuer.trim()) found.issuer = 'Укажите, чей это акт (в родительном падеже: «Администрации города …»)';
    if (!number.trim()) found.number = 'Укажите номер акта';
    if (!iso) found.date = 'Укажите дату в виде ДД.ММ.ГГГГ';
    setErrors(found);
    if (Object.keys(found).length > 0 || !iso) return;
    const problem = await openAmendment({ actKind, issuer: issuer.trim(), number: number.trim(), date: iso, title: title.trim() });
    if (problem) setErrors({ form: problem });
  };

  return (
    <form className="card" aria-labelledby="open-amendment-title" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="open-amendment-title">Открыть изменения</h3>
      <p className="muted">Откройте изменения перед правкой программы: каждая изменённая строка будет отнесена к этому акту и отмечена «в ред. …» в отчётах.</p>
      <div className="form-row">
        <Field label="Вид акта">
          <select value={actKind} onChange={(event) => setActKind(event.target.value)}>
            {ACT_KINDS.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </Field>
        <Field label="Кем принят" error={errors.issuer} wide hint="В родительном падеже: «Администрации города Рязани»">
          <input type="text" value={issuer} onChange={(event) => setIssuer(event.target.value)} />
        </Field>
        <Field label="Номер" error={errors.number}>
          <input type="text" className="short-input" value={number} onChange={(event) => setNumber(event.target.value)} />
        </Field>
        <Field label="Дата" error={errors.date}>
          <input type="text" className="short-input" placeholder="ДД.ММ.ГГГГ" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
      </div>
      <Field label="Наименование акта (необязательно)" wide>
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button primary">
        Открыть изменения
      </button>
    </form>
  );
}

function OpenAmendment({ amendment }: { amendment: Amendment }) {
  const closeAmendment = useStore((s) => s.closeAmendment);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card open-amendment" aria-labelledby="open-amendment-heading">
      <h3 id="open-amendment-heading">Открыты изменения</h3>
      <p className="amendment-citation">
        {actTitle(amendment)}
        {amendment.title ? ` «${amendment.title}»` : ''}
      </p>
      <p className="muted">Все правки программы сейчас относятся к этому акту. Закончив, закройте изменения: будет сохранена редакция «после».</p>
      <button type="button" className="button primary" onClick={() => void closeAmendment().then(setError)}>
        Закрыть изменения
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function AmendmentList({ detail }: { detail: ProgramDetail }) {
  const amendments = [...detail.amendments].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <section className="card" aria-labelledby="amendment-list-title">
      <h3 id="amendment-list-title">Редакции программы</h3>
      {amendments.length === 0 ? (
        <p className="muted">Изменений ещё не было.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Акт</th>
              <th scope="col">Состояние</th>
              <th scope="col">Изменённые строки</th>
            </tr>
          </thead>
          <tbody>
            {amendments.map((amendment) => (
              <tr key={amendment.id}>
                <th scope="row" className="text-cell">
                  {actTitle(amendment)}
                </th>
                <td>{amendment.status === 'open' ? 'Открыты' : 'Закрыты'}</td>
                <td className="text-cell">
                  {amendment.targets.length === 0 ? (
                    <span className="muted">Строк не изменено</span>
                  ) : (
                    <ul className="plain-list" aria-label={`Строки, изменённые ${amendmentCitation(amendment)}`}>
                      {amendment.targets.map((target) => (
                        <li key={`${target.entity}|${target.entityId}`}>{targetLabel(detail, target)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const refKey = (ref: Edition['ref']) => (ref.kind === 'current' ? 'current' : `${ref.kind}:${ref.amendmentId}`);

function EditionCompare({ programId, version }: { programId: number; version: string }) {
  const api = useStore((s) => s.api);
  const showError = useStore((s) => s.showError);
  const [editions, setEditions] = useState<Edition[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [result, setResult] = useState<{ from: string; to: string; changes: EditionChange[] } | null>(null);

  useEffect(() => {
    let live = true;
    api('amendments/editions', { programId }).then(
      (list) => {
        if (!live) return;
        setEditions(list);
        setFrom((current) => (current && list.some((e) => refKey(e.ref) === current) ? current : refKey(list[0].ref)));
      },
      (error) => live && showError(error),
    );
    return () => {
      live = false;
    };
  }, [api, programId, version, showError]);

  const compare = useCallback(async () => {
    const fromRef = editions.find((e) => refKey(e.ref) === from)?.ref;
    const toRef = editions.find((e) => refKey(e.ref) === to)?.ref;
    if (!fromRef || !toRef) return;
    try {
      setResult(await api('amendments/compare', { programId, from: fromRef, to: toRef }));
    } catch (error) {
      showError(error);
    }
  }, [api, editions, from, to, programId, showError]);

  if (editions.length === 0) return null;
  if (editions.length < 2) {
    return (
      <section className="card" aria-labelledby="compare-title">
        <h3 id="compare-title">Сравнение редакций</h3>
        <p className="muted">Сравнение станет доступно, когда в Munplan будут открыты и закрыты первые изменения: до и после каждого акта сохраняется своя редакция.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="compare-title">
      <h3 id="compare-title">Сравнение редакций</h3>
      <div className="form-row">
        <Field label="Редакция" wide>
          <select value={from} onChange={(event) => setFrom(event.target.value)}>
            {editions.map((edition) => (
              <option key={refKey(edition.ref)} value={refKey(edition.ref)}>
                {edition.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="С редакцией" wide>
          <select value={to} onChange={(event) => setTo(event.target.value)}>
            {editions.map((edition) => (
              <option key={refKey(edition.ref)} value={refKey(edition.ref)}>
                {edition.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void compare()}>
            Сравнить
          </button>
        </div>
      </div>
      {result &&
        (result.changes.length === 0 ? (
          <p className="muted">Редакции не различаются.</p>
        ) : (
          <ChangesTable
            changes={result.changes}
            beforeTitle={result.from}
            afterTitle={result.to}
            caption={
              <>
                {result.from} → {result.to}
              </>
            }
          />
        ))}
    </section>
  );
}

export function AmendmentsScreen() {
  const detail = useStore((s) => s.detail);
  if (!detail) return <p className="muted">Загрузка программы…</p>;
  const open = detail.amendments.find((a) => a.status === 'open');
  const last = [...detail.amendments].sort((a, b) => b.date.localeCompare(a.date))[0];
  // Editions change when an amendment opens or closes.
  const version = detail.amendments.map((a) => `${a.id}:${a.status}`).join(',');
  return (
    <div className="screen-body">
      <h2>Изменения и редакции</h2>
      {open ? <OpenAmendment amendment={open} /> : <OpenAmendmentForm lastIssuer={last?.issuer ?? ''} />}
      <AmendmentList detail={detail} />
      <EditionCompare programId={detail.program.id} version={version} />
    </div>
  );
}
