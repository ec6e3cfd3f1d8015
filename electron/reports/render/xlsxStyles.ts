// The cell formats of a report workbook (xl/styles.xml). A sheet asks for a format by its
// properties and gets the index of a shared cell format; each distinct combination is written
// once, however many cells use it.

import { escapeXml, XML_DECLARATION } from './xml';

export interface CellFormat {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  /** Thin borders on all four sides. */
  border?: boolean;
  horizontal: 'left' | 'center' | 'right' | 'justify';
  vertical: 'top' | 'center';
  wrap?: boolean;
  /** Figures shrink to fit instead of wrapping or showing «###». */
  shrink?: boolean;
  /** A number format code such as '#,##0.00###'; General when absent. */
  numberFormat?: string;
  /** Keeps text such as «=HYPERLINK(…)» text when a user edits the cell. */
  quotePrefix?: boolean;
}

const FONT_NAME = 'Times New Roman';
/** Custom number formats are numbered from 164; lower ids are Excel's built-in ones. */
const FIRST_CUSTOM_FORMAT = 164;

export class XlsxStyles {
  private readonly fonts = new Map<string, number>();
  private readonly numberFormats = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly formatXml: string[] = [];

  /** `defaultSizePt` is the workbook's Normal font: Excel measures column widths in its digits. */
  constructor(defaultSizePt: number) {
    this.font(defaultSizePt, false, false);
    this.formatXml.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  /** Index of the cell format (the `s` attribute of a cell). */
  id(format: CellFormat): number {
    const key = `${format.sizePt}|${format.bold}|${format.italic}|${format.border}|${format.horizontal}|${format.vertical}|${format.wrap}|${format.shrink}|${format.numberFormat}|${format.quotePrefix}`;
    let id = this.formats.get(key);
    if (id === undefined) {
      const fontId = this.font(format.sizePt, format.bold === true, format.italic === true);
      const numFmtId = format.numberFormat === undefined ? 0 : this.numberFormat(format.numberFormat);
      const alignment =
        `<alignment horizontal="${format.horizontal}" vertical="${format.vertical}"` +
        `${format.wrap ? ' wrapText="1"' : ''}${format.shrink ? ' shrinkToFit="1"' : ''}/>`;
      this.formatXml.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${format.border ? 1 : 0}" xfId="0"` +
          ` applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"${format.quotePrefix ? ' quotePrefix="1"' : ''}>` +
          `${alignment}</xf>`,
      );
      id = this.formatXml.length - 1;
      this.formats.set(key, id);
    }
    return id;
  }

  xml(): string {
    const numberFormats = [...this.numberFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      XML_DECLARATION +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numberFormats.length > 0 ? `<numFmts count="${numberFormats.length}">${numberFormats.join('')}</numFmts>` : '') +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.formatXml.length}">${this.formatXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }

  private font(sizePt: number, bold: boolean, italic: boolean): number {
    const key = `${sizePt}|${bold}|${italic}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      // charset 204: Cyrillic, so older Excel versions pick the right code page.
      this.fontXml.push(`<font>${bold ? '<b/>' : ''}${italic ? '<i/>' : ''}<sz val="${sizePt}"/><name val="${FONT_NAME}"/><family val="1"/><charset val="204"/></font>`);
      id = this.fontXml.length - 1;
      this.fonts.set(key, id);
    }
    return id;
  }

  private numberFormat(code: string): number {
    let id = this.numberFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.numberFormats.size;
      this.numberFormats.set(code, id);
    }
    return id;
  }
}
