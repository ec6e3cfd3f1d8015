// Builders for the files the reader tests feed in: small .docx/.xlsx packages from XML
// strings, hand-made zips whose headers say what we want (forged sizes), zip bombs generated
// without ever holding their unpacked content, and the assertion every refusal must pass.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import { ImportFileError } from '../../../electron/import/readers/importFileError';

const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/', import.meta.url));

export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLES + name));
}

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A zip of text or binary parts, as fflate writes it. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, content]) => [name, toBytes(content)])));
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? strToU8(content) : content;
}

/**
 * A Word document body in WordprocessingML. `prefix` '' writes the namespace as the default
 * one, as some LibreOffice-derived writers do; `namespace` switches to e.g. Strict.
 */
export function documentXml(body: string, { prefix = 'w', namespace = WORD_NS } = {}): string {
  const declaration = prefix === '' ? `xmlns="${namespace}"` : `xmlns:${prefix}="${namespace}"`;
  const tag = (name: string): string => (prefix === '' ? name : `${prefix}:${name}`);
  const xml = body.replace(/<(\/?)w:/g, `<$1${tag('')}`).replace(/ w:/g, prefix === '' ? ' ' : ` ${prefix}:`);
  return `${XML_DECLARATION}<${tag('document')} ${declaration} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${tag('body')}>${xml}</${tag('body')}></${tag('document')}>`;
}

/** A paragraph with one run of text. */
export function p(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A table cell; `props` goes into w:tcPr, `content` defaults to one paragraph of text. */
export function tc(text: string, props = '', content = p(text)): string {
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;
}

export function tr(...cells: string[]): string {
  return `<w:tr>${cells.join('')}</w:tr>`;
}

export function tbl(...rows: string[]): string {
  return `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;
}

export function docxPackage(document: string): Uint8Array {
  return zipParts({
    '[Content_Types].xml': `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_RELS_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': document,
  });
}

export interface SheetFixture {
  name: string;
  /** The worksheet part's XML, or the cells inside <sheetData> for sheetXml(). */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

/** A worksheet part; `rows` is the content of <sheetData>. */
export function sheetXml(rows: string, merges: string[] = []): string {
  const mergeCells = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  return `${XML_DECLARATION}<worksheet xmlns="${SHEET_NS}"><sheetData>${rows}</sheetData>${mergeCells}</worksheet>`;
}

/** A styles part: number formats the book defines (id → code) and the cell styles' format ids, in order. */
export function stylesXml(formats: Record<number, string>, cellFormatIds: number[], { styleFormatIds = [] as number[] } = {}): string {
  const numFmts = Object.entries(formats)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`)
    .join('');
  const xfs = (ids: number[]) => ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`).join('');
  return `${XML_DECLARATION}<styleSheet xmlns="${SHEET_NS}"><numFmts count="${Object.keys(formats).length}">${numFmts}</numFmts><cellStyleXfs count="${styleFormatIds.length}">${xfs(styleFormatIds)}</cellStyleXfs><cellXfs count="${cellFormatIds.length}">${xfs(cellFormatIds)}</cellXfs></styleSheet>`;
}

export function sharedStringsXml(items: string[]): string {
  return `${XML_DECLARATION}<sst xmlns="${SHEET_NS}" count="${items.length}" uniqueCount="${items.length}">${items.map((item) => (item.startsWith('<') ? `<si>${item}</si>` : `<si><t xml:space="preserve">${item}</t></si>`)).join('')}</sst>`;
}

/**
 * A workbook. Sheet parts are written in reverse name order on purpose, so a reader that
 * follows file names instead of the workbook gets the order wrong.
 */
export function xlsxPackage(
  sheets: SheetFixture[],
  { sharedStrings, styles, extraParts = {} }: { sharedStrings?: string; styles?: string; extraParts?: Record<string, string | Uint8Array> } = {},
): Uint8Array {
  const sheetParts = sheets.map((_, i) => `worksheets/sheet${sheets.length - i}.xml`);
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_RELS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_DECLARATION}<workbook xmlns="${SHEET_NS}" xmlns:r="${DOC_RELS_NS}"><sheets>${sheets
      .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rIdSheet${i}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_DECLARATION}<Relationships xmlns="${RELS_NS}">${sheets
      .map((_, i) => `<Relationship Id="rIdSheet${i}" Type="${DOC_RELS_NS}/worksheet" Target="${sheetParts[i]}"/>`)
      .join('')}${sharedStrings ? `<Relationship Id="rIdStrings" Type="${DOC_RELS_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${
      styles ? `<Relationship Id="rIdStyles" Type="${DOC_RELS_NS}/styles" Target="styles.xml"/>` : ''
    }</Relationships>`,
    ...extraParts,
  };
  sheets.forEach((sheet, i) => {
    parts[`xl/${sheetParts[i]}`] = sheet.xml.startsWith('<?xml') ? sheet.xml : sheetXml(sheet.xml);
  });
  if (sharedStrings) parts['xl/sharedStrings.xml'] = sharedStrings;
  if (styles) parts['xl/styles.xml'] = styles;
  return zipParts(parts);
}

export interface ForgedEntry {
  name: string;
  /** The entry's data as stored: deflated unless `stored`. */
  data: Uint8Array;
  /** The unpacked size the headers claim. */
  declaredSize: number;
  stored?: boolean;
}

/** A zip written byte by byte, so its headers can claim whatever a test needs. CRCs are left
 *  zero: the reader does not check them. */
export function forgedZip(entries: ForgedEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const method = entry.stored ? 0 : 8;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, method, true);
    local.setUint16(12, 0x21, true); // 1980-01-01
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.data);

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, 0x0800, true);
    header.setUint16(10, method, true);
    header.setUint16(14, 0x21, true);
    header.setUint32(20, entry.data.length, true);
    header.setUint32(24, entry.declaredSize, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

/** A real entry (honest sizes) for forgedZip. */
export function honestEntry(name: string, content: string): ForgedEntry {
  const bytes = strToU8(content);
  return { name, data: deflateSync(bytes), declaredSize: bytes.length };
}

/**
 * A worksheet of `megabytes` MB of spaces inside <sheetData>, deflated to about 1 KB per MB.
 * Each megabyte is deflated on its own and ended with a sync flush (byte-aligned, not final),
 * so the same block can be repeated instead of compressing a gigabyte.
 */
export function spaceBombSheet(megabytes: number): { data: Uint8Array; size: number } {
  const prefix = strToU8(`${XML_DECLARATION}<worksheet xmlns="${SHEET_NS}"><sheetData>`);
  const suffix = strToU8('</sheetData></worksheet>');
  const spaces = new Uint8Array(1 << 20).fill(0x20);
  const open = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const head = deflateRawSync(concat([prefix, spaces]), open);
  const block = deflateRawSync(spaces, open);
  const tail = deflateRawSync(suffix);
  return {
    data: concat([head, ...new Array<Uint8Array>(megabytes - 1).fill(block), tail]),
    size: prefix.length + megabytes * (1 << 20) + suffix.length,
  };
}

/** A workbook whose only sheet is `sheet`, its headers claiming `declaredSize`. */
export function workbookWithForgedSheet(sheet: { data: Uint8Array }, declaredSize: number): Uint8Array {
  return forgedZip([
    honestEntry(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    honestEntry(
      'xl/workbook.xml',
      `<workbook xmlns="${SHEET_NS}" xmlns:r="${DOC_RELS_NS}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    honestEntry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_RELS_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { name: 'xl/worksheets/sheet1.xml', data: sheet.data, declaredSize },
  ]);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Words in Latin letters a Russian message may still contain: format and product names. */
const LATIN_ALLOWED = /\b(Word|Excel|PowerPoint|OpenDocument|CSV|ZIP|DTD|XML|PDF|RTF|docx|xlsx|xlsb|docm|xlsm)\b/g;

/**
 * Runs `read` and checks it is refused the way an officer should see it: an ImportFileError
 * naming the file, in Russian, without a stack trace or English; returns the error.
 */
export function expectRefused(read: () => unknown, file: string, message?: RegExp): ImportFileError {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  const error = caught as ImportFileError;
  expect(error.file).toBe(file);
  expect(error.message).toContain(`«${file}»`);
  expect(error.message).toMatch(/[а-яё]{4,}/i);
  const withoutNames = error.message.replace(/«[^»]*»/g, '').replace(LATIN_ALLOWED, '');
  expect(withoutNames).not.toMatch(/[A-Za-z]{4,}/);
  expect(error.message).not.toMatch(/\n\s+at /);
  if (message) expect(error.message).toMatch(message);
  return error;
}
