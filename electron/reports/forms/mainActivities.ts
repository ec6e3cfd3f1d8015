// Table 2, «Перечень основных мероприятий муниципальной программы»: period, co-executors and
// participants, the activities included, and the linked target indicators.

import type { ReportColumn, ReportDocument, ReportRow, HeaderCell } from '../reportDocument';
import { periodText, type ReportSource } from './reportSource';

export function mainActivitiesReport(source: ReportSource): ReportDocument {
  const { detail, tree } = source;
  const columns: ReportColumn[] = [
    { width: 4, align: 'center' },
    { width: 18, align: 'left' },
    { width: 8, align: 'center' },
    { width: 12, align: 'left' },
    { width: 24, align: 'left' },
    { width: 18, align: 'left' },
  ];
  const header: HeaderCell[][] = [
    [
      { text: 'NN пп' },
      { text: 'Наименование основного мероприятия' },
      { text: 'Срок реализации основного мероприятия' },
      { text: 'Соисполнитель, участник' },
      { text: 'Перечень мероприятий, включенных в основное мероприятие' },
      { text: 'Связь с целевыми показателями (индикаторами) муниципальной программы' },
    ],
  ];
  const rows: ReportRow[] = [];
  if (detail.program.goal) rows.push({ emphasis: 'section', cells: [{ kind: 'text', text: `Цель муниципальной программы: ${detail.program.goal}`, colSpan: columns.length }] });
  for (const node of tree.depthFirst) {
    if (node.kind === 'task' || node.kind === 'subprogram') {
      const label = node.kind === 'task' ? `Задача ${node.code.replace(/\.$/, '')}: ${node.title}` : `Подпрограмма ${node.code} «${node.title}»`;
      rows.push({ emphasis: 'section', keepWithNext: true, cells: [{ kind: 'text', text: node.code }, { kind: 'text', text: label, colSpan: columns.length - 1 }] });
      continue;
    }
    if (node.kind !== 'mainActivity') continue;
    const activities = tree.childrenOf(node.id);
    const executors = [...node.executors, ...activities.flatMap((a) => a.executors)].filter(
      (e, i, all) => all.findIndex((x) => x.organisationId === e.organisationId) === i,
    );
    const linked = detail.indicators.filter((i) => i.nodeIds.includes(node.id) || activities.some((a) => i.nodeIds.includes(a.id)));
    rows.push({
      cells: [
        { kind: 'text', text: node.code },
        { kind: 'text', text: node.title },
        { kind: 'text', text: periodText(node.periodStart, node.periodEnd) },
        { kind: 'text', text: executors.map((e) => e.label ?? source.organisationName(e.organisationId)).join(', ') },
        { kind: 'text', text: activities.map((a) => `Мероприятие ${a.code}. ${a.title}`).join('\n') },
        { kind: 'text', text: linked.map((i) => i.name).join('\n') },
      ],
    });
    const note = source.amendmentNoteFor('node', node.id, node.code);
    if (note) rows.push({ cells: [{ kind: 'text', text: note, colSpan: columns.length }] });
  }
  return {
    fileTitle: `Основные мероприятия: ${detail.program.title}`,
    orientation: 'landscape',
    approval: ['Таблица N 2'],
    title: ['Перечень', 'основных мероприятий муниципальной программы'],
    blocks: [{ kind: 'table', table: { columns, header, columnNumbers: true, rows } }],
  };
}
