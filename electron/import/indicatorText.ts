// Indicator names and units as forms write them: «…, проценты» at the end of a name, «ед.
// нараст. итогом» for a cumulative unit, the «<*>» footnote mark.

import type { IndicatorKind } from '../../shared/domain';
import { clean } from './cellText';

/** «ед. нараст. итогом» → unit «ед.», cumulative. */
export function readUnit(text: string): { unit: string; cumulative: boolean } {
  const value = clean(text);
  const cumulative = /нараст/i.test(value);
  const unit = clean(value.replace(/нараст[а-я.]*\s*итог[а-я]*/i, ''));
  return { unit: unit || value, cumulative };
}

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/,\s*(процент(ов|ы)?|%)\s*$/i, '%'],
  [/,\s*(единиц[аы]?|ед\.)\s*$/i, 'ед.'],
];

/** A name with its footnote mark and a unit written at its end taken off. */
export function readIndicatorName(text: string): { name: string; note: string | null; unit: string | null } {
  let name = clean(text);
  let note: string | null = null;
  const footnote = /\s*(<\*+>)\s*$/.exec(name);
  if (footnote) {
    note = footnote[1];
    name = name.slice(0, footnote.index).trim();
  }
  for (const [pattern, unit] of UNIT_SUFFIXES) {
    if (pattern.test(name)) return { name: name.replace(pattern, '').trim(), note, unit };
  }
  return { name, note, unit: null };
}

export function readIndicatorKind(text: string): IndicatorKind {
  return /дополнит/i.test(text) ? 'additional' : 'main';
}
