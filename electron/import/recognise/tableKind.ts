// A kind of table Munplan can read: how well a header fits it, and how to read its rows into
// the draft. Each kind lives in its own file under kinds/.

import type { RawTable } from '../readers/rawTable';
import type { ImportDraft } from '../importDraft';
import type { TableHeader } from './tableHeader';

export interface TableContext {
  table: RawTable;
  header: TableHeader;
  draft: ImportDraft;
  /** Title lines above the table: the docx caption or the xlsx rows above the header. */
  titleLines: string[];
}

export interface TableKind {
  kind: string;
  /** Russian name the preview shows: «Таблица 4: ресурсное обеспечение». */
  label: string;
  /** 0…1: how much of what this kind expects the header has. */
  score(header: TableHeader, titleLines: string[]): number;
  read(context: TableContext): void;
}
