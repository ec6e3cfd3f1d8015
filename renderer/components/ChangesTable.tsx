// What differs between two states of a program, field by field: two editions compared, or
// what an import would change.

import type { ReactNode } from 'react';
import type { EditionChange } from '../../shared/api/contract';

interface ChangesTableProps {
  changes: EditionChange[];
  beforeTitle: string;
  afterTitle: string;
  caption?: ReactNode;
  label?: string;
  compact?: boolean;
}

export function ChangesTable({ changes, beforeTitle, afterTitle, caption, label, compact = false }: ChangesTableProps) {
  return (
    <table className={compact ? 'table compact compare' : 'table compare'} aria-label={label}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Место</th>
          <th scope="col">Поле</th>
          <th scope="col">{beforeTitle}</th>
          <th scope="col">{afterTitle}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => (
          <tr key={i}>
            <td className="text-cell">{change.place}</td>
            <td className="text-cell">{change.field}</td>
            <td className="text-cell before">{change.before ?? '—'}</td>
            <td className="text-cell after">{change.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
