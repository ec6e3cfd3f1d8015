// Word tables: merges of every kind, writers with other prefixes, tracked changes, nesting.

import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../../electron/import/readers/rawTable';
import { readTables } from '../../../electron/import/readers/readTables';
import { docxPackage, documentXml, p, tbl, tc, tr } from './fixtures';

function readDocx(body: string, options?: Parameters<typeof documentXml>[1]): RawTable[] {
  return readTables(docxPackage(documentXml(body, options)), 'table.docx');
}

function texts(table: RawTable): string[][] {
  return table.rows.map((cells) => cells.map((cell) => cell.text));
}

function spans(table: RawTable): string[][] {
  return table.rows.map((cells) => cells.map((cell) => `${cell.originRow},${cell.originCol} ${cell.rowSpan}x${cell.colSpan}`));
}

const VMERGE_START = '<w:vMerge w:val="restart"/>';
const VMERGE_CONTINUE = '<w:vMerge/>';
const span = (n: number): string => `<w:gridSpan w:val="${n}"/>`;

/** Table 4 of the Ryazan program in miniature: a two-level header over years. */
const RESOURCE_TABLE = tbl(
  tr(tc('N п/п', VMERGE_START), tc('Наименование', VMERGE_START), tc('Объем финансирования, тыс. руб.', span(3))),
  tr(tc('', VMERGE_CONTINUE), tc('', '<w:vMerge w:val="continue"/>'), tc('всего'), tc('2022'), tc('2023')),
  tr(tc('1'), tc('2'), tc('3'), tc('4'), tc('5')),
  tr(tc('1.'), tc('Задача 1'), tc('6806,85333'), tc('3306,2'), tc('3500,65333')),
);

describe('merges', () => {
  it('expands gridSpan and vMerge into a full grid', () => {
    const [table] = readDocx(RESOURCE_TABLE);
    expect(texts(table)).toEqual([
      ['N п/п', 'Наименование', 'Объем финансирования, тыс. руб.', 'Объем финансирования, тыс. руб.', 'Объем финансирования, тыс. руб.'],
      ['N п/п', 'Наименование', 'всего', '2022', '2023'],
      ['1', '2', '3', '4', '5'],
      ['1.', 'Задача 1', '6806,85333', '3306,2', '3500,65333'],
    ]);
    expect(spans(table).slice(0, 2)).toEqual([
      ['0,0 2x1', '0,1 2x1', '0,2 1x3', '0,2 1x3', '0,2 1x3'],
      ['0,0 2x1', '0,1 2x1', '1,2 1x1', '1,3 1x1', '1,4 1x1'],
    ]);
    expect(table.rows[1][0]).toMatchObject({ row: 1, col: 0, originRow: 0, originCol: 0 });
  });

  it('merges vertically across a merged width and ends the merge at a restart', () => {
    const [table] = readDocx(
      tbl(
        tr(tc('Всего, в том числе:', VMERGE_START + span(2)), tc('a')),
        tr(tc('', VMERGE_CONTINUE + span(2)), tc('b')),
        tr(tc('Новая', VMERGE_START + span(2)), tc('c')),
        tr(tc('', VMERGE_CONTINUE + span(2)), tc('d')),
      ),
    );
    expect(spans(table).map((row) => row[0])).toEqual(['0,0 2x2', '0,0 2x2', '2,0 2x2', '2,0 2x2']);
    expect(texts(table).map((row) => row[1])).toEqual(['Всего, в том числе:', 'Всего, в том числе:', 'Новая', 'Новая']);
  });

  it('understands the legacy hMerge', () => {
    const [table] = readDocx(
      tbl(tr(tc('Итого', '<w:hMerge w:val="restart"/>'), tc('', '<w:hMerge/>'), tc('5')), tr(tc('a'), tc('b'), tc('c'))),
    );
    expect(texts(table)[0]).toEqual(['Итого', 'Итого', '5']);
    expect(table.rows[0][1]).toMatchObject({ originCol: 0, colSpan: 2 });
  });

  it('shifts rows by gridBefore and pads gridAfter', () => {
    const [table] = readDocx(
      tbl(
        tr(tc('a'), tc('b'), tc('c')),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('середина')}</w:tr>`,
        tr(tc('x'), tc('y')),
      ),
    );
    expect(texts(table)).toEqual([
      ['a', 'b', 'c'],
      ['', 'середина', ''],
      ['x', 'y', ''],
    ]);
    expect(table.rows[1][0]).toMatchObject({ rowSpan: 1, colSpan: 1, originCol: 0 });
  });

  it('does not merge by a vMerge kept as the old state of a tracked change', () => {
    const [table] = readDocx(
      tbl(
        tr(tc('верх')),
        tr(tc('низ', `<w:tcPrChange w:id="1" w:author="x"><w:tcPr>${VMERGE_CONTINUE}</w:tcPr></w:tcPrChange>`)),
      ),
    );
    expect(texts(table)).toEqual([['верх'], ['низ']]);
  });
});

describe('text', () => {
  it('joins runs, tabs, breaks and paragraphs; keeps inserted text and drops deleted text', () => {
    const cell =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>Основное</w:t></w:r><w:r><w:t xml:space="preserve"> мероприятие</w:t><w:tab/><w:t>01</w:t></w:r>' +
      '<w:del w:id="1" w:author="x"><w:r><w:delText>удалено</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="x"><w:r><w:t>, вставлено</w:t></w:r></w:ins>' +
      '<w:r><w:br/><w:t>вторая строка</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:p><w:r><w:t>  абзац  </w:t></w:r></w:p>' +
      '<w:p/>';
    const [table] = readDocx(tbl(tr(tc('', '', cell))));
    expect(table.rows[0][0].text).toBe('Основное мероприятие 01, вставлено\nвторая строка\n\n  абзац');
  });

  it('puts the text of a nested table into the containing cell and keeps only top-level tables', () => {
    const nested = tbl(tr(tc('вложенная 1'), tc('вложенная 2')));
    const [table, ...others] = readDocx(tbl(tr(tc('', '', p('до') + nested + p('после')), tc('b'))));
    expect(others).toHaveLength(0);
    expect(texts(table)).toEqual([['до\nвложенная 1\nвложенная 2\nпосле', 'b']]);
  });

  it('drops a row deleted with tracked changes', () => {
    const [table] = readDocx(
      tbl(tr(tc('a')), `<w:tr><w:trPr><w:del w:id="3" w:author="x"/></w:trPr>${tc('удалённая строка')}</w:tr>`, tr(tc('c'))),
    );
    expect(texts(table)).toEqual([['a'], ['c']]);
  });

  it('ignores the fallback copy of alternate content', () => {
    const box = (text: string): string => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const cell = `<w:p><w:r><w:t>Текст</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('в рамке')}</mc:Choice><mc:Fallback>${box('в рамке')}</mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const [table] = readDocx(tbl(tr(tc('', '', cell))));
    expect(table.rows[0][0].text).toBe('в рамке\nТекст');
  });
});

describe('writers', () => {
  const body = p('Таблица N 4') + RESOURCE_TABLE;

  it.each([
    ['Word (w:)', { prefix: 'w' }],
    ['LibreOffice-style default namespace, no prefix', { prefix: '' }],
    ['another prefix (ns0:)', { prefix: 'ns0' }],
    ['ISO 29500 Strict namespace', { prefix: 'w', namespace: 'http://purl.oclc.org/ooxml/wordprocessingml/main' }],
  ])('reads %s the same way', (_, options) => {
    const [table] = readDocx(body, options);
    expect(table.caption).toEqual(['Таблица N 4']);
    expect(texts(table)[1]).toEqual(['N п/п', 'Наименование', 'всего', '2022', '2023']);
    expect(spans(table)[0][2]).toBe('0,2 1x3');
  });

  it('ignores elements of other namespaces that share local names', () => {
    const [table] = readDocx(
      tbl(tr(tc('', '', '<w:p><w:r><w:t>видно</w:t></w:r><a:t xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">не текст ячейки</a:t></w:p>'))),
    );
    expect(table.rows[0][0].text).toBe('видно');
  });
});

describe('tables and captions', () => {
  it('takes at most the last 10 paragraphs before each table as its caption, and names a table by the number printed there or by its place', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => p(`Абзац ${i + 1}`)).join('');
    const tables = readDocx(
      paragraphs +
        p('') +
        p('   ') +
        tbl(tr(tc('a'))) +
        p('Ресурсное обеспечение') +
        p('Таблица  N 4') +
        tbl(tr(tc('b'))) +
        tbl(tr(tc('c'))) +
        p('Таблица N 4') +
        tbl(tr(tc('d'))) +
        p('Таблица № 5. Перечень мероприятий') +
        p('в соответствии с Таблицей 2') +
        tbl(tr(tc('e'))) +
        p('Таблица 12а') +
        tbl(tr(tc('f'))),
    );
    expect(tables.map((table) => [table.index, table.name])).toEqual([
      [0, 'Таблица 1'],
      [1, 'Таблица N 4'],
      [2, 'Таблица 3'],
      // The same caption twice: the second gets its place.
      [3, 'Таблица N 4 (4-я в документе)'],
      [4, 'Таблица № 5'],
      // «12а» is not a table's number.
      [5, 'Таблица 6'],
    ]);
    expect(tables[0].caption).toEqual(Array.from({ length: 10 }, (_, i) => `Абзац ${i + 3}`));
    expect(tables[1].caption).toEqual(['Ресурсное обеспечение', 'Таблица  N 4']);
    expect(tables[2].caption).toEqual([]);
    expect(tables.every((table) => table.kind === 'docx' && table.file === 'table.docx')).toBe(true);
  });

  it('numbers rows and columns from 1', () => {
    const [table] = readDocx(RESOURCE_TABLE);
    expect([table.displayRow(0), table.displayRow(3), table.displayCol(0), table.displayCol(4)]).toEqual(['1', '4', '1', '5']);
  });

  it('reads tables inside a content control at body level', () => {
    const [table] = readDocx(`<w:sdt><w:sdtPr/><w:sdtContent>${tbl(tr(tc('в элементе управления')))}</w:sdtContent></w:sdt>`);
    expect(table.rows[0][0].text).toBe('в элементе управления');
  });

  it('skips a table without rows', () => {
    const tables = readDocx(tbl() + tbl(tr(tc('a'))));
    expect(tables.map((table) => table.name)).toEqual(['Таблица 1']);
  });
});
