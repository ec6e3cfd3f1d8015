// Program totals kept warm between grid edits. Computing them for a 10 000-activity program
// reads every amount; a single cell edit instead moves its difference up the chain of
// ancestors. The cache knows it is stale when the database changed behind its back: it
// stamps each entry with SQLite's change counters and recomputes when they moved.

import type { Source } from '../../shared/domain';
import type { TreeNode } from '../../shared/programTree';
import { statement, type Workspace } from '../db/workspace';
import { computeTotals, programYears, type Breakdown, type ProgramTotals } from './totals';

export interface CellKey {
  nodeId: number;
  year: number;
  source: Source;
  organisationId: number | null;
}

interface Entry {
  stamp: string;
  totals: ProgramTotals;
  parents: Map<number, number | null>;
}

function addTo(breakdown: Breakdown, year: number, delta: number): void {
  breakdown.years.set(year, (breakdown.years.get(year) ?? 0) + delta);
  breakdown.total += delta;
}

export class TotalsCache {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly ws: Workspace) {}

  /** Changes made through this connection, plus commits by any other connection to the file. */
  private stamp(): string {
    const changes = statement(this.ws, 'SELECT total_changes() AS n').get() as { n: number };
    return `${changes.n}:${this.ws.sqlite.pragma('data_version', { simple: true })}`;
  }

  get(programId: number): ProgramTotals {
    const entry = this.entries.get(programId);
    if (entry && entry.stamp === this.stamp()) return entry.totals;
    return this.compute(programId).totals;
  }

  isWarm(programId: number): boolean {
    return this.entries.get(programId)?.stamp === this.stamp();
  }

  private compute(programId: number): Entry {
    const program = statement(this.ws, 'SELECT period_start, period_end FROM programs WHERE id = ?').get(programId) as
      | { period_start: number; period_end: number }
      | undefined;
    const nodes = (
      statement(this.ws, 'SELECT id, parent_id, position FROM nodes WHERE program_id = ?').raw(true).all(programId) as [number, number | null, number][]
    ).map(([id, parentId, position]): TreeNode => ({ id, parentId, position }));
    const cells = (
      statement(
        this.ws,
        `SELECT e.node_id, e.year, e.source, e.organisation_id, e.kopecks
         FROM effective_financing e JOIN nodes n ON n.id = e.node_id WHERE n.program_id = ?`,
      )
        .raw(true)
        .all(programId) as [number, number, Source, number | null, number][]
    ).map(([nodeId, year, source, organisationId, kopecks]) => ({ nodeId, year, source, organisationId, kopecks }));
    const years = program ? programYears(program.period_start, program.period_end) : [];
    const entry: Entry = {
      stamp: this.stamp(),
      totals: computeTotals(nodes, cells, years),
      parents: new Map(nodes.map((n) => [n.id, n.parentId])),
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
    for (const { key, delta } of changes) {
      if (delta === 0) continue;
      for (const nodeId of this.chain(entry, key.nodeId)) this.addCell(totals.nodes.get(nodeId)!, key, delta);
      this.addCell(totals.program, key, delta);
      if (!totals.years.includes(key.year)) totals.years = [...totals.years, key.year].sort((a, b) => a - b);
    }
    entry.stamp = this.stamp();
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

  private addCell(target: ProgramTotals['program'], key: CellKey, delta: number): void {
    addTo(target, key.year, delta);
    let executor = target.byExecutor.find((e) => e.organisationId === key.organisationId);
    if (!executor) target.byExecutor.push((executor = { organisationId: key.organisationId, years: new Map(), total: 0 }));
    addTo(executor, key.year, delta);
    let source = target.bySource.find((s) => s.source === key.source);
    if (!source) target.bySource.push((source = { source: key.source, years: new Map(), total: 0 }));
    addTo(source, key.year, delta);
  }
}
