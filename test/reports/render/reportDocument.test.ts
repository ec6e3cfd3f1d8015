import { describe, expect, it } from 'vitest';
import { cellText, decimalPlaces, fullWidthRow } from '../../../electron/reports/reportDocument';

describe('cellText', () => {
  it('prints amounts through formatThousands, grouped or not, and «-» for none', () => {
    expect(cellText({ kind: 'amount', kopecks: 5_962_971_333 })).toBe('59\u00a0629,71333');
    expect(cellText({ kind: 'amount', kopecks: 5_962_971_333, grouped: false })).toBe('59629,71333');
    expect(cellText({ kind: 'amount', kopecks: 33_037_000 })).toBe('330,37');
    expect(cellText({ kind: 'amount', kopecks: 6_252_600_000, minDecimals: 0 })).toBe('62\u00a0526');
    expect(cellText({ kind: 'amount', kopecks: null })).toBe('-');
  });

  it('prints indicator values with a decimal comma and refuses text posing as a number', () => {
    expect(cellText({ kind: 'number', value: '41.67' })).toBe('41,67');
    expect(cellText({ kind: 'number', value: '-5' })).toBe('-5');
    expect(cellText({ kind: 'number', value: null })).toBe('-');
    expect(() => cellText({ kind: 'number', value: 'Не менее 95' })).toThrow("kind: 'text'");
    expect(decimalPlaces('38.50')).toBe(2);
  });

  it('builds a note row across the whole table', () => {
    const row = fullWidthRow({ columns: [{ width: 1, align: 'left' }, { width: 1, align: 'right' }] }, '(п. 1.1 в ред. …)');
    expect(row.cells).toEqual([{ kind: 'text', text: '(п. 1.1 в ред. …)', colSpan: 2, align: 'left' }]);
  });
});
