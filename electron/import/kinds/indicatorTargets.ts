// Table 1, «Сведения о целевых показателях (индикаторах)»: the program's title and goal rows,
// tasks, and under each task its indicators with unit, base value and plan by year as the
// officer wrote them («Не менее 95», «-»), amendment notes under the rows they changed.

import { clean, normaliseCode, parseAmendmentNote, parseCode, parseHeading, stripQuotes } from '../cellText';
import { readIndicatorName, readUnit } from '../indicatorText';
import { columnWith, columnsWith, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, readIndicatorValue } from '../recognise/tableRows';
import type { ProgramNode } from '../../../shared/domain';
import { yearIn } from '../cellText';

export const indicatorTargetsKind: TableKind = {
  kind: 'indicatorTargets',
  label: 'Таблица 1: целевые показатели по годам',
  score(header: TableHeader) {
    const years = columnsWith(header, 'year').length;
    if (!years || columnWith(header, 'source') || columnWith(header, 'executor')) return 0;
    return 0.4 + 0.3 * Number(!!columnWith(header, 'unit')) + 0.15 * Number(!!columnWith(header, 'base')) + 0.15 * Number(/показател/.test(header.text));
  },

  read(context: TableContext) {
    const { header, draft } = context;
    const code = columnWith(header, 'code');
    const title = columnWith(header, 'title') ?? header.columns[code ? 1 : 0];
    const unitColumn = columnWith(header, 'unit');
    const base = columnWith(header, 'base');
    const years = columnsWith(header, 'year');
    const baseYear = base ? yearIn(base.headings.join(' ')) : null;
    let task: ProgramNode | null = null;
    let last: { id: number; code: string } | null = null;

    for (const row of bodyRows(context)) {
      const printedCode = parseCode(cellText(context, row, code)) ?? '';
      const text = cellText(context, row, title) || clean(context.table.rows[row][0].text);
      const note = parseAmendmentNote(text);
      if (note) {
        const named = note.item ? draft.indicators.find((i) => normaliseCode(i.code) === note.item) : undefined;
        const target = named ?? last;
        if (target) draft.markAmended(note, { entity: 'indicator', entityId: target.id });
        continue;
      }
      if (/^(муниципальная|государственная|региональная)\s+программа/i.test(text) && !printedCode) {
        draft.title ||= stripQuotes(text.replace(/^[а-яё]+\s+программа\s*/i, ''));
        continue;
      }
      if (/^цель/i.test(text) && !printedCode) {
        draft.goal ||= clean(text.replace(/^цель[^:]*:\s*/i, ''));
        continue;
      }
      const heading = parseHeading(text);
      if (heading.kind === 'task' || (printedCode && !cellText(context, row, unitColumn) && years.every((c) => !cellText(context, row, c)))) {
        // Codes stay as printed («1.»); look-ups compare them without the final dot.
        const taskCode = printedCode || heading.code;
        task = draft.findNode('task', taskCode) ?? draft.addNode({ kind: 'task', code: taskCode, title: heading.title, parentId: null });
        continue;
      }
      const { name, note: footnote, unit: unitInName } = readIndicatorName(text);
      const { unit, cumulative } = readUnit(cellText(context, row, unitColumn) || unitInName || '');
      const indicator = draft.addIndicator({
        code: printedCode,
        name,
        unit,
        direction: 'up',
        cumulative,
        kind: 'main',
        territory: null,
        note: footnote,
        taskNodeId: task?.id ?? null,
        base: base ? readIndicatorValue(context, row, base) : null,
        baseYear,
        baseDate: null,
      });
      for (const column of years) {
        const value = readIndicatorValue(context, row, column);
        if (value) indicator.values.push({ ...value, year: column.year!, period: 0, type: 'plan', date: null, comment: null });
      }
      last = { id: indicator.id, code: indicator.code };
    }
    draft.takePeriodFrom(years.map((c) => c.year));
  },
};
