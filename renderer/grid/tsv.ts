// Tab-separated text as Excel and LibreOffice put it on the clipboard: rows end with CRLF (or
// LF), a cell holding a tab, a line break or a leading quote is wrapped in quotes with inner
// quotes doubled, and the block usually ends with one line break that is not a row.

const NEEDS_QUOTES = /[\t\r\n]|^"/;

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A block of cells as the clipboard's text/plain. */
export function formatTsv(block: readonly (readonly string[])[]): string {
  return block.map((row) => row.map(quote).join('\t')).join('\r\n');
}

const isSeparator = (char: string | undefined) => char === '\t' || char === '\n' || char === '\r';

/**
 * The clipboard's text as rows of cells. Rows may differ in length when the text was not
 * written by a spreadsheet; a cell a row does not have is simply not pasted.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const body = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') || text.endsWith('\r') ? text.slice(0, -1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string | undefined;
    if (body[i] === '"') {
      const quoted = readQuoted(body, i);
      if (quoted) {
        value = quoted.value;
        i = quoted.end;
      }
    }
    if (value === undefined) {
      let end = i;
      while (end < body.length && !isSeparator(body[end])) end++;
      value = body.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i >= body.length) {
      rows.push(row);
      return rows;
    }
    if (body[i] === '\t') {
      i += 1;
      continue;
    }
    i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
}

/**
 * A quoted cell starting at `start`, or null when its quotes do not close right before a tab,
 * a line break or the end — then the quote is an ordinary character, as Excel reads it.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      return after === undefined || isSeparator(after) ? { value, end: i + 1 } : null;
    }
    value += char;
    i += 1;
  }
  return null;
}
