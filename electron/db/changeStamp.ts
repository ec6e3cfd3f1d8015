// When the database last changed, for the caches that keep what they read between calls:
// the row changes made through this connection, and the commits made by any other connection
// to the file (an import's worker, another window). Equal stamps, nothing written between.

import { statement, type Workspace } from './workspace';

export function changeStamp(ws: Workspace): string {
  const changes = statement(ws, 'SELECT total_changes() AS n').get() as { n: number };
  return `${changes.n}:${ws.sqlite.pragma('data_version', { simple: true })}`;
}
