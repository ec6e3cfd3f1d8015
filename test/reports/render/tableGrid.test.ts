import { describe, expect, it } from 'vitest';
import { boundToNextRow, placeGrid, rowHeights } from '../../../electron/reports/render/tableGrid';

type Cell = { name: string; colSpan?: number; rowSpan?: number };

describe('placeGrid', () => {
  it('places HTML-style rows, listing where a rowSpan from above continues', () => {
    const rows: Cell[][] = [
      [{ name: 'NN', rowSpan: 2 }, { name: 'Объемы', colSpan: 2 }, { name: 'ИТОГО', rowSpan: 2 }],
      [{ name: '2022' }, { name: '2023' }],
    ];
    const grid = placeGrid<Cell>(rows, 4, 'Шапка');
    expect(grid[0].map((slot) => [slot.placed.cell.name, slot.placed.column, slot.starts])).toEqual([
      ['NN', 0, true],
      ['Объемы', 1, true],
      ['ИТОГО', 3, true],
    ]);
    expect(grid[1].map((slot) => [slot.placed.cell.name, slot.placed.column, slot.starts])).toEqual([
      ['NN', 0, false],
      ['2022', 1, true],
      ['2023', 2, true],
      ['ИТОГО', 3, false],
    ]);
  });

  it('refuses rows that do not fill the columns exactly, or spans past the end', () => {
    expect(() => placeGrid<Cell>([[{ name: 'a' }]], 2, 'Таблица')).toThrow('Таблица, строка 1: ячейки занимают 1 из 2 столбцов');
    expect(() => placeGrid<Cell>([[{ name: 'a', colSpan: 3 }]], 2, 'Таблица')).toThrow('Таблица, строка 1: ячейки выходят за 2 столбцов');
    expect(() => placeGrid<Cell>([[{ name: 'a', rowSpan: 2 }, { name: 'b' }]], 2, 'Таблица')).toThrow('выходит за последнюю строку');
    expect(() => placeGrid<Cell>([[{ name: 'a', colSpan: 0 }]], 1, 'Таблица')).toThrow('целым числом ≥ 1');
  });
});

describe('rowHeights and boundToNextRow', () => {
  const grid = placeGrid<Cell>(
    [
      [{ name: 'tall', rowSpan: 2 }, { name: 'x' }],
      [{ name: 'y' }],
      [{ name: 'z' }, { name: 'w' }],
    ],
    2,
    'Таблица',
  );

  it('gives a merged cell’s shortfall to the last row it spans', () => {
    const heights = rowHeights(grid, 10, ({ cell }) => (cell.name === 'tall' ? 50 : cell.name === 'w' ? 30 : 12));
    expect(heights).toEqual([12, 38, 30]);
  });

  it('joins rows that share a merged cell, and rows asked to stay together', () => {
    expect(boundToNextRow(grid, () => false)).toEqual([true, false, false]);
    expect(boundToNextRow(grid, (row) => row === 1)).toEqual([true, true, false]);
  });
});
