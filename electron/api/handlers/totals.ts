import type { TotalsLine, TotalsView } from '../../../shared/api/contract';
import type { NodeKind } from '../../../shared/domain';
import { programFindings } from '../../core/findings';
import type { ProgramTotals, Summary } from '../../core/totals';
import { listOrganisations } from '../../db/repositories/organisations.repository';
import { statement, type Workspace } from '../../db/workspace';
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
  'findings/list': ({ ws, totals, details }, { programId }) => {
    requireProgram(ws, programId);
    return programFindings(details.get(programId)!, totals.get(programId));
  },
};
