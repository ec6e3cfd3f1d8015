// Number formats that show a percentage, and the exact hundredfold of a stored number.

import { describe, expect, it } from 'vitest';
import { hundredTimes, isPercentFormatCode, showsPercent } from '../../../electron/import/readers/xlsxNumberFormats';

describe('isPercentFormatCode', () => {
  it.each(['0%', '0.00%', '0.0%', '#,##0.0%', '[Red]0%', '0%;[Red]-0%', '0.0 %', 'General%'])('%s shows a percentage', (code) => {
    expect(isPercentFormatCode(code)).toBe(true);
  });

  it.each(['General', '0.00', '0.0"%"', '0\\%', '0_%', '0*%', '[$%-419]0', '#,##0.00 "руб."', 'dd.mm.yyyy', '"%'])('%s does not', (code) => {
    expect(isPercentFormatCode(code)).toBe(false);
  });
});

describe('showsPercent', () => {
  it('knows the built-in percentage formats and lets a code the book defines decide', () => {
    expect(showsPercent(9, undefined)).toBe(true);
    expect(showsPercent(10, undefined)).toBe(true);
    expect(showsPercent(0, undefined)).toBe(false);
    expect(showsPercent(4, undefined)).toBe(false);
    expect(showsPercent(164, '0.0%')).toBe(true);
    expect(showsPercent(9, '0.00')).toBe(false);
  });
});

describe('hundredTimes', () => {
  it.each([
    ['0.305', '30.5'],
    ['0.3', '30'],
    ['0.25', '25'],
    ['1', '100'],
    ['0', '0'],
    ['-0.015', '-1.5'],
    ['0.00001', '0.001'],
    ['12.3456', '1234.56'],
    ['0.000000001', '0.0000001'],
    ['123456789', '12345678900'],
  ])('%s → %s', (decimal, times) => {
    expect(hundredTimes(decimal)).toBe(times);
  });
});
