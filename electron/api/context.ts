// What a handler gets: the open workspace, the program totals kept warm between edits, the
// program last read whole, and the import previews waiting for a commit.

import type { Workspace } from '../db/workspace';
import { ProgramDetailCache } from '../core/programDetailCache';
import { TotalsCache } from '../core/totalsCache';
import { ImportSessions } from '../import/importSession';

export interface HandlerContext {
  readonly ws: Workspace;
  readonly totals: TotalsCache;
  readonly details: ProgramDetailCache;
  readonly imports: ImportSessions;
}

export function createHandlerContext(ws: Workspace): HandlerContext {
  return { ws, totals: new TotalsCache(ws), details: new ProgramDetailCache(ws), imports: new ImportSessions(ws) };
}
