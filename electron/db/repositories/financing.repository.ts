// Amounts of the parts: the year's plan per source and executor, the roadmap's quarters, and
// the approved budget (Table 3). Integer kopecks only.

import type { Quarter, Source } from '../../../shared/domain';
import { statement, type Workspace } from '../workspace';

export interface FinancingKey {
  nodeId: number;
  year: number;
  source: Source;
  organisationId: number | null;
}

const KEY = `node_id = ? AND year = ? AND source = ? AND ifnull(organisation_id, 0) = ifnull(?, 0)`;
const keyParams = (key: FinancingKey) => [key.nodeId, key.year, key.source, key.organisationId];

/** Writes or (with null) clears the year's plan of one cell. */
export function setYearAmount(ws: Workspace, key: FinancingKey, kopecks: number | null): void {
  if (kopecks === null) {
    statement(ws, `DELETE FROM financing WHERE ${KEY}`).run(...keyParams(key));
    return;
  }
  const updated = statement(ws, `UPDATE financing SET kopecks = ? WHERE ${KEY} AND kopecks IS NOT ?`).run(kopecks, ...keyParams(key), kopecks);
  if (updated.changes === 0 && !statement(ws, `SELECT 1 FROM financing WHERE ${KEY}`).get(...keyParams(key))) {
    statement(ws, 'INSERT INTO financing (node_id, year, source, organisation_id, kopecks) VALUES (?, ?, ?, ?, ?)').run(
      ...keyParams(key),
      kopecks,
    );
  }
}

export function setQuarterAmount(ws: Workspace, key: FinancingKey, quarter: Quarter, kopecks: number | null): void {
  if (kopecks === null) {
    statement(ws, `DELETE FROM quarterly_plan WHERE ${KEY} AND quarter = ?`).run(...keyParams(key), quarter);
    return;
  }
  const updated = statement(ws, `UPDATE quarterly_plan SET kopecks = ? WHERE ${KEY} AND quarter = ? AND kopecks IS NOT ?`).run(
    kopecks,
    ...keyParams(key),
    quarter,
    kopecks,
  );
  if (updated.changes === 0 && !statement(ws, `SELECT 1 FROM quarterly_plan WHERE ${KEY} AND quarter = ?`).get(...keyParams(key), quarter)) {
    statement(ws, 'INSERT INTO quarterly_plan (node_id, year, source, organisation_id, quarter, kopecks) VALUES (?, ?, ?, ?, ?, ?)').run(
      ...keyParams(key),
      quarter,
      kopecks,
    );
  }
}

/** What the cell's year really holds: its quarters' sum where there are quarters, else the plan. */
export function effectiveAmount(ws: Workspace, key: FinancingKey): number {
  const quarters = statement(ws, `SELECT count(*) AS n, sum(kopecks) AS total FROM quarterly_plan WHERE ${KEY}`).get(...keyParams(key)) as {
    n: number;
    total: number | null;
  };
  if (quarters.n > 0) return quarters.total ?? 0;
  const plan = statement(ws, `SELECT kopecks FROM financing WHERE ${KEY}`).get(...keyParams(key)) as { kopecks: number } | undefined;
  return plan?.kopecks ?? 0;
}

export function yearPlan(ws: Workspace, key: FinancingKey): number | null {
  const plan = statement(ws, `SELECT kopecks FROM financing WHERE ${KEY}`).get(...keyParams(key)) as { kopecks: number } | undefined;
  return plan?.kopecks ?? null;
}

export function quarterAmounts(ws: Workspace, key: FinancingKey): { quarter: Quarter; kopecks: number }[] {
  return statement(ws, `SELECT quarter, kopecks FROM quarterly_plan WHERE ${KEY} ORDER BY quarter`).all(...keyParams(key)) as {
    quarter: Quarter;
    kopecks: number;
  }[];
}

export function setBudgetAmount(ws: Workspace, programId: number, year: number, source: Source, kopecks: number | null): void {
  if (kopecks === null) {
    statement(ws, 'DELETE FROM approved_budget WHERE program_id = ? AND year = ? AND source = ?').run(programId, year, source);
    return;
  }
  statement(
    ws,
    `INSERT INTO approved_budget (program_id, year, source, kopecks) VALUES (?, ?, ?, ?)
     ON CONFLICT (program_id, year, source) DO UPDATE SET kopecks = excluded.kopecks WHERE kopecks IS NOT excluded.kopecks`,
  ).run(programId, year, source, kopecks);
}
