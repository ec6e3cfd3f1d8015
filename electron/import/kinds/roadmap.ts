// The quarterly roadmap (план-график) of seed 002: parts, the responsible executor with a
// person's name, amounts by quarter in тыс. руб., the expected result.

import { parseRussianDate } from '../../../shared/dates';
import type { NodeKind, ProgramNode, Quarter } from '../../../shared/domain';
import { parseCode, parseHeading } from '../cellText';
import { columnWith, columnsWith, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, fullWidthText, readAmount } from '../recognise/tableRows';

/** «… (до 01.03.2022)», «срок — 01.03.2022»: the deadline of a step. */
function deadlineIn(text: string): string | null {
  const match = /(\d{1,2}\.\d{1,2}\.\d{4})/.exec(text);
  return match ? parseRussianDate(match[1]) : null;
}

export const roadmapKind: TableKind = {
  kind: 'roadmap',
  label: 'Дорожная карта (план-график) по кварталам',
  score(header: TableHeader) {
    const quarters = columnsWith(header, 'quarter').length;
    if (quarters < 2) return 0;
    return 0.5 + 0.2 * Number(!!columnWith(header, 'title')) + 0.15 * Number(!!columnWith(header, 'executor')) + 0.15 * Number(!!columnWith(header, 'result'));
  },

  read(context: TableContext) {
    const { header, draft, table } = context;
    const title = columnWith(header, 'title') ?? header.columns[0];
    const executor = columnWith(header, 'executor');
    const result = columnWith(header, 'result');
    const quarters = columnsWith(header, 'quarter');
    let subprogram: ProgramNode | null = null;
    let mainActivity: ProgramNode | null = null;
    let sourceDoubted = false;

    for (const row of bodyRows(context)) {
      const heading = fullWidthText(context, row);
      if (heading !== null) {
        const parsed = parseHeading(heading);
        if (parsed.kind === 'subprogram' || parsed.kind === null) {
          subprogram = draft.findNode('subprogram', parsed.code, parsed.title, null) ?? draft.addNode({ kind: 'subprogram', code: parsed.code, title: parsed.title, parentId: null });
          mainActivity = null;
          continue;
        }
      }
      const text = cellText(context, row, title);
      const parsed = parseHeading(text);
      const code = parsed.code || parseCode(text.split(' ')[0]) || '';
      const kind: NodeKind = parsed.kind ?? (mainActivity ? 'step' : 'mainActivity');
      const parent: ProgramNode | null = kind === 'mainActivity' || kind === 'subprogram' ? subprogram : (mainActivity ?? subprogram);
      const node: ProgramNode =
        draft.findNode(kind, code, parsed.title, parent?.id ?? null) ??
        draft.addNode({ kind, code, title: parsed.title, parentId: parent?.id ?? null, deadline: kind === 'step' ? deadlineIn(parsed.title) : null });
      if (kind === 'mainActivity') mainActivity = node;

      const executorText = cellText(context, row, executor);
      const organisationId = executorText ? draft.addExecutor(node, executorText) : null;
      if (result) node.expectedResult = cellText(context, row, result);

      for (const column of quarters) {
        const kopecks = readAmount(context, row, column);
        if (kopecks === null) continue;
        if (!sourceDoubted) {
          draft.doubt({ table, row, col: column.index, column: column.label }, 'источник финансирования в форме не указан — суммы записаны как средства местного бюджета');
          sourceDoubted = true;
        }
        node.source ??= 'local';
        draft.quarterly.push({ nodeId: node.id, year: column.year!, quarter: column.quarter as Quarter, source: 'local', organisationId, kopecks });
      }
    }
    draft.takePeriodFrom(quarters.map((q) => q.year));
  },
};
