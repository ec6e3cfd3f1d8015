import { describe, expect, it } from 'vitest';
import { compareDecimals, normaliseDecimal, parseIndicatorValue, percentOf } from '../../shared/indicatorValue';

describe('indicator values as the tables write them', () => {
  it.each([
    ['Не менее 95', { comparator: '>=', value: '95', mark: null }],
    ['не более 30', { comparator: '<=', value: '30', mark: null }],
    ['>25', { comparator: '>', value: '25', mark: null }],
    ['<90', { comparator: '<', value: '90', mark: null }],
    ['41,67', { comparator: null, value: '41.67', mark: null }],
    ['15900', { comparator: null, value: '15900', mark: null }],
    ['18,00', { comparator: null, value: '18', mark: null }],
    ['x', { comparator: null, value: null, mark: 'x' }],
    ['х', { comparator: null, value: null, mark: 'x' }],
    ['-', { comparator: null, value: null, mark: '-' }],
  ])('reads «%s»', (text, expected) => {
    const parsed = parseIndicatorValue(text);
    expect(parsed.ok && parsed.value).toEqual({ ...expected, text });
  });

  it('refuses text that is not a value', () => {
    expect(parseIndicatorValue('около 160').ok).toBe(false);
  });

  it('compares and divides exactly', () => {
    expect(normaliseDecimal('041,670')).toBe('41.67');
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('99.99', '100')).toBe(-1);
    expect(percentOf('96', '95')).toBe('101.05');
    expect(percentOf('1', '3')).toBe('33.33');
    expect(percentOf('2', '3')).toBe('66.67');
    expect(percentOf('5', '0')).toBeNull();
  });
});
