// ReportDocument → PDF with pdfkit: A4 pages with the ГОСТ margins, Tinos (Times metrics,
// Cyrillic) embedded, page numbers from page 2 centred in the top margin. Tables are laid out
// by pdfTableLayout.ts and printed through pdfText.ts.

import PDFDocument from 'pdfkit';
import type { ReportDocument } from '../reportDocument';
import { fontStyle, reportFontMetrics, reportFontPaths } from './fonts';
import type { FontStyle } from './fonts';
import { contentWidthMm, pageGeometry, POINTS_PER_MM, TEXT_FONT_PT } from './pageLayout';
import type { PageGeometry } from './pageLayout';
import { measureTable, paginateTable } from './pdfTableLayout';
import type { CellFragment, MeasuredTable, PageFrame } from './pdfTableLayout';
import { num, PdfText } from './pdfText';
import { LINE_HEIGHT_EM, wrapText } from './textMetrics';

/** Space under the approval block and the title, and under a paragraph or a table, in points. */
const BLOCK_GAP = 12;
const PARAGRAPH_GAP = 6;
const BORDER_WIDTH = 0.5;

type Alignment = 'left' | 'center' | 'right' | 'justify';

export async function renderPdf(doc: ReportDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    info: { Title: doc.fileTitle, Creator: 'Munplan', Producer: 'Munplan' },
    displayTitle: true,
    lang: 'ru-RU',
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const pages = new PageWriter(pdf, doc.orientation);
  pages.newPage();
  const approval = doc.approval ?? [];
  approval.forEach((line) => pages.paragraph(line, 'right', 'regular'));
  if (approval.length > 0) pages.gap(BLOCK_GAP);
  doc.title.forEach((line) => pages.paragraph(line, 'center', 'bold'));
  if (doc.title.length > 0) pages.gap(BLOCK_GAP);
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      pages.paragraph(block.text, block.align ?? 'left', fontStyle(block.bold, block.italic));
    } else {
      pages.table(measureTable(block.table, pages.contentWidth));
    }
    pages.gap(PARAGRAPH_GAP);
  }
  pages.finishPage();

  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

/** The page being written: a cursor going down, its border strokes and its text. */
class PageWriter {
  readonly contentWidth: number;
  private readonly left: number;
  private readonly frame: PageFrame;
  private readonly metrics = reportFontMetrics();
  private readonly text: PdfText;
  private pageCount = 0;
  private y = 0;
  private borders: string[] = [];

  private readonly geometry: PageGeometry;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly orientation: ReportDocument['orientation'],
  ) {
    const geometry = pageGeometry(orientation);
    const { marginMm } = geometry;
    this.geometry = geometry;
    this.left = marginMm.left * POINTS_PER_MM;
    this.contentWidth = contentWidthMm(geometry) * POINTS_PER_MM;
    this.frame = { top: marginMm.top * POINTS_PER_MM, bottom: (geometry.heightMm - marginMm.bottom) * POINTS_PER_MM };
    this.text = new PdfText(pdf, reportFontPaths());
  }

  newPage(): void {
    if (this.pageCount > 0) this.finishPage();
    this.pdf.addPage({ size: 'A4', layout: this.orientation, margin: 0 });
    this.pageCount++;
    this.y = this.frame.top;
    if (this.pageCount > 1) {
      const label = String(this.pageCount);
      const size = TEXT_FONT_PT;
      const x = this.left + (this.contentWidth - this.metrics.regular.textEm(label) * size) / 2;
      this.text.show('regular', size, x, this.geometry.pageNumberMm * POINTS_PER_MM + this.metrics.regular.ascenderEm * size, label);
    }
  }

  finishPage(): void {
    const borders = this.borders.length > 0 ? `${BORDER_WIDTH} w\n${this.borders.join('\n')}\nS\n` : '';
    this.pdf.addContent(borders + this.text.flush());
    this.borders = [];
  }

  gap(points: number): void {
    this.y = Math.min(this.y + points, this.frame.bottom);
  }

  /** Running text at 12 pt, wrapped to the page width, continuing on the next page when full. */
  paragraph(text: string, align: Alignment, style: FontStyle): void {
    const size = TEXT_FONT_PT;
    const lineHeight = LINE_HEIGHT_EM * size;
    const metrics = this.metrics[style];
    for (const part of text.split(/\r?\n/)) {
      const lines = wrapText(part, this.contentWidth / size, metrics);
      lines.forEach((line, index) => {
        if (this.y + lineHeight > this.frame.bottom) this.newPage();
        const baseline = this.y + baselineOffset(lineHeight, size, this.metrics.regular);
        if (align === 'justify' && index < lines.length - 1) {
          this.justifiedLine(line, style, size, baseline);
        } else {
          const width = metrics.textEm(line) * size;
          const offset = align === 'right' ? this.contentWidth - width : align === 'center' ? (this.contentWidth - width) / 2 : 0;
          this.text.show(style, size, this.left + offset, baseline, line);
        }
        this.y += lineHeight;
      });
    }
  }

  // Word spacing (Tw) does not apply to the two-byte glyph codes of an embedded font, so a
  // justified line is set word by word.
  private justifiedLine(line: string, style: FontStyle, size: number, baseline: number): void {
    const words = line.split(/ +/).filter((word) => word !== '');
    const metrics = this.metrics[style];
    const wordsWidth = words.reduce((sum, word) => sum + metrics.textEm(word) * size, 0);
    const space = words.length > 1 ? (this.contentWidth - wordsWidth) / (words.length - 1) : 0;
    let x = this.left;
    for (const word of words) {
      this.text.show(style, size, x, baseline, word);
      x += metrics.textEm(word) * size + space;
    }
  }

  table(measured: MeasuredTable): void {
    const { pages, endY } = paginateTable(measured, this.frame, this.y, this.y > this.frame.top);
    for (const page of pages) {
      if (page.startsNewPage) this.newPage();
      this.tableHeader(measured, page.headerTop);
      for (const fragment of page.fragments) this.fragment(measured, fragment);
    }
    this.y = endY;
  }

  private tableHeader(measured: MeasuredTable, top: number): void {
    const rowTops = [top];
    for (const height of measured.header.heights) rowTops.push(rowTops[rowTops.length - 1] + height);
    for (const cell of measured.header.cells) {
      const cellTop = rowTops[cell.row];
      this.fragment(measured, { cell, top: cellTop, height: rowTops[cell.row + cell.rowSpan] - cellTop, lines: cell.lines });
    }
  }

  private fragment(measured: MeasuredTable, { cell, top, height, lines }: CellFragment): void {
    const x = this.left + measured.columnX[cell.column];
    const width = measured.columnX[cell.column + cell.colSpan] - measured.columnX[cell.column];
    this.borders.push(`${num(x)} ${num(top)} ${num(width)} ${num(height)} re`);
    if (lines.length === 0) return;
    const { lineHeight, padX, padY, size } = measured;
    const metrics = this.metrics[cell.style];
    const free = height - 2 * padY - lines.length * lineHeight;
    // Baselines follow the table's size even for a shrunk figure, so a row's figures line up.
    let baseline = top + padY + (cell.centred && free > 0 ? free / 2 : 0) + baselineOffset(lineHeight, size, this.metrics.regular);
    for (const line of lines) {
      let lineX = x + padX;
      if (cell.align !== 'left') {
        const textWidth = metrics.textEm(line) * cell.size;
        lineX = cell.align === 'right' ? x + width - padX - textWidth : x + (width - textWidth) / 2;
      }
      this.text.show(cell.style, cell.size, lineX, baseline, line);
      baseline += lineHeight;
    }
  }
}

/** From the top of a line box to its baseline: the glyphs' extent centred in the line. */
function baselineOffset(lineHeight: number, size: number, metrics: { ascenderEm: number; descenderEm: number }): number {
  return (lineHeight - (metrics.ascenderEm + metrics.descenderEm) * size) / 2 + metrics.ascenderEm * size;
}
