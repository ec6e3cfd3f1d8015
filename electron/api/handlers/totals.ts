import type { TotalsLine, TotalsView } from '../../../shared/api/contract';
import { programFindings } from '../../core/findings';
import type { ProgramTotals, Summary } from '../../core/totals';
import type { PartLabel } from '../../core/totalsCache';
import { listOrganisations } from '../../db/repositories/organisations.repository';
import type { Workspace } from '../../db/workspace';
import { requireProgram } from './guards';
import type { HandlerTable } from './types';

// The view shares the roll-up's arrays rather than copying them: it is read, then serialised.
function line(summary: Summary, organisationName: (id: number | null) => string): TotalsLine {
  return {
    amounts: summary.amounts,
    total: summary.total,
    byExecutor: summary.byExecutor.map((e) => ({
      organisationId: e.organisationId,
      executor: organisationName(e.organisationId),
      amounts: e.amounts,
      total: e.total,
    })),
    bySource: summary.bySource,
  };
}

export function totalsView(ws: Workspace, totals: ProgramTotals, labels: ReadonlyMap<number, PartLabel>): TotalsView {
  const organisations = new Map(listOrganisations(ws).map((o) => [o.id, o.name]));
  const organisationName = (id: number | null) => (id === null ? 'Исполнитель не указан' : (organisations.get(id) ?? `Организация ${id}`));
  return {
    years: totals.years,
    program: line(totals.program, organisationName),
    nodes: [...totals.nodes.values()].map((node) => {
      const { code, kind, title } = labels.get(node.nodeId)!;
      return { nodeId: node.nodeId, code, kind, title, ...line(node, organisationName) };
    }),
  };
}

export const totalsHandlers: HandlerTable<'totals/get' | 'findings/list'> = {
  'totals/get': ({ ws, totals }, { programId }) => {
    requireProgram(ws, programId);
    const { totals: programTotals, labels } = totals.labelled(programId);
    return totalsView(ws, programTotals, labels);
  },
  'findings/list': ({ ws, totals, details }, { programId }) => {
    requireProgram(ws, programId);
    return programFindings(details.get(programId)!, totals.get(programId));
  },
};
