// The quarterly roadmap (план-график) of seed 002 for one year: parts, the responsible
// executor with a person's name, I–IV квартал in тыс. руб., the result.

import { formatRussianDate } from '../../../shared/dates';
import { QUARTERS, QUARTER_LABELS, type ProgramNode } from '../../../shared/domain';
import type { HeaderCell, ReportCell, ReportColumn, ReportDocument, ReportRow } from '../reportDocument';
import type { ReportSource } from './reportSource';

export function quarterlyRoadmapReport(source: ReportSource, year: number): ReportDocument {
  const { detail, tree } = source;
  const quarterSums = new Map<string, number>();
  for (const q of detail.quarterly) {
    if (q.year !== year) continue;
    quarterSums.set(`${q.nodeId}|${q.quarter}`, (quarterSums.get(`${q.nodeId}|${q.quarter}`) ?? 0) + q.kopecks);
  }
  // A part's quarter is its own plus its children's, as the year is.
  const quarterOf = (node: ProgramNode, quarter: number): number | null => {
    let sum: number | null = quarterSums.get(`${node.id}|${quarter}`) ?? null;
    for (const child of tree.childrenOf(node.id)) {
      const childSum = quarterOf(child, quarter);
      if (childSum !== null) sum = (sum ?? 0) + childSum;
    }
    return sum;
  };
  const columns: ReportColumn[] = [
    { width: 26, align: 'left' },
    { width: 16, align: 'left' },
    ...QUARTERS.map((): ReportColumn => ({ width: 8, align: 'right' })),
    { width: 26, align: 'left' },
  ];
  const header: HeaderCell[][] = [
    [
      { text: 'Перечень стандартных процедур, обеспечивающих выполнение основного мероприятия, с указанием предельных сроков их исполнения', rowSpan: 2 },
      { text: 'Ответственный исполнитель (Управление, отдел, ФИО)', rowSpan: 2 },
      { text: `${year} год (тыс. руб.)`, colSpan: 4 },
      { text: 'Результат выполнения', rowSpan: 2 },
    ],
    QUARTERS.map((q) => ({ text: QUARTER_LABELS[q] })),
  ];
  const rows: ReportRow[] = [];
  for (const node of tree.depthFirst) {
    if (node.kind === 'subprogram' || node.kind === 'task') {
      const label = node.kind === 'subprogram' ? `Подпрограмма ${node.code} «${node.title}»` : `Задача ${node.code} ${node.title}`;
      rows.push({ emphasis: 'section', keepWithNext: true, cells: [{ kind: 'text', text: label, colSpan: columns.length }] });
      continue;
    }
    const prefix = node.kind === 'mainActivity' ? `Основное мероприятие ${node.code}. ` : node.code ? `${node.code}. ` : '';
    const deadline = node.deadline ? ` (срок — ${formatRussianDate(node.deadline)})` : '';
    const executor = [node.executors.map((e) => e.label ?? source.organisationName(e.organisationId)).join(', '), node.responsiblePerson].filter(Boolean).join(' ');
    rows.push({
      cells: [
        { kind: 'text', text: `${prefix}${node.title}${deadline}` },
        { kind: 'text', text: executor },
        ...QUARTERS.map((q): ReportCell => ({ kind: 'amount', kopecks: quarterOf(node, q) })),
        { kind: 'text', text: node.expectedResult },
      ],
    });
  }
  return {
    fileTitle: `Дорожная карта ${year}: ${detail.program.title}`,
    orientation: 'landscape',
    title: ['«Дорожная карта» (план-график)', `по выполнению основных мероприятий муниципальной программы «${detail.program.title}»`, `на ${year} год`],
    blocks: [{ kind: 'table', table: { columns, header, columnNumbers: true, rows } }],
  };
}
