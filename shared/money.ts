// Money is integer kopecks end to end. Documents print it in тыс. руб. with up to five
// decimals (1 kopeck = 0.00001 тыс. руб.), so every printed figure maps to a whole number of
// kopecks and back without rounding. Floating point never touches an amount.

/** Kopecks in one тыс. руб. */
export const KOPECKS_PER_THOUSAND = 100_000;

/** Largest amount we accept: far above any budget, far below 2^53. */
const MAX_KOPECKS = 10 ** 15;

export type ParsedAmount = { ok: true; kopecks: number } | { ok: false; reason: string };

// Spaces of every kind used as thousands separators: ordinary, no-break, narrow no-break, thin.
const GROUP_SEPARATOR = /[\s\u00a0\u202f\u2009\u2007]/;

function isGroupSeparator(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && GROUP_SEPARATOR.test(text[at]);
}

/**
 * Parses an amount in тыс. руб. as officers write it: «62 526,00», «6806,85333», «62526»,
 * «62526.5», «-1 000,5». Rejects a sixth decimal, text and empty input with a reason in
 * Russian that the caller places next to the cell's location. Read character by character:
 * an import parses hundreds of thousands of amounts, and this allocates nothing on the way.
 */
export function parseThousands(input: string): ParsedAmount {
  // Separators may stand anywhere, as if removed first: [sign] digits [(.|,) digits].
  let negative = false;
  let whole = 0;
  let wholeDigits = 0;
  let fraction = 0;
  let fractionDigits = 0;
  let point = false;
  let empty = true;
  for (let at = 0; at < input.length; at++) {
    const code = input.charCodeAt(at);
    if (code >= 0x30 && code <= 0x39) {
      if (point) {
        fractionDigits += 1;
        if (fractionDigits <= 5) fraction = fraction * 10 + (code - 0x30);
      } else {
        wholeDigits += 1;
        whole = whole * 10 + (code - 0x30);
      }
    } else if (isGroupSeparator(input, at)) {
      continue;
    } else if ((code === 0x2b || code === 0x2d || code === 0x2212) && empty) {
      negative = code !== 0x2b;
    } else if ((code === 0x2e || code === 0x2c) && wholeDigits > 0 && !point) {
      point = true;
    } else {
      return { ok: false, reason: 'ожидалась сумма в тыс. руб.' };
    }
    // A sign is only the first thing written: a second one, or one after digits, is text.
    empty = false;
  }
  if (empty) return { ok: false, reason: 'пустое значение' };
  if (wholeDigits === 0) return { ok: false, reason: 'ожидалась сумма в тыс. руб.' };
  if (fractionDigits > 5) {
    return { ok: false, reason: 'больше пяти знаков после запятой (точность — до копейки, 0,00001 тыс. руб.)' };
  }
  if (wholeDigits > 11) return { ok: false, reason: 'слишком большая сумма' };
  const kopecks = whole * KOPECKS_PER_THOUSAND + fraction * 10 ** (5 - fractionDigits);
  if (kopecks > MAX_KOPECKS) return { ok: false, reason: 'слишком большая сумма' };
  return { ok: true, kopecks: negative ? -kopecks : kopecks };
}

/** Parses or throws; for trusted text such as our own JSON files. */
export function thousandsToKopecks(input: string): number {
  const parsed = parseThousands(input);
  if (!parsed.ok) throw new Error(`«${input}»: ${parsed.reason}`);
  return parsed.kopecks;
}

function splitKopecks(kopecks: number, minDecimals: number): { sign: string; whole: string; fraction: string } {
  if (!Number.isSafeInteger(kopecks)) throw new Error(`сумма в копейках должна быть целым числом: ${kopecks}`);
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / KOPECKS_PER_THOUSAND).toString();
  let fraction = (abs % KOPECKS_PER_THOUSAND).toString().padStart(5, '0');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return { sign: kopecks < 0 ? '-' : '', whole, fraction };
}

/** The exact decimal string in тыс. руб. used in JSON: «3597.05», «59629.71333», «0.00». */
export function kopecksToDecimal(kopecks: number): string {
  const { sign, whole, fraction } = splitKopecks(kopecks, 2);
  return `${sign}${whole}.${fraction}`;
}

/** Thousands grouped with a no-break space, as Russian documents print them. */
export function groupThousands(digits: string, separator = '\u00a0'): string {
  // A loop, not a look-ahead regular expression: the grid formats every amount a scroll brings in.
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) grouped += separator + digits.slice(i, i + 3);
  return grouped;
}

export interface RussianAmountOptions {
  /** Decimals always shown (the seeds print «62 526,00» and «3306,20»). Default 2. */
  minDecimals?: number;
  /** Group thousands (Table 4 of seed 003 prints «59629,71333» ungrouped). Default true. */
  grouped?: boolean;
}

/** «62 526,00», «59 629,71333», «-1 000,50». */
export function formatThousands(kopecks: number, options: RussianAmountOptions = {}): string {
  const { minDecimals = 2, grouped = true } = options;
  const { sign, whole, fraction } = splitKopecks(kopecks, minDecimals);
  const wholeText = grouped ? groupThousands(whole) : whole;
  return fraction ? `${sign}${wholeText},${fraction}` : `${sign}${wholeText}`;
}

/** Kopecks as a JS number of тыс. руб., only for a spreadsheet cell's numeric value. */
export function kopecksToThousandsNumber(kopecks: number): number {
  return Number(kopecksToDecimal(kopecks));
}
