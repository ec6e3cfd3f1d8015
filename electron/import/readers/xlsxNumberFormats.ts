// How Excel shows a stored number, as far as an import needs it: a cell formatted as a
// percentage stores 0.305 and shows «30,5 %», and the officer who filled it in meant 30.5; a
// date stores the count of days since 1900, 43448, and shows 14.12.2018.

import { normaliseDecimal } from '../../../shared/indicatorValue';

/** Built-in formats that show a percentage: 9 is «0%», 10 is «0.00%». */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);
/** Built-in formats that show a date, in any locale: 14 «dd.mm.yyyy» to 17, and 22 with the time. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22]);

/** How a style shows its number, when not as the number itself. */
export type NumberShape = 'percent' | 'date';

/**
 * The characters of a format code that are codes, not text shown: without what is in quotes,
 * escaped with a backslash, after «_» or «*» (a space or a fill the width of the next
 * character) or in brackets (a colour, a condition, a locale). Undefined for a quote or
 * bracket left open.
 */
function codeCharacters(code: string): string | undefined {
  let codes = '';
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (char === '"' || char === '[') {
      const end = code.indexOf(char === '"' ? '"' : ']', i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (char === '\\' || char === '_' || char === '*') {
      i += 1;
    } else {
      codes += char;
    }
  }
  return codes;
}

/** Whether a format code multiplies the number by 100 and shows a percent sign. */
export function isPercentFormatCode(code: string): boolean {
  return codeCharacters(code)?.includes('%') ?? false;
}

/** Whether a format code shows a day or a year: a time of day alone («h:mm», «[h]:mm») is not a date. */
export function isDateFormatCode(code: string): boolean {
  return /[dy]/i.test(codeCharacters(code) ?? '');
}

/** How a cell style's number format (built-in id, or its code when the book defines one) shows a number. */
export function numberShapeOf(formatId: number, code: string | undefined): NumberShape | null {
  if (code === undefined) return BUILTIN_PERCENT_FORMATS.has(formatId) ? 'percent' : BUILTIN_DATE_FORMATS.has(formatId) ? 'date' : null;
  if (isPercentFormatCode(code)) return 'percent';
  return isDateFormatCode(code) ? 'date' : null;
}

const DAY_MS = 86_400_000;
/** 31.12.9999, the last day Excel shows. */
const LAST_SERIAL_1900 = 2_958_465;

/**
 * A date serial as the date it shows, «14.12.2018»; the time of day is left out, as the forms
 * print dates alone. The 1900 system counts 1 for 01.01.1900 and, as Lotus 1-2-3 did, has a
 * 29.02.1900 (60) that never was; the 1904 system counts 0 for 01.01.1904. Undefined for a
 * serial no date shows.
 */
export function excelDateText(serial: string, date1904: boolean): string | undefined {
  const days = Math.floor(Number(serial));
  if (!Number.isSafeInteger(days) || days < (date1904 ? 0 : 1) || days > LAST_SERIAL_1900 - (date1904 ? 1462 : 0) || (!date1904 && days === 60)) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const [year, month, day] = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** A plain decimal («0.305», «-1.5», «2») times 100, exactly: «30.5», «-150», «200». */
export function hundredTimes(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  const shifted = `${whole}${fraction.slice(0, 2).padEnd(2, '0')}`;
  const rest = fraction.slice(2);
  return normaliseDecimal(rest ? `${shifted}.${rest}` : shifted)!;
}

/** How the cells of one workbook show their numbers: each style's shape, when it has one, and the date system. */
export interface WorkbookNumbers {
  shapes: ReadonlyMap<number, NumberShape>;
  date1904: boolean;
}

/** The text a number stored in a cell of this style shows, when that is not the number itself. */
export function shownNumber(exact: string, style: number, numbers: WorkbookNumbers): string | undefined {
  const shape = numbers.shapes.get(style);
  if (shape === 'percent') return `${hundredTimes(exact)}%`;
  return shape === 'date' ? excelDateText(exact, numbers.date1904) : undefined;
}
