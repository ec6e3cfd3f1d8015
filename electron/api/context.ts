// What a handler gets: the open workspace, the program totals kept warm between edits, and
// the import previews waiting for a commit.

import type { Workspace } from '../db/workspace';
import { TotalsCache } from '../core/totalsCache';
import { ImportSessions } from '../import/importSession';

export interface HandlerContext {
  readonly ws: Workspace;
  readonly totals: TotalsCache;
  readonly imports: ImportSessions;
}

export function createHandlerContext(ws: Workspace): HandlerContext {
  return { ws, totals: new TotalsCache(ws), imports: new ImportSessions(ws) };
}
