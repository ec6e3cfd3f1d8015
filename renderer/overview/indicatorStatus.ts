// How the program's indicators stand on the latest year that has facts.

import { achievement, type AchievementStatus } from '../../shared/achievement';
import type { Indicator } from '../../shared/domain';

export interface IndicatorStanding {
  /** The latest year any indicator has a yearly fact for; null when there are no facts yet. */
  year: number | null;
  counts: Record<AchievementStatus, number>;
}

const yearlyValue = (indicator: Indicator, type: 'plan' | 'fact', year: number) =>
  indicator.values.find((v) => v.type === type && v.period === 0 && v.year === year);

export function indicatorStanding(indicators: readonly Indicator[]): IndicatorStanding {
  const counts: Record<AchievementStatus, number> = { achieved: 0, atRisk: 0, missed: 0, unknown: 0 };
  const factYears = indicators.flatMap((i) => i.values.filter((v) => v.type === 'fact' && v.period === 0 && v.value !== null).map((v) => v.year));
  if (factYears.length === 0) return { year: null, counts: { ...counts, unknown: indicators.length } };
  const year = Math.max(...factYears);
  for (const indicator of indicators) {
    counts[achievement(indicator.direction, yearlyValue(indicator, 'plan', year), yearlyValue(indicator, 'fact', year)).status] += 1;
  }
  return { year, counts };
}
