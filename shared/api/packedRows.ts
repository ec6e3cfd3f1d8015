// Long lists of like flat objects cross the preview's loopback bridge as one list of keys and one
// flat list of values. A program's detail is mostly 180 000 amount rows of five fields, and
// its JSON was 19.6 MB, more than half of it the same five keys again and again: the page
// spent most of the first screen's second reading and parsing it. Electron's IPC clones the
// objects themselves and does not use this.

/** Marks a packed list; no key of the contract starts with a NUL character. */
const KEYS = '\u0000keys';
const VALUES = '\u0000values';

/** Shorter lists gain too little to be worth the check. */
const PACK_FROM = 64;

interface PackedRows {
  [KEYS]: string[];
  [VALUES]: unknown[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A long list as keys and values when every item is a plain object with the same keys in the same
 * order, each value a text, number, boolean or null; else null. An undefined value is JSON's
 * missing key, which a packed list could not say. Lists of nested items (a totals line holds
 * its year amounts and breakdowns) gain too little for what the packing costs.
 */
function packList(list: readonly unknown[]): PackedRows | null {
  if (!isPlainObject(list[0])) return null;
  const keys = Object.keys(list[0]);
  // A list of empty objects would pack to no values and lose its length.
  if (keys.length === 0) return null;
  const values: unknown[] = new Array(list.length * keys.length);
  let at = 0;
  for (const item of list) {
    if (!isPlainObject(item)) return null;
    let index = 0;
    for (const key in item) {
      const value = item[key];
      const kind = typeof value;
      if (key !== keys[index] || (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && value !== null)) return null;
      values[at + index] = value;
      index += 1;
    }
    if (index !== keys.length) return null;
    at += index;
  }
  return { [KEYS]: keys, [VALUES]: values };
}

/**
 * The value with its long lists of like objects packed, for JSON.stringify. What holds no such
 * list is given back as it is, not copied: most of an answer is left alone, and copying it
 * cost as much as the packing saved.
 */
export function packRows(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // A short list is not looked into: what it holds is small too, in every answer there is.
    if (value.length < PACK_FROM) return value;
    const packed = packList(value);
    if (packed) return packed;
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const next = packRows(item);
      if (next !== item) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | null = null;
  for (const key in value) {
    const item = value[key];
    if (typeof item !== 'object' || item === null) continue;
    const next = packRows(item);
    if (next !== item) (copy ??= { ...value })[key] = next;
  }
  return copy ?? value;
}

/** The value packRows was given, from its parsed JSON. */
export function unpackRows(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // packRows looks into no short list, so none holds a packed one.
    if (value.length < PACK_FROM) return value;
    for (let i = 0; i < value.length; i++) value[i] = unpackRows(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = record[KEYS];
  const values = record[VALUES];
  if (Array.isArray(keys) && Array.isArray(values)) {
    const width = keys.length;
    const rows = new Array<Record<string, unknown>>(values.length / width);
    for (let row = 0, at = 0; row < rows.length; row++) {
      const item: Record<string, unknown> = {};
      for (let k = 0; k < width; k++, at++) item[keys[k] as string] = values[at];
      rows[row] = item;
    }
    return rows;
  }
  for (const key in record) record[key] = unpackRows(record[key]);
  return record;
}
