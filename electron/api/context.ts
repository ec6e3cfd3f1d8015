// What a handler gets: the open workspace and the program totals kept warm between edits.

import type { Workspace } from '../db/workspace';
import { TotalsCache } from '../core/totalsCache';

export interface HandlerContext {
  readonly ws: Workspace;
  readonly totals: TotalsCache;
}

export function createHandlerContext(ws: Workspace): HandlerContext {
  return { ws, totals: new TotalsCache(ws) };
}
