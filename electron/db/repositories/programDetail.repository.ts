// The whole program in one piece: read for `programs/get`, export-json and reports; written
// for import-json, duplicate and template import. Writing remaps every id, so a document from
// another workspace (or this one) lands as a new program without colliding with anything.

import type { Amendment, AmendmentEntity, ProgramDetail, ProgramNode, Quarter, Source } from '../../../shared/domain';
import { buildProgramTree } from '../../../shared/programTree';
import { BatchInsert } from '../batchInsert';
import { journalInsertsInBulk } from '../journal';
import { statement, type Workspace } from '../workspace';
import { getProgram, insertProgram } from './programs.repository';
import { findOrganisationBySpelling, insertOrganisation, listOrganisations } from './organisations.repository';
import { loadIndicators } from './indicators.repository';

type Row = Record<string, unknown>;

export function loadProgramDetail(ws: Workspace, programId: number): ProgramDetail | null {
  const program = getProgram(ws, programId);
  if (!program) return null;
  const q = (sql: string) => statement(ws, sql).all(programId) as Row[];
  // The amounts run to hundreds of thousands of rows: read as arrays, not as objects made
  // only to be copied into the domain's shape.
  const amountRows = <T extends unknown[]>(sql: string) => statement(ws, sql).raw(true).all(programId) as T[];
  const ofNodes = `(SELECT id FROM nodes WHERE program_id = ?)`;

  const executors = new Map<number, ProgramNode['executors']>();
  for (const row of q(`SELECT node_id, organisation_id, label FROM node_executors WHERE node_id IN ${ofNodes} ORDER BY node_id, position`)) {
    const list = executors.get(row.node_id as number) ?? [];
    list.push({ organisationId: row.organisation_id as number, label: row.label as string | null });
    executors.set(row.node_id as number, list);
  }
  const unordered: ProgramNode[] = q(`SELECT * FROM nodes WHERE program_id = ?`).map((row) => ({
    id: row.id as number,
    parentId: row.parent_id as number | null,
    kind: row.kind as ProgramNode['kind'],
    code: row.code as string,
    title: row.title as string,
    position: row.position as number,
    periodStart: row.period_start as number | null,
    periodEnd: row.period_end as number | null,
    expectedResult: row.expected_result as string,
    deadline: row.deadline as string | null,
    responsiblePerson: row.responsible_person as string | null,
    source: row.source as Source | null,
    executors: executors.get(row.id as number) ?? [],
  }));
  const nodes = buildProgramTree(unordered).depthFirst;

  const financing = amountRows<[number, number, Source, number | null, number]>(
    `SELECT node_id, year, source, organisation_id, kopecks FROM financing WHERE node_id IN ${ofNodes} ORDER BY node_id, year, source, organisation_id`,
  ).map(([nodeId, year, source, organisationId, kopecks]) => ({ nodeId, year, source, organisationId, kopecks }));
  const quarterly = amountRows<[number, number, Quarter, Source, number | null, number]>(
    `SELECT node_id, year, quarter, source, organisation_id, kopecks FROM quarterly_plan WHERE node_id IN ${ofNodes} ORDER BY node_id, year, source, organisation_id, quarter`,
  ).map(([nodeId, year, quarter, source, organisationId, kopecks]) => ({ nodeId, year, quarter, source, organisationId, kopecks }));
  const budget = q(`SELECT year, source, kopecks FROM approved_budget WHERE program_id = ? ORDER BY year, source`).map((row) => ({
    year: row.year as number,
    source: row.source as Source,
    kopecks: row.kopecks as number,
  }));
  const statedTotals = q(`SELECT * FROM stated_totals WHERE program_id = ? ORDER BY id`).map((row) => ({
    nodeId: row.node_id as number | null,
    year: row.year as number | null,
    organisationId: row.organisation_id as number | null,
    kopecks: row.kopecks as number,
    origin: row.origin as string,
  }));

  const indicators = loadIndicators(ws, programId);

  const targets = new Map<number, Amendment['targets']>();
  for (const row of q(
    `SELECT amendment_id, entity, entity_id FROM amendment_targets WHERE amendment_id IN (SELECT id FROM amendments WHERE program_id = ?) ORDER BY id`,
  )) {
    const list = targets.get(row.amendment_id as number) ?? [];
    list.push({ entity: row.entity as AmendmentEntity, entityId: row.entity_id as number });
    targets.set(row.amendment_id as number, list);
  }
  const amendments: Amendment[] = q(`SELECT * FROM amendments WHERE program_id = ? ORDER BY date, id`).map((row) => ({
    id: row.id as number,
    actKind: row.act_kind as string,
    issuer: row.issuer as string,
    number: row.number as string,
    date: row.date as string,
    title: row.title as string,
    status: row.status as Amendment['status'],
    targets: targets.get(row.id as number) ?? [],
  }));

  const organisationIds = new Set<number>();
  const note = (id: number | null) => id !== null && organisationIds.add(id);
  note(program.responsibleExecutorId);
  program.coExecutorIds.forEach(note);
  program.participantIds.forEach(note);
  nodes.forEach((n) => n.executors.forEach((e) => note(e.organisationId)));
  financing.forEach((f) => note(f.organisationId));
  quarterly.forEach((f) => note(f.organisationId));
  statedTotals.forEach((s) => note(s.organisationId));

  return {
    program,
    organisations: listOrganisations(ws, [...organisationIds]),
    nodes,
    financing,
    quarterly,
    budget,
    statedTotals,
    indicators,
    amendments,
  };
}

/** What a document's ids became in this workspace. */
export interface InsertedProgram {
  programId: number;
  organisationIds: Map<number, number>;
  nodeIds: Map<number, number>;
  indicatorIds: Map<number, number>;
}

/**
 * Writes a whole program as new rows. Organisations are matched by any of their spellings and
 * created when unknown. Call inside an edit (one transaction).
 */
export function insertProgramDetail(ws: Workspace, detail: ProgramDetail, titleOverride?: string): InsertedProgram {
  // Only inserts: journaled for undo in bulk rather than row by row.
  return journalInsertsInBulk(ws, () => insertRows(ws, detail, titleOverride));
}

function insertRows(ws: Workspace, detail: ProgramDetail, titleOverride?: string): InsertedProgram {
  const organisationIds = new Map<number, number>();
  for (const organisation of detail.organisations) {
    const existing = [organisation.name, ...organisation.aliases]
      .map((spelling) => findOrganisationBySpelling(ws, spelling))
      .find((id) => id !== null);
    organisationIds.set(
      organisation.id,
      existing ??
        insertOrganisation(ws, {
          name: organisation.name,
          abbreviation: organisation.abbreviation,
          // A spelling already taken by another body stays with that body.
          aliases: organisation.aliases.filter((alias) => findOrganisationBySpelling(ws, alias) === null),
        }),
    );
  }
  const org = (id: number | null): number | null => {
    if (id === null) return null;
    const mapped = organisationIds.get(id);
    if (mapped === undefined) throw new Error(`организация ${id} не описана в документе`);
    return mapped;
  };
  const { program } = detail;
  const programId = insertProgram(ws, {
    ...program,
    title: titleOverride ?? program.title,
    responsibleExecutorId: org(program.responsibleExecutorId),
    coExecutorIds: program.coExecutorIds.map((id) => org(id)!),
    participantIds: program.participantIds.map((id) => org(id)!),
  });

  // Parts take ids above the table's largest, given here rather than by SQLite, so that their
  // rows, children after parents, can be written in batches like every other table's.
  const nodeIds = new Map<number, number>();
  const node = (id: number | null): number | null => {
    if (id === null) return null;
    const mapped = nodeIds.get(id);
    if (mapped === undefined) throw new Error(`часть программы ${id} не описана в документе`);
    return mapped;
  };
  const nodesInOrder = buildProgramTree(detail.nodes).depthFirst;
  const { largest } = statement(ws, `SELECT ifnull(max(id), 0) AS largest FROM nodes`).get() as { largest: number };
  nodesInOrder.forEach((n, i) => nodeIds.set(n.id, largest + 1 + i));
  const nodes = new BatchInsert(ws, 'nodes', [
    'id', 'program_id', 'parent_id', 'kind', 'code', 'title', 'position', 'period_start', 'period_end', 'expected_result', 'deadline', 'responsible_person', 'source',
  ]);
  for (const n of nodesInOrder) {
    nodes.add(node(n.id), programId, node(n.parentId), n.kind, n.code, n.title, n.position, n.periodStart, n.periodEnd, n.expectedResult, n.deadline, n.responsiblePerson, n.source);
  }
  nodes.finish();
  const executors = new BatchInsert(ws, 'node_executors', ['node_id', 'organisation_id', 'label', 'position']);
  for (const n of nodesInOrder) n.executors.forEach((e, position) => executors.add(node(n.id), org(e.organisationId), e.label, position));
  executors.finish();

  const financing = new BatchInsert(ws, 'financing', ['node_id', 'year', 'source', 'organisation_id', 'kopecks']);
  for (const f of detail.financing) financing.add(node(f.nodeId), f.year, f.source, org(f.organisationId), f.kopecks);
  financing.finish();
  const quarterly = new BatchInsert(ws, 'quarterly_plan', ['node_id', 'year', 'quarter', 'source', 'organisation_id', 'kopecks']);
  for (const f of detail.quarterly) quarterly.add(node(f.nodeId), f.year, f.quarter, f.source, org(f.organisationId), f.kopecks);
  quarterly.finish();
  const budget = new BatchInsert(ws, 'approved_budget', ['program_id', 'year', 'source', 'kopecks']);
  for (const b of detail.budget) budget.add(programId, b.year, b.source, b.kopecks);
  budget.finish();
  const statedTotals = new BatchInsert(ws, 'stated_totals', ['program_id', 'node_id', 'year', 'organisation_id', 'kopecks', 'origin']);
  for (const s of detail.statedTotals) statedTotals.add(programId, node(s.nodeId), s.year, org(s.organisationId), s.kopecks, s.origin);
  statedTotals.finish();

  const indicatorIds = new Map<number, number>();
  const insertIndicator = statement(
    ws,
    `INSERT INTO indicators (program_id, task_node_id, code, name, unit, direction, cumulative, kind, territory, note,
       base_comparator, base_value, base_mark, base_text, base_year, base_date, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertValue = statement(
    ws,
    `INSERT INTO indicator_values (indicator_id, year, period, type, comparator, value, mark, text, date, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = statement(ws, `INSERT INTO node_indicators (node_id, indicator_id) VALUES (?, ?)`);
  for (const i of detail.indicators) {
    const id = Number(
      insertIndicator.run(
        programId,
        node(i.taskNodeId),
        i.code,
        i.name,
        i.unit,
        i.direction,
        i.cumulative ? 1 : 0,
        i.kind,
        i.territory,
        i.note,
        i.base?.comparator ?? null,
        i.base?.value ?? null,
        i.base?.mark ?? null,
        i.base?.text ?? null,
        i.baseYear,
        i.baseDate,
        i.position,
      ).lastInsertRowid,
    );
    indicatorIds.set(i.id, id);
    for (const v of i.values) {
      insertValue.run(id, v.year, v.period, v.type, v.comparator, v.value, v.mark, v.text, v.date, v.comment);
    }
    for (const nodeId of i.nodeIds) insertLink.run(node(nodeId), id);
  }

  const insertAmendment = statement(
    ws,
    `INSERT INTO amendments (program_id, act_kind, issuer, number, date, title, status) VALUES (?, ?, ?, ?, ?, ?, 'closed')`,
  );
  const insertTarget = statement(ws, `INSERT INTO amendment_targets (amendment_id, entity, entity_id) VALUES (?, ?, ?)`);
  for (const a of detail.amendments) {
    // An amendment arrives closed: it was open in someone else's workspace, not in this one.
    const id = Number(insertAmendment.run(programId, a.actKind, a.issuer, a.number, a.date, a.title).lastInsertRowid);
    for (const t of a.targets) {
      const entityId = t.entity === 'program' ? programId : t.entity === 'node' ? node(t.entityId) : indicatorIds.get(t.entityId);
      if (entityId === undefined || entityId === null) throw new Error(`редакция ссылается на неизвестный объект ${t.entity} ${t.entityId}`);
      insertTarget.run(id, t.entity, entityId);
    }
  }
  return { programId, organisationIds, nodeIds, indicatorIds };
}

