// The regional «Дорожная карта по достижению «цифровой зрелости» отрасли» (seed 001, annex 3),
// filled from the program: the decomposed target by year (the indicator coded «ЦЗ»), the
// planned average (indicator 1 + … + indicator N) / N computed exactly, each indicator's values
// and the activities planned for it in each year.

import { formatDecimal, meanOf } from '../../../shared/indicatorValue';
import type { Indicator } from '../../../shared/domain';
import type { ReportColumn, ReportDocument, ReportRow } from '../reportDocument';
import type { ReportSource } from './reportSource';

const planValue = (indicator: Indicator, year: number) =>
  indicator.values.find((v) => v.year === year && v.period === 0 && v.type === 'plan');

export function digitalMaturityReport(source: ReportSource): ReportDocument {
  const { detail, tree } = source;
  const target = detail.indicators.find((i) => i.code === 'ЦЗ');
  const components = detail.indicators.filter((i) => i !== target && (target ? i.code.startsWith('ЦЗ.') : true));
  const years = source.years;
  const columns: ReportColumn[] = [{ width: 40, align: 'left' }, ...years.map((): ReportColumn => ({ width: 12, align: 'center' }))];
  const textRow = (label: string, values: string[], italic = false): ReportRow => ({
    cells: [{ kind: 'text', text: label, italic }, ...values.map((text) => ({ kind: 'text' as const, text }))],
  });
  const rows: ReportRow[] = [
    textRow(
      target?.name ?? 'Среднее значение показателя ЦЗ, декомпозированное на уровень субъекта',
      years.map((year) => (target ? (planValue(target, year)?.text ?? '-') : '-')),
    ),
    textRow(
      'Плановое среднее значение показателя ЦЗ (по мнению РОИВ) (Показатель 1 + ... + Показатель N)/ N',
      years.map((year) => {
        const values = components.map((i) => planValue(i, year)?.value).filter((v): v is string => !!v);
        const average = values.length === components.length ? meanOf(values, 2) : null;
        return average === null ? '-' : formatDecimal(average.value);
      }),
    ),
    { cells: [{ kind: 'text', text: 'В том числе в разрезе каждого показателя, входящего в оценку ЦЗ отрасли:', italic: true, colSpan: columns.length }] },
  ];
  components.forEach((indicator, i) => {
    rows.push(textRow(`Значение показателя ${i + 1} «${indicator.name}»`, years.map((year) => planValue(indicator, year)?.text ?? '-')));
    const activities = tree.depthFirst.filter((n) => indicator.nodeIds.includes(n.id));
    rows.push(
      textRow(
        `Мероприятия, планируемые к проведению для достижения показателя ${i + 1} в каждом году`,
        years.map((year) =>
          activities
            .filter((n) => (n.periodStart ?? -Infinity) <= year && year <= (n.periodEnd ?? n.periodStart ?? Infinity))
            .map((n) => n.title)
            .join('\n'),
        ),
      ),
    );
  });
  return {
    fileTitle: `Дорожная карта цифровой зрелости: ${detail.program.title}`,
    orientation: 'landscape',
    title: ['Дорожная карта по достижению «цифровой зрелости» отрасли', `«${detail.program.title}»`],
    blocks: [
      {
        kind: 'table',
        table: { columns, header: [[{ text: 'X' }, ...years.map((year) => ({ text: String(year) }))]], columnNumbers: false, rows },
      },
    ],
  };
}
