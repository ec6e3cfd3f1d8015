// Reading the texts officers put in table cells: part headings with their printed codes,
// executors with a person's name, sources of financing, years, amendment notes.

import type { NodeKind, Source } from '../../shared/domain';
import { parseRussianDate } from '../../shared/dates';

/** Whitespace of every kind folded to single spaces, ends trimmed. */
const FOLDABLE = /[\s\u00a0\u202f\u2009]{2}|[\t\n\r\f\v\u00a0\u202f\u2009]|^\s|\s$/;

export function clean(text: string): string {
  // Most cells are already clean: one test instead of a replace and a trim on a 10 000-row table.
  if (!FOLDABLE.test(text)) return text;
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/** A cell that holds nothing but a dash or nothing at all. */
export function isBlankOrDash(text: string): boolean {
  return /^[-–—]?$/.test(clean(text));
}

export interface PartHeading {
  kind: NodeKind | null;
  code: string;
  title: string;
}

const HEADING_PATTERNS: [RegExp, NodeKind][] = [
  [/^подпрограмма\s+([IVXLC]+|\d+)\.?\s*(.*)$/i, 'subprogram'],
  [/^основное\s+мероприятие\s+([A-ZА-Я]?\d+(?:\.\d+)*)\.?\s*(.*)$/i, 'mainActivity'],
  [/^задача\s+(\d+(?:\.\d+)*)\s*[.:]?\s*(.*)$/i, 'task'],
  [/^мероприятие\s+(\d+(?:\.\d+)*)\.?\s*(.*)$/i, 'activity'],
];

/** «Основное мероприятие 02. Организация…» → mainActivity «02», «Организация…». */
export function parseHeading(text: string): PartHeading {
  const value = clean(text);
  for (const [pattern, kind] of HEADING_PATTERNS) {
    const match = pattern.exec(value);
    if (match) return { kind, code: match[1], title: stripQuotes(match[2]) || value };
  }
  return { kind: null, code: '', title: value };
}

/** «"Цифровизация городской среды"» and ««…»» lose their outer quotes. */
export function stripQuotes(text: string): string {
  const value = clean(text);
  const match = /^[«"“](.*)[»"”]$/.exec(value);
  return match && !/[«»"“”]/.test(match[1]) ? match[1] : value;
}

/** A printed code such as «1.», «1.1», «1.1.1», «I», «02», «E4»; null when the text is not one. */
export function parseCode(text: string): string | null {
  const value = clean(text);
  if (/^(\d+\.)*\d+\.?$/.test(value)) return value;
  if (/^[IVXLC]+\.?$/.test(value)) return value;
  if (/^[A-ZА-Я]\d+\.?$/.test(value)) return value;
  return null;
}

/** How deep a dotted code sits: «1.» → 1, «1.1» → 2, «1.1.1» → 3. */
export function codeDepth(code: string): number {
  return code.replace(/\.$/, '').split('.').length;
}

/** «1.1.» and «1.1» are the same item. */
export function normaliseCode(code: string): string {
  return clean(code).replace(/\.$/, '');
}

const PERSON = /([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*[А-ЯЁ]\.\s*[А-ЯЁ]\.?)/;

export interface ExecutorText {
  /** The body that carries the money: the first one named. */
  head: string;
  /** The executor as written, without the person. */
  label: string;
  /** A responsible person's name, «Запольский О.К.». */
  person: string | null;
}

/**
 * «Администрация  г.о Красногорск, МБУ «МФЦ» Запольский О.К.» → head «Администрация г.о
 * Красногорск», person «Запольский О.К.». The head is the first body in the list: in a
 * ГРБС column that is the one the money belongs to, however the rest of the list is written
 * («Администрация города Рязани, УЭиЦР, МКУ "ЦС"» and «… МКУ "ЦС", УЭиЦР» are one executor).
 */
export function parseExecutor(text: string): ExecutorText {
  let value = clean(text);
  const personMatch = PERSON.exec(value);
  const person = personMatch ? personMatch[1].replace(/\s+/g, ' ') : null;
  if (personMatch) value = clean(value.replace(personMatch[1], ' ').replace(/\s+,/g, ',').replace(/,\s*,/g, ','));
  value = value.replace(/^,|,$/g, '').replace(/\s*,\s*/g, ', ').trim();
  const first = clean(value.split(',')[0]);
  // «Администрация города Рязани УЭиЦР» names the administration and its department:
  // the head stops before the first abbreviation that follows ordinary words.
  const words = first.split(' ');
  const abbreviation = words.findIndex((word, i) => i > 0 && /^[«"]?[А-ЯЁA-Z][А-ЯЁA-Zа-яё]*[А-ЯЁA-Z][»"]?$/.test(word) && /[А-ЯЁ].*[А-ЯЁ]/.test(word));
  const head = abbreviation > 0 && /^[А-ЯЁ][а-яё]/.test(words[0]) ? words.slice(0, abbreviation).join(' ') : first;
  return { head, label: value, person };
}

export function detectSource(text: string): { source: Source; label: string } | null {
  const value = clean(text);
  const lower = value.toLowerCase();
  if (!lower) return null;
  if (/без\s+финансирования/.test(lower)) return { source: 'none', label: value };
  if (/федеральн/.test(lower)) return { source: 'federal', label: value };
  if (/внебюджет/.test(lower)) return { source: 'offBudget', label: value };
  if (/областн|краев|республик|регион|субъект|бюджет[а-я]*\s+.*\s+области/.test(lower)) return { source: 'regional', label: value };
  if (/бюджет|местн/.test(lower)) return { source: 'local', label: value };
  return null;
}

/** «2022 г.», «2022», «2022 год (тыс. руб.)» → 2022. */
export function yearIn(text: string): number | null {
  const match = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** «I квартал» → 1 … «IV квартал» → 4; also «1 кв.». */
export function quarterIn(text: string): 1 | 2 | 3 | 4 | null {
  const match = /(?:^|\s)(IV|III|II|I|[1-4])\s*(?:-?й\s*)?кв/i.exec(clean(text));
  if (!match) return null;
  const map: Record<string, 1 | 2 | 3 | 4> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
  return map[match[1].toUpperCase()];
}

/** «2022 - 2030 годы» → [2022, 2030]; «2024 г.» → [2024, 2024]. */
export function periodIn(text: string): [number, number] | null {
  const range = /((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})/.exec(text);
  if (range) return [Number(range[1]), Number(range[2])];
  const year = yearIn(text);
  return year ? [year, year] : null;
}

export interface AmendmentNoteText {
  /** The item it names: «3.1» in «(п. 3.1 в ред. …)»; null for a plain «(в ред. …)». */
  item: string | null;
  actKind: string;
  issuer: string;
  date: string;
  number: string;
}

const NOTE = /^\(?\s*(?:(?:п|пп|абзац|строка)\.?\s*([\d.]+)\s+)?(?:в\s+ред\.|введен[а-я]*)\s+([А-ЯЁ][а-яё]+)\s+(.+?)\s+от\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.\s*)?N\s*([\w/-]+)\s*\)?$/i;
const NOMINATIVE: Record<string, string> = {
  постановления: 'Постановление',
  постановлением: 'Постановление',
  распоряжения: 'Распоряжение',
  распоряжением: 'Распоряжение',
  решения: 'Решение',
  решением: 'Решение',
  приказа: 'Приказ',
  приказом: 'Приказ',
};

/** «(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)». */
export function parseAmendmentNote(text: string): AmendmentNoteText | null {
  const match = NOTE.exec(clean(text));
  if (!match) return null;
  const date = parseRussianDate(match[4]);
  if (!date) return null;
  return {
    item: match[1] ? normaliseCode(match[1]) : null,
    actKind: NOMINATIVE[match[2].toLowerCase()] ?? match[2],
    issuer: match[3],
    date,
    number: match[5],
  };
}
