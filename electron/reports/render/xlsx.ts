// ReportDocument → XLSX, SpreadsheetML written as strings: one sheet holding the title block,
// the paragraphs and the tables as printed. Amounts are numbers in тыс. руб. (so officers can
// add them up), text is always a shared string, never a formula, whatever it starts with.
// exceljs would build an object per cell and serialise them for longer than the whole time
// budget of a 25 000-row Table 4.

import { kopecksToDecimal } from '../../../shared/money';
import { decimalPlaces, isEmphasised, NO_VALUE } from '../reportDocument';
import type { ReportCell, ReportDocument, ReportTable } from '../reportDocument';
import { fontStyle, reportFontMetrics } from './fonts';
import { columnWidths, contentWidthMm, pageGeometry, TEXT_FONT_PT, tableFontPt } from './pageLayout';
import { placeGrid, rowHeights } from './tableGrid';
import type { GridSlot } from './tableGrid';
import { wrapText } from './textMetrics';
import { XlsxStyles } from './xlsxStyles';
import type { CellFormat } from './xlsxStyles';
import { appPropertiesXml, corePropertiesXml, escapeXml, XML_DECLARATION, XmlChunks } from './xml';
import { zip } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PX_PER_MM = 96 / 25.4;
const PT_PER_PX = 0.75;
/** Excel's row height for one line of Times New Roman (12.75 pt at 10 pt), in em. */
const ROW_LINE_EM = 1.275;
/** Room an office suite keeps free on each side of a cell's text. */
const CELL_PADDING_PT = 2;
/** Text Excel would take for a formula (or a DDE command) if a user retyped it. */
const FORMULA_LIKE = /^[=+\-@]./s;

export async function renderXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const sheet = new SheetWriter(doc);
  sheet.write();
  const sheetName = sheetNameOf(doc);
  const printTitles = sheet.headerRows
    ? `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${sheetName.replace(/'/g, "''")}'!$${sheet.headerRows.first}:$${sheet.headerRows.last}</definedName></definedNames>`
    : '';
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zip([
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', PACKAGE_RELATIONSHIPS),
    part('docProps/core.xml', corePropertiesXml(doc.fileTitle)),
    part('docProps/app.xml', appPropertiesXml()),
    part(
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rIdSheet"/></sheets>${printTitles}</workbook>`,
    ),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELATIONSHIPS),
    { name: 'xl/worksheets/sheet1.xml', data: sheet.sheetXml() },
    part('xl/styles.xml', sheet.styles.xml()),
    { name: 'xl/sharedStrings.xml', data: sheet.sharedStringsXml() },
  ]);
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetNameOf(doc: ReportDocument): string {
  const name = (doc.title[0] ?? doc.fileTitle).replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return name === '' ? 'Отчёт' : name;
}

/** Amounts in тыс. руб.: at least `minDecimals`, up to the five a kopeck needs. */
function amountFormat(cell: Extract<ReportCell, { kind: 'amount' }>, kopecks: number): string {
  const minDecimals = cell.minDecimals ?? 2;
  const whole = cell.grouped === false ? '0' : '#,##0';
  if (minDecimals > 0) return `${whole}.${'0'.repeat(minDecimals)}${'#'.repeat(Math.max(0, 5 - minDecimals))}`;
  // With no fixed decimals a format like «0.#####» would print «12,» for whole thousands.
  return kopecks % 100_000 === 0 ? whole : `${whole}.#####`;
}

function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

class SheetWriter {
  readonly styles: XlsxStyles;
  /** The table header (with column numbers) when the sheet holds one table: frozen and printed on every page. */
  headerRows: { first: number; last: number } | undefined;
  private readonly singleTable: boolean;
  private readonly rows = new XmlChunks();
  private readonly merges: string[] = [];
  private readonly strings = new Map<string, number>();
  private readonly stringXml: string[] = [];
  private stringReferences = 0;
  private readonly letters: string[];
  private readonly columnCount: number;
  /** Column widths in Excel's unit (digits of the Normal font), and the text room they give, in points. */
  private readonly widthsChars: number[];
  private readonly widthsPt: number[];
  private readonly metrics = reportFontMetrics();
  private rowNumber = 0;

  constructor(private readonly doc: ReportDocument) {
    // The sheet's columns are those of the widest table; other tables reuse them.
    const tables = doc.blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
    const widest = tables.reduce<ReportTable | undefined>((best, table) => (best && best.columns.length >= table.columns.length ? best : table), undefined);
    const normalPt = widest ? tableFontPt(widest) : TEXT_FONT_PT;
    this.styles = new XlsxStyles(normalPt);
    const totalPx = contentWidthMm(pageGeometry(doc.orientation)) * PX_PER_MM;
    const widthsPx = widest ? columnWidths(widest, totalPx) : [totalPx];
    // Excel's column width: digits of the Normal font (a Times digit is 0.5 em, rounded to
    // whole pixels), plus 5 px of padding. LibreOffice reads the same number as exact digits
    // without the padding, about a tenth narrower; rows are sized for that narrower column.
    const digitPt = normalPt * 0.5;
    const digitPx = Math.round(digitPt / PT_PER_PX);
    this.widthsChars = widthsPx.map((px) => Math.max(1, (px - 5) / digitPx));
    this.widthsPt = this.widthsChars.map((chars) => chars * digitPt);
    this.columnCount = widthsPx.length;
    this.letters = Array.from({ length: this.columnCount }, (_, index) => columnLetters(index));
    // With several tables a frozen header would stay on screen over the wrong one.
    this.singleTable = tables.length === 1;
  }

  write(): void {
    const { doc } = this;
    for (const line of doc.approval ?? []) this.wideRow(line, { sizePt: TEXT_FONT_PT, horizontal: 'right', vertical: 'top' });
    if (doc.approval?.length) this.emptyRow();
    for (const line of doc.title) this.wideRow(line, { sizePt: TEXT_FONT_PT, bold: true, horizontal: 'center', vertical: 'top', wrap: true });
    if (doc.title.length > 0) this.emptyRow();
    for (const block of doc.blocks) {
      if (block.kind === 'paragraph') {
        this.wideRow(block.text, { sizePt: TEXT_FONT_PT, bold: block.bold, italic: block.italic, horizontal: block.align ?? 'left', vertical: 'top', wrap: true });
      } else {
        this.table(block.table);
      }
      this.emptyRow();
    }
  }

  sheetXml(): Buffer {
    const lastCell = `${this.letters[this.columnCount - 1]}${Math.max(1, this.rowNumber)}`;
    const frozen = this.headerRows
      ? `<pane ySplit="${this.headerRows.last}" topLeftCell="A${this.headerRows.last + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${this.headerRows.last + 1}" sqref="A${this.headerRows.last + 1}"/>`
      : '';
    const cols = this.widthsChars.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width.toFixed(2)}" customWidth="1"/>`).join('');
    const { marginMm } = pageGeometry(this.doc.orientation);
    const inches = (mm: number) => (mm / 25.4).toFixed(3);
    const head =
      `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${lastCell}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="12.75"/>' +
      `<cols>${cols}</cols><sheetData>`;
    const tail =
      '</sheetData>' +
      (this.merges.length > 0 ? `<mergeCells count="${this.merges.length}">${this.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '') +
      `<pageMargins left="${inches(marginMm.left)}" right="${inches(marginMm.right)}" top="${inches(marginMm.top)}" bottom="${inches(marginMm.bottom)}" header="0.394" footer="0.394"/>` +
      `<pageSetup paperSize="9" orientation="${this.doc.orientation}" fitToWidth="1" fitToHeight="0"/>` +
      // Page numbers from page 2, centred at the top, as in the DOCX and the PDF.
      '<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;P</oddHeader></headerFooter>' +
      '</worksheet>';
    return Buffer.concat([Buffer.from(head, 'utf8'), this.rows.bytes(), Buffer.from(tail, 'utf8')]);
  }

  sharedStringsXml(): Buffer {
    const chunks = new XmlChunks();
    chunks.push(`${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.stringReferences}" uniqueCount="${this.stringXml.length}">`);
    for (const item of this.stringXml) chunks.push(item);
    chunks.push('</sst>');
    return chunks.bytes();
  }

  private string(text: string): number {
    this.stringReferences++;
    let index = this.strings.get(text);
    if (index === undefined) {
      const escaped = escapeXml(text.replace(/\r\n?/g, '\n'));
      this.stringXml.push(/^\s|\s$/.test(escaped) ? `<si><t xml:space="preserve">${escaped}</t></si>` : `<si><t>${escaped}</t></si>`);
      index = this.stringXml.length - 1;
      this.strings.set(text, index);
    }
    return index;
  }

  private textCell(column: number, text: string, style: number): string {
    return `<c r="${this.letters[column]}${this.rowNumber}" s="${style}" t="s"><v>${this.string(text)}</v></c>`;
  }

  private numberCell(column: number, value: string, style: number): string {
    return `<c r="${this.letters[column]}${this.rowNumber}" s="${style}"><v>${value}</v></c>`;
  }

  private blankCell(column: number, style: number): string {
    return `<c r="${this.letters[column]}${this.rowNumber}" s="${style}"/>`;
  }

  private startRow(heightPt: number | undefined): void {
    this.rowNumber++;
    this.rows.push(heightPt === undefined ? `<row r="${this.rowNumber}">` : `<row r="${this.rowNumber}" ht="${heightPt.toFixed(2)}" customHeight="1">`);
  }

  private emptyRow(): void {
    this.startRow(undefined);
    this.rows.push('</row>');
  }

  private merge(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): void {
    this.merges.push(`${this.letters[firstColumn]}${firstRow}:${this.letters[lastColumn]}${lastRow}`);
  }

  private widthPt(column: number, colSpan: number): number {
    let sum = 0;
    for (let c = column; c < column + colSpan; c++) sum += this.widthsPt[c];
    return sum;
  }

  /** Height that fits `text` wrapped in the given columns; Excel does not fit merged cells itself. */
  private textHeight(text: string, column: number, colSpan: number, format: Pick<CellFormat, 'sizePt' | 'bold' | 'italic'>): number {
    const widthEm = (this.widthPt(column, colSpan) - 2 * CELL_PADDING_PT) / format.sizePt;
    const lines = wrapText(text, widthEm, this.metrics[fontStyle(format.bold, format.italic)]).length;
    return lines * ROW_LINE_EM * format.sizePt + 2;
  }

  /** A line of text across the whole sheet width: the title block and paragraphs. */
  private wideRow(text: string, format: CellFormat): void {
    this.startRow(this.textHeight(text, 0, this.columnCount, format));
    this.rows.push(this.textCell(0, text, this.styles.id(format)));
    if (this.columnCount > 1) this.merge(0, this.rowNumber, this.columnCount - 1, this.rowNumber);
    this.rows.push('</row>');
  }

  private table(table: ReportTable): void {
    const columnCount = table.columns.length;
    const pt = tableFontPt(table);
    const oneLine = ROW_LINE_EM * pt + 2;
    const header = placeGrid(table.header, table.columns.length, 'Шапка таблицы');
    const headerFormat: CellFormat = { sizePt: pt, border: true, horizontal: 'center', vertical: 'center', wrap: true };
    const headerStyle = this.styles.id(headerFormat);
    const headerHeights = rowHeights(header, oneLine, ({ cell, column, colSpan }) => this.textHeight(cell.text, column, colSpan, headerFormat));
    const firstHeaderRow = this.rowNumber + 1;

    header.forEach((slots, row) => {
      this.startRow(headerHeights[row]);
      for (const { placed, starts } of slots) {
        for (let column = placed.column; column < placed.column + placed.colSpan; column++) {
          this.rows.push(starts && column === placed.column ? this.textCell(column, placed.cell.text, headerStyle) : this.blankCell(column, headerStyle));
        }
        if (starts && (placed.colSpan > 1 || placed.rowSpan > 1)) {
          this.merge(placed.column, this.rowNumber, placed.column + placed.colSpan - 1, this.rowNumber + placed.rowSpan - 1);
        }
      }
      this.rows.push('</row>');
    });
    if (table.columnNumbers) {
      this.startRow(oneLine);
      for (let column = 0; column < columnCount; column++) this.rows.push(this.numberCell(column, String(column + 1), headerStyle));
      this.rows.push('</row>');
    }
    if (this.singleTable) this.headerRows = { first: firstHeaderRow, last: this.rowNumber };

    const body = placeGrid(
      table.rows.map((row) => row.cells),
      table.columns.length,
      'Таблица',
    );
    const styleOf = new Map<GridSlot<ReportCell>['placed'], number>();
    const heights = rowHeights(body, oneLine, ({ cell, row, column, colSpan }) => {
      if (cell.kind !== 'text') return oneLine;
      const emphasised = isEmphasised(table.rows[row]);
      return this.textHeight(cell.text, column, colSpan, { sizePt: pt, bold: emphasised || cell.bold, italic: cell.italic });
    });
    // Formats by a short key: building a full CellFormat for each of 375 000 cells costs more than writing them.
    const formatIds = new Map<string, number>();
    const formatId = (key: string, format: () => CellFormat) => {
      let id = formatIds.get(key);
      if (id === undefined) {
        id = this.styles.id(format());
        formatIds.set(key, id);
      }
      return id;
    };
    body.forEach((slots, row) => {
      const emphasised = isEmphasised(table.rows[row]);
      this.startRow(heights[row]);
      for (const { placed, starts } of slots) {
        const { cell, column, colSpan, rowSpan } = placed;
        let style = styleOf.get(placed);
        let first = '';
        if (starts) {
          const align = (cell.kind === 'text' ? cell.align : undefined) ?? table.columns[column].align;
          const base = (): CellFormat => ({ sizePt: pt, bold: emphasised, border: true, horizontal: align, vertical: 'top' });
          if (cell.kind === 'text') {
            const bold = emphasised || cell.bold === true;
            const italic = cell.italic === true;
            const formulaLike = FORMULA_LIKE.test(cell.text);
            style = formatId(`t${align}${bold}${italic}${formulaLike}`, () => ({ ...base(), bold, italic, wrap: true, quotePrefix: formulaLike }));
            first = this.textCell(column, cell.text, style);
          } else if (cell.kind === 'amount' && cell.kopecks !== null) {
            const numberFormat = amountFormat(cell, cell.kopecks);
            style = formatId(`a${align}${emphasised}${numberFormat}`, () => ({ ...base(), shrink: true, numberFormat }));
            // The exact decimal from the kopecks: no floating-point digits in the file.
            first = this.numberCell(column, kopecksToDecimal(cell.kopecks), style);
          } else if (cell.kind === 'number' && cell.value !== null) {
            const decimals = decimalPlaces(cell.value);
            style = formatId(`n${align}${emphasised}${decimals}`, () => ({ ...base(), shrink: true, numberFormat: decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}` }));
            first = this.numberCell(column, cell.value, style);
          } else {
            style = formatId(`-${align}${emphasised}`, base);
            first = this.textCell(column, NO_VALUE, style);
          }
          if (rowSpan > 1) styleOf.set(placed, style);
          if (colSpan > 1 || rowSpan > 1) this.merge(column, this.rowNumber, column + colSpan - 1, this.rowNumber + rowSpan - 1);
        }
        // Cells inside a merged range carry its style, or Excel leaves gaps in the borders.
        for (let c = column; c < column + colSpan; c++) {
          this.rows.push(c === column && starts ? first : this.blankCell(c, style!));
        }
      }
      this.rows.push('</row>');
    });
  }
}

const CONTENT_TYPES =
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELATIONSHIPS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const WORKBOOK_RELATIONSHIPS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdSheet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
  '</Relationships>';
