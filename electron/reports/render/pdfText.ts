// Text output for the PDF renderer. pdfkit's text() shapes every call through its font engine
// and wraps each string in its own save/transform/restore, about 25 µs a call: 10 s for the
// 400 000 strings of a 10 000-activity Table 4. Here pdfkit still embeds and subsets the fonts
// and writes the ToUnicode map (so the text can be searched and copied), but each character
// is encoded once and lines become plain content-stream operators.
//
// A character's glyph comes from the font's character map, not from pdfkit's encode(): that
// lays the character out with the font's OpenType features, and decoding those tables for each
// document's fonts took about 90 of the 140 ms of a one-page PDF. A single character has no
// ligature or kerning partner, so the glyph is the same.
//
// This reaches into pdfkit internals, kept to this file: the embedded font object (`_font`:
// `id`, `ref()`, the fontkit font, the subset and the widths and Unicode maps that encode()
// fills) and the page's font resources (`page.fonts`).

/// <reference types="pdfkit" />
import type { FontSet, FontStyle } from './fonts';

interface EmbeddedFont {
  id: string;
  ref(): unknown;
  font: { glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; codePoints: number[] } };
  subset: { includeGlyph(glyphId: number): number };
  scale: number;
  widths: number[];
  unicode: number[][];
}

interface PdfkitInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown> };
}

const STYLES: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export class PdfText {
  private readonly fonts = {} as FontSet<EmbeddedFont>;
  private readonly glyphs = {} as FontSet<Map<number, string>>;
  private parts: string[] = [];
  private currentFont = '';

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    paths: FontSet<string>,
  ) {
    const internals = pdf as unknown as PdfkitInternals;
    for (const style of STYLES) {
      pdf.registerFont(style, paths[style]);
      pdf.font(style);
      this.fonts[style] = internals._font;
      this.glyphs[style] = new Map();
    }
  }

  /**
   * Queues `text` with its baseline starting at (x, baseline), in the page's top-down
   * coordinates (pdfkit flips the y axis of every page it creates).
   */
  show(style: FontStyle, size: number, x: number, baseline: number, text: string): void {
    if (text === '') return;
    const fontKey = `${style} ${size}`;
    if (fontKey !== this.currentFont) {
      const font = this.fonts[style];
      const pageFonts = (this.pdf as unknown as PdfkitInternals).page.fonts;
      if (pageFonts[font.id] === undefined) pageFonts[font.id] = font.ref();
      this.parts.push(`/${font.id} ${num(size)} Tf`);
      this.currentFont = fontKey;
    }
    this.parts.push(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm <${this.hex(style, text)}> Tj`);
  }

  /** The queued text as one BT…ET block, emptied for the next page. */
  flush(): string {
    if (this.parts.length === 0) return '';
    const block = `BT\n${this.parts.join('\n')}\nET`;
    this.parts = [];
    this.currentFont = '';
    return block;
  }

  private hex(style: FontStyle, text: string): string {
    const cache = this.glyphs[style];
    let hex = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code < 0x20) continue; // a control character pasted from elsewhere would print as a box
      let glyph = cache.get(code);
      if (glyph === undefined) {
        glyph = this.glyphOf(this.fonts[style], code);
        cache.set(code, glyph);
      }
      hex += glyph;
    }
    return hex;
  }

  /** The character's glyph in the subset, as hex, added to the widths and the ToUnicode map as encode() adds it. */
  private glyphOf(font: EmbeddedFont, code: number): string {
    const glyph = font.font.glyphForCodePoint(code);
    const id = font.subset.includeGlyph(glyph.id);
    font.widths[id] ??= glyph.advanceWidth * font.scale;
    font.unicode[id] ??= glyph.codePoints;
    return id.toString(16).padStart(4, '0');
  }
}

/** A coordinate as the content stream wants it: two decimals, no exponent. */
export function num(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}
