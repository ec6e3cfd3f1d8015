// Indicator values are exact decimals kept as normalised strings («41.67», «15900»), never
// floats, together with the comparator and marks officers write in the tables:
// «Не менее 95», «не более 30», «>25», «<90», «x» (not applicable), «-» (no value).

export type Comparator = '>=' | '<=' | '=' | '>' | '<';
export type ValueMark = 'x' | '-';

export interface IndicatorValue {
  comparator: Comparator | null;
  /** Normalised exact decimal with a dot, or null for a mark. */
  value: string | null;
  mark: ValueMark | null;
  /** The text as the officer wrote it, printed back unchanged. */
  text: string;
}

export type ParsedIndicatorValue = { ok: true; value: IndicatorValue } | { ok: false; reason: string };

const COMPARATOR_WORDS: [RegExp, Comparator][] = [
  [/^не\s+менее\s*/i, '>='],
  [/^не\s+более\s*/i, '<='],
  [/^(≥|>=)\s*/, '>='],
  [/^(≤|<=)\s*/, '<='],
  [/^>\s*/, '>'],
  [/^<\s*/, '<'],
  [/^=\s*/, '='],
];

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/** «041,670» → «41.67»; returns null when the text is not a plain decimal. */
export function normaliseDecimal(input: string): string | null {
  const match = DECIMAL.exec(input.replace(/[\s\u00a0\u202f\u2009]/g, '').replace(/\u2212/g, '-'));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const wholeText = whole.replace(/^0+(?=\d)/, '');
  const fractionText = fraction.replace(/0+$/, '');
  const isZero = /^0*$/.test(wholeText + fractionText);
  const body = fractionText ? `${wholeText}.${fractionText}` : wholeText;
  return sign === '-' && !isZero ? `-${body}` : body;
}

/** Reads a value as the tables print it; «%» after the number is tolerated. */
export function parseIndicatorValue(input: string): ParsedIndicatorValue {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, reason: 'пустое значение' };
  if (/^[xх×]$/i.test(text)) return { ok: true, value: { comparator: null, value: null, mark: 'x', text } };
  if (/^[-–—]$/.test(text)) return { ok: true, value: { comparator: null, value: null, mark: '-', text } };
  let rest = text;
  let comparator: Comparator | null = null;
  for (const [pattern, found] of COMPARATOR_WORDS) {
    if (pattern.test(rest)) {
      comparator = found;
      rest = rest.replace(pattern, '');
      break;
    }
  }
  const value = normaliseDecimal(rest.replace(/\s*%$/, ''));
  if (value === null) return { ok: false, reason: 'ожидалось число, «не менее N», «не более N», «x» или «-»' };
  return { ok: true, value: { comparator, value, mark: null, text } };
}

/** The Russian print form of a normalised decimal: «41.67» → «41,67». */
export function formatDecimal(value: string): string {
  return value.replace('.', ',');
}

/** Compares two normalised decimals exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): number {
  const [aScaled, bScaled] = toCommonScale(a, b);
  return aScaled < bScaled ? -1 : aScaled > bScaled ? 1 : 0;
}

function toCommonScale(a: string, b: string): [bigint, bigint] {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  return [scaled(a, scale), scaled(b, scale)];
}

export function fractionLength(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** A normalised decimal as an integer of 10^-scale units: («41.67», 3) → 41670n. */
export function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = value.replace('-', '').split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

/**
 * numerator / denominator × 100 as a decimal string rounded half-up to `decimals` places,
 * computed exactly; null when the denominator is zero.
 */
export function percentOf(numerator: string, denominator: string, decimals = 2): string | null {
  const [n, d] = toCommonScale(numerator, denominator);
  if (d === 0n) return null;
  const factor = 10n ** BigInt(decimals);
  const negative = (n < 0n) !== (d < 0n) && n !== 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (absN * 100n * factor * 2n + absD) / (absD * 2n);
  const whole = rounded / factor;
  const fraction = (rounded % factor).toString().padStart(decimals, '0');
  const body = decimals > 0 ? `${whole}.${fraction}` : `${whole}`;
  return normaliseDecimal(negative ? `-${body}` : body);
}

/**
 * The exact mean of decimals, rounded half-up to `decimals` places and normalised («47.5»);
 * `exact` tells whether the rounding lost anything.
 */
export function meanOf(values: string[], decimals: number): { value: string; exact: boolean } | null {
  if (values.length === 0) return null;
  const scale = Math.max(...values.map(fractionLength));
  const numerator = values.reduce((total, value) => total + scaled(value, scale), 0n) * 10n ** BigInt(decimals);
  const denominator = BigInt(values.length) * 10n ** BigInt(scale);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const factor = 10n ** BigInt(decimals);
  const body = decimals > 0 ? `${rounded / factor}.${(rounded % factor).toString().padStart(decimals, '0')}` : `${rounded}`;
  return { value: normaliseDecimal(numerator < 0n ? `-${body}` : body)!, exact: numerator % denominator === 0n };
}
