// Text widths from the report font's own metrics, and line breaking with them. The PDF lays out
// every line with these; DOCX and XLSX use them to size header rows and spreadsheet rows that
// Word, LibreOffice and Excel would otherwise leave too short (merged cells are not auto-fitted).
// Tinos has Times New Roman's advance widths, so the lines match what an office suite breaks.
//
// Only the advance widths are needed, which a TrueType font keeps in two small tables (cmap:
// character → glyph, hmtx: glyph → advance), so they are read here directly rather than through
// a font engine. Kerning is ignored on purpose: the PDF renderer prints without it too.

import { readFileSync } from 'node:fs';

/** Single line spacing of Times New Roman as Word and LibreOffice apply it, in em. */
export const LINE_HEIGHT_EM = 1.15;

export class FontMetrics {
  private readonly widthCache = new Map<number, number>();

  private constructor(
    private readonly unitsPerEm: number,
    private readonly advances: Uint16Array,
    private readonly glyphOf: (codePoint: number) => number,
    /** Height above the baseline, in em. */
    readonly ascenderEm: number,
    /** Depth below the baseline, in em (positive). */
    readonly descenderEm: number,
  ) {}

  static load(path: string): FontMetrics {
    const font = readFileSync(path);
    const tables = new Map<string, number>();
    const tableCount = font.readUInt16BE(4);
    for (let i = 0; i < tableCount; i++) {
      const record = 12 + 16 * i;
      tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
    }
    const table = (tag: string) => {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`В шрифте «${path}» нет таблицы ${tag}`);
      return offset;
    };
    const unitsPerEm = font.readUInt16BE(table('head') + 18);
    const hhea = table('hhea');
    const ascender = font.readInt16BE(hhea + 4);
    const descender = -font.readInt16BE(hhea + 6);
    const metricCount = font.readUInt16BE(hhea + 34);
    const hmtx = table('hmtx');
    const advances = new Uint16Array(metricCount);
    for (let glyph = 0; glyph < metricCount; glyph++) advances[glyph] = font.readUInt16BE(hmtx + 4 * glyph);
    return new FontMetrics(unitsPerEm, advances, readCmap(font, table('cmap'), path), ascender / unitsPerEm, descender / unitsPerEm);
  }

  /** Advance width of one character in em. */
  charEm(codePoint: number): number {
    let width = this.widthCache.get(codePoint);
    if (width === undefined) {
      const glyph = this.glyphOf(codePoint);
      // Glyphs past the metrics array share its last advance (TrueType's monospaced tail).
      width = this.advances[Math.min(glyph, this.advances.length - 1)] / this.unitsPerEm;
      this.widthCache.set(codePoint, width);
    }
    return width;
  }

  /** Width of a string in em. */
  textEm(text: string): number {
    let em = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Characters outside the Basic Multilingual Plane come as surrogate pairs.
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        em += this.charEm(text.codePointAt(i)!);
        i++;
      } else {
        em += this.charEm(code);
      }
    }
    return em;
  }
}

/** Character → glyph lookup from the Windows Unicode cmap (format 12 when present, else 4). */
function readCmap(font: Buffer, cmap: number, path: string): (codePoint: number) => number {
  const subtables = new Map<string, number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    subtables.set(`${font.readUInt16BE(record)}/${font.readUInt16BE(record + 2)}`, cmap + font.readUInt32BE(record + 4));
  }
  const full = subtables.get('3/10');
  if (full !== undefined && font.readUInt16BE(full) === 12) {
    const groups = font.readUInt32BE(full + 12);
    return (codePoint) => {
      for (let group = 0; group < groups; group++) {
        const record = full + 16 + 12 * group;
        const start = font.readUInt32BE(record);
        if (codePoint >= start && codePoint <= font.readUInt32BE(record + 4)) return font.readUInt32BE(record + 8) + codePoint - start;
      }
      return 0;
    };
  }
  const bmp = subtables.get('3/1');
  if (bmp === undefined || font.readUInt16BE(bmp) !== 4) throw new Error(`В шрифте «${path}» нет таблицы символов Unicode`);
  const segments = font.readUInt16BE(bmp + 6) / 2;
  const endCodes = bmp + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let segment = 0; segment < segments; segment++) {
      if (codePoint > font.readUInt16BE(endCodes + 2 * segment)) continue;
      const start = font.readUInt16BE(startCodes + 2 * segment);
      if (codePoint < start) return 0;
      const delta = font.readUInt16BE(deltas + 2 * segment);
      const rangeOffsetAt = rangeOffsets + 2 * segment;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/**
 * Breaks text into lines no wider than `widthEm` (the width divided by the font size): at
 * spaces, after a hyphen, and at explicit line breaks; a word longer than a whole line is cut
 * where it overflows, as Word does. Spaces at a break vanish.
 */
export function wrapText(text: string, widthEm: number, metrics: FontMetrics): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    wrapParagraph(paragraph.replace(/\t/g, ' '), widthEm, metrics, lines);
  }
  return lines;
}

// A break may follow a space or a hyphen: «информационно-коммуникационных».
const BREAK_OPPORTUNITY = /[^ \-]*(?:-+| +|$)/g;

function wrapParagraph(paragraph: string, widthEm: number, metrics: FontMetrics, lines: string[]): void {
  if (metrics.textEm(paragraph) <= widthEm) {
    lines.push(paragraph);
    return;
  }
  const spaceEm = metrics.charEm(32);
  let line = '';
  let lineEm = 0;
  for (const piece of paragraph.match(BREAK_OPPORTUNITY) ?? []) {
    if (piece === '') continue;
    const word = piece.replace(/ +$/, '');
    const trailingSpaces = piece.length - word.length;
    const wordEm = metrics.textEm(word);
    if (line !== '' && lineEm + wordEm > widthEm) {
      lines.push(line.replace(/ +$/, ''));
      line = '';
      lineEm = 0;
    }
    if (line === '' && wordEm > widthEm) {
      // A word wider than the cell: cut it character by character.
      for (const char of word) {
        const charEm = metrics.charEm(char.codePointAt(0)!);
        if (line !== '' && lineEm + charEm > widthEm) {
          lines.push(line);
          line = '';
          lineEm = 0;
        }
        line += char;
        lineEm += charEm;
      }
    } else {
      line += word;
      lineEm += wordEm;
    }
    line += ' '.repeat(trailingSpaces);
    lineEm += spaceEm * trailingSpaces;
  }
  lines.push(line.replace(/ +$/, ''));
}
