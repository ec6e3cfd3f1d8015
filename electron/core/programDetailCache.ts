// The program as last read whole. Opening a program asks for its detail and its findings at
// once, and both read every amount: for a 10 000-activity program that is most of a second
// each. Kept while the database has not changed (see changeStamp), for one program only, as
// a detail runs to tens of megabytes.

import type { Indicator, ProgramDetail, ProgramNode } from '../../shared/domain';
import { changeStamp } from '../db/changeStamp';
import { loadProgramDetail } from '../db/repositories/programDetail.repository';
import { getProgram } from '../db/repositories/programs.repository';
import type { Workspace } from '../db/workspace';

const sameExecutors = (a: ProgramNode['executors'], b: ProgramNode['executors']) =>
  a.length === b.length && a.every((executor, i) => executor.organisationId === b[i].organisationId && executor.label === b[i].label);

export class ProgramDetailCache {
  private last: { programId: number; stamp: string; detail: ProgramDetail } | null = null;

  constructor(private readonly ws: Workspace) {}

  /** Whether the program is cached as it is now; asked before a write that can patch it. */
  isCurrent(programId: number): boolean {
    return this.last?.programId === programId && this.last.stamp === changeStamp(this.ws);
  }

  /**
   * After nodes/update wrote a part's own fields, the detail current before the write takes
   * the part as read back, instead of being read whole again: findings/list after every typed
   * title read 10 000 activities anew, 1.2–1.6 s of the main process. Left to a reload when the
   * write may have reached further: other executors (the detail lists the organisations its
   * parts name).
   */
  partUpdated(programId: number, part: ProgramNode, wasCurrent: boolean): void {
    this.patch(programId, wasCurrent, (detail) => {
      const index = detail.nodes.findIndex((node) => node.id === part.id);
      if (index < 0 || !sameExecutors(detail.nodes[index].executors, part.executors)) return null;
      const nodes = detail.nodes.slice();
      nodes[index] = part;
      return { ...detail, nodes };
    });
  }

  /** After indicators/update or set-values, as partUpdated: the indicator as read back. */
  indicatorUpdated(programId: number, indicator: Indicator, wasCurrent: boolean): void {
    this.patch(programId, wasCurrent, (detail) => {
      const index = detail.indicators.findIndex((other) => other.id === indicator.id);
      if (index < 0) return null;
      const indicators = detail.indicators.slice();
      indicators[index] = indicator;
      return { ...detail, indicators };
    });
  }

  /**
   * The cached detail, current before a write, made current after it by `change` and the
   * program row read back (every edit touches it); null from `change` leaves it to a reload,
   * as does an open amendment, whose targets the write may have added to.
   */
  private patch(programId: number, wasCurrent: boolean, change: (detail: ProgramDetail) => ProgramDetail | null): void {
    const last = this.last;
    if (!wasCurrent || last?.programId !== programId) return;
    if (last.detail.amendments.some((amendment) => amendment.status === 'open')) return;
    const changed = change(last.detail);
    const program = getProgram(this.ws, programId);
    if (!changed || !program) return;
    this.last = { programId, stamp: changeStamp(this.ws), detail: { ...changed, program } };
  }

  /** The program whole, or null when there is none. Shared between calls: read it, never change it. */
  get(programId: number): ProgramDetail | null {
    const stamp = changeStamp(this.ws);
    if (this.last?.programId === programId && this.last.stamp === stamp) return this.last.detail;
    const detail = loadProgramDetail(this.ws, programId);
    this.last = detail ? { programId, stamp, detail } : null;
    return detail;
  }
}
