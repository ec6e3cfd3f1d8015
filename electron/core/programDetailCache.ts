// The program as last read whole. Opening a program asks for its detail and its findings at
// once, and both read every amount: for a 10 000-activity program that is most of a second
// each. Kept while the database has not changed (see changeStamp), for one program only, as
// a detail runs to tens of megabytes.

import type { ProgramDetail } from '../../shared/domain';
import { changeStamp } from '../db/changeStamp';
import { loadProgramDetail } from '../db/repositories/programDetail.repository';
import type { Workspace } from '../db/workspace';

export class ProgramDetailCache {
  private last: { programId: number; stamp: string; detail: ProgramDetail } | null = null;

  constructor(private readonly ws: Workspace) {}

  /** The program whole, or null when there is none. Shared between calls: read it, never change it. */
  get(programId: number): ProgramDetail | null {
    const stamp = changeStamp(this.ws);
    if (this.last?.programId === programId && this.last.stamp === stamp) return this.last.detail;
    const detail = loadProgramDetail(this.ws, programId);
    this.last = detail ? { programId, stamp, detail } : null;
    return detail;
  }
}
