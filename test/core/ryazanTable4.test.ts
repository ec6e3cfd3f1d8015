// Seed 003 (Ryazan, «Цифровизация городской среды») typed in through the API over a real
// SQLite file: every figure of Table 4 must come back out of the roll-ups to the kopeck, with
// only the parts without children holding amounts. Also Table 3, Table 1 values, the
// amendment notes, the findings, and the same totals after the file is closed and reopened.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/api/dispatch';
import { createHandlerContext } from '../../electron/api/context';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/db/workspace';
import { amendmentNote } from '../../shared/amendmentNote';
import { ApiCallError, createApiClient, type ApiClient } from '../../shared/api/client';
import type { TotalsLine, TotalsView } from '../../shared/api/contract';
import type { ProgramDetail } from '../../shared/domain';
import { parseThousands } from '../../shared/money';
import {
  RYAZAN_YEARS,
  enterRyazanProgram,
  ryazanAmendingActs,
  ryazanAmendmentNotes,
  ryazanBudget,
  ryazanIndicators,
  ryazanNodeExecutors,
  ryazanNodes,
  ryazanPassport,
  ryazanSourceOf,
  ryazanTable4Expected,
  type EnteredRyazanProgram,
  type RyazanAmountLine,
  type RyazanTable4Row,
} from '../fixtures/ryazan';

/** A printed amount in kopecks; «-» is no amount. */
function kopecks(printed: string): number {
  if (printed === '-') return 0;
  const parsed = parseThousands(printed);
  if (!parsed.ok) throw new Error(`«${printed}»: ${parsed.reason}`);
  return parsed.kopecks;
}

/** A computed line as kopecks for 2022…2030 and ИТОГО (amounts are aligned with totals.years). */
function computed(line: { amounts: number[]; total: number } | undefined): { years: number[]; total: number } {
  return { years: RYAZAN_YEARS.map((year) => amountOf(line, year)), total: line?.total ?? 0 };
}

function amountOf(line: { amounts: number[] } | undefined, year: number): number {
  const index = totals.years.indexOf(year);
  return index < 0 || !line ? 0 : (line.amounts[index] ?? 0);
}

function printed(line: RyazanAmountLine): { years: number[]; total: number } {
  return { years: line.years.map(kopecks), total: kopecks(line.total) };
}

let directory: string;
let file: string;
let ws: Workspace;
let api: ApiClient;
let entered: EnteredRyazanProgram;
let totals: TotalsView;
let detail: ProgramDetail;

function connect(): void {
  ws = openWorkspace(file);
  api = createApiClient(createDispatch(createHandlerContext(ws)));
}

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'munplan-ryazan-'));
  file = path.join(directory, 'ryazan.munplan');
  connect();
  entered = await enterRyazanProgram(api);
  totals = await api('totals/get', { programId: entered.programId });
  detail = await api('programs/get', { programId: entered.programId });
});

afterAll(() => {
  if (ws) closeWorkspace(ws);
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

const nodeId = (code: string) => {
  const id = entered.nodeIds.get(code);
  if (id === undefined) throw new Error(`no part «${code}»`);
  return id;
};
const organisationIdOf = (line: RyazanTable4Row['executors'][number]) => {
  expect(line.organisations).toHaveLength(1);
  return entered.organisationIds.get(line.organisations[0])!;
};
const nodeTotals = (code: string) => {
  const line = totals.nodes.find((n) => n.nodeId === nodeId(code));
  if (!line) throw new Error(`no totals for п. ${code}`);
  return line;
};

/** The row's «Всего» line and each executor line against the computed line, to the kopeck. */
function expectRowMatches(row: RyazanTable4Row, line: TotalsLine, where: string): void {
  expect(computed(line), `${where}: Всего`).toEqual(printed(row.all));
  const withAmounts = row.executors.filter((e) => kopecks(e.total) !== 0 || e.years.some((y) => kopecks(y) !== 0));
  for (const executor of withAmounts) {
    const organisationId = organisationIdOf(executor);
    const byExecutor = line.byExecutor.find((e) => e.organisationId === organisationId);
    expect(byExecutor, `${where}: «${executor.executor}»`).toBeDefined();
    expect(computed(byExecutor), `${where}: «${executor.executor}»`).toEqual(printed(executor));
  }
  // Nobody else holds money on this row, and nothing is without an executor.
  const expectedIds = withAmounts.map(organisationIdOf).sort((a, b) => a - b);
  const actualIds = line.byExecutor.filter((e) => e.total !== 0).map((e) => e.organisationId);
  expect(actualIds.sort((a, b) => (a ?? 0) - (b ?? 0)), `${where}: executors`).toEqual(expectedIds);
}

describe('seed 003, Table 4 «Ресурсное обеспечение» from the roll-ups', () => {
  it('the program row: every year, ИТОГО 59629,71333 and its «Всего» by source', () => {
    expect(totals.years).toEqual([...RYAZAN_YEARS]);
    expect(totals.program.total).toBe(kopecks('59629,71333'));
    expect(totals.program.total).toBe(5_962_971_333);
    expectRowMatches(ryazanTable4Expected.program, totals.program, 'МП');
    expect(totals.program.bySource.filter((s) => s.total !== 0).map((s) => s.source)).toEqual(['local']);
    expect(computed(totals.program.bySource.find((s) => s.source === 'local'))).toEqual(printed(ryazanTable4Expected.program.all));
  });

  it('the program row by executor: 52347,04333 · 6779,10 · 330,37 · 173,20', () => {
    const [administration, education, sport, treasury] = ryazanTable4Expected.program.executors;
    const totalOf = (line: typeof administration) =>
      totals.program.byExecutor.find((e) => e.organisationId === organisationIdOf(line))?.total;
    expect(administration.executor).toBe('Администрация города Рязани УЭиЦР, МКУ "ЦС"');
    expect(totalOf(administration)).toBe(5_234_704_333);
    expect(totalOf(education)).toBe(677_910_000);
    expect(totalOf(sport)).toBe(33_037_000);
    expect(totalOf(treasury)).toBe(17_320_000);
    // 2026: 173,06 + 5255,95 + 1040,00 + 520,00 = 6989,01 under one executor.
    expect(amountOf(totals.program.byExecutor.find((e) => e.organisationId === organisationIdOf(administration)), 2026)).toBe(698_901_000);
  });

  it.each(ryazanTable4Expected.rows.map((row) => [row.code, row] as const))('п. %s: «Всего», ИТОГО and each executor line', (code, row) => {
    expectRowMatches(row, nodeTotals(code), `п. ${code}`);
    const sources = nodeTotals(code).bySource.filter((s) => s.total !== 0).map((s) => s.source);
    expect(sources).toEqual(ryazanSourceOf(row.source) === 'none' ? [] : ['local']);
  });

  it('covers every row of Table 4 that prints figures', () => {
    expect(ryazanTable4Expected.rows.map((r) => r.code)).toEqual([
      '1.1', '1.1.1', '1.1.2', '2.1', '2.1.1', '2.1.2', '3.1', '3.1.1', '3.1.2', '3.2', '3.3', '4.1', '4.1.1', '4.1.2',
    ]);
    const lines = [ryazanTable4Expected.program, ...ryazanTable4Expected.rows].reduce((n, r) => n + (r.allLabel ? 1 : 0) + r.executors.length, 0);
    // 31 printed lines × (9 years + ИТОГО) = 310 figures.
    expect(lines).toBe(31);
  });

  it('a task is the sum of its main activities (Table 4 prints no line for it)', () => {
    const sum = (codes: string[]) => {
      const years = RYAZAN_YEARS.map((_, i) => codes.reduce((s, c) => s + kopecks(ryazanTable4Expected.rows.find((r) => r.code === c)!.all.years[i]), 0));
      return { years, total: codes.reduce((s, c) => s + kopecks(ryazanTable4Expected.rows.find((r) => r.code === c)!.all.total), 0) };
    };
    expect(computed(nodeTotals('1.'))).toEqual(sum(['1.1']));
    expect(computed(nodeTotals('2.'))).toEqual(sum(['2.1']));
    expect(computed(nodeTotals('3.'))).toEqual(sum(['3.1', '3.2', '3.3']));
    expect(computed(nodeTotals('4.'))).toEqual({ years: RYAZAN_YEARS.map(() => 0), total: 0 });
  });

  it('amounts sit only on parts without children; 3.2 carries its own', () => {
    const parents = new Set(detail.nodes.map((n) => n.parentId));
    const holders = new Set(detail.financing.map((f) => f.nodeId));
    for (const holder of holders) expect(parents.has(holder)).toBe(false);
    expect(holders.has(nodeId('3.2'))).toBe(true);
    expect(detail.financing.every((f) => f.source === 'local' && f.organisationId !== null)).toBe(true);
    expect(detail.quarterly).toEqual([]);
  });

  it('a part with children refuses an amount of its own', async () => {
    await expect(
      api('financing/set-year', { nodeId: nodeId('3.1'), year: 2026, source: 'local', organisationId: null, amount: '1,00' }),
    ).rejects.toThrow(ApiCallError);
  });
});

describe('seed 003, the rest of the program', () => {
  it('passport', () => {
    const { program } = detail;
    expect(program).toMatchObject({
      title: 'Цифровизация городской среды',
      level: 'municipal',
      periodStart: 2022,
      periodEnd: 2030,
      goal: ryazanPassport.goal,
      tasks: ryazanPassport.tasks,
      expectedResults: ryazanPassport.expectedResults,
      legalBasis: 'Постановление администрации города Рязани от 30 сентября 2021 г. N 4239',
      sourceLabels: { local: 'бюджет города Рязани' },
      responsibleExecutorId: entered.organisationIds.get('УЭиЦР'),
      coExecutorIds: [entered.organisationIds.get('МКУ "ЦС"')],
    });
    const responsible = detail.organisations.find((o) => o.id === program.responsibleExecutorId)!;
    expect(responsible).toMatchObject({ name: 'Управление экономики и цифрового развития администрации города Рязани', abbreviation: 'УЭиЦР' });
  });

  it('one «Администрация города Рязани» however Table 4 spells it', async () => {
    const administration = entered.organisationIds.get('Администрация города Рязани')!;
    for (const spelling of [
      'Администрация города Рязани УЭиЦР, МКУ "ЦС"',
      'Администрация города Рязани, УЭиЦР, МКУ "ЦС"',
      'Администрация города Рязани, МКУ "ЦС", УЭиЦР',
      'Администрация города Рязани, МКУ "ЦС"',
      'Администрация города Рязани, УЭиЦР',
    ]) {
      // A new body under a known spelling is refused: the spelling already names the administration.
      const attempt = api('organisations/create', { name: spelling });
      await expect(attempt).rejects.toThrow(/Администрация города Рязани/);
      await attempt.catch((error: ApiCallError) => expect(error.error.code).toBe('conflict'));
    }
    expect(detail.organisations.find((o) => o.id === administration)?.name).toBe('Администрация города Рязани');
  });

  it('parts: codes, kinds, titles, periods, expected results and executors as printed', () => {
    const byId = new Map(detail.nodes.map((n) => [n.id, n]));
    expect(detail.nodes.map((n) => n.code)).toEqual(ryazanNodes.map((n) => n.code));
    for (const node of ryazanNodes) {
      const stored = byId.get(nodeId(node.code))!;
      expect(stored).toMatchObject({
        kind: node.kind,
        title: node.title,
        parentId: node.parentCode === null ? null : nodeId(node.parentCode),
        periodStart: node.period?.start ?? null,
        periodEnd: node.period?.end ?? null,
        expectedResult: node.table4?.expectedResult ?? '',
      });
      expect(stored.executors, `п. ${node.code}`).toEqual(
        ryazanNodeExecutors(node).map((e) => ({ organisationId: entered.organisationIds.get(e.organisation), label: e.label })),
      );
    }
    expect(byId.get(nodeId('2.1.2'))!.executors.map((e) => e.label)).toEqual(['Администрация города Рязани, МКУ "ЦС"', 'УОиМП', 'УФКиМС']);
    expect(byId.get(nodeId('3.1.1'))!.title).toBe(
      'Создание единого ситуационного центра для принятия управленческих решений - интеллектуального центра городского управления (ИЦГУ)',
    );
    expect(byId.get(nodeId('4.1'))!.executors.map((e) => e.organisationId)).toEqual([
      entered.organisationIds.get('УЭиЦР'),
      entered.organisationIds.get('УДАА'),
    ]);
  });

  it('Table 3: the approved budget 2023–2025', () => {
    expect(detail.budget).toEqual(ryazanBudget.map((b) => ({ year: b.year, source: 'local', kopecks: kopecks(b.amount) })));
    expect(detail.budget.map((b) => b.kopecks)).toEqual([680_685_333, 330_620_000, 330_620_000]);
  });

  it('Table 1: values as printed, «Не менее 95» as ≥ 95, «-» as a mark', () => {
    const indicator = (code: string) => detail.indicators.find((i) => i.id === entered.indicatorIds.get(code))!;
    const plan = (code: string, year: number) => indicator(code).values.find((v) => v.type === 'plan' && v.year === year && v.period === 0);

    expect(detail.indicators.map((i) => i.code)).toEqual(ryazanIndicators.map((i) => i.code));
    for (const expected of ryazanIndicators) {
      const stored = indicator(expected.code);
      expect(stored).toMatchObject({ name: expected.name, unit: expected.unit, cumulative: expected.cumulative, baseYear: 2021, taskNodeId: nodeId(expected.taskCode) });
      expect(stored.base?.text).toBe(expected.base);
      expect(stored.values.filter((v) => v.type === 'plan').map((v) => v.text)).toEqual([...expected.plan]);
    }

    expect(plan('1.1.', 2022)).toMatchObject({ comparator: '>=', value: '95', mark: null, text: 'Не менее 95' });
    expect(plan('3.2', 2030)).toMatchObject({ comparator: '>=', value: '12', mark: null, text: 'Не менее 12' });
    expect(plan('3.1', 2022)).toMatchObject({ comparator: null, value: null, mark: '-', text: '-' });
    expect(plan('3.1', 2026)).toMatchObject({ comparator: null, value: '9', mark: null, text: '9' });
    expect(plan('4.1.', 2030)).toMatchObject({ value: '15900', text: '15900' });
    expect(indicator('1.1.').base).toEqual({ comparator: null, value: '99', mark: null, text: '99' });
    expect(indicator('3.2').base).toEqual({ comparator: null, value: null, mark: '-', text: '-' });
    expect(indicator('3.1')).toMatchObject({ unit: 'ед.', cumulative: true });
    expect(indicator('4.1.')).toMatchObject({ unit: 'ед.', cumulative: false });
  });

  it('Table 2: each main activity linked to its indicator', () => {
    const links = Object.fromEntries(detail.indicators.map((i) => [i.code, i.nodeIds]));
    expect(links).toEqual({
      '1.1.': [nodeId('1.1')],
      '2.1.': [nodeId('2.1')],
      '3.1': [nodeId('3.1')],
      '3.2': [nodeId('3.2')],
      '3.3.': [nodeId('3.3')],
      '4.1.': [nodeId('4.1')],
    });
  });

  it('amendments 3219, 15706 and 16911 mark the rows their notes stand under', () => {
    const amendments = detail.amendments;
    expect(amendments.map((a) => [a.number, a.date, a.status])).toEqual([
      ['3219', '2023-03-23', 'closed'],
      ['15706', '2023-12-08', 'closed'],
      ['16911', '2023-12-29', 'closed'],
    ]);
    for (const amendment of amendments) {
      expect(amendment).toMatchObject({ actKind: 'Постановление', issuer: 'Администрации города Рязани' });
      expect(ryazanAmendingActs.some((a) => a.number === amendment.number && a.date === amendment.date)).toBe(true);
    }
    const byNumber = new Map(amendments.map((a) => [a.number, a]));
    for (const note of ryazanAmendmentNotes) {
      const amendment = byNumber.get(note.act)!;
      // The note as the core prints it is the note as the seed prints it.
      expect(amendmentNote(amendment, note.item ?? undefined)).toBe(note.text);
      const entityId =
        note.target.entity === 'program'
          ? entered.programId
          : note.target.entity === 'node'
            ? nodeId(note.target.code)
            : entered.indicatorIds.get(note.target.code);
      expect(amendment.targets, `${note.place}: ${note.text}`).toContainEqual({ entity: note.target.entity, entityId });
    }
    const nodeCodes = (number: string) =>
      byNumber.get(number)!.targets.filter((t) => t.entity === 'node').map((t) => detail.nodes.find((n) => n.id === t.entityId)!.code);
    expect(nodeCodes('3219')).toEqual(['3.1', '3.2', '1.1', '1.1.1', '1.1.2', '3.1.1', '3.1.2', '4.1']);
    expect(nodeCodes('15706')).toEqual(['2.1.1']);
    expect(nodeCodes('16911')).toEqual(['2.1', '2.1.2']);
  });

  it('findings: no total, quarter or period errors, and nothing else', async () => {
    const findings = await api('findings/list', { programId: entered.programId });
    const errors = findings.filter((f) => ['statedTotalMismatch', 'quartersMismatch', 'outsidePeriod'].includes(f.code));
    expect(errors).toEqual([]);
    // Nor any warning: every activity has an executor, every indicator a plan for each year,
    // and no parent holds money of its own.
    expect(findings).toEqual([]);
  });
});

describe('seed 003 after closing and reopening the file', () => {
  it('the same totals and the same program come back', async () => {
    closeWorkspace(ws);
    connect();
    expect(await api('totals/get', { programId: entered.programId })).toEqual(totals);
    expect(await api('programs/get', { programId: entered.programId })).toEqual(detail);
    expect((await api('programs/list', {})).find((p) => p.id === entered.programId)?.totalKopecks).toBe(5_962_971_333);
  });
});
