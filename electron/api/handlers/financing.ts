import { ApiFailure, type ApiErrorDetail } from '../../../shared/api/errors';
import type { CellUpdate } from '../../../shared/api/contract';
import type { ProgramDetail, Quarter, Source } from '../../../shared/domain';
import { QUARTER_LABELS } from '../../../shared/domain';
import type { Finding } from '../../../shared/findings';
import { formatThousands } from '../../../shared/money';
import { quarterFindings, statedTotalFindings } from '../../core/findings';
import { amountOfYear, type ProgramTotals } from '../../core/totals';
import type { CellKey } from '../../core/totalsCache';
import { listOrganisations } from '../../db/repositories/organisations.repository';
import { getNode, hasChildren } from '../../db/repositories/nodes.repository';
import { getProgram, touchProgram } from '../../db/repositories/programs.repository';
import {
  effectiveAmount,
  quarterAmounts,
  setBudgetAmount,
  setQuarterAmount,
  setYearAmount,
  yearPlan,
} from '../../db/repositories/financing.repository';
import { statement, type Workspace } from '../../db/workspace';
import type { HandlerContext } from '../context';
import { edit } from './edit';
import { requireNode, requireOrganisations, requireProgram } from './guards';
import type { HandlerTable } from './types';

interface CellWrite {
  key: CellKey;
  quarter?: Quarter;
  kopecks: number | null;
}

/** Why a cell may not be written, or null when it may. */
function cellProblem(ws: Workspace, program: { id: number; periodStart: number; periodEnd: number }, cell: CellWrite): string | null {
  const node = requireNode(ws, cell.key.nodeId);
  if (node.programId !== program.id) return `часть программы ${cell.key.nodeId} относится к другой программе`;
  if (cell.key.year < program.periodStart || cell.key.year > program.periodEnd) {
    return `${cell.key.year} год вне срока программы (${program.periodStart}–${program.periodEnd})`;
  }
  if (hasChildren(ws, cell.key.nodeId)) {
    return `сумма ${node.code ? `п. ${node.code}` : 'этой части'} складывается из вложенных мероприятий — введите суммы в них`;
  }
  return null;
}

function describeCell(ws: Workspace, cell: CellWrite): string {
  const node = requireNode(ws, cell.key.nodeId);
  const place = node.code ? `п. ${node.code}` : `«${node.title.slice(0, 40)}»`;
  const period = cell.quarter ? `${QUARTER_LABELS[cell.quarter]} ${cell.key.year} г.` : `${cell.key.year} г.`;
  const value = cell.kopecks === null ? 'очищено' : formatThousands(cell.kopecks);
  return `${place}, ${period}: ${value}`;
}

function writeCell(ws: Workspace, cell: CellWrite): void {
  if (cell.quarter) setQuarterAmount(ws, cell.key, cell.quarter, cell.kopecks);
  else setYearAmount(ws, cell.key, cell.kopecks);
}

const keyText = (key: CellKey) => `${key.nodeId}|${key.year}|${key.source}|${key.organisationId ?? ''}`;

/** Writes cells as one edit and moves the warm totals by what changed. */
function writeCells(context: HandlerContext, programId: number, cells: CellWrite[], summary: string, action: string): ProgramTotals {
  const { ws, totals } = context;
  const wasWarm = totals.isWarm(programId);
  const keys = new Map(cells.map((c) => [keyText(c.key), c.key]));
  const before = new Map([...keys].map(([text, key]) => [text, effectiveAmount(ws, key)]));
  edit(ws, { action, summary, programId }, () => {
    touchProgram(ws, programId);
    for (const cell of cells) writeCell(ws, cell);
  });
  const changes = [...keys].map(([text, key]) => ({ key, delta: effectiveAmount(ws, key) - before.get(text)! }));
  return totals.applyCellChanges(programId, changes, wasWarm);
}

/** The findings a grid shows for a cell: its quarters against its year, and the stated totals above it. */
function findingsAround(ws: Workspace, programId: number, key: CellKey, ancestors: number[], totals: ProgramTotals): Finding[] {
  const program = getProgram(ws, programId)!;
  const plan = yearPlan(ws, key);
  const nodes = ancestors.map((id) => getNode(ws, id)!);
  const placeholders = ancestors.map(() => '?').join(', ');
  const stated = statement(
    ws,
    `SELECT node_id, year, organisation_id, kopecks, origin FROM stated_totals
     WHERE program_id = ? AND (node_id IS NULL OR node_id IN (${placeholders})) AND (year IS NULL OR year = ?)`,
  ).all(programId, ...ancestors, key.year) as { node_id: number | null; year: number | null; organisation_id: number | null; kopecks: number; origin: string }[];
  const organisationIds = [key.organisationId, ...stated.map((s) => s.organisation_id)].filter((id): id is number => id !== null);
  const around: ProgramDetail = {
    program,
    organisations: listOrganisations(ws, [...new Set(organisationIds)]),
    nodes,
    financing: plan === null ? [] : [{ ...key, kopecks: plan }],
    quarterly: quarterAmounts(ws, key).map((q) => ({ ...key, ...q })),
    budget: [],
    statedTotals: stated.map((s) => ({ nodeId: s.node_id, year: s.year, organisationId: s.organisation_id, kopecks: s.kopecks, origin: s.origin })),
    indicators: [],
    amendments: [],
  };
  return [...quarterFindings(around), ...statedTotalFindings(around, totals)];
}

function cellUpdate(context: HandlerContext, programId: number, cell: CellWrite, totals: ProgramTotals): CellUpdate {
  const ancestors = context.totals.ancestorsOf(programId, cell.key.nodeId);
  const amountOf = (nodeId: number) => totals.nodes.get(nodeId)!;
  return {
    cell: { ...cell.key, ...(cell.quarter ? { quarter: cell.quarter } : {}), kopecks: cell.kopecks },
    rollup: ancestors.map((nodeId) => ({
      nodeId,
      year: cell.key.year,
      kopecks: amountOfYear(totals, amountOf(nodeId), cell.key.year),
      total: amountOf(nodeId).total,
    })),
    programYear: { year: cell.key.year, kopecks: amountOfYear(totals, totals.program, cell.key.year), total: totals.program.total },
    findings: findingsAround(context.ws, programId, cell.key, ancestors, totals),
  };
}

function setOneCell(context: HandlerContext, cell: CellWrite): CellUpdate {
  const { ws } = context;
  const node = requireNode(ws, cell.key.nodeId);
  const program = requireProgram(ws, node.programId);
  requireOrganisations(ws, [cell.key.organisationId]);
  const problem = cellProblem(ws, program, cell);
  if (problem) throw new ApiFailure('invalidInput', `Сумма не записана: ${problem}`);
  const totals = writeCells(context, program.id, [cell], describeCell(ws, cell), cell.quarter ? 'financing/set-quarter' : 'financing/set-year');
  return cellUpdate(context, program.id, cell, totals);
}

export const financingHandlers: HandlerTable<'financing/set-year' | 'financing/set-quarter' | 'financing/set-many' | 'budget/set'> = {
  'financing/set-year': (context, { nodeId, year, source, organisationId, amount }) =>
    setOneCell(context, { key: { nodeId, year, source: source as Source, organisationId }, kopecks: amount }),

  'financing/set-quarter': (context, { nodeId, year, quarter, source, organisationId, amount }) =>
    setOneCell(context, { key: { nodeId, year, source: source as Source, organisationId }, quarter: quarter as Quarter, kopecks: amount }),

  'financing/set-many': (context, { programId, cells }) => {
    const { ws } = context;
    const program = requireProgram(ws, programId);
    requireOrganisations(ws, cells.map((c: { organisationId: number | null }) => c.organisationId));
    const writes: CellWrite[] = cells.map((c: { nodeId: number; year: number; quarter?: Quarter; source: Source; organisationId: number | null; amount: number | null }) => ({
      key: { nodeId: c.nodeId, year: c.year, source: c.source, organisationId: c.organisationId },
      ...(c.quarter ? { quarter: c.quarter } : {}),
      kopecks: c.amount,
    }));
    const details: ApiErrorDetail[] = [];
    writes.forEach((cell, index) => {
      const problem = cellProblem(ws, program, cell);
      if (problem) details.push({ where: `cells[${index}]`, message: problem });
    });
    if (details.length > 0) {
      throw new ApiFailure('invalidInput', `Вставка не выполнена, ничего не изменено: ${details[0].message}${details.length > 1 ? ` (и ещё ${details.length - 1})` : ''}`, details);
    }
    const totals = writeCells(context, programId, writes, `Вставлено ячеек: ${writes.length}`, 'financing/set-many');
    const touched = new Map<string, CellUpdate['rollup'][number]>();
    const findings: Finding[] = [];
    const seenKeys = new Set<string>();
    for (const cell of writes) {
      const update = cellUpdate(context, programId, cell, totals);
      for (const line of update.rollup) touched.set(`${line.nodeId}|${line.year}`, line);
      if (!seenKeys.has(keyText(cell.key))) {
        seenKeys.add(keyText(cell.key));
        findings.push(...update.findings);
      }
    }
    const uniqueFindings = [...new Map(findings.map((f) => [`${f.code}|${f.where}`, f])).values()];
    return {
      updated: writes.length,
      rollup: [...touched.values()],
      program: { years: Object.fromEntries(totals.years.map((year, i) => [year, totals.program.amounts[i]])), total: totals.program.total },
      findings: uniqueFindings,
    };
  },

  'budget/set': ({ ws }, { programId, year, source, amount }) => {
    const program = requireProgram(ws, programId);
    if (year < program.periodStart || year > program.periodEnd) {
      throw new ApiFailure('invalidInput', `${year} год вне срока программы (${program.periodStart}–${program.periodEnd})`);
    }
    edit(ws, { action: 'budget/set', summary: `Утверждённый бюджет на ${year} год`, programId }, () => {
      touchProgram(ws, programId);
      setBudgetAmount(ws, programId, year, source, amount);
    });
    return { year, source, kopecks: amount };
  },
};
