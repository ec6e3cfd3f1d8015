import { describe, expect, it } from 'vitest';
import { measureTable, paginateTable } from '../../../electron/reports/render/pdfTableLayout';
import type { CellFragment, TablePage } from '../../../electron/reports/render/pdfTableLayout';
import type { ReportCell, ReportRow, ReportTable } from '../../../electron/reports/reportDocument';

const text = (value: string, span: { rowSpan?: number; colSpan?: number } = {}): ReportCell => ({ kind: 'text', text: value, ...span });

function table(rows: ReportRow[]): ReportTable {
  return {
    columns: [
      { width: 1, align: 'left' },
      { width: 1, align: 'right' },
    ],
    header: [[{ text: 'Мероприятие' }, { text: 'Сумма' }]],
    columnNumbers: true,
    rows,
  };
}

/** A group like Table 4's: a name spanning «Всего» and one line per executor. */
function group(name: string, executors: number): ReportRow[] {
  return [
    { cells: [text(name, { rowSpan: executors + 1 }), { kind: 'amount', kopecks: 100_000 * executors }] },
    ...Array.from({ length: executors }, (): ReportRow => ({ cells: [{ kind: 'amount', kopecks: 100_000 }] })),
  ];
}

// 12-pt table text: a line is 13.8 pt, a one-line row 16.8 pt; header and numbers 33.6 pt.
const WIDTH = 300;
const frame = { top: 50, bottom: 250 }; // 200 pt: the header and about nine one-line rows

function layout(rows: ReportRow[], startY = frame.top, pageInUse = false) {
  return paginateTable(measureTable(table(rows), WIDTH), frame, startY, pageInUse);
}

function fragmentsOf(pages: TablePage[], cellText: string): { page: number; fragment: CellFragment }[] {
  return pages.flatMap((page, index) =>
    page.fragments.filter((fragment) => fragment.cell.lines.join(' ') === cellText).map((fragment) => ({ page: index, fragment })),
  );
}

describe('paginateTable', () => {
  it('repeats the header on each page and keeps every row inside the frame', () => {
    const rows = Array.from({ length: 30 }, (_, index): ReportRow => ({ cells: [text(`Строка ${index + 1}`), { kind: 'amount', kopecks: index }] }));
    const { pages } = layout(rows);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page.startsNewPage).toBe(index > 0);
      expect(page.headerTop).toBe(frame.top);
      for (const fragment of page.fragments) {
        expect(fragment.top).toBeGreaterThanOrEqual(frame.top + 33.6 - 1e-6);
        expect(fragment.top + fragment.height).toBeLessThanOrEqual(frame.bottom + 1e-6);
      }
    });
    for (let index = 1; index <= 30; index++) expect(fragmentsOf(pages, `Строка ${index}`)).toHaveLength(1);
  });

  it('moves a group joined by a merged cell to the next page whole', () => {
    const rows = [...group('Первое', 3), ...group('Второе', 3), ...group('Третье', 3)];
    const { pages } = layout(rows);
    for (const name of ['Первое', 'Второе', 'Третье']) {
      const [placed, ...rest] = fragmentsOf(pages, name);
      expect(rest).toEqual([]);
      const groupPage = pages[placed.page];
      const amounts = groupPage.fragments.filter((fragment) => fragment.cell.row >= placed.fragment.cell.row && fragment.cell.row <= placed.fragment.cell.row + 3);
      expect(amounts).toHaveLength(5);
    }
  });

  it('keeps a section row with the group that follows it', () => {
    const filler = Array.from({ length: 6 }, (_, index): ReportRow => ({ cells: [text(`Строка ${index}`), { kind: 'amount', kopecks: index }] }));
    const section: ReportRow = { cells: [text('Задача 2', { colSpan: 2 })], emphasis: 'section', keepWithNext: true };
    const { pages } = layout([...filler, section, ...group('Мероприятие 2.1', 2)]);
    const [sectionAt] = fragmentsOf(pages, 'Задача 2');
    const [groupAt] = fragmentsOf(pages, 'Мероприятие 2.1');
    expect(sectionAt.page).toBe(groupAt.page);
    expect(sectionAt.fragment.cell.style).toBe('bold');
  });

  it('cuts a row taller than a page between lines and continues its text', () => {
    const words = Array.from({ length: 200 }, (_, index) => `слово${index}`).join(' ');
    const { pages } = layout([{ cells: [text(words), { kind: 'amount', kopecks: 1 }] }]);
    const parts = pages.flatMap((page) => page.fragments.filter((fragment) => fragment.cell.column === 0));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.lines)).toEqual(parts[0].cell.lines);
    expect(parts.flatMap((part) => part.lines).join(' ')).toBe(words);
  });

  it('continues a merged cell on the next page when its group is taller than a page', () => {
    const { pages } = layout(group('Мероприятие с двадцатью исполнителями', 20));
    const parts = fragmentsOf(pages, 'Мероприятие с двадцатью исполнителями');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.fragment.lines)).toEqual(parts[0].fragment.cell.lines);
    expect(pages.flatMap((page) => page.fragments).filter((fragment) => fragment.cell.column === 1)).toHaveLength(21);
  });

  it('starts on the next page, header included, when the page in use has no room for the first rows', () => {
    const { pages } = layout(group('Первое', 3), frame.bottom - 40, true);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ startsNewPage: true, headerTop: frame.top });
  });

  it('shrinks a figure wider than its column instead of breaking it', () => {
    const measured = measureTable(
      { ...table([{ cells: [text('Итого'), { kind: 'amount', kopecks: 5_962_971_333, grouped: false }] }]), columns: [{ width: 9, align: 'left' }, { width: 1, align: 'right' }] },
      WIDTH,
    );
    const figure = measured.body.startingAt[0][1];
    expect(figure.lines).toEqual(['59629,71333']);
    expect(figure.size).toBeLessThan(measured.size);
  });
});
