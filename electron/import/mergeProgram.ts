// Writing an imported program into one that exists: parts matched by kind and printed code
// (or title where there is no code), indicators by code or name, amendments by act; what
// matches is updated, what does not is added. Nothing of the existing program is deleted.

import type { ProgramDetail, ProgramNode } from '../../shared/domain';
import { addAmendmentTargets } from '../db/repositories/amendments.repository';
import { setQuarterAmount, setYearAmount, setBudgetAmount } from '../db/repositories/financing.repository';
import { insertIndicator, setIndicatorLinks, setIndicatorValue, updateIndicator } from '../db/repositories/indicators.repository';
import { insertNode, updateNode } from '../db/repositories/nodes.repository';
import { ensureOrganisation } from '../db/repositories/organisations.repository';
import { loadProgramDetail } from '../db/repositories/programDetail.repository';
import { statement, type Workspace } from '../db/workspace';
import { buildProgramTree } from '../../shared/programTree';
import { normaliseCode } from './cellText';

/**
 * How a part is recognised across two versions of a program. A dotted code («2.1.1») names one
 * part in the whole program; a short one («02», «1.») repeats under each subprogram or section,
 * so it is recognised together with its parent's key; a part without a code by its title.
 */
function nodeKeys(nodes: readonly ProgramNode[]): Map<number, string> {
  const keys = new Map<number, string>();
  for (const node of buildProgramTree(nodes).depthFirst) {
    const code = normaliseCode(node.code);
    const own = code ? `${node.kind}|${code}` : `${node.kind}|title|${node.title.toLowerCase()}`;
    const parentKey = node.parentId === null ? '' : (keys.get(node.parentId) ?? '');
    keys.set(node.id, code.includes('.') ? own : `${parentKey}/${own}`);
  }
  return keys;
}

export function mergeIntoProgram(ws: Workspace, programId: number, incoming: ProgramDetail): { matchedNodes: number; matchedIndicators: number } {
  const existing = loadProgramDetail(ws, programId)!;
  const organisations = new Map(incoming.organisations.map((o) => [o.id, ensureOrganisation(ws, o.name)]));
  const org = (id: number | null) => (id === null ? null : organisations.get(id)!);

  const existingKeys = nodeKeys(existing.nodes);
  const existingNodes = new Map(existing.nodes.map((n) => [existingKeys.get(n.id)!, n.id]));
  const incomingKeys = nodeKeys(incoming.nodes);
  const nodeIds = new Map<number, number>();
  let matchedNodes = 0;
  // Parents before children, so a new part finds its parent's new id.
  for (const node of buildProgramTree(incoming.nodes).depthFirst) {
    const fields = {
      kind: node.kind,
      code: node.code,
      title: node.title,
      periodStart: node.periodStart,
      periodEnd: node.periodEnd,
      expectedResult: node.expectedResult,
      deadline: node.deadline,
      responsiblePerson: node.responsiblePerson,
      source: node.source,
      executors: node.executors.map((e) => ({ organisationId: org(e.organisationId)!, label: e.label })),
    };
    const match = existingNodes.get(incomingKeys.get(node.id)!);
    if (match !== undefined) {
      matchedNodes++;
      nodeIds.set(node.id, match);
      const current = existing.nodes.find((n) => n.id === match)!;
      updateNode(ws, match, {
        title: node.title,
        ...(node.expectedResult ? { expectedResult: node.expectedResult } : {}),
        ...(node.source ? { source: node.source } : {}),
        ...(node.responsiblePerson ? { responsiblePerson: node.responsiblePerson } : {}),
        executors: [...current.executors, ...fields.executors.filter((e) => !current.executors.some((c) => c.organisationId === e.organisationId))],
      });
    } else {
      const parentId = node.parentId === null ? null : (nodeIds.get(node.parentId) ?? null);
      nodeIds.set(node.id, insertNode(ws, programId, parentId, undefined, fields));
    }
  }
  const node = (id: number) => nodeIds.get(id)!;
  for (const f of incoming.financing) setYearAmount(ws, { nodeId: node(f.nodeId), year: f.year, source: f.source, organisationId: org(f.organisationId) }, f.kopecks);
  for (const q of incoming.quarterly) {
    setQuarterAmount(ws, { nodeId: node(q.nodeId), year: q.year, source: q.source, organisationId: org(q.organisationId) }, q.quarter, q.kopecks);
  }
  for (const b of incoming.budget) setBudgetAmount(ws, programId, b.year, b.source, b.kopecks);
  // The newly stated totals replace those an earlier import stated for the same parts.
  const statedNodes = new Set(incoming.statedTotals.map((s) => (s.nodeId === null ? null : node(s.nodeId))));
  for (const nodeId of statedNodes) {
    statement(ws, 'DELETE FROM stated_totals WHERE program_id = ? AND node_id IS ?').run(programId, nodeId);
  }
  const insertStated = statement(ws, 'INSERT INTO stated_totals (program_id, node_id, year, organisation_id, kopecks, origin) VALUES (?, ?, ?, ?, ?, ?)');
  for (const s of incoming.statedTotals) insertStated.run(programId, s.nodeId === null ? null : node(s.nodeId), s.year, org(s.organisationId), s.kopecks, s.origin);

  const indicatorIds = new Map<number, number>();
  let matchedIndicators = 0;
  for (const indicator of incoming.indicators) {
    const match = existing.indicators.find((i) => (indicator.code && normaliseCode(i.code) === normaliseCode(indicator.code)) || i.name === indicator.name);
    const fields = { ...indicator, taskNodeId: indicator.taskNodeId === null ? null : node(indicator.taskNodeId) };
    let id: number;
    if (match) {
      matchedIndicators++;
      id = match.id;
      updateIndicator(ws, id, { name: fields.name, unit: fields.unit || match.unit, base: fields.base ?? match.base, note: fields.note ?? match.note });
    } else {
      id = insertIndicator(ws, programId, fields);
    }
    indicatorIds.set(indicator.id, id);
    for (const v of indicator.values) setIndicatorValue(ws, id, { year: v.year, period: v.period, type: v.type, value: v, date: v.date, comment: v.comment });
    if (indicator.nodeIds.length) setIndicatorLinks(ws, id, [...new Set([...(match?.nodeIds ?? []), ...indicator.nodeIds.map(node)])]);
  }

  for (const amendment of incoming.amendments) {
    const found = statement(ws, 'SELECT id FROM amendments WHERE program_id = ? AND number = ? AND date = ?').get(programId, amendment.number, amendment.date) as
      | { id: number }
      | undefined;
    const id =
      found?.id ??
      Number(
        statement(ws, `INSERT INTO amendments (program_id, act_kind, issuer, number, date, title, status) VALUES (?, ?, ?, ?, ?, ?, 'closed')`).run(
          programId,
          amendment.actKind,
          amendment.issuer,
          amendment.number,
          amendment.date,
          amendment.title,
        ).lastInsertRowid,
      );
    addAmendmentTargets(
      ws,
      id,
      amendment.targets.map((t) => ({
        entity: t.entity,
        entityId: t.entity === 'program' ? programId : t.entity === 'node' ? node(t.entityId) : indicatorIds.get(t.entityId)!,
      })),
    );
  }
  return { matchedNodes, matchedIndicators };
}
