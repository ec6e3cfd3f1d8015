// Table 4, «Ресурсное обеспечение»: program → tasks → main activities → activities, each with
// its source, a «Всего, в том числе:» line and one line per executor, amounts by year, ИТОГО
// and the expected result, amendment notes under the rows they changed. Leaves' executor lines
// are the money; every other printed figure is a stated total, checked against the roll-up.

import type { NodeKind, ProgramNode, Source } from '../../../shared/domain';
import { clean, codeDepth, detectSource, normaliseCode, parseAmendmentNote, parseCode, parseHeading, stripQuotes } from '../cellText';
import { describeColumn, describeRow } from '../place';
import { columnWith, columnsWith, type Column, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, fullWidthText, ownCellText, readAmount } from '../recognise/tableRows';

interface Line {
  row: number;
  /** null: the «Всего, в том числе:» line. */
  executor: string | null;
  /** By year column, in the order of the header's year columns: a 10 000-activity table has
   *  hundreds of thousands of amounts, which need no object each. */
  kopecks: (number | null)[];
  total: number | null;
}

interface Part {
  /** null: the program's own row. */
  node: ProgramNode | null;
  row: number;
  source: Source | null;
  lines: Line[];
}

const KIND_BY_DEPTH: NodeKind[] = ['task', 'mainActivity', 'activity', 'step'];

function isTotalLine(text: string): boolean {
  return /^всего/i.test(clean(text));
}

export const resourceProvisionKind: TableKind = {
  kind: 'resourceProvision',
  label: 'Таблица 4: ресурсное обеспечение',
  score(header: TableHeader) {
    const years = columnsWith(header, 'year').length;
    if (!years || !columnWith(header, 'source')) return 0;
    return 0.55 + 0.2 * Number(!!columnWith(header, 'executor')) + 0.1 * Number(!!columnWith(header, 'total')) + 0.15 * Number(!!columnWith(header, 'title'));
  },

  read(context: TableContext) {
    const { header, draft, table } = context;
    const code = columnWith(header, 'code');
    const title = columnWith(header, 'title') ?? header.columns[code ? 1 : 0];
    const sourceColumn = columnWith(header, 'source')!;
    const executor = columnWith(header, 'executor');
    const total = columnWith(header, 'total');
    const result = columnWith(header, 'result');
    const years = columnsWith(header, 'year');
    const parts: Part[] = [];
    let current: Part | null = null;

    const readLine = (row: number): Line => {
      const executorText = cellText(context, row, executor);
      return {
        row,
        executor: isTotalLine(executorText) ? null : executorText || null,
        kopecks: years.map((column) => readAmount(context, row, column)),
        total: total ? readAmount(context, row, total) : null,
      };
    };
    // A table names the same few sources on every row.
    const sources = new Map<string, ReturnType<typeof detectSource>>();
    const sourceOf = (text: string) => {
      let source = sources.get(text);
      if (source === undefined) sources.set(text, (source = detectSource(text)));
      return source;
    };

    for (const row of bodyRows(context)) {
      const wide = fullWidthText(context, row);
      const note = wide !== null ? parseAmendmentNote(wide) : null;
      if (note) {
        const named = note.item ? draft.findNode(null, note.item) : undefined;
        const target = named ?? current?.node ?? null;
        draft.markAmended(note, target ? { entity: 'node', entityId: target.id } : { entity: 'program', entityId: 0 });
        continue;
      }
      const ownCode = ownCellText(context, row, code);
      const ownTitle = ownCellText(context, row, title);
      if (!ownCode && !ownTitle) {
        if (!current) {
          draft.doubt({ table, row }, 'строка без наименования до первой части программы пропущена');
          continue;
        }
        current.lines.push(readLine(row));
        continue;
      }
      const heading = parseHeading(ownTitle);
      const printedCode = parseCode(ownCode) ?? heading.code;
      if (!printedCode) {
        // The program's own row: «МП "Цифровизация городской среды"».
        if (!draft.title) draft.title = stripQuotes(ownTitle.replace(/^(МП|муниципальная\s+программа)\s*/i, ''));
        current = { node: null, row, source: null, lines: [] };
      } else {
        const depth = codeDepth(printedCode);
        const kind = heading.kind ?? KIND_BY_DEPTH[Math.min(depth, KIND_BY_DEPTH.length) - 1];
        const parentCode = normaliseCode(printedCode).split('.').slice(0, -1).join('.');
        const parent = (parentCode && draft.findNode(null, parentCode)) || null;
        if (!parent && depth > 1) draft.doubt({ table, row, col: code?.index, column: code?.label }, `не найдена вышестоящая часть для п. ${printedCode}`);
        const node = draft.findNode(kind, printedCode) ?? draft.addNode({ kind, code: printedCode, title: heading.title || ownTitle, parentId: parent?.id ?? null });
        current = { node, row, source: null, lines: [] };
      }
      parts.push(current);
      // Fix (Table 2/3 work): a task's name merged across the rest of the row («1.» | «Задача 1.
      // …») covers the source, executor, year and result columns; those positions repeat the
      // name and are no source, figure or result of the row.
      const nameCell = table.rows[row][title.index];
      const apart = (column: Column | undefined): string => {
        if (!column) return '';
        const cell = table.rows[row][column.index];
        return cell.originRow === nameCell.originRow && cell.originCol === nameCell.originCol ? '' : cellText(context, row, column);
      };
      const resultText = ownCellText(context, row, result) && apart(result);
      if (resultText && current.node) current.node.expectedResult = resultText;
      const sourceText = apart(sourceColumn);
      const source = sourceOf(sourceText);
      if (sourceText && !source) draft.doubt({ table, row, col: sourceColumn.index, column: sourceColumn.label }, `источник «${sourceText}» не распознан — принят местный бюджет`);
      current.source = source?.source ?? (sourceText ? 'local' : null);
      if (source && source.source !== 'none') draft.sourceLabels[source.source] ??= source.label;
      if (current.node && current.source) current.node.source = current.source;
      // A heading row (a task) carries no executor and no amounts.
      if (apart(executor) || years.some((column) => apart(column))) current.lines.push(readLine(row));
    }

    const hasChildren = new Set(draft.nodes.map((n) => n.parentId));
    const yearPlaces = years.map((column) => describeColumn(table, column.index, column.label));
    const totalPlace = total ? describeColumn(table, total.index, total.label) : '';
    for (const part of parts) {
      const leaf = part.node !== null && !hasChildren.has(part.node.id);
      const source = part.source ?? 'local';
      for (const line of part.lines) {
        const rowPlace = describeRow(table, line.row);
        const organisationId = line.executor && part.node ? draft.addExecutor(part.node, line.executor) : line.executor ? draft.organisation(line.executor).organisationId : null;
        const moneyLine = leaf && (line.executor !== null || part.lines.length === 1);
        for (let i = 0; i < years.length; i++) {
          const column = years[i];
          const kopecks = line.kopecks[i];
          if (moneyLine) {
            if (kopecks !== null && source !== 'none') draft.financing.push({ nodeId: part.node!.id, year: column.year!, source, organisationId, kopecks });
          } else {
            draft.statedTotals.push({
              nodeId: part.node?.id ?? null,
              year: column.year!,
              organisationId,
              kopecks: kopecks ?? 0,
              origin: rowPlace + yearPlaces[i],
            });
          }
        }
        if (total && line.total !== null) {
          draft.statedTotals.push({
            nodeId: part.node?.id ?? null,
            year: null,
            organisationId,
            kopecks: line.total,
            origin: rowPlace + totalPlace,
          });
        }
      }
    }
    draft.takePeriodFrom(years.map((c) => c.year));
  },
};
