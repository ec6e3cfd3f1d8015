// Program totals kept warm between grid edits. Computing them for a 10 000-activity program
// reads every amount; a single cell edit instead moves its difference up the chain of
// ancestors. The cache knows it is stale when the database changed behind its back: it
// stamps each entry with changeStamp and recomputes when the stamp moved.

import type { NodeKind, Source } from '../../shared/domain';
import type { TreeNode } from '../../shared/programTree';
import { changeStamp } from '../db/changeStamp';
import { statement, type Workspace } from '../db/workspace';
import { addToSummary, computeTotals, programYears, type AmountCell, type ProgramTotals } from './totals';

export interface CellKey {
  nodeId: number;
  year: number;
  source: Source;
  organisationId: number | null;
}

/** How the totals view names a part. */
export interface PartLabel {
  code: string;
  kind: NodeKind;
  title: string;
}

interface Entry {
  stamp: string;
  totals: ProgramTotals;
  parents: Map<number, number | null>;
  /**
   * Read with the tree: a cell edit, which keeps the entry warm, changes no label, and any
   * other write makes the entry stale. Read again for every view, 10 000 labels took 57 ms.
   */
  labels: Map<number, PartLabel>;
}

type CellRow = [nodeId: number, year: number, source: Source, organisationId: number | null, kopecks: number];

/**
 * The program's effective year amounts, read plainly and merged here rather than through the
 * effective_financing view: the view's per-row quarter check costs more than the merge.
 */
function effectiveCellsOf(ws: Workspace, programId: number): AmountCell[] {
  const read = (table: 'financing' | 'quarterly_plan') =>
    statement(
      ws,
      `SELECT f.node_id, f.year, f.source, f.organisation_id, f.kopecks FROM ${table} f JOIN nodes n ON n.id = f.node_id WHERE n.program_id = ?`,
    )
      .raw(true)
      .all(programId) as CellRow[];
  const keyOf = ([nodeId, year, source, organisationId]: CellRow) => `${nodeId}|${year}|${source}|${organisationId ?? ''}`;
  const quarterSums = new Map<string, CellRow>();
  for (const row of read('quarterly_plan')) {
    const key = keyOf(row);
    const sum = quarterSums.get(key);
    if (sum) sum[4] += row[4];
    else quarterSums.set(key, [...row]);
  }
  const cells: AmountCell[] = [];
  const push = ([nodeId, year, source, organisationId, kopecks]: CellRow) => cells.push({ nodeId, year, source, organisationId, kopecks });
  for (const row of read('financing')) if (quarterSums.size === 0 || !quarterSums.has(keyOf(row))) push(row);
  for (const row of quarterSums.values()) push(row);
  return cells;
}

export class TotalsCache {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly ws: Workspace) {}

  get(programId: number): ProgramTotals {
    return this.entryOf(programId).totals;
  }

  /** The totals with the code, kind and title of every part they hold a line for. */
  labelled(programId: number): { totals: ProgramTotals; labels: ReadonlyMap<number, PartLabel> } {
    const { totals, labels } = this.entryOf(programId);
    return { totals, labels };
  }

  private entryOf(programId: number): Entry {
    const entry = this.entries.get(programId);
    return entry && entry.stamp === changeStamp(this.ws) ? entry : this.compute(programId);
  }

  /**
   * After a write that moved no sum (a part's own fields, an indicator): an entry warm before
   * the write stays warm, with the part's label as written when a part was.
   */
  movedNoSum(programId: number, wasWarm: boolean, part?: { id: number } & PartLabel): void {
    const entry = this.entries.get(programId);
    if (!wasWarm || !entry) return;
    if (part) entry.labels.set(part.id, { code: part.code, kind: part.kind, title: part.title });
    entry.stamp = changeStamp(this.ws);
  }

  isWarm(programId: number): boolean {
    return this.entries.get(programId)?.stamp === changeStamp(this.ws);
  }

  private compute(programId: number): Entry {
    const program = statement(this.ws, 'SELECT period_start, period_end FROM programs WHERE id = ?').get(programId) as
      | { period_start: number; period_end: number }
      | undefined;
    const rows = statement(this.ws, 'SELECT id, parent_id, position, code, kind, title FROM nodes WHERE program_id = ?').raw(true).all(programId) as [
      number,
      number | null,
      number,
      string,
      NodeKind,
      string,
    ][];
    const nodes = rows.map(([id, parentId, position]): TreeNode => ({ id, parentId, position }));
    const cells = effectiveCellsOf(this.ws, programId);
    const years = program ? programYears(program.period_start, program.period_end) : [];
    const entry: Entry = {
      stamp: changeStamp(this.ws),
      totals: computeTotals(nodes, cells, years),
      parents: new Map(nodes.map((n) => [n.id, n.parentId])),
      labels: new Map(rows.map(([id, , , code, kind, title]) => [id, { code, kind, title }])),
    };
    this.entries.set(programId, entry);
    return entry;
  }

  /**
   * Moves cells' changes up their ancestors after a write the cache was warm for (checked
   * with isWarm before the write); call it right after, with each cell's effective change.
   */
  applyCellChanges(programId: number, changes: { key: CellKey; delta: number }[], wasWarm: boolean): ProgramTotals {
    const entry = this.entries.get(programId);
    if (!wasWarm || !entry) return this.compute(programId).totals;
    const { totals } = entry;
    // A year the roll-up has no column for changes the shape of everything: recompute.
    if (changes.some(({ key, delta }) => delta !== 0 && !totals.years.includes(key.year))) return this.compute(programId).totals;
    for (const { key, delta } of changes) {
      if (delta === 0) continue;
      const yearIndex = totals.years.indexOf(key.year);
      for (const nodeId of this.chain(entry, key.nodeId)) {
        addToSummary(totals.nodes.get(nodeId)!, yearIndex, key.organisationId, key.source, delta);
      }
      addToSummary(totals.program, yearIndex, key.organisationId, key.source, delta);
    }
    entry.stamp = changeStamp(this.ws);
    return totals;
  }

  /** The part and its ancestors, nearest first (the cache must be warm for the program). */
  ancestorsOf(programId: number, nodeId: number): number[] {
    const entry = this.entries.get(programId);
    return entry ? this.chain(entry, nodeId) : [];
  }

  private chain(entry: Entry, nodeId: number): number[] {
    const ids: number[] = [];
    for (let id: number | null | undefined = nodeId; id != null && entry.totals.nodes.has(id); id = entry.parents.get(id)) ids.push(id);
    return ids;
  }
}
