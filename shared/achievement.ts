// How far a fact reached its plan. The percentage follows the indicator's direction (рост:
// fact / plan; снижение: plan / fact); whether the plan is met follows its comparator («не
// менее 95» is met by 95 and more). A fact written «>25» counts as just above 25.

import type { Direction } from './domain';
import { compareDecimals, percentOf, type IndicatorValue } from './indicatorValue';

export type AchievementStatus = 'achieved' | 'atRisk' | 'missed' | 'unknown';

export interface Achievement {
  /** Exact percentage, two decimals («101.05»); null when it cannot be computed. */
  percent: string | null;
  status: AchievementStatus;
}

/** Below the plan but at least this share of it: at risk rather than missed. */
const AT_RISK_FROM = '90';

export function achievement(direction: Direction, plan: IndicatorValue | undefined, fact: IndicatorValue | undefined): Achievement {
  if (!plan?.value || !fact?.value) return { percent: null, status: 'unknown' };
  const percent = direction === 'down' ? percentOf(plan.value, fact.value) : percentOf(fact.value, plan.value);
  let order = compareDecimals(fact.value, plan.value);
  if (order === 0 && fact.comparator === '>') order = 1;
  if (order === 0 && fact.comparator === '<') order = -1;
  const comparator = plan.comparator ?? (direction === 'down' ? '<=' : '>=');
  const met =
    comparator === '>=' ? order >= 0 : comparator === '<=' ? order <= 0 : comparator === '>' ? order > 0 : comparator === '<' ? order < 0 : order === 0;
  if (met) return { percent, status: 'achieved' };
  return { percent, status: percent !== null && compareDecimals(percent, AT_RISK_FROM) >= 0 ? 'atRisk' : 'missed' };
}
