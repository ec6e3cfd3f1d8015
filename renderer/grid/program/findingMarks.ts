// The findings a grid marks on its cells, by the cell they belong to.

import type { Finding } from '../../../shared/findings';

/** Findings grouped by `cellOf`'s key; a finding it gives null for marks no cell. */
export function findingMarks(findings: readonly Finding[], cellOf: (finding: Finding) => string | null): Map<string, Finding[]> {
  const marks = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = cellOf(finding);
    if (key === null) continue;
    const found = marks.get(key);
    if (found) found.push(finding);
    else marks.set(key, [finding]);
  }
  return marks;
}
