// The plan/fact report of seed 004 (and «Сведения о достижении значений целевых
// показателей»): indicators with type, territory, base value and date, plan and fact by year.

import { parseRussianDate } from '../../../shared/dates';
import { compareDecimals } from '../../../shared/indicatorValue';
import type { Direction } from '../../../shared/domain';
import { clean } from '../cellText';
import { readIndicatorKind, readIndicatorName } from '../indicatorText';
import { columnWith, columnsWith, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, readIndicatorValue } from '../recognise/tableRows';

export const planFactKind: TableKind = {
  kind: 'planFact',
  label: 'Отчёт о плановых и фактических значениях показателей',
  score(header: TableHeader) {
    const plans = columnsWith(header, 'plan').length;
    const facts = columnsWith(header, 'fact').length;
    if (!plans || !facts) return 0;
    return 0.6 + 0.2 * Number(!!columnWith(header, 'title')) + 0.1 * Number(!!columnWith(header, 'base')) + 0.1 * Number(!!columnWith(header, 'code'));
  },

  read(context: TableContext) {
    const { header, draft, table } = context;
    const code = columnWith(header, 'code');
    const title = columnWith(header, 'title') ?? header.columns[1];
    const type = columnWith(header, 'type');
    const territory = columnWith(header, 'territory');
    const unitColumn = columnWith(header, 'unit');
    const base = columnWith(header, 'base');
    const baseDate = columnWith(header, 'baseDate');
    const valueColumns = [...columnsWith(header, 'plan'), ...columnsWith(header, 'fact')];

    for (const row of bodyRows(context)) {
      const { name, note, unit } = readIndicatorName(cellText(context, row, title));
      if (!name) continue;
      const baseValue = base ? readIndicatorValue(context, row, base) : null;
      const dateText = cellText(context, row, baseDate);
      const date = dateText ? parseRussianDate(dateText) : null;
      if (dateText && !date) draft.doubt({ table, row, col: baseDate!.index, column: baseDate!.label }, `дата «${dateText}» не распознана и не записана`);
      const indicator = draft.addIndicator({
        code: cellText(context, row, code),
        name,
        unit: clean(cellText(context, row, unitColumn)) || unit || '',
        direction: 'up',
        cumulative: false,
        kind: readIndicatorKind(cellText(context, row, type)),
        territory: cellText(context, row, territory) || null,
        note,
        taskNodeId: null,
        base: baseValue,
        baseYear: date ? Number(date.slice(0, 4)) : base?.year ?? null,
        baseDate: date,
      });
      for (const column of valueColumns) {
        const value = readIndicatorValue(context, row, column);
        if (!value || column.year === null) continue;
        indicator.values.push({ ...value, year: column.year, period: 0, type: column.role === 'plan' ? 'plan' : 'fact', date: null, comment: null });
      }
      indicator.direction = directionOf(baseValue?.value ?? null, indicator.values.find((v) => v.type === 'plan')?.value ?? null);
    }
    draft.takePeriodFrom(valueColumns.map((c) => c.year));
  },
};

/** A plan below the base value means the indicator is to fall (снижение). */
function directionOf(base: string | null, plan: string | null): Direction {
  return base !== null && plan !== null && compareDecimals(plan, base) < 0 ? 'down' : 'up';
}
