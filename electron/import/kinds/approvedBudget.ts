// Table 3, «Объем бюджетных ассигнований … в соответствии с утвержденным бюджетом»: the
// program's approved budget by source and year. A «Всего» row or column is not stored — the
// budget's total is derived — but checked against the rows to the kopeck; a difference is a
// finding with both figures and the cell. The note «(в ред. …)» in the form's title is the
// act that set these figures.

import type { Source } from '../../../shared/domain';
import { formatThousands } from '../../../shared/money';
import { clean, detectSource, parseAmendmentNote, stripQuotes } from '../cellText';
import { columnWith, columnsWith, type Column, type TableHeader } from '../recognise/tableHeader';
import type { TableContext, TableKind } from '../recognise/tableKind';
import { bodyRows, cellText, fullWidthText, ownCellText, readAmount } from '../recognise/tableRows';

const TOTAL = /^(всего|итого)/i;

export const approvedBudgetKind: TableKind = {
  kind: 'approvedBudget',
  label: 'Таблица 3: бюджетные ассигнования',
  score(header: TableHeader, titleLines: string[]) {
    const title = titleLines.join(' ').toLowerCase();
    // Table 4 has the same source and year columns, but money by executor and by part.
    if (!columnsWith(header, 'year').length || !columnWith(header, 'source') || columnWith(header, 'executor') || /ресурсн/.test(title)) return 0;
    return (
      0.6 +
      0.15 * Number(!!columnWith(header, 'title')) +
      0.1 * Number(!columnWith(header, 'code')) +
      0.15 * Number(/ассигнован|утвержденн|утверждённ/.test(title))
    );
  },

  read(context: TableContext) {
    const { header, draft, table, titleLines } = context;
    const title = columnWith(header, 'title');
    const sourceColumn = columnWith(header, 'source')!;
    const years = columnsWith(header, 'year');
    const totalColumn = columnWith(header, 'total');
    const place = (row: number, column: Column) => ({ table, row, col: column.index, column: column.label });

    for (const note of notesIn(titleLines.join(' '))) draft.markAmended(note, { entity: 'program', entityId: 0 });

    /** What this table put into the budget: year|source → kopecks and the row it came from. */
    const read = new Map<string, { kopecks: number; row: number }>();
    const stated: { row: number; amounts: { column: Column; kopecks: number | null }[] }[] = [];

    for (const row of bodyRows(context)) {
      const wide = fullWidthText(context, row);
      if (wide !== null) {
        const note = parseAmendmentNote(wide);
        if (note) draft.markAmended(note, { entity: 'program', entityId: 0 });
        else draft.doubt({ table, row }, `строка «${clip(wide)}» не распознана и пропущена`);
        continue;
      }
      const titleText = ownCellText(context, row, title);
      const sourceText = cellText(context, row, sourceColumn);
      if (titleText && /программ/i.test(titleText) && !/подпрограмм/i.test(titleText)) {
        draft.title ||= stripQuotes(titleText.replace(/^(МП|(муниципальная|государственная|региональная)\s+программа)\s*/i, ''));
      }
      const amounts = years.map((column) => ({ column, kopecks: readAmount(context, row, column) }));
      const rowTotal = totalColumn ? readAmount(context, row, totalColumn) : null;
      if (rowTotal !== null) {
        const sum = amounts.reduce((s, a) => s + (a.kopecks ?? 0), 0);
        if (sum !== rowTotal) {
          draft.doubt(place(row, totalColumn!), `указан итог ${formatThousands(rowTotal)}, а сумма по годам — ${formatThousands(sum)} (разница ${formatThousands(rowTotal - sum)})`);
        }
      }
      if (TOTAL.test(sourceText) || (!sourceText && TOTAL.test(cellText(context, row, title)))) {
        stated.push({ row, amounts });
        continue;
      }
      if (/подпрограмм/i.test(cellText(context, row, title))) {
        // The program's budget is the sum of its subprograms': only the program's rows count.
        if (amounts.some((a) => a.kopecks !== null)) draft.doubt({ table, row }, 'строка подпрограммы: бюджет записывается по программе в целом, строка пропущена');
        continue;
      }
      if (!sourceText && amounts.every((a) => a.kopecks === null)) continue;
      const detected = detectSource(sourceText);
      if (!detected) {
        draft.doubt(place(row, sourceColumn), sourceText ? `источник «${clip(sourceText)}» не распознан — принят местный бюджет` : 'источник не указан — принят местный бюджет');
      }
      const source: Source = detected?.source ?? 'local';
      if (detected && source !== 'none') draft.sourceLabels[source] ??= detected.label;
      for (const { column, kopecks } of amounts) {
        if (kopecks === null) continue;
        if (source === 'none') {
          draft.doubt(place(row, column), `сумма при источнике «${clip(sourceText)}» не записана`);
          continue;
        }
        const key = `${column.year}|${source}`;
        const earlier = read.get(key);
        if (earlier) {
          draft.doubt(place(row, column), `сумма по этому источнику на ${column.year} г. уже указана в строке ${table.displayRow(earlier.row)} — оставлена прежняя`);
          continue;
        }
        if (draft.budget.some((b) => b.year === column.year && b.source === source)) {
          draft.doubt(place(row, column), `бюджет на ${column.year} г. по этому источнику уже прочитан из другой таблицы файла — оставлен прежний`);
          continue;
        }
        read.set(key, { kopecks, row });
        draft.budget.push({ year: column.year!, source, kopecks });
      }
    }

    // «Всего» rows: the sum of the sources, checked, never stored.
    for (const line of stated) {
      for (const { column, kopecks } of line.amounts) {
        const computed = [...read.entries()].filter(([key]) => key.startsWith(`${column.year}|`)).reduce((s, [, v]) => s + v.kopecks, 0);
        if ((kopecks ?? 0) !== computed) {
          draft.doubt(
            place(line.row, column),
            `указан итог ${formatThousands(kopecks ?? 0)}, а сумма по источникам — ${formatThousands(computed)} (разница ${formatThousands((kopecks ?? 0) - computed)})`,
          );
        }
      }
    }
    draft.takePeriodFrom(years.map((c) => c.year));
  },
};

/** «(в ред. Постановления … от 29.12.2023 N 16911)» notes in a title, however its lines broke. */
function notesIn(text: string) {
  const notes = [];
  for (const match of clean(text).matchAll(/\((?:[^()]*?\s)?в\s+ред\.[^()]*\)/gi)) {
    const note = parseAmendmentNote(match[0]);
    if (note) notes.push(note);
  }
  return notes;
}

function clip(text: string): string {
  const value = clean(text);
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
