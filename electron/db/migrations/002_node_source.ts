// Frozen. A part's source of financing as its row prints it. Table 4 prints «Без
// финансирования» on parts that have no amounts at all, so the source cannot live only on
// amount cells; it is also the source a grid offers first for a new amount.

import type { SqliteHandle } from '../sqlite';
import { installJournalTriggers } from './journalTriggers';

export function migrate002(db: SqliteHandle): void {
  db.exec(`ALTER TABLE nodes ADD COLUMN source TEXT CHECK (source IN ('local', 'regional', 'federal', 'offBudget', 'none'))`);
  // Parts that already carry amounts from a single source take it as their own.
  db.exec(`
    UPDATE nodes SET source = (
      SELECT min(f.source) FROM financing f WHERE f.node_id = nodes.id HAVING count(DISTINCT f.source) = 1
    )`);
  installJournalTriggers(db, ['nodes']);
}
