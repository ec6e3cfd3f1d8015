// Number formats that show a percentage or a date, the exact hundredfold of a stored number,
// and the date a serial shows.

import { describe, expect, it } from 'vitest';
import { excelDateText, hundredTimes, isDateFormatCode, isPercentFormatCode, numberShapeOf } from '../../../electron/import/readers/xlsxNumberFormats';

describe('isPercentFormatCode', () => {
  it.each(['0%', '0.00%', '0.0%', '#,##0.0%', '[Red]0%', '0%;[Red]-0%', '0.0 %', 'General%'])('%s shows a percentage', (code) => {
    expect(isPercentFormatCode(code)).toBe(true);
  });

  it.each(['General', '0.00', '0.0"%"', '0\\%', '0_%', '0*%', '[$%-419]0', '#,##0.00 "руб."', 'dd.mm.yyyy', '"%'])('%s does not', (code) => {
    expect(isPercentFormatCode(code)).toBe(false);
  });
});

describe('isDateFormatCode', () => {
  it.each(['dd.mm.yyyy', 'd/m/yy', 'mmm-yy', 'yyyy', 'dd.mm.yyyy h:mm', '[$-419]d mmmm yyyy', 'DD.MM.YYYY'])('%s shows a date', (code) => {
    expect(isDateFormatCode(code)).toBe(true);
  });

  it.each(['General', '0.00', 'h:mm', '[h]:mm:ss', 'mm:ss', '0 "дней"', '#,##0 "руб."', '0.0E+00', '"dd"0'])('%s does not', (code) => {
    expect(isDateFormatCode(code)).toBe(false);
  });
});

describe('numberShapeOf', () => {
  it('knows the built-in percentage and date formats and lets a code the book defines decide', () => {
    expect(numberShapeOf(9, undefined)).toBe('percent');
    expect(numberShapeOf(10, undefined)).toBe('percent');
    expect(numberShapeOf(14, undefined)).toBe('date');
    expect(numberShapeOf(22, undefined)).toBe('date');
    expect(numberShapeOf(0, undefined)).toBeNull();
    expect(numberShapeOf(4, undefined)).toBeNull();
    expect(numberShapeOf(20, undefined)).toBeNull(); // h:mm
    expect(numberShapeOf(164, '0.0%')).toBe('percent');
    expect(numberShapeOf(165, 'dd.mm.yyyy')).toBe('date');
    expect(numberShapeOf(9, '0.00')).toBeNull();
  });
});

describe('excelDateText', () => {
  it.each([
    ['43448', false, '14.12.2018'],
    ['43448.75', false, '14.12.2018'],
    ['1', false, '01.01.1900'],
    ['59', false, '28.02.1900'],
    ['61', false, '01.03.1900'],
    ['2958465', false, '31.12.9999'],
    ['41986', true, '14.12.2018'],
    ['0', true, '01.01.1904'],
  ])('%s (1904: %s) → %s', (serial, date1904, text) => {
    expect(excelDateText(serial, date1904)).toBe(text);
  });

  it.each([
    ['0', false],
    ['60', false],
    ['-1', false],
    ['2958466', false],
    ['2957004', true],
    ['1E+300', false],
  ])('%s (1904: %s) shows no date', (serial, date1904) => {
    expect(excelDateText(serial, date1904)).toBeUndefined();
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
