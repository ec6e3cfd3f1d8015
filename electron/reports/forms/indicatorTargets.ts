// Table 1, «Сведения о целевых показателях (индикаторах) муниципальной программы, их
// значениях»: by task, each indicator with unit, base value and plan by year as written.

import type { Indicator } from '../../../shared/domain';
import { fullWidthRow, type HeaderCell, type ReportColumn, type ReportDocument, type ReportRow } from '../reportDocument';
import { programName, type ReportSource } from './reportSource';

export function planText(indicator: Indicator, year: number, type: 'plan' | 'fact' = 'plan'): string {
  return indicator.values.find((v) => v.year === year && v.period === 0 && v.type === type)?.text ?? '-';
}

export function unitText(indicator: Indicator): string {
  return indicator.cumulative ? `${indicator.unit} нараст. итогом` : indicator.unit;
}

function footnoteMark(note: string): string {
  return /^<\*+>$/.test(note) ? note : '<*>';
}

export function indicatorTargetsReport(source: ReportSource): ReportDocument {
  const { detail, years, tree } = source;
  const baseYears = [...new Set(detail.indicators.map((i) => i.baseYear).filter((y): y is number => y !== null))];
  const columns: ReportColumn[] = [
    { width: 4, align: 'center' },
    { width: 30, align: 'left' },
    { width: 8, align: 'center' },
    { width: 9, align: 'center' },
    ...years.map((): ReportColumn => ({ width: 6, align: 'center' })),
  ];
  const header: HeaderCell[][] = [
    [
      { text: 'NN пп', rowSpan: 2 },
      { text: 'Целевой показатель (индикатор)', rowSpan: 2 },
      { text: 'Ед. измерения', rowSpan: 2 },
      {
        text: `Базовое значение целевого показателя (индикатора) на начало реализации муниципальной программы${baseYears.length === 1 ? ` (${baseYears[0]} г. оценка)` : ''}`,
        rowSpan: 2,
      },
      { text: 'Планируемые значения целевых показателей (индикаторов) по годам реализации', colSpan: years.length },
    ],
    years.map((year) => ({ text: `${year} г.` })),
  ];
  const rows: ReportRow[] = [
    { emphasis: 'section', cells: [{ kind: 'text', text: '' }, { kind: 'text', text: programName(detail), colSpan: columns.length - 1 }] },
  ];
  if (detail.program.goal) rows.push({ cells: [{ kind: 'text', text: '' }, { kind: 'text', text: `Цель: ${detail.program.goal}`, colSpan: columns.length - 1 }] });

  const indicatorRows = (indicators: Indicator[]) => {
    for (const indicator of indicators) {
      rows.push({
        cells: [
          { kind: 'text', text: indicator.code },
          { kind: 'text', text: indicator.note ? `${indicator.name} ${footnoteMark(indicator.note)}` : indicator.name },
          { kind: 'text', text: unitText(indicator) },
          { kind: 'text', text: indicator.base?.text ?? '-' },
          ...years.map((year) => ({ kind: 'text' as const, text: planText(indicator, year) })),
        ],
      });
      const note = source.amendmentNoteFor('indicator', indicator.id, indicator.code);
      if (note) rows.push(fullWidthRow({ columns }, note));
    }
  };
  const tasks = tree.depthFirst.filter((n) => detail.indicators.some((i) => i.taskNodeId === n.id));
  for (const task of tasks) {
    rows.push({
      emphasis: 'section',
      keepWithNext: true,
      cells: [{ kind: 'text', text: task.code }, { kind: 'text', text: `Задача ${task.code.replace(/\.$/, '')}: ${task.title}`, colSpan: columns.length - 1 }],
    });
    indicatorRows(detail.indicators.filter((i) => i.taskNodeId === task.id));
  }
  indicatorRows(detail.indicators.filter((i) => i.taskNodeId === null || !tasks.some((t) => t.id === i.taskNodeId)));
  // A note is either the mark itself («<*>», as imported) or the footnote's text.
  const footnotes = [...new Set(detail.indicators.map((i) => i.note).filter((n): n is string => !!n && n !== footnoteMark(n)))];

  return {
    fileTitle: `Целевые показатели: ${detail.program.title}`,
    orientation: 'landscape',
    approval: ['Таблица N 1'],
    title: ['Сведения', 'о целевых показателях (индикаторах) муниципальной программы,', 'их значениях'],
    blocks: [
      { kind: 'table', table: { columns, header, columnNumbers: true, rows } },
      ...footnotes.map((text) => ({ kind: 'paragraph' as const, text: `<*> - ${text}` })),
    ],
  };
}
