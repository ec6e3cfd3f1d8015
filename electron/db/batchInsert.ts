// Many new rows of one table written with multi-row INSERT statements. A whole program is
// 100 000 rows and more; one call into SQLite per row costs more than SQLite's own work for
// it, so rows go a hundred to a statement.

import type { Statement } from 'better-sqlite3';
import { statement, type Workspace } from './workspace';

/** Rows per statement: fewer calls stop paying off past this, and the bound values of the
 *  widest table stay far below SQLite's limit of 32 766. */
const ROWS_PER_STATEMENT = 100;

export class BatchInsert {
  private readonly full: Statement;
  private readonly values: unknown[] = [];

  constructor(
    private readonly ws: Workspace,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.full = statement(ws, this.sql(ROWS_PER_STATEMENT));
  }

  /** One row, its values in the order of the columns. */
  add(...row: unknown[]): void {
    const values = this.values;
    for (const value of row) values.push(value);
    if (values.length === ROWS_PER_STATEMENT * this.columns.length) {
      this.full.run(values);
      values.length = 0;
    }
  }

  /** Writes the rows still waiting; call once, after the last add. */
  finish(): void {
    if (this.values.length === 0) return;
    // The remainder has a size of its own: prepared once here, not kept.
    this.ws.sqlite.prepare(this.sql(this.values.length / this.columns.length)).run(this.values);
    this.values.length = 0;
  }

  private sql(rows: number): string {
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${new Array<string>(rows).fill(row).join(', ')}`;
  }
}
