// «Сведения о достижении значений целевых показателей» for one year (seed 004): unit, the
// previous year's value, plan, fact, the achievement computed by direction and comparator,
// and the reason given for a deviation.

import { achievement } from '../../../shared/achievement';
import { formatDecimal } from '../../../shared/indicatorValue';
import type { Indicator } from '../../../shared/domain';
import type { ReportColumn, ReportDocument, ReportRow } from '../reportDocument';
import { unitText } from './indicatorTargets';
import type { ReportSource } from './reportSource';

function valueOf(indicator: Indicator, year: number, type: 'plan' | 'fact') {
  return indicator.values.find((v) => v.year === year && v.period === 0 && v.type === type);
}

export function planFactReport(source: ReportSource, year: number): ReportDocument {
  const { detail } = source;
  const columns: ReportColumn[] = [
    { width: 4, align: 'center' },
    { width: 32, align: 'left' },
    { width: 7, align: 'center' },
    { width: 9, align: 'center' },
    { width: 8, align: 'center' },
    { width: 8, align: 'center' },
    { width: 8, align: 'center' },
    { width: 20, align: 'left' },
  ];
  const rows: ReportRow[] = detail.indicators.map((indicator, i) => {
    const plan = valueOf(indicator, year, 'plan');
    const fact = valueOf(indicator, year, 'fact');
    const previous = valueOf(indicator, year - 1, 'fact') ?? valueOf(indicator, year - 1, 'plan');
    const previousText = previous?.text ?? (indicator.baseYear === year - 1 || indicator.baseYear === null ? indicator.base?.text : undefined) ?? '-';
    const { percent } = achievement(indicator.direction, plan, fact);
    return {
      cells: [
        { kind: 'text', text: indicator.code || `${i + 1}.` },
        { kind: 'text', text: indicator.name },
        { kind: 'text', text: unitText(indicator) },
        { kind: 'text', text: previousText },
        { kind: 'text', text: plan?.text ?? '-' },
        { kind: 'text', text: fact?.text ?? '-' },
        { kind: 'text', text: percent === null ? '-' : formatDecimal(percent) },
        { kind: 'text', text: fact?.comment ?? '' },
      ],
    };
  });
  return {
    fileTitle: `План/факт ${year}: ${detail.program.title}`,
    orientation: 'landscape',
    title: ['Сведения', `о достижении значений целевых показателей (индикаторов) муниципальной программы «${detail.program.title}»`, `за ${year} год`],
    blocks: [
      {
        kind: 'table',
        table: {
          columns,
          header: [
            [
              { text: 'N п/п', rowSpan: 2 },
              { text: 'Наименование целевого показателя (индикатора)', rowSpan: 2 },
              { text: 'Ед. измерения', rowSpan: 2 },
              { text: 'Значение целевого показателя (индикатора)', colSpan: 3 },
              { text: 'Выполнение, %', rowSpan: 2 },
              { text: 'Обоснование отклонений значений (при наличии)', rowSpan: 2 },
            ],
            [{ text: `${year - 1} год (факт)` }, { text: `${year} год, план` }, { text: `${year} год, факт` }],
          ],
          columnNumbers: true,
          rows,
        },
      },
    ],
  };
}
