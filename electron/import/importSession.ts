// Import in two steps. The preview measures what the import will do: a new program on the
// draft itself; a merge into an existing program by writing it inside a transaction that is
// then rolled back, so what it reports (matched, changed, findings) comes from the real store,
// not a guess. The commit writes the same draft with the same code, for real, in one edit.

import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportResult } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/errors';
import type { ProgramDetail } from '../../shared/domain';
import { compareEditions } from '../core/editionDiff';
import { programFindings } from '../core/findings';
import { computeTotals, programYears } from '../core/totals';
import { effectiveCells } from '../core/editionDiff';
import { insertProgramDetail, loadProgramDetail } from '../db/repositories/programDetail.repository';
import { inEdit } from '../db/journal';
import type { Workspace } from '../db/workspace';
import { analyseFile } from './analyseFile';
import { ImportFileError } from './readers/importFileError';
import { mergeIntoProgram } from './mergeProgram';
import type { ImportDraft } from './importDraft';

interface PendingImport {
  file: string;
  draft: ImportDraft;
  detail: ProgramDetail;
  targetProgramId: number | null;
}

/** Previews kept for a commit; the oldest is forgotten past this many. */
const KEPT_PREVIEWS = 5;

class RollBack extends Error {}

function counts(detail: ProgramDetail) {
  return {
    programs: 1,
    nodes: detail.nodes.length,
    indicators: detail.indicators.length,
    amounts: detail.financing.length + detail.quarterly.length,
    statedTotals: detail.statedTotals.length,
    budget: detail.budget.length,
    organisations: detail.organisations.length,
    amendments: detail.amendments.length,
  };
}

/**
 * Fix (Table 2/3 work): what an import creates, the same in the preview and the commit — into
 * an existing program the parts and indicators it matched are not created (the commit used to
 * report every part of the file as created).
 */
function createdCounts(detail: ProgramDetail, written: { matchedNodes: number; matchedIndicators: number }, intoExisting: boolean) {
  if (!intoExisting) return counts(detail);
  return { ...counts(detail), programs: 0, nodes: detail.nodes.length - written.matchedNodes, indicators: detail.indicators.length - written.matchedIndicators };
}

function write(ws: Workspace, pending: PendingImport): { programId: number; matchedNodes: number; matchedIndicators: number } {
  if (pending.targetProgramId === null) {
    return { programId: insertProgramDetail(ws, pending.detail).programId, matchedNodes: 0, matchedIndicators: 0 };
  }
  return { programId: pending.targetProgramId, ...mergeIntoProgram(ws, pending.targetProgramId, pending.detail) };
}

export class ImportSessions {
  private readonly pending = new Map<string, PendingImport>();

  constructor(private readonly ws: Workspace) {}

  preview(fileName: string, bytes: Uint8Array, targetProgramId: number | null): ImportPreview {
    let draft: ImportDraft;
    try {
      draft = analyseFile(bytes, fileName);
    } catch (error) {
      if (error instanceof ImportFileError) throw new ApiFailure('invalidInput', error.message, error.where ? [{ where: error.where, message: error.message }] : undefined);
      throw error;
    }
    const detail = draft.toProgramDetail(fileName.replace(/\.[^.]+$/, ''));
    const pending: PendingImport = { file: fileName, draft, detail, targetProgramId };
    const before = targetProgramId === null ? null : loadProgramDetail(this.ws, targetProgramId);
    if (targetProgramId !== null && !before) throw new ApiFailure('notFound', `Программа с номером ${targetProgramId} не найдена`);

    const measure = (after: ProgramDetail, written: { matchedNodes: number; matchedIndicators: number }) => {
      const totals = computeTotals(after.nodes, effectiveCells(after), programYears(after.program.periodStart, after.program.periodEnd));
      return {
        target: before ? { programId: before.program.id, title: before.program.title } : null,
        programTitle: after.program.title,
        period: [after.program.periodStart, after.program.periodEnd] as [number, number],
        created: createdCounts(detail, written, before !== null),
        matched: { nodes: written.matchedNodes, indicators: written.matchedIndicators },
        changes: before ? compareEditions(before, after) : [],
        findings: [
          ...draft.doubts.map((d) => ({ severity: 'warning' as const, where: d.where, message: d.message })),
          ...programFindings(after, totals).map((f) => ({ severity: f.severity, where: f.where, message: f.message })),
        ],
      };
    };
    let measured: ReturnType<typeof measure> | undefined;
    if (targetProgramId === null) {
      // A new program is exactly the draft: it is measured as it stands, nothing is written.
      measured = measure(detail, { matchedNodes: 0, matchedIndicators: 0 });
    } else {
      // A merge depends on what the program already holds: write it, measure, roll back.
      try {
        this.ws.sqlite.transaction(() => {
          const written = write(this.ws, pending);
          measured = measure(loadProgramDetail(this.ws, written.programId)!, written);
          throw new RollBack();
        })();
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
      }
    }
    const previewId = randomUUID();
    this.pending.set(previewId, pending);
    while (this.pending.size > KEPT_PREVIEWS) this.pending.delete(this.pending.keys().next().value!);
    return { previewId, file: fileName, tables: draft.tables, ...measured! };
  }

  commit(previewId: string): ImportResult {
    const pending = this.pending.get(previewId);
    if (!pending) throw new ApiFailure('notFound', 'Предпросмотр импорта не найден или устарел: откройте файл ещё раз');
    const title = pending.detail.program.title;
    const written = inEdit(
      this.ws,
      { action: 'import/commit', summary: `Импорт «${pending.file}»${pending.targetProgramId === null ? `: программа «${title}»` : ''}`, programId: pending.targetProgramId },
      () => write(this.ws, pending),
    );
    this.pending.delete(previewId);
    return { programId: written.programId, created: createdCounts(pending.detail, written, pending.targetProgramId !== null) };
  }

  discard(previewId: string): void {
    this.pending.delete(previewId);
  }
}
