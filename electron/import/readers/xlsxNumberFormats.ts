// How Excel shows a stored number, as far as an import needs it: a cell formatted as a
// percentage stores 0.305 and shows «30,5 %», and the officer who filled it in meant 30.5.

/** Built-in formats that show a percentage: 9 is «0%», 10 is «0.00%». */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/**
 * Whether a format code multiplies the number by 100 and shows a percent sign. A «%» inside
 * quotes, escaped with a backslash, after «_» or «*» (a space or a fill the width of the next
 * character) or inside brackets (a colour, a condition, a locale) is only a character shown.
 */
export function isPercentFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (char === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (char === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (char === '\\' || char === '_' || char === '*') {
      i += 1;
    } else if (char === '%') {
      return true;
    }
  }
  return false;
}

/** Whether a cell style's number format (built-in id, or its code when the book defines one) shows a percentage. */
export function showsPercent(formatId: number, code: string | undefined): boolean {
  return code === undefined ? BUILTIN_PERCENT_FORMATS.has(formatId) : isPercentFormatCode(code);
}

/** A plain decimal («0.305», «-1.5», «2») times 100, exactly: «30.5», «-150», «200». */
export function hundredTimes(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const integerPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fractionPart = digits.slice(point).replace(/0+$/, '');
  const plain = fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
  return negative && plain !== '0' ? `-${plain}` : plain;
}
