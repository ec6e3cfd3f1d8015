// One report, built once as a document model and rendered to the format asked for.

import type { ReportFormat, ReportKind } from '../../shared/api/contract';
import type { ProgramDetail } from '../../shared/domain';
import { approvedBudgetReport } from './forms/approvedBudget';
import { digitalMaturityReport } from './forms/digitalMaturity';
import { indicatorTargetsReport } from './forms/indicatorTargets';
import { mainActivitiesReport } from './forms/mainActivities';
import { passportReport } from './forms/passport';
import { planFactReport } from './forms/planFact';
import { quarterlyRoadmapReport } from './forms/quarterlyRoadmap';
import { reportSource } from './forms/reportSource';
import { resourceProvisionReport } from './forms/resourceProvision';
import { renderDocx } from './render/docx';
import { renderPdf } from './render/pdf';
import { renderXlsx } from './render/xlsx';
import type { ReportDocument } from './reportDocument';

/** Reports drawn for one year; the others cover the whole program. */
export const YEARLY_REPORTS: readonly ReportKind[] = ['roadmap', 'planfact'];

export function buildReport(detail: ProgramDetail, kind: ReportKind, year: number | null): ReportDocument {
  const source = reportSource(detail);
  switch (kind) {
    case 'passport':
      return passportReport(source);
    case 'indicators':
      return indicatorTargetsReport(source);
    case 'activities':
      return mainActivitiesReport(source);
    case 'budget':
      return approvedBudgetReport(source);
    case 'resources':
      return resourceProvisionReport(source);
    case 'roadmap':
      return quarterlyRoadmapReport(source, year!);
    case 'planfact':
      return planFactReport(source, year!);
    case 'maturity':
      return digitalMaturityReport(source);
  }
}

export function renderReport(document: ReportDocument, format: ReportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return renderDocx(document);
    case 'pdf':
      return renderPdf(document);
    case 'xlsx':
      return renderXlsx(document);
  }
}
