// Workbooks: value types, exact numbers, merges, sheet order, and a large real-writer book.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTables } from '../../../electron/import/readers/readTables';
import { exactDecimal } from '../../../electron/import/readers/xlsxSheets';
import { LIMITS } from '../../../electron/import/readers/limits';
import { expectRefused, SHEET_NS, sharedStringsXml, sheetXml, stylesXml, xlsxPackage } from './fixtures';

function texts(bytes: Uint8Array, file = 'book.xlsx'): string[][] {
  const [table] = readTables(bytes, file);
  return table.rows.map((cells) => cells.map((cell) => cell.text));
}

describe('exactDecimal', () => {
  it.each([
    ['3306.2000000000003', '3306.2'],
    ['6806.8533299999999', '6806.85333'],
    ['62526', '62526'],
    ['62526.00', '62526'],
    ['-0.5', '-0.5'],
    ['-0', '0'],
    ['0', '0'],
    ['1E-3', '0.001'],
    ['1.5E+20', '150000000000000000000'],
    ['2.5e-7', '0.00000025'],
    ['123456789012345678', '123456789012346000'],
    ['0.1', '0.1'],
    [' 42 ', '42'],
  ])('%s → %s', (stored, exact) => {
    expect(exactDecimal(stored)).toBe(exact);
  });

  it.each(['', 'abc', '0x1A', 'Infinity', '1,5', '1e400'])('%s is not a number', (stored) => {
    expect(exactDecimal(stored)).toBeUndefined();
  });
});

describe('cell values', () => {
  const strings = sharedStringsXml([
    'Всего, в том числе:',
    '=HYPERLINK("http://x","y")',
    '<r><rPr><b/></rPr><t>Бюджет </t></r><r><t>города</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
    'Строка 1_x000D_\nСтрока 2',
    '  с пробелами  ',
  ]);
  const rows = `
    <row r="1">
      <c r="A1" t="s"><v>0</v></c>
      <c r="B1"><v>3306.2000000000003</v></c>
      <c r="C1" s="2"><v>6806.8533299999999</v></c>
      <c r="D1" t="n"><v>62526</v></c>
    </row>
    <row r="2">
      <c r="A2" t="s"><v>1</v></c>
      <c r="B2" t="inlineStr"><is><t>=SUM(A1:A3)</t></is></c>
      <c r="C2" t="str"><f>CONCATENATE("a","b")</f><v>ab</v></c>
      <c r="D2"><f>B1+C1</f><v>10113.053330000001</v></c>
    </row>
    <row r="3">
      <c r="A3" t="s"><v>2</v></c>
      <c r="B3" t="b"><v>1</v></c>
      <c r="C3" t="e"><v>#DIV/0!</v></c>
      <c r="D3"><f>A1*2</f></c>
    </row>
    <row r="4">
      <c r="A4" t="s"><v>3</v></c>
      <c r="B4" t="s"><v>4</v></c>
      <c r="C4" t="inlineStr"><is><r><t>нара</t></r><r><t>стающим</t></r></is></c>
      <c r="D4" t="s"><v></v></c>
    </row>`;
  const [table] = readTables(xlsxPackage([{ name: 'Значения', xml: rows }], { sharedStrings: strings }), 'values.xlsx');
  const cell = (ref: string) => {
    const col = ref.charCodeAt(0) - 65;
    return table.rows[Number(ref.slice(1)) - 1][col];
  };

  it('normalises float noise and marks numbers', () => {
    expect(cell('B1')).toMatchObject({ text: '3306.2', numeric: true });
    expect(cell('C1')).toMatchObject({ text: '6806.85333', numeric: true });
    expect(cell('D1')).toMatchObject({ text: '62526', numeric: true });
    expect(cell('A1')).toMatchObject({ text: 'Всего, в том числе:' });
    expect(cell('A1').numeric).toBeUndefined();
  });

  it('keeps formula-looking text as exactly that text', () => {
    expect(cell('A2').text).toBe('=HYPERLINK("http://x","y")');
    expect(cell('B2').text).toBe('=SUM(A1:A3)');
    expect(cell('A2').numeric).toBeUndefined();
  });

  it('gives formula cells their cached value and never evaluates', () => {
    expect(cell('C2').text).toBe('ab');
    expect(cell('D2')).toMatchObject({ text: '10113.05333', numeric: true });
    expect(cell('D3').text).toBe('');
  });

  it('reads booleans, errors, rich text, escapes and trims', () => {
    expect(cell('B3').text).toBe('ИСТИНА');
    expect(cell('C3').text).toBe('#DIV/0!');
    expect(cell('A3').text).toBe('Бюджет города');
    expect(cell('A4').text).toBe('Строка 1\nСтрока 2');
    expect(cell('B4').text).toBe('с пробелами');
    expect(cell('C4').text).toBe('нарастающим');
    expect(cell('D4').text).toBe('');
  });
});

describe('number formats', () => {
  // Cell styles: 0 plain, 1 «0%», 2 «0.0%» defined by the book, 3 a literal «%» after the
  // number, 4 «0.00%», 5 the built-in date, 6 a date the book defines, 7 a time of day; a cell
  // style's own base (cellStyleXfs) is a percentage and must not count.
  const styles = stylesXml({ 164: '0.0%', 165: '0.0"%"', 166: 'dd.mm.yyyy' }, [0, 9, 164, 165, 10, 14, 166, 20], { styleFormatIds: [9] });
  const rows = `
    <row r="1">
      <c r="A1"><v>0.3</v></c>
      <c r="B1" s="1"><v>0.3</v></c>
      <c r="C1" s="2"><v>0.30499999999999999</v></c>
      <c r="D1" s="3"><v>0.305</v></c>
      <c r="E1" s="4"><f>-3/200</f><v>-1.4999999999999999E-2</v></c>
      <c r="F1" s="1" t="s"><v>0</v></c>
      <c r="G1" s="9"><v>7</v></c>
    </row>
    <row r="2">
      <c r="A2" s="5"><v>43448</v></c>
      <c r="B2" s="6"><v>43448.5</v></c>
      <c r="C2" s="6"><v>99999999</v></c>
      <c r="D2" s="7"><v>0.5</v></c>
    </row>`;
  const book = (styleSheet?: string) => xlsxPackage([{ name: 'Показатели', xml: rows }], { sharedStrings: sharedStringsXml(['25%']), styles: styleSheet });

  it('reads a number shown as a percentage or a date as it is shown', () => {
    const [table] = readTables(book(styles), 'percent.xlsx');
    expect(table.rows[0].map((cell) => [cell.text, cell.numeric ?? false])).toEqual([
      ['0.3', true],
      ['30%', false],
      ['30.5%', false],
      ['0.305', true],
      ['-1.5%', false],
      ['25%', false],
      // A style the book does not have is no style.
      ['7', true],
    ]);
    expect(table.rows[1].slice(0, 4).map((cell) => [cell.text, cell.numeric ?? false])).toEqual([
      ['14.12.2018', false],
      ['14.12.2018', false],
      // No date is that late: the number, as stored.
      ['99999999', true],
      ['0.5', true],
    ]);
  });

  it('reads every number as stored in a book without styles', () => {
    const [table] = readTables(book(), 'plain.xlsx');
    expect(table.rows[0].slice(0, 5).map((cell) => cell.text)).toEqual(['0.3', '0.3', '0.305', '0.305', '-0.015']);
  });

  it('refuses a book with more cell styles than Excel allows', () => {
    // Each style its own format id, so the part does not pack like a zip bomb and is refused for what it is.
    const many = stylesXml({}, Array.from({ length: LIMITS.maxCellStyles + 1 }, (_, i) => i));
    expectRefused(() => readTables(book(many), 'styles.xlsx'), 'styles.xlsx', /слишком много стилей ячеек/);
  });

  it.each([false, true])('reads percentages and dates as exceljs writes them (dates from 1904: %s)', async (date1904) => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = date1904;
    const sheet = workbook.addWorksheet('Показатели');
    sheet.addRow([0.25, 0.305, 0.9, new Date(Date.UTC(2018, 11, 14)), new Date(Date.UTC(2022, 2, 1))]);
    sheet.getCell('A1').numFmt = '0%';
    sheet.getCell('B1').numFmt = '0.0%';
    sheet.getCell('D1').numFmt = 'dd.mm.yyyy';
    const [table] = readTables(new Uint8Array(await workbook.xlsx.writeBuffer()), 'exceljs.xlsx');
    expect(table.rows[0].map((cell) => cell.text)).toEqual(['25%', '30.5%', '0.9', '14.12.2018', '01.03.2022']);
  });
});

describe('grid', () => {
  it('starts at the first used cell and names rows and columns as the sheet does', () => {
    const rows = '<row r="5"><c r="C5" t="inlineStr"><is><t>Итого</t></is></c><c r="E5"><v>1</v></c></row><row r="7"><c r="D7"><v>2</v></c></row>';
    const [table] = readTables(xlsxPackage([{ name: 'Л', xml: rows }]), 'offset.xlsx');
    expect(table.rows.map((cells) => cells.map((c) => c.text))).toEqual([
      ['Итого', '', '1'],
      ['', '', ''],
      ['', '2', ''],
    ]);
    expect([table.displayRow(0), table.displayRow(2), table.displayCol(0), table.displayCol(2)]).toEqual(['5', '7', 'C', 'E']);
  });

  it('expands merges, repeating the origin on covered cells and dropping values hidden under them', () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Объём, тыс. руб.</t></is></c><c r="B1" t="inlineStr"><is><t>скрыто</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>2022</v></c><c r="B2"><v>2023</v></c><c r="C2"><v>2024</v></c></row>';
    const [table] = readTables(xlsxPackage([{ name: 'Л', xml: sheetXml(rows, ['A1:C1', 'D5:F9']) }]), 'merge.xlsx');
    expect(table.rows).toHaveLength(2); // the empty merge D5:F9 is formatting, not table
    expect(table.rows[0]).toHaveLength(3);
    for (const covered of table.rows[0]) {
      expect(covered).toMatchObject({ text: 'Объём, тыс. руб.', originRow: 0, originCol: 0, rowSpan: 1, colSpan: 3 });
    }
    expect(table.rows[1][2]).toMatchObject({ text: '2024', numeric: true, rowSpan: 1, colSpan: 1, originCol: 2 });
  });

  it('extends the grid to a merge that starts with a value', () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Заголовок</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>';
    const [table] = readTables(xlsxPackage([{ name: 'Л', xml: sheetXml(rows, ['A1:D1']) }]), 'wide-title.xlsx');
    expect(table.rows[0]).toHaveLength(4);
    expect(table.rows[1].map((c) => c.text)).toEqual(['1', '', '', '']);
  });

  it('places cells without references one after another', () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>a</t></is></c></row>';
    expect(texts(xlsxPackage([{ name: 'Л', xml: rows }]))).toEqual([
      ['1', '2'],
      ['a', ''],
    ]);
  });
});

describe('workbook', () => {
  it('follows the workbook order, reads hidden sheets and skips empty ones', () => {
    const bytes = xlsxPackage([
      { name: 'Первый', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      { name: 'Пустой', xml: '<row r="1"><c r="A1" s="3"/></row>' },
      { name: 'Скрытый', xml: '<row r="1"><c r="A1"><v>3</v></c></row>', state: 'hidden' },
    ]);
    const tables = readTables(bytes, 'order.xlsx');
    expect(tables.map((table) => [table.index, table.name, table.rows[0][0].text])).toEqual([
      [0, 'Первый', '1'],
      [1, 'Скрытый', '3'],
    ]);
  });

  it('reads a workbook written with an x: prefix', () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${SHEET_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Префикс</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(texts(xlsxPackage([{ name: 'Л', xml: sheet }]))).toEqual([['Префикс']]);
  });

  // Its speed is measured by `npm run bench`, not asserted here.
  it('reads a 10 500-row book written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Мероприятия');
    sheet.addRow(['№', 'Наименование', 'Исполнитель', '2022', '2023', 'Итого', 'Примечание']);
    sheet.addRow([null, null, null, 'тыс. руб.', 'тыс. руб.', null, null]);
    sheet.mergeCells('A1:A2');
    for (let r = 1; r <= 10_500; r++) {
      sheet.addRow([`${r}.`, `Мероприятие ${r}: обеспечение деятельности`, `МКУ «ЦС» ${r % 40}`, r * 1.1, 6806.85333, { formula: 'D3+E3', result: 3306.2000000000003 }, r % 7 ? 'x' : '-']);
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const [table] = readTables(bytes, 'big.xlsx');

    expect(table.rows).toHaveLength(10_502);
    expect(table.rows[0][0]).toMatchObject({ text: '№', rowSpan: 2 });
    const last = table.rows[10_501];
    expect(last.map((cell) => cell.text)).toEqual(['10500.', 'Мероприятие 10500: обеспечение деятельности', 'МКУ «ЦС» 20', '11550', '6806.85333', '3306.2', '-']);
    expect(table.rows[2][3]).toMatchObject({ text: '1.1', numeric: true });
    expect(table.displayRow(10_501)).toBe('10502');
  });
});
