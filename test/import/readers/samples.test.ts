// The template files officers really exchange (built from seeds 002 and 004), read end to end.

import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../../electron/import/readers/rawTable';
import { readTables } from '../../../electron/import/readers/readTables';
import { sample } from './fixtures';

function rowStartingWith(table: RawTable, prefix: string): number {
  const row = table.rows.findIndex((cells) => cells[0].text.startsWith(prefix));
  expect(row, `a row starting with «${prefix}»`).toBeGreaterThanOrEqual(0);
  return row;
}

function columnOf(table: RawTable, row: number, text: string): number {
  const col = table.rows[row].findIndex((cell) => cell.text === text);
  expect(col, `«${text}» in row ${row}`).toBeGreaterThanOrEqual(0);
  return col;
}

function expectRectangular(table: RawTable): void {
  const width = table.rows[0].length;
  table.rows.forEach((cells, row) => {
    expect(cells).toHaveLength(width);
    cells.forEach((cell, col) => {
      expect([cell.row, cell.col]).toEqual([row, col]);
      const origin = table.rows[cell.originRow][cell.originCol];
      expect(cell.text).toBe(origin.text);
      expect([cell.rowSpan, cell.colSpan]).toEqual([origin.rowSpan, origin.colSpan]);
    });
  });
}

/** The roadmap header: «2022 год (тыс. руб.)» over the four quarters, then columns 1..7. */
function expectRoadmapHeader(table: RawTable, headerRow: number): void {
  const yearCol = columnOf(table, headerRow, '2022 год (тыс. руб.)');
  const year = table.rows[headerRow][yearCol];
  expect([year.rowSpan, year.colSpan]).toEqual([1, 4]);
  expect(table.rows[headerRow].slice(yearCol, yearCol + 4).every((cell) => cell.originCol === yearCol)).toBe(true);
  expect(table.rows[headerRow + 1].slice(yearCol, yearCol + 4).map((cell) => cell.text)).toEqual([
    'I квартал',
    'II квартал',
    'III квартал',
    'IV квартал',
  ]);
  const first = table.rows[headerRow][0];
  expect(first.text).toMatch(/^Перечень стандартных процедур/);
  expect(first.rowSpan).toBe(2);
  expect(table.rows[headerRow + 1][0].text).toBe(first.text);
  expect(table.rows[headerRow + 2].map((cell) => cell.text)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
}

describe('krasnogorsk-roadmap-2022.docx', () => {
  const tables = readTables(sample('krasnogorsk-roadmap-2022.docx'), '/home/officer/Загрузки/krasnogorsk-roadmap-2022.docx');

  it('reads both roadmap tables with their titles', () => {
    expect(tables.map((table) => [table.kind, table.index, table.name])).toEqual([
      ['docx', 0, 'Таблица 1'],
      ['docx', 1, 'Таблица 2'],
    ]);
    expect(tables[0].file).toBe('krasnogorsk-roadmap-2022.docx');
    expect(tables[0].caption).toEqual([
      '«Дорожная карта» (план-график) по выполнению основных мероприятий муниципальной программы городского округа Красногорск «Цифровое муниципальное образование» на 2020-2024 годы',
    ]);
    expect(tables[1].caption).toHaveLength(1);
    expect(tables[1].caption[0]).toMatch(/подпрограммы II$/);
    tables.forEach(expectRectangular);
  });

  it('expands the merged header and the row of column numbers', () => {
    expect(tables[0].rows[0]).toHaveLength(7);
    expectRoadmapHeader(tables[0], 0);
    const subprogram = tables[0].rows[3];
    expect(subprogram.every((cell) => cell.colSpan === 7 && cell.text.startsWith('Подпрограмма I «'))).toBe(true);
  });

  it('puts 62 526,00 under «I квартал» of «Основное мероприятие 02.»', () => {
    const table = tables[0];
    const row = rowStartingWith(table, 'Основное мероприятие 02.');
    const quarter = columnOf(table, 1, 'I квартал');
    expect(table.rows[row][quarter].text).toBe('62 526,00');
    expect(table.rows[row][quarter].numeric).toBeUndefined();
    expect(table.rows[row].slice(quarter, quarter + 4).map((cell) => cell.text)).toEqual([
      '62 526,00',
      '62 526,00',
      '61 960,00',
      '78 057,00',
    ]);
    expect(table.displayRow(row)).toBe('5');
    expect(table.displayCol(quarter)).toBe('3');
  });

  it('joins the paragraphs of a cell with line breaks', () => {
    const table = tables[0];
    const activity = table.rows[rowStartingWith(table, 'Основное мероприятие 03.')];
    expect(activity[0].text).toBe(
      'Основное мероприятие 03.\nСовершенствование системы предоставления государственных и муниципальных услуг',
    );
    const result = table.rows[rowStartingWith(table, 'Основное мероприятие 02.')][6].text.split('\n');
    expect(result).toHaveLength(4);
    expect(result[0]).toBe('Обеспечение деятельности МФЦ.');
  });

  it('keeps empty amount cells empty', () => {
    const table = tables[1];
    const row = table.rows[rowStartingWith(table, 'Основное мероприятие E4.')];
    expect(row.slice(2, 6).map((cell) => cell.text)).toEqual(['', '', '6 233,80', '']);
  });
});

describe('krasnogorsk-roadmap-2022.xlsx', () => {
  const tables = readTables(sample('krasnogorsk-roadmap-2022.xlsx'), 'krasnogorsk-roadmap-2022.xlsx');

  it('reads one table per sheet, named after it', () => {
    expect(tables.map((table) => [table.kind, table.index, table.name, table.caption])).toEqual([
      ['xlsx', 0, 'Подпрограмма I', []],
      ['xlsx', 1, 'Подпрограмма II', []],
    ]);
    tables.forEach(expectRectangular);
  });

  it('expands the merged header below the title row', () => {
    const table = tables[0];
    expect(table.rows[0][0].text).toMatch(/^«Дорожная карта»/);
    expectRoadmapHeader(table, 1);
    expect(table.displayRow(1)).toBe('2');
    const yearCol = columnOf(table, 1, '2022 год (тыс. руб.)');
    expect(table.displayCol(yearCol)).toBe('C');
    expect(table.displayCol(yearCol + 3)).toBe('F');
  });

  it('puts «62 526,00» under «I квартал» of «Основное мероприятие 02.» — stored as text', () => {
    const table = tables[0];
    const row = rowStartingWith(table, 'Основное мероприятие 02.');
    const quarter = columnOf(table, 2, 'I квартал');
    // The sample stores amounts as text with a space and a comma, not as Excel numbers.
    expect(table.rows[row][quarter]).toMatchObject({ text: '62 526,00', row, col: quarter, rowSpan: 1, colSpan: 1 });
    expect(table.rows[row][quarter].numeric).toBeUndefined();
    expect(`${table.displayCol(quarter)}${table.displayRow(row)}`).toBe('C6');
  });

  it('keeps line breaks inside a cell', () => {
    const table = tables[0];
    const row = rowStartingWith(table, 'Основное мероприятие 03.');
    expect(table.rows[row][0].text).toBe(
      'Основное мероприятие 03.\nСовершенствование системы предоставления государственных и муниципальных услуг',
    );
  });
});

describe('melekess-indicators-2020', () => {
  for (const file of ['melekess-indicators-2020.docx', 'melekess-indicators-2020.xlsx']) {
    it(`${file}: three header rows, «>25» under «факт»`, () => {
      const [table, ...rest] = readTables(sample(file), file);
      expect(rest).toHaveLength(0);
      expectRectangular(table);
      expect(table.rows[0]).toHaveLength(8);
      const header = rowStartingWith(table, '№ п/п');
      const number = table.rows[header][0];
      expect([number.rowSpan, number.colSpan]).toEqual([3, 1]);
      expect(table.rows[header + 2][0].text).toBe('№ п/п');

      const period = columnOf(table, header, 'Период, год');
      expect(table.rows[header][period].colSpan).toBe(2);
      expect(table.rows[header + 1][period]).toMatchObject({ text: '2020', colSpan: 2 });
      const fact = columnOf(table, header + 2, 'факт');
      expect(table.rows[header + 2][fact - 1].text).toBe('план');

      const base = columnOf(table, header + 1, 'Значение');
      expect(table.rows[header + 1][base].rowSpan).toBe(2);
      expect(table.rows[header][base]).toMatchObject({ text: 'Базовое значение', colSpan: 2 });

      const first = rowStartingWith(table, '1.');
      expect(table.rows[first][fact].text).toBe('>25');
      expect(table.rows[first][fact - 1].text).toBe('25');
      expect(table.rows[rowStartingWith(table, '3.')][fact].text).toBe('<90');
      expect(table.rows[first][base].text).toBe('-');
      expect(table.rows[first][base + 1].text).toBe('14.12.2018');
    });
  }

  it('numbers xlsx rows as the sheet does and docx rows from 1', () => {
    const [docx] = readTables(sample('melekess-indicators-2020.docx'), 'melekess-indicators-2020.docx');
    const [xlsx] = readTables(sample('melekess-indicators-2020.xlsx'), 'melekess-indicators-2020.xlsx');
    expect(docx.displayRow(rowStartingWith(docx, '1.'))).toBe('4');
    expect(xlsx.displayRow(rowStartingWith(xlsx, '1.'))).toBe('5');
    expect(xlsx.displayCol(7)).toBe('H');
    expect(docx.caption[0]).toMatch(/^Показатели реализации проекта/);
  });
});
