// A CSV file as one plain table. Russian offices produce CSV from Excel («CSV (разделители —
// запятые)», which in a Russian Excel separates with ';' and writes Windows-1251), from
// LibreOffice (UTF-8, often ','), and as «Текст Юникод» (UTF-16 with tabs), so both the
// encoding and the separator are detected rather than assumed.

import iconv from 'iconv-lite';
import { ImportFileError, damagedFileError } from './importFileError';
import { LIMITS } from './limits';
import { buildRawTable, GridAllowance, type CellArea, type RawTable } from './rawTable';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Candidates in order of preference when they fit equally well: Russian Excel writes ';'. */
const SEPARATORS = [';', '\t', ','] as const;
/** Separator detection looks at the start of the file only. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 100;

/**
 * The text of a file that is text: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise
 * Windows-1251. Undefined for binary content.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: a Russian Windows program wrote it.
    return iconv.decode(bytes, 'win1251');
  }
}

/** Reads decoded CSV text as one table named after the file. */
export function readCsvTable(text: string, file: string): RawTable {
  const separator = detectSeparator(text);
  if (separator === undefined) {
    throw new ImportFileError(
      file,
      `В файле «${file}» не найдено ни одной таблицы: в нём нет разделителей столбцов (точки с запятой, запятой или табуляции)`,
    );
  }
  const allowance = new GridAllowance(file);
  const { records, unclosedQuoteIn } = parseCsv(text, separator, Number.POSITIVE_INFINITY, allowance);
  if (unclosedQuoteIn !== undefined) {
    const where = `строка ${unclosedQuoteIn}`;
    throw damagedFileError(file, `кавычка, открытая в строке ${unclosedQuoteIn}, нигде не закрыта`, { where });
  }

  // Excel pads exported rows with separators; like a sheet, the table ends where values end.
  let rowCount = records.length;
  while (rowCount > 0 && records[rowCount - 1].every((field) => field.trim() === '')) rowCount -= 1;
  let colCount = 0;
  const areas: CellArea[] = [];
  for (let row = 0; row < rowCount; row++) {
    records[row].forEach((field, col) => {
      const text = field.trim();
      if (text === '') return;
      areas.push({ row, col, rowSpan: 1, colSpan: 1, text });
      colCount = Math.max(colCount, col + 1);
    });
  }
  allowance.admitTable();
  allowance.admitGrid(rowCount, colCount, 'весь файл');
  return buildRawTable({ file, kind: 'csv', index: 0, name: file, caption: [], rowCount, colCount, areas });
}

/**
 * The separator that splits the first records into the most consistent number of columns
 * (at least two); undefined when no candidate splits anything.
 */
function detectSeparator(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { separator: string; consistency: number; columns: number } | undefined;
  for (const separator of SEPARATORS) {
    const widths = parseCsv(sample, separator, SAMPLE_RECORDS)
      .records.filter((record) => !(record.length === 1 && record[0].trim() === ''))
      .map((record) => record.length);
    const frequency = new Map<number, number>();
    for (const width of widths) frequency.set(width, (frequency.get(width) ?? 0) + 1);
    let columns = 0;
    let times = 0;
    for (const [width, count] of frequency) {
      if (count > times || (count === times && width > columns)) [columns, times] = [width, count];
    }
    if (columns < 2) continue;
    const consistency = times / widths.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && columns > best.columns)) {
      best = { separator, consistency, columns };
    }
  }
  return best?.separator;
}

interface ParsedCsv {
  records: string[][];
  /** 1-based number of the record where a quoted field never ends. */
  unclosedQuoteIn?: number;
}

/**
 * RFC 4180: fields in double quotes may hold separators, line breaks and doubled quotes; a
 * quote inside an unquoted field is an ordinary character. Line breaks inside fields become
 * '\n'. With an allowance, stops as soon as the records pass the limits.
 */
function parseCsv(text: string, separator: string, maxRecords: number, allowance?: GridAllowance): ParsedCsv {
  const separatorCode = separator.charCodeAt(0);
  const endsField = (code: number): boolean => code === separatorCode || code === LF || code === CR;
  const records: string[][] = [];
  let record: string[] = [];
  let fields = 0;
  let at = 0;
  const length = text.length;
  while (at < length && records.length < maxRecords) {
    let value: string;
    if (text.charCodeAt(at) === QUOTE) {
      let quoted = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return { records, unclosedQuoteIn: records.length + 1 };
        quoted += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) !== QUOTE) {
          from = quote + 1;
          break;
        }
        quoted += '"';
        from = quote + 2;
      }
      // Anything between the closing quote and the separator is kept, as Excel does.
      let end = from;
      while (end < length && !endsField(text.charCodeAt(end))) end++;
      value = (quoted + text.slice(from, end)).replace(/\r\n?/g, '\n');
      at = end;
    } else {
      let end = at;
      while (end < length && !endsField(text.charCodeAt(end))) end++;
      value = text.slice(at, end);
      at = end;
    }
    record.push(value);
    fields += 1;
    // A file of nothing but separators is one endless record: stop it field by field.
    if (allowance && record.length > LIMITS.maxColumns) allowance.checkShape(1, record.length, `строка ${records.length + 1}`);

    const code = text.charCodeAt(at);
    if (code === separatorCode) {
      at += 1;
      if (at === length) record.push(''); // a separator right at the end leaves an empty last field
      continue;
    }
    records.push(record);
    record = [];
    at += code === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    if (allowance) {
      const where = `строка ${records.length}`;
      allowance.checkShape(records.length, 1, where);
      allowance.checkRoom(fields, where);
    }
  }
  if (record.length > 0) records.push(record);
  return { records };
}
