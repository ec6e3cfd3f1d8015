// CSV as Russian offices write it: Windows-1251 with ';', UTF-8 with BOM, UTF-16 with tabs.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../../electron/import/readers/rawTable';
import { readTables } from '../../../electron/import/readers/readTables';
import { concat, expectRefused } from './fixtures';

function texts(table: RawTable): string[][] {
  return table.rows.map((cells) => cells.map((cell) => cell.text));
}

function readCsv(bytes: Uint8Array, file = 'plan.csv'): RawTable {
  const tables = readTables(bytes, file);
  expect(tables).toHaveLength(1);
  return tables[0];
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('encodings and separators', () => {
  it('reads Windows-1251 with ";" and decimal commas (Russian Excel)', () => {
    const text =
      'Наименование;Исполнитель;2022;2023\r\n' +
      'Основное мероприятие 02.;МБУ «МФЦ»;62 526,00;61 960,00\r\n' +
      'Всего, в том числе:;;6806,85333;3306,2\r\n';
    const bytes = new Uint8Array(iconv.encode(text, 'win1251'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const table = readCsv(bytes);
    expect(texts(table)).toEqual([
      ['Наименование', 'Исполнитель', '2022', '2023'],
      ['Основное мероприятие 02.', 'МБУ «МФЦ»', '62 526,00', '61 960,00'],
      ['Всего, в том числе:', '', '6806,85333', '3306,2'],
    ]);
    expect(table).toMatchObject({ kind: 'csv', name: 'plan.csv', index: 0, caption: [] });
    expect(table.rows[1][2].numeric).toBeUndefined();
    expect([table.displayRow(2), table.displayCol(3)]).toEqual(['3', '4']);
  });

  it('reads UTF-8 with BOM and "," with quoted fields holding separators, quotes and line breaks', () => {
    const text =
      'Показатель,План,Факт\n' +
      '"Доля взаимодействий, осуществляемых в цифровом виде",25,>25\n' +
      '"Мероприятие ""Цифровая среда""\nвторая строка\r\nтретья",Не менее 95,x\n';
    const table = readCsv(concat([BOM, utf8(text)]));
    expect(texts(table)).toEqual([
      ['Показатель', 'План', 'Факт'],
      ['Доля взаимодействий, осуществляемых в цифровом виде', '25', '>25'],
      ['Мероприятие "Цифровая среда"\nвторая строка\nтретья', 'Не менее 95', 'x'],
    ]);
    expect(table.rows[0][0].text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-8 without BOM', () => {
    expect(texts(readCsv(utf8('год;сумма\n2022;1 000,5')))).toEqual([
      ['год', 'сумма'],
      ['2022', '1 000,5'],
    ]);
  });

  it('reads UTF-16 «Текст Юникод» with tabs', () => {
    const bytes = new Uint8Array(iconv.encode('Код\tНаименование\r\n01\tИнформационная инфраструктура\r\n', 'utf16le', { addBOM: true }));
    expect(texts(readCsv(bytes, 'export.txt'))).toEqual([
      ['Код', 'Наименование'],
      ['01', 'Информационная инфраструктура'],
    ]);
  });

  it('picks ";" over "," when commas are decimal separators', () => {
    const text = 'a;b;c\n1,5;2;3,25\n4;5,1;6\n';
    expect(texts(readCsv(utf8(text)))[1]).toEqual(['1,5', '2', '3,25']);
  });

  it('picks "," when ";" only appears inside quotes', () => {
    const text = 'a,b,c\n"x;y",2,3\n4,5,6\n';
    expect(texts(readCsv(utf8(text)))[1]).toEqual(['x;y', '2', '3']);
  });
});

describe('shape', () => {
  it('pads ragged rows to a rectangle and trims trailing empty rows and columns', () => {
    const text = 'Заголовок отчёта;;;\nа;б;в\nг\n;д;;\n\n;;;\n';
    const table = readCsv(utf8(text));
    expect(texts(table)).toEqual([
      ['Заголовок отчёта', '', ''],
      ['а', 'б', 'в'],
      ['г', '', ''],
      ['', 'д', ''],
    ]);
    for (const cells of table.rows) {
      cells.forEach((cell, col) => expect(cell).toMatchObject({ col, originCol: col, rowSpan: 1, colSpan: 1 }));
    }
  });

  it('keeps an empty line inside the table as an empty row', () => {
    expect(texts(readCsv(utf8('a;b\n\nc;d')))).toEqual([
      ['a', 'b'],
      ['', ''],
      ['c', 'd'],
    ]);
  });

  it('keeps formula-looking text as text', () => {
    const table = readCsv(utf8('ссылка;сумма\n"=HYPERLINK(""http://x"",""y"")";=1+1\n'));
    expect(texts(table)[1]).toEqual(['=HYPERLINK("http://x","y")', '=1+1']);
  });
});

describe('refusals', () => {
  it('refuses a quote that never closes, naming the row', () => {
    const error = expectRefused(() => readTables(utf8('a;b\n"незакрытая;c\nd;e\n'), 'broken.csv'), 'broken.csv', /кавычка/);
    expect(error.where).toBe('строка 2');
  });

  it('refuses text without any column separator', () => {
    expectRefused(() => readTables(utf8('просто текст\nещё строка\n'), 'note.csv'), 'note.csv', /не найдено ни одной таблицы.*разделителей/);
  });

  it('refuses a file of only separators beyond the column limit', () => {
    expectRefused(() => readTables(utf8(';'.repeat(5000)), 'wide.csv'), 'wide.csv', /столбцов/);
  });
});
