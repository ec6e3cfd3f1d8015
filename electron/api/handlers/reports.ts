import { REPORT_LABELS, type ReportKind } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/errors';
import type { ProgramDetail } from '../../../shared/domain';
import { loadProgramDetail } from '../../db/repositories/programDetail.repository';
import type { Workspace } from '../../db/workspace';
import { buildReport, renderReport, YEARLY_REPORTS } from '../../reports/buildReport';
import { writeReportFile } from '../../reports/render/writeReportFile';
import type { HandlerTable } from './types';

/** Reports only read: the program is loaded, checked and handed to the form builder. */
function reportInput(ws: Workspace, programId: number, report: ReportKind, year: number | null): { detail: ProgramDetail; year: number | null } {
  const detail = loadProgramDetail(ws, programId);
  if (!detail) throw new ApiFailure('notFound', `Программа с номером ${programId} не найдена`);
  const { periodStart, periodEnd } = detail.program;
  if (YEARLY_REPORTS.includes(report)) {
    if (year === null) throw new ApiFailure('invalidInput', `Для отчёта «${REPORT_LABELS[report]}» укажите год (${periodStart}–${periodEnd})`);
    if (year < periodStart || year > periodEnd) {
      throw new ApiFailure('invalidInput', `${year} год вне срока программы (${periodStart}–${periodEnd})`);
    }
  }
  return { detail, year };
}

export const reportHandlers: HandlerTable<'reports/export' | 'reports/render'> = {
  'reports/export': async ({ ws }, { programId, report, format, year, file }) => {
    const input = reportInput(ws, programId, report, year);
    const bytes = await renderReport(buildReport(input.detail, report, input.year), format);
    try {
      await writeReportFile(file, bytes);
    } catch (error) {
      throw new ApiFailure('invalidInput', (error as Error).message);
    }
    return { file, bytes: bytes.byteLength };
  },

  'reports/render': async ({ ws }, { programId, report, format, year }) => {
    const input = reportInput(ws, programId, report, year);
    const bytes = await renderReport(buildReport(input.detail, report, input.year), format);
    const yearPart = YEARLY_REPORTS.includes(report) ? `-${year}` : '';
    return { fileName: `${report}${yearPart}.${format}`, data: Buffer.from(bytes).toString('base64') };
  },
};
