// Table 4, «Ресурсное обеспечение реализации муниципальной программы»: the program, its tasks,
// main activities and activities, each with «Всего, в том числе:» and a line per executor when
// it has several, the years, ИТОГО and the expected result; amendment notes under the rows an
// amendment changed.

import type { ProgramNode } from '../../../shared/domain';
import type { Summary } from '../../core/totals';
import { fullWidthRow, type HeaderCell, type ReportCell, type ReportColumn, type ReportDocument, type ReportRow } from '../reportDocument';
import type { ReportSource } from './reportSource';

const TOTAL_LABEL = 'Всего, в том числе:';

function amounts(summary: Pick<Summary, 'amounts' | 'total'>): ReportCell[] {
  return [
    ...summary.amounts.map((kopecks): ReportCell => ({ kind: 'amount', kopecks: kopecks === 0 ? null : kopecks })),
    { kind: 'amount', kopecks: summary.total === 0 ? null : summary.total },
  ];
}

export function resourceProvisionReport(source: ReportSource): ReportDocument {
  const { detail, totals, tree, years } = source;
  const yearCount = totals.years.length;
  const columns: ReportColumn[] = [
    { title: 'NN пп', width: 3, align: 'center' },
    { title: 'Наименование', width: 14, align: 'left' },
    { title: 'Источник', width: 7, align: 'left' },
    { title: 'Исполнитель', width: 11, align: 'left' },
    ...totals.years.map((): ReportColumn => ({ width: 6.5, align: 'right' })),
    { title: 'ИТОГО', width: 7.5, align: 'right' },
    { title: 'Ожидаемые результаты', width: 11, align: 'left' },
  ];
  const header: HeaderCell[][] = [
    [
      { text: 'NN пп', rowSpan: 2 },
      { text: 'Наименование муниципальной программы, основного мероприятия', rowSpan: 2 },
      { text: 'Источник финансирования', rowSpan: 2 },
      { text: 'ГРБС, Соисполнитель, участник', rowSpan: 2 },
      { text: 'Объемы финансирования, тыс. руб.', colSpan: yearCount },
      { text: 'ИТОГО', rowSpan: 2 },
      { text: `Ожидаемые результаты реализации муниципальной программы к ${years[years.length - 1]} году`, rowSpan: 2 },
    ],
    totals.years.map((year) => ({ text: `${year} г.` })),
  ];
  const rows: ReportRow[] = [];

  const partRows = (code: string, name: string, node: ProgramNode | null, summary: Summary, result: string, emphasis?: 'total') => {
    const sources = [...new Set(summary.bySource.map((s) => s.source))];
    const sourceText = sources.length ? sources.map(source.sourceLabel).join(', ') : source.sourceLabel(node?.source ?? 'none');
    const executors = summary.byExecutor.length
      ? summary.byExecutor
      : (node?.executors ?? []).map((e) => ({ organisationId: e.organisationId, amounts: new Array<number>(yearCount).fill(0), total: 0 }));
    const several = executors.length > 1;
    const span = several ? executors.length + 1 : 1;
    const lead: ReportCell[] = [
      { kind: 'text', text: code, rowSpan: span },
      { kind: 'text', text: name, rowSpan: span },
      { kind: 'text', text: sourceText, rowSpan: span },
    ];
    const resultCell: ReportCell = { kind: 'text', text: result, rowSpan: span };
    if (!several) {
      const executor = executors[0];
      rows.push({ emphasis, keepWithNext: true, cells: [...lead, { kind: 'text', text: executor ? source.executorLabel(node, executor.organisationId) : '' }, ...amounts(summary), resultCell] });
      return;
    }
    rows.push({ emphasis, keepWithNext: true, cells: [...lead, { kind: 'text', text: TOTAL_LABEL }, ...amounts(summary), resultCell] });
    executors.forEach((executor, i) =>
      rows.push({ keepWithNext: i < executors.length - 1, cells: [{ kind: 'text', text: source.executorLabel(node, executor.organisationId) }, ...amounts(executor)] }),
    );
  };

  partRows('', `МП «${detail.program.title}»`, null, totals.program, detail.program.expectedResults, 'total');
  const programNote = source.amendmentNoteFor('program', detail.program.id);
  if (programNote) rows.push(fullWidthRow({ columns }, programNote));

  for (const node of tree.depthFirst) {
    const summary = totals.nodes.get(node.id)!;
    if (node.kind === 'task' || node.kind === 'subprogram') {
      const label = node.kind === 'task' ? `Задача ${node.code.replace(/\.$/, '')}. ${node.title}` : `Подпрограмма ${node.code} «${node.title}»`;
      rows.push({ emphasis: 'section', keepWithNext: true, cells: [{ kind: 'text', text: node.code }, { kind: 'text', text: label, colSpan: columns.length - 1 }] });
    } else {
      const prefix = node.kind === 'mainActivity' ? 'Основное мероприятие' : node.kind === 'activity' ? 'Мероприятие' : '';
      partRows(node.code, prefix ? `${prefix} ${node.code}. ${node.title}` : node.title, node, summary, node.expectedResult);
    }
    const note = source.amendmentNoteFor('node', node.id, node.code);
    if (note) rows.push(fullWidthRow({ columns }, note));
  }

  return {
    fileTitle: `Ресурсное обеспечение: ${detail.program.title}`,
    orientation: 'landscape',
    approval: ['Таблица N 4'],
    title: ['Ресурсное обеспечение', `реализации муниципальной программы «${detail.program.title}»`, 'за счет всех источников финансирования'],
    blocks: [{ kind: 'table', table: { columns, header, columnNumbers: true, rows } }],
  };
}
