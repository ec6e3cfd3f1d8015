import type { TotalsLine, TotalsView, YearAmounts } from '../../../shared/api/contract';
import type { NodeKind } from '../../../shared/domain';
import { programFindings } from '../../core/findings';
import type { Breakdown, ProgramTotals } from '../../core/totals';
import { listOrganisations } from '../../db/repositories/organisations.repository';
import { loadProgramDetail } from '../../db/repositories/programDetail.repository';
import { statement, type Workspace } from '../../db/workspace';
import { requireProgram } from './guards';
import type { HandlerTable } from './types';

const yearAmounts = (breakdown: Breakdown): YearAmounts => Object.fromEntries([...breakdown.years].sort(([a], [b]) => a - b));

function line(summary: ProgramTotals['program'], organisationName: (id: number | null) => string): TotalsLine {
  return {
    years: yearAmounts(summary),
    total: summary.total,
    byExecutor: summary.byExecutor.map((e) => ({
      organisationId: e.organisationId,
      executor: organisationName(e.organisationId),
      years: yearAmounts(e),
      total: e.total,
    })),
    bySource: summary.bySource.map((s) => ({ source: s.source, years: yearAmounts(s), total: s.total })),
  };
}

export function totalsView(ws: Workspace, programId: number, totals: ProgramTotals): TotalsView {
  const organisations = new Map(listOrganisations(ws).map((o) => [o.id, o.name]));
  const organisationName = (id: number | null) => (id === null ? 'Исполнитель не указан' : (organisations.get(id) ?? `Организация ${id}`));
  const nodes = new Map(
    (statement(ws, 'SELECT id, code, kind, title FROM nodes WHERE program_id = ?').all(programId) as {
      id: number;
      code: string;
      kind: NodeKind;
      title: string;
    }[]).map((n) => [n.id, n]),
  );
  return {
    years: totals.years,
    program: line(totals.program, organisationName),
    nodes: [...totals.nodes.values()].map((node) => {
      const info = nodes.get(node.nodeId)!;
      return { nodeId: node.nodeId, code: info.code, kind: info.kind, title: info.title, ...line(node, organisationName) };
    }),
  };
}

export const totalsHandlers: HandlerTable<'totals/get' | 'findings/list'> = {
  'totals/get': ({ ws, totals }, { programId }) => {
    requireProgram(ws, programId);
    return totalsView(ws, programId, totals.get(programId));
  },
  'findings/list': ({ ws, totals }, { programId }) => {
    requireProgram(ws, programId);
    return programFindings(loadProgramDetail(ws, programId)!, totals.get(programId));
  },
};
