// ReportDocument → DOCX, WordprocessingML written as strings. The `docx` package builds an
// object per run, paragraph and cell; for Table 4 with 10 000 activities (≈ 375 000 cells) that
// alone takes longer than the whole time budget. Elements inside *Pr follow the schema's order:
// Word refuses a file otherwise.

import { cellText, isEmphasised } from '../reportDocument';
import type { CellAlign, ReportDocument, ReportTable } from '../reportDocument';
import { fontStyle, reportFontMetrics } from './fonts';
import { columnWidths, contentWidthMm, pageGeometry, TEXT_FONT_PT, tableFontPt } from './pageLayout';
import { boundToNextRow, placeGrid, rowHeights } from './tableGrid';
import type { GridSlot } from './tableGrid';
import { LINE_HEIGHT_EM, wrapText } from './textMetrics';
import { appPropertiesXml, corePropertiesXml, escapeXml, XML_DECLARATION, XmlChunks } from './xml';
import { zip } from './zip';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TWIPS_PER_MM = 1440 / 25.4;
const TWIPS_PER_PT = 20;
const FONT = 'Times New Roman';
/** Space under the approval block and the title (12 pt), under a paragraph or table (6 pt), in twips. */
const BLOCK_GAP = 240;
const PARAGRAPH_GAP = 120;
/** Cell padding left and right (1 mm): Word's default 1.9 mm wastes a fifteen-column table's width. */
const CELL_MARGIN = 57;
/**
 * Rows are kept whole on a page (cantSplit) unless a cell holds this much text: Word cuts off,
 * rather than breaks, an unsplittable row taller than a page.
 */
const UNSPLITTABLE_TEXT_LIMIT = 400;

const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

type Alignment = CellAlign | 'justify';
const JC: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };
const ALIGN_LETTER: Record<CellAlign, string> = { left: 'L', center: 'C', right: 'R' };

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const tableWidth = twips(contentWidthMm(pageGeometry(doc.orientation)));
  const body = new XmlChunks();
  const tableSizes = new Set<number>();
  body.push(`${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`);

  (doc.approval ?? []).forEach((line, index, lines) => {
    body.push(paragraph(line, { align: 'right', spaceAfter: index === lines.length - 1 ? BLOCK_GAP : 0 }));
  });
  doc.title.forEach((line, index, lines) => {
    body.push(paragraph(line, { align: 'center', bold: true, keepNext: true, spaceAfter: index === lines.length - 1 ? BLOCK_GAP : 0 }));
  });
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      body.push(paragraph(block.text, { align: block.align ?? 'left', bold: block.bold, italic: block.italic, spaceAfter: PARAGRAPH_GAP }));
    } else {
      tableSizes.add(tableFontPt(block.table));
      writeTable(body, block.table, tableWidth);
      // Word glues two adjacent tables into one, and a body must not end in a table.
      body.push(GAP_PARAGRAPH);
    }
  }
  body.push(`${sectionProperties(doc)}</w:body></w:document>`);

  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml, 'utf8') });
  return zip([
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', PACKAGE_RELATIONSHIPS),
    part('docProps/core.xml', corePropertiesXml(doc.fileTitle)),
    part('docProps/app.xml', appPropertiesXml()),
    part('word/_rels/document.xml.rels', DOCUMENT_RELATIONSHIPS),
    { name: 'word/document.xml', data: body.bytes() },
    part('word/styles.xml', stylesXml(tableSizes)),
    part('word/settings.xml', SETTINGS),
    part('word/header1.xml', headerXml(PAGE_NUMBER_PARAGRAPH)),
    part('word/header2.xml', headerXml('<w:p/>')),
  ]);
}

function sectionProperties(doc: ReportDocument): string {
  const geometry = pageGeometry(doc.orientation);
  const { marginMm } = geometry;
  const orient = doc.orientation === 'landscape' ? ' w:orient="landscape"' : '';
  // The first page gets its own, empty header (titlePg): page numbers start on page 2.
  return (
    '<w:sectPr>' +
    '<w:headerReference w:type="default" r:id="rIdHeaderNumbered"/>' +
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    `<w:pgSz w:w="${twips(geometry.widthMm)}" w:h="${twips(geometry.heightMm)}"${orient}/>` +
    `<w:pgMar w:top="${twips(marginMm.top)}" w:right="${twips(marginMm.right)}" w:bottom="${twips(marginMm.bottom)}"` +
    ` w:left="${twips(marginMm.left)}" w:header="${twips(geometry.pageNumberMm)}" w:footer="${twips(geometry.pageNumberMm)}" w:gutter="0"/>` +
    '<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>'
  );
}

interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  /** Font size in half-points when it differs from the paragraph's. */
  halfPoints?: number;
}

interface ParagraphOptions extends RunFormat {
  align: Alignment;
  keepNext?: boolean;
  spaceAfter?: number;
}

function paragraph(text: string, options: ParagraphOptions): string {
  const keepNext = options.keepNext ? '<w:keepNext/>' : '';
  const spacing = options.spaceAfter ? `<w:spacing w:after="${options.spaceAfter}"/>` : '';
  return `<w:p><w:pPr>${keepNext}${spacing}<w:jc w:val="${JC[options.align]}"/></w:pPr>${runs(text, options)}</w:p>`;
}

/** A 2-pt empty paragraph with a 6-pt gap under it, after each table. */
const GAP_PARAGRAPH = `<w:p><w:pPr><w:spacing w:after="${PARAGRAPH_GAP}"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>`;

// Word drops leading, trailing and doubled spaces unless told to keep them (xml:space).
const NEEDS_SPACE_PRESERVED = /^\s|\s$|\s\s/;
const LINE_BREAKS_OR_TABS = /[\r\n\t]/;

function runs(text: string, format: RunFormat = {}): string {
  if (text === '') return '';
  const { bold, italic, halfPoints } = format;
  const rPr =
    bold || italic || halfPoints
      ? `<w:rPr>${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}${halfPoints ? `<w:sz w:val="${halfPoints}"/>` : ''}</w:rPr>`
      : '';
  const escaped = escapeXml(text);
  if (!LINE_BREAKS_OR_TABS.test(escaped) && !NEEDS_SPACE_PRESERVED.test(escaped)) return `<w:r>${rPr}<w:t>${escaped}</w:t></w:r>`;
  const lines = escaped.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
  const texts = lines.map((line) => (NEEDS_SPACE_PRESERVED.test(line) ? `<w:t xml:space="preserve">${line}</w:t>` : `<w:t>${line}</w:t>`));
  return `<w:r>${rPr}${texts.join('<w:br/>')}</w:r>`;
}

function writeTable(out: XmlChunks, table: ReportTable, tableWidth: number): void {
  const metrics = reportFontMetrics();
  const widths = columnWidths(table, tableWidth, Math.round);
  const pt = tableFontPt(table);
  const header = placeGrid(table.header, table.columns.length, 'Шапка таблицы');
  const body = placeGrid(
    table.rows.map((row) => row.cells),
    table.columns.length,
    'Таблица',
  );
  const bound = boundToNextRow(body, (row) => table.rows[row].keepWithNext === true);
  const cellWidth = (column: number, colSpan: number) => {
    let sum = 0;
    for (let c = column; c < column + colSpan; c++) sum += widths[c];
    return sum;
  };
  /** Room for text inside a cell, in em of the table's font. */
  const textWidthEm = (column: number, colSpan: number) => (cellWidth(column, colSpan) - 2 * CELL_MARGIN) / (pt * TWIPS_PER_PT);

  // tcPr depends only on the slot's shape; 375 000 cells share a few dozen variants.
  const tcPrCache = new Map<number, string>();
  const VMERGE = { none: 0, restart: 1, continue: 2 };
  const tcPr = (column: number, colSpan: number, vMerge: keyof typeof VMERGE, centred: boolean) => {
    const key = ((column * 1024 + colSpan) * 3 + VMERGE[vMerge]) * 2 + (centred ? 1 : 0);
    let xml = tcPrCache.get(key);
    if (xml === undefined) {
      xml =
        `<w:tcPr><w:tcW w:w="${cellWidth(column, colSpan)}" w:type="dxa"/>` +
        (colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : '') +
        (vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : '') +
        (centred ? '<w:vAlign w:val="center"/>' : '') +
        '</w:tcPr>';
      tcPrCache.set(key, xml);
    }
    return xml;
  };
  const cellStyles: Record<CellAlign, string> = { left: cellStyleId(pt, 'left'), center: cellStyleId(pt, 'center'), right: cellStyleId(pt, 'right') };
  const slotTcPr = ({ placed, starts }: GridSlot<unknown>, centred: boolean) =>
    tcPr(placed.column, placed.colSpan, placed.rowSpan === 1 ? 'none' : starts ? 'restart' : 'continue', centred);
  const cellParagraph = (text: string, align: CellAlign, keepNext: boolean, format?: RunFormat) =>
    `<w:p><w:pPr><w:pStyle w:val="${cellStyles[align]}"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr>${runs(text, format)}</w:p>`;

  out.push(
    '<w:tbl><w:tblPr>' +
      `<w:tblW w:w="${tableWidth}" w:type="dxa"/>` +
      '<w:tblBorders>' +
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
      '</w:tblBorders>' +
      '<w:tblLayout w:type="fixed"/>' +
      `<w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>` +
      '</w:tblPr>' +
      `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`,
  );

  // Header and column numbers: tblHeader repeats them at the top of every page. LibreOffice
  // clips a merged header cell in the repeated copies unless the rows it spans are tall enough
  // by themselves, so the header rows get explicit minimum heights.
  const lineTwips = LINE_HEIGHT_EM * pt * TWIPS_PER_PT;
  const headerHeights = rowHeights(header, lineTwips, ({ cell, column, colSpan }) => wrapText(cell.text, textWidthEm(column, colSpan), metrics.regular).length * lineTwips);
  // keepNext in the header cells keeps the header on the page of the first body row.
  const headerRowStart = (height: number) => `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${Math.ceil(height)}" w:hRule="atLeast"/><w:tblHeader/></w:trPr>`;
  header.forEach((slots, row) => {
    out.push(headerRowStart(headerHeights[row]));
    for (const slot of slots) {
      const text = slot.starts ? slot.placed.cell.text : '';
      out.push(`<w:tc>${slotTcPr(slot, true)}${cellParagraph(text, 'center', true)}</w:tc>`);
    }
    out.push('</w:tr>');
  });
  if (table.columnNumbers) {
    out.push(headerRowStart(lineTwips));
    widths.forEach((_, column) => {
      out.push(`<w:tc>${tcPr(column, 1, 'none', true)}${cellParagraph(String(column + 1), 'center', true)}</w:tc>`);
    });
    out.push('</w:tr>');
  }

  body.forEach((slots, rowIndex) => {
    const emphasised = isEmphasised(table.rows[rowIndex]);
    const keepNext = bound[rowIndex];
    const texts = slots.map((slot) => (slot.starts ? cellText(slot.placed.cell) : ''));
    const splittable = texts.some((text) => text.length > UNSPLITTABLE_TEXT_LIMIT);
    let row = splittable ? '<w:tr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    slots.forEach((slot, index) => {
      if (!slot.starts) {
        row += `<w:tc>${slotTcPr(slot, false)}${cellParagraph('', 'left', keepNext)}</w:tc>`;
        return;
      }
      const { cell, column, colSpan } = slot.placed;
      const text = texts[index];
      let format: RunFormat;
      if (cell.kind === 'text') {
        format = { bold: emphasised || cell.bold, italic: cell.italic };
      } else {
        // A figure wider than its column gets a smaller font rather than a line break inside the number.
        const overflow = metrics[fontStyle(emphasised, false)].textEm(text) / textWidthEm(column, colSpan);
        format = { bold: emphasised, halfPoints: overflow > 1 ? Math.max(10, Math.floor((2 * pt) / overflow)) : undefined };
      }
      const align = (cell.kind === 'text' ? cell.align : undefined) ?? table.columns[column].align;
      row += `<w:tc>${slotTcPr(slot, false)}${cellParagraph(text, align, keepNext, format)}</w:tc>`;
    });
    out.push(`${row}</w:tr>`);
  });
  out.push('</w:tbl>');
}

function cellStyleId(pt: number, align: CellAlign): string {
  return `Cell${pt}${ALIGN_LETTER[align]}`;
}

/** Document defaults (Times New Roman 12 pt, Russian) and a cell style per table size and alignment. */
function stylesXml(tableSizes: Set<number>): string {
  const cellStyles = [...tableSizes].flatMap((pt) =>
    (['left', 'center', 'right'] as const).map(
      (align) =>
        `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${cellStyleId(pt, align)}">` +
        `<w:name w:val="Report cell ${pt} ${align}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
        `<w:pPr><w:jc w:val="${JC[align]}"/></w:pPr><w:rPr><w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/></w:rPr></w:style>`,
    ),
  );
  const size = TEXT_FONT_PT * 2;
  return (
    XML_DECLARATION +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/>` +
    '</w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>' +
    '<w:pPr><w:jc w:val="center"/></w:pPr></w:style>' +
    cellStyles.join('') +
    '</w:styles>'
  );
}

const PAGE_NUMBER_PARAGRAPH =
  '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>' +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:t>2</w:t></w:r>' +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';

function headerXml(content: string): string {
  return `${XML_DECLARATION}<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content}</w:hdr>`;
}

const SETTINGS =
  XML_DECLARATION +
  `<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

const CONTENT_TYPES =
  XML_DECLARATION +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const PACKAGE_RELATIONSHIPS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const DOCUMENT_RELATIONSHIPS =
  XML_DECLARATION +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdHeaderNumbered" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
  '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
  '</Relationships>';
