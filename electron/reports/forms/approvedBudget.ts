// Table 3, «Объем бюджетных ассигнований … в соответствии с утвержденным бюджетом».

import type { Source } from '../../../shared/domain';
import type { ReportCell, ReportColumn, ReportDocument, ReportRow } from '../reportDocument';
import { programName, type ReportSource } from './reportSource';

export function approvedBudgetReport(source: ReportSource): ReportDocument {
  const { detail } = source;
  const years = [...new Set(detail.budget.map((b) => b.year))].sort((a, b) => a - b);
  const shownYears = years.length ? years : source.years.slice(0, 3);
  const sources = [...new Set(detail.budget.map((b) => b.source))] as Source[];
  const columns: ReportColumn[] = [
    { width: 20, align: 'left' },
    { width: 12, align: 'left' },
    ...shownYears.map((): ReportColumn => ({ width: 8, align: 'right' })),
  ];
  const amount = (year: number, budgetSource: Source): ReportCell => ({
    kind: 'amount',
    kopecks: detail.budget.find((b) => b.year === year && b.source === budgetSource)?.kopecks ?? null,
  });
  const rows: ReportRow[] = (sources.length ? sources : (['local'] as Source[])).map((budgetSource, i, all) => ({
    cells: [
      ...(i === 0 ? [{ kind: 'text' as const, text: programName(detail), rowSpan: all.length }] : []),
      { kind: 'text', text: source.sourceLabel(budgetSource) },
      ...shownYears.map((year) => amount(year, budgetSource)),
    ],
  }));
  return {
    fileTitle: `Бюджетные ассигнования: ${detail.program.title}`,
    orientation: 'portrait',
    approval: ['Таблица N 3'],
    title: ['Объем бюджетных ассигнований на финансовое обеспечение', 'реализации муниципальной программы в соответствии', 'с утвержденным бюджетом'],
    blocks: [
      {
        kind: 'table',
        table: {
          columns,
          header: [
            [
              { text: 'Наименование муниципальной программы', rowSpan: 2 },
              { text: 'Источник финансирования', rowSpan: 2 },
              { text: 'Объемы финансирования, тыс. руб.', colSpan: shownYears.length },
            ],
            shownYears.map((year) => ({ text: `${year} г.` })),
          ],
          columnNumbers: true,
          rows,
        },
      },
    ],
  };
}
