// The program passport as seed 003 prints it: a two-column table of its sections, with the
// total resource provision computed from the program's amounts.

import { formatThousands } from '../../../shared/money';
import type { ReportColumn, ReportDocument, ReportRow } from '../reportDocument';
import { periodText, type ReportSource } from './reportSource';

export function passportReport(source: ReportSource): ReportDocument {
  const { detail, totals, tree } = source;
  const { program } = detail;
  const columns: ReportColumn[] = [
    { width: 30, align: 'left' },
    { width: 70, align: 'left' },
  ];
  const names = (ids: number[]) => ids.map(source.organisationName).filter(Boolean).join('\n');
  const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
  const bySource = totals.program.bySource
    .filter((s) => s.total !== 0)
    .map((s) => `${formatThousands(s.total, { grouped: false })} тыс. рублей — ${source.sourceLabel(s.source)}`);
  const provision =
    `Ресурсное обеспечение муниципальной программы составляет ${formatThousands(totals.program.total, { grouped: false })} тыс. рублей` +
    (bySource.length === 1 ? ` средств: ${source.sourceLabel(totals.program.bySource.find((s) => s.total !== 0)!.source)}` : bySource.length ? `, в том числе:\n${bySource.join(';\n')}` : '');
  const byYear = totals.years.map((year, i) => `${year} год — ${formatThousands(totals.program.amounts[i])} тыс. руб.`).join('\n');
  const sections: [string, string][] = [
    ['Ответственный исполнитель муниципальной программы', source.organisationName(program.responsibleExecutorId)],
    ['Соисполнители муниципальной программы', names(program.coExecutorIds)],
    ['Участники муниципальной программы', names(program.participantIds)],
    ['Цель муниципальной программы', program.goal],
    ['Задачи муниципальной программы', program.tasks || numbered(tree.depthFirst.filter((n) => n.kind === 'task').map((n) => n.title))],
    ['Целевые показатели (индикаторы) муниципальной программы', numbered(detail.indicators.map((i) => i.name))],
    ['Сроки и этапы реализации муниципальной программы', periodText(program.periodStart, program.periodEnd)],
    ['Ресурсное обеспечение муниципальной программы', `${provision}\n${byYear}`],
    ['Основные мероприятия муниципальной программы', numbered(tree.depthFirst.filter((n) => n.kind === 'mainActivity').map((n) => n.title))],
    ['Ожидаемые результаты реализации муниципальной программы', program.expectedResults],
  ];
  const rows: ReportRow[] = sections.map(([label, text]) => ({
    cells: [
      { kind: 'text', text: label },
      { kind: 'text', text: text || '-' },
    ],
  }));
  return {
    fileTitle: `Паспорт: ${program.title}`,
    orientation: 'portrait',
    title: ['ПАСПОРТ', `муниципальной программы «${program.title}»`],
    blocks: [{ kind: 'table', table: { columns, header: [], columnNumbers: false, rows } }],
  };
}
