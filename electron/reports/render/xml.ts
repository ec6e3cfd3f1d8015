// XML pieces shared by the two OOXML writers, docx.ts and xlsx.ts.

// Control characters other than tab, newline and carriage return are not allowed in XML 1.0
// at all (not even escaped): a stray one pasted from another program would make Word refuse
// the whole file, so they are dropped.
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe for element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(/[&<>"]/g, (char) => ESCAPES[char]);
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** docProps/core.xml of a DOCX or XLSX: the title Word and Excel show in the file's properties. */
export function corePropertiesXml(title: string): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Munplan</dc:creator><dc:language>ru-RU</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml naming the application that wrote the file. */
export function appPropertiesXml(): string {
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Application>Munplan</Application></Properties>'
  );
}

/**
 * Collects a large XML part as UTF-8 chunks. Joining millions of small strings into one and
 * encoding that at the end costs more in garbage collection than the writing itself.
 */
export class XmlChunks {
  private parts: string[] = [];
  private length = 0;
  private readonly chunks: Buffer[] = [];

  push(xml: string): void {
    this.parts.push(xml);
    this.length += xml.length;
    if (this.length >= 1 << 20) this.flush();
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    this.chunks.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.length = 0;
  }
}
