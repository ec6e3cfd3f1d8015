// What an imported copy of the Ryazan program (seed 003) must hold, table by table, compared
// with test/fixtures/ryazan.ts: every figure of Table 4 out of the roll-ups to the kopeck, every
// value of Table 1 as written, Table 3's budget, Table 2's periods, activities and links, and
// the amendment notes as amendments on the parts and indicators they stand under.

import { expect } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { ImportPreview, ImportResult, TotalsLine, TotalsView } from '../../shared/api/contract';
import type { Amendment, Indicator, ProgramDetail, ProgramNode } from '../../shared/domain';
import type { Finding } from '../../shared/findings';
import { parseIndicatorValue } from '../../shared/indicatorValue';
import { parseThousands } from '../../shared/money';
import {
  RYAZAN_YEARS,
  ryazanAmendingActs,
  ryazanAmendmentNotes,
  ryazanBudget,
  ryazanIndicators,
  ryazanNodes,
  ryazanSourceOf,
  ryazanTable4Expected,
  type RyazanAmountLine,
  type RyazanTable4Row,
} from '../fixtures/ryazan';
import type { FormNumber } from '../fixtures/templates/ryazanTemplates';

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Preview, then commit: both answers. */
export async function importFile(
  api: ApiClient,
  fileName: string,
  bytes: Uint8Array,
  programId: number | null = null,
): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const preview = await api('import/preview', { fileName, data: base64(bytes), programId });
  const result = await api('import/commit', { previewId: preview.previewId });
  return { preview, result };
}

/** A printed amount in kopecks; «-» is none. */
export function kopecks(printed: string): number {
  if (printed === '-') return 0;
  const parsed = parseThousands(printed);
  if (!parsed.ok) throw new Error(`«${printed}»: ${parsed.reason}`);
  return parsed.kopecks;
}

const sameCode = (a: string, b: string) => a.replace(/\.$/, '') === b.replace(/\.$/, '');
/** Titles compared without case and a closing full stop: Table 1 writes «Задача 1: внедрение …». */
const looseTitle = (text: string) => text.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ').trim();

export interface ImportedRyazan {
  programId: number;
  detail: ProgramDetail;
  totals: TotalsView;
  findings: Finding[];
  amendments: Amendment[];
  node(code: string): ProgramNode;
  indicator(code: string): Indicator;
  /** The imported organisation a fixture key («УОиМП», «Администрация города Рязани») names. */
  organisationId(key: string): number;
}

export async function loadImported(api: ApiClient, programId: number): Promise<ImportedRyazan> {
  const detail = await api('programs/get', { programId });
  const totals = await api('totals/get', { programId });
  const findings = await api('findings/list', { programId });
  const amendments = await api('amendments/list', { programId });
  return {
    programId,
    detail,
    totals,
    findings,
    amendments,
    node(code) {
      const found = detail.nodes.filter((n) => sameCode(n.code, code));
      expect(found, `п. ${code}: exactly one part`).toHaveLength(1);
      return found[0];
    },
    indicator(code) {
      const found = detail.indicators.filter((i) => sameCode(i.code, code));
      expect(found, `показатель ${code}: exactly one`).toHaveLength(1);
      return found[0];
    },
    organisationId(key) {
      const found = detail.organisations.filter((o) => o.name === key || o.abbreviation === key || o.aliases.includes(key));
      expect(found, `organisation «${key}»`).toHaveLength(1);
      return found[0].id;
    },
  };
}

function computed(totals: TotalsView, line: { amounts: number[]; total: number } | undefined): { years: number[]; total: number } {
  const amountOf = (year: number) => {
    const index = totals.years.indexOf(year);
    return index < 0 || !line ? 0 : (line.amounts[index] ?? 0);
  };
  return { years: RYAZAN_YEARS.map(amountOf), total: line?.total ?? 0 };
}

function printed(line: RyazanAmountLine): { years: number[]; total: number } {
  return { years: line.years.map(kopecks), total: kopecks(line.total) };
}

/** One row of Table 4: «Всего» and every executor line against the roll-up, to the kopeck. */
function expectTable4Row(p: ImportedRyazan, row: RyazanTable4Row, line: TotalsLine, where: string): void {
  expect(computed(p.totals, line), `${where}: Всего`).toEqual(printed(row.all));
  const withAmounts = row.executors.filter((e) => kopecks(e.total) !== 0 || e.years.some((y) => kopecks(y) !== 0));
  for (const executor of withAmounts) {
    expect(executor.organisations, `${where}: one body per line with money`).toHaveLength(1);
    const organisationId = p.organisationId(executor.organisations[0]);
    const byExecutor = line.byExecutor.find((e) => e.organisationId === organisationId);
    expect(byExecutor, `${where}: «${executor.executor}»`).toBeDefined();
    expect(computed(p.totals, byExecutor), `${where}: «${executor.executor}»`).toEqual(printed(executor));
  }
  const expectedIds = withAmounts.map((e) => p.organisationId(e.organisations[0])).sort((a, b) => a - b);
  const actualIds = line.byExecutor.filter((e) => e.total !== 0).map((e) => e.organisationId ?? 0).sort((a, b) => a - b);
  expect(actualIds, `${where}: nobody else holds money`).toEqual(expectedIds);
}

/** Every figure of Table 4: the program's row and each part's, years and ИТОГО, «Всего» and executors. */
export function expectTable4(p: ImportedRyazan): void {
  expect(p.totals.years).toEqual([...RYAZAN_YEARS]);
  expect(p.totals.program.total).toBe(5_962_971_333);
  expectTable4Row(p, ryazanTable4Expected.program, p.totals.program, 'МП');
  for (const row of ryazanTable4Expected.rows) {
    const node = p.node(row.code);
    const line = p.totals.nodes.find((n) => n.nodeId === node.id);
    expect(line, `п. ${row.code}: totals`).toBeDefined();
    expectTable4Row(p, row, line!, `п. ${row.code}`);
    expect(node.source, `п. ${row.code}: source`).toBe(ryazanSourceOf(row.source));
    expect(node.expectedResult, `п. ${row.code}: expected result`).toBe(row.expectedResult);
    for (const executor of row.executors) {
      for (const key of executor.organisations.length === 1 ? executor.organisations : executor.organisations.slice(0, 1)) {
        expect(node.executors.map((e) => e.organisationId), `п. ${row.code}: executor «${executor.executor}»`).toContain(p.organisationId(key));
      }
    }
  }
  // Money sits only on parts without children, all of it the local budget's.
  const parents = new Set(p.detail.nodes.map((n) => n.parentId));
  expect(p.detail.financing.every((f) => !parents.has(f.nodeId) && f.source === 'local' && f.organisationId !== null)).toBe(true);
}

/** The parts: one each (Table 2's «1.1.» is Table 4's «1.1»), kinds, parents and titles. */
export function expectParts(p: ImportedRyazan): void {
  expect(p.detail.nodes).toHaveLength(ryazanNodes.length);
  for (const expected of ryazanNodes) {
    const node = p.node(expected.code);
    expect(node.kind, `п. ${expected.code}: kind`).toBe(expected.kind);
    expect(node.parentId, `п. ${expected.code}: parent`).toBe(expected.parentCode === null ? null : p.node(expected.parentCode).id);
    if (expected.kind === 'task') expect(looseTitle(node.title)).toBe(looseTitle(expected.title));
    else expect(node.title, `п. ${expected.code}: title`).toBe(expected.title);
  }
}

/** Every value of Table 1 as written: text, comparator, value, mark; unit, cumulative, base, task. */
export function expectTable1(p: ImportedRyazan): void {
  expect(p.detail.indicators.map((i) => i.code)).toEqual(ryazanIndicators.map((i) => i.code));
  for (const expected of ryazanIndicators) {
    const indicator = p.indicator(expected.code);
    const where = `показатель ${expected.code}`;
    expect(indicator.name, where).toBe(expected.name);
    expect({ unit: indicator.unit, cumulative: indicator.cumulative, baseYear: indicator.baseYear }, where).toEqual({
      unit: expected.unit,
      cumulative: expected.cumulative,
      baseYear: expected.baseYear,
    });
    expect(indicator.note !== null, `${where}: «<*>»`).toBe(expected.footnote);
    expect(indicator.base, `${where}: base`).toEqual(valueOf(expected.base));
    expect(indicator.taskNodeId, `${where}: task`).toBe(p.node(expected.taskCode).id);
    const plans = indicator.values.filter((v) => v.type === 'plan' && v.period === 0).sort((a, b) => a.year - b.year);
    expect(plans.map((v) => v.year), where).toEqual([...RYAZAN_YEARS]);
    plans.forEach((value, i) => {
      expect({ comparator: value.comparator, value: value.value, mark: value.mark, text: value.text }, `${where}, ${value.year}`).toEqual(valueOf(expected.plan[i]));
    });
  }
  // Spot checks in words, so a parsing slip cannot hide behind the same parser on both sides.
  expect(p.indicator('1.1.').values.find((v) => v.year === 2030)).toMatchObject({ comparator: '>=', value: '95', mark: null, text: 'Не менее 95' });
  expect(p.indicator('3.1').values.find((v) => v.year === 2022)).toMatchObject({ comparator: null, value: null, mark: '-', text: '-' });
  expect(p.indicator('3.1')).toMatchObject({ unit: 'ед.', cumulative: true });
  expect(p.indicator('4.1.').values.find((v) => v.year === 2030)).toMatchObject({ value: '15900', text: '15900' });
}

function valueOf(text: string) {
  const parsed = parseIndicatorValue(text);
  if (!parsed.ok) throw new Error(`«${text}»: ${parsed.reason}`);
  const { comparator, value, mark } = parsed.value;
  return { comparator, value, mark, text };
}

/** Table 3: the approved budget by year, to the kopeck. */
export function expectTable3(p: ImportedRyazan): void {
  expect(p.detail.budget).toEqual(ryazanBudget.map((b) => ({ year: b.year, source: b.source, kopecks: kopecks(b.amount) })));
  expect(p.detail.budget.find((b) => b.year === 2023)?.kopecks).toBe(680_685_333);
}

/** Table 2: periods, co-executors, the listed activities and the links to indicators. */
export function expectTable2(p: ImportedRyazan): void {
  for (const expected of ryazanNodes) {
    if (!expected.table2) continue;
    const node = p.node(expected.code);
    const where = `п. ${expected.code}`;
    expect([node.periodStart, node.periodEnd], `${where}: period`).toEqual([expected.period!.start, expected.period!.end]);
    for (const line of expected.table2.lines) {
      const head = line.participants.split(',')[0].trim();
      expect(node.executors.map((e) => e.organisationId), `${where}: «${line.participants}»`).toContain(p.organisationId(head));
    }
    // The activities it lists are its children, each once.
    const children = p.detail.nodes.filter((n) => n.parentId === node.id);
    const listed = expected.table2.lines.flatMap((l) => l.activities).map((a) => looseTitle(a.replace(/^Мероприятие [\d.]+\s*/, '')));
    expect(children.map((c) => looseTitle(c.title)), where).toEqual(expect.arrayContaining(listed));
  }
  for (const indicator of ryazanIndicators) {
    const linked = ryazanNodes.filter((n) => n.table2?.indicatorCodes.includes(indicator.code)).map((n) => p.node(n.code).id);
    expect([...p.indicator(indicator.code).nodeIds].sort(), `показатель ${indicator.code}: links`).toEqual(linked.sort());
  }
}

/** The amendment notes of the tables in the file, each an amendment on the part or indicator it names. */
export function expectAmendments(p: ImportedRyazan, tables: readonly FormNumber[]): void {
  const notes = ryazanAmendmentNotes.filter((n) => tables.some((t) => n.place.startsWith(`Таблица N ${t},`)));
  const acts = [...new Set(notes.map((n) => n.act))];
  for (const number of acts) {
    const act = ryazanAmendingActs.find((a) => a.number === number)!;
    const amendment = p.amendments.find((a) => a.number === number);
    expect(amendment, `редакция N ${number}`).toMatchObject({ actKind: act.actKind, issuer: act.issuer, date: act.date, status: 'closed' });
    for (const note of notes.filter((n) => n.act === number)) {
      const entityId =
        note.target.entity === 'program' ? p.programId : note.target.entity === 'node' ? p.node(note.target.code).id : p.indicator(note.target.code).id;
      expect(amendment!.targets, `${note.place}: «${note.text}»`).toContainEqual({ entity: note.target.entity, entityId });
    }
  }
}

export function statedTotalMismatches(p: ImportedRyazan): Finding[] {
  return p.findings.filter((f) => f.code === 'statedTotalMismatch');
}
