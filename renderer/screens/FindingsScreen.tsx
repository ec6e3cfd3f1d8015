// What the core found wrong with the program; each finding takes the officer to its cell.

import { useState } from 'react';
import type { Finding } from '../../shared/findings';
import { useStore } from '../store';

type Filter = 'all' | Finding['severity'];

const SEVERITY_LABELS: Record<Finding['severity'], string> = { error: 'Ошибка', warning: 'Предупреждение' };

export function FindingsScreen() {
  const findings = useStore((s) => s.findings);
  const focusFinding = useStore((s) => s.focusFinding);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => filter === 'all' || finding.severity === filter)
    .sort((a, b) => (a.finding.severity === b.finding.severity ? a.index - b.index : a.finding.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;

  return (
    <div className="screen-body">
      <div className="screen-heading">
        <h2>Замечания</h2>
        <span className="muted">
          Ошибок: {errors}, предупреждений: {findings.length - errors}
        </span>
        <label className="inline-label">
          Показать{' '}
          <select value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
            <option value="all">все</option>
            <option value="error">только ошибки</option>
            <option value="warning">только предупреждения</option>
          </select>
        </label>
      </div>
      {findings.length === 0 ? (
        <p className="card muted">Замечаний нет: суммы сходятся, показатели заполнены.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Замечания по программе</caption>
          <thead>
            <tr>
              <th scope="col">Важность</th>
              <th scope="col">Место</th>
              <th scope="col">Замечание</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ finding, index }) => (
              <tr key={`${finding.code}|${finding.where}|${index}`}>
                <td>
                  <span className={`severity severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
                </td>
                <td className="text-cell">
                  <button type="button" className="button link left" onClick={() => focusFinding(finding)} title="Перейти к ячейке">
                    {finding.where}
                  </button>
                </td>
                <td className="text-cell">{finding.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
