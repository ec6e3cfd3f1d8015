// Fixed limits for reading an imported file. Officers import templates that the region sends
// down; such a file is untrusted, so every reader stops as soon as one of these is passed and
// the import is refused with a clear message. The largest real file we must accept is a
// 10 500-row, 0.8 MB .xlsx (about 6 MB of sheet XML, ~130 000 cells): each limit leaves it an
// order of magnitude of room while keeping the main process far from running out of memory.

const MEGABYTE = 1024 * 1024;

export const LIMITS = Object.freeze({
  /** Size of the file as given. A template with tables is a few megabytes at most; 50 MB
   *  leaves room for pictures embedded in a .docx. Checked before anything is parsed. */
  maxFileBytes: 50 * MEGABYTE,

  /** Entries in a .docx/.xlsx archive. Real ones have 10–300 (a part per sheet, picture,
   *  style); tens of thousands only serve to make the central directory expensive to walk. */
  maxZipEntries: 10_000,

  /** Sum of the unpacked sizes of all archive entries, declared and actually inflated.
   *  Four times the file limit, twenty times the largest real template. */
  maxTotalUncompressedBytes: 200 * MEGABYTE,

  /** Unpacked size of one entry, which is held whole while its XML is read. A 200 000-row
   *  sheet is about 100 MB of XML, and the row and cell limits below stop anything larger
   *  anyway. */
  maxEntryUncompressedBytes: 100 * MEGABYTE,

  /** Unpacked bytes per packed byte of one entry. Office XML packs 5–15 times (even a sheet of
   *  nothing but styled empty cells stays under 10); a zip bomb packs ~1000 times. Checked on
   *  the declared sizes before inflating and, because a forged archive can declare anything,
   *  on the bytes actually inflated from ever longer beginnings of the entry. */
  maxCompressionRatio: 100,

  /** Entries smaller than this are exempt from the ratio check: a tiny, very repetitive part
   *  (a rels file, an empty sheet) legitimately packs well, and cannot hurt at this size. */
  compressionRatioGraceBytes: 1 * MEGABYTE,

  /** Rows of one table (a sheet, a Word table, a CSV file): 19 times the largest real one. */
  maxRows: 200_000,

  /** Columns of one table. Officers' forms have 5–40; Excel allows 16 384, which is only
   *  reachable by accident or on purpose. */
  maxColumns: 1_024,

  /** Grid cells (rows × columns after merges are expanded) of all tables of one file
   *  together; also bounds the number of shared strings of a workbook, which a real book never
   *  has more of than cells. Each cell is a small object: 2 million are about 200 MB. */
  maxCells: 2_000_000,

  /** Tables in one file: Word tables or worksheets. A whole municipal program has a few
   *  dozen. */
  maxTables: 1_000,

  /** Cell styles of a workbook, and number formats it defines: Excel itself allows 64 000.
   *  Each is kept while the sheets are read. */
  maxCellStyles: 65_536,

  /** Nesting of XML elements. Word documents reach ~30 levels (a table in a table adds
   *  about six); the parser keeps every open element, so millions of nested tags — a few
   *  megabytes packed within the ratio limit — would otherwise take gigabytes. */
  maxXmlDepth: 256,

  /** Attributes of one XML element. Office writes at most a few dozen; the parser holds all
   *  of them until the tag ends, so one tag with millions is refused the same way. */
  maxXmlAttributes: 1_000,
});

/** A limit in bytes as a person reads it: «200 МБ». */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MEGABYTE)} МБ`;
}
