// Seed 003 (Ryazan, «Цифровизация городской среды») as the template files a region sends: all
// four tables in one Word document and in one Excel book, imported through import/preview and
// import/commit over a real SQLite file. Everything the tables print must come back: every
// figure of Table 4 from the roll-ups to the kopeck, every value of Table 1 as written, Table 3,
// Table 2's periods, activities and links, the amendment notes — with no part read twice.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/api/contract';
import { ryazanPassport } from '../fixtures/ryazan';
import { ryazanDocx, ryazanXlsx } from '../fixtures/templates/ryazanTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import {
  base64,
  expectAmendments,
  expectParts,
  expectTable1,
  expectTable2,
  expectTable3,
  expectTable4,
  loadImported,
  statedTotalMismatches,
  type ImportedRyazan,
} from './ryazanImportChecks';

describe.each([
  // A Word table is named by the caption printed above it, a sheet by its name.
  { format: 'DOCX', fileName: 'Рязань, таблицы 1-4.docx', build: () => ryazanDocx(), tableName: (n: number) => `Таблица N ${n}` },
  { format: 'XLSX', fileName: 'Рязань, таблицы 1-4.xlsx', build: () => ryazanXlsx(), tableName: (n: number) => `Таблица ${n}` },
])('seed 003 from a $format copy of Tables 1–4', ({ fileName, build, tableName }) => {
  let t: TestWorkspace;
  let preview: ImportPreview;
  let result: ImportResult;
  let p: ImportedRyazan;
  let beforePreview: Record<string, unknown[]>;
  let afterPreview: Record<string, unknown[]>;

  beforeAll(async () => {
    t = createTestWorkspace();
    const bytes = await build();
    beforePreview = snapshotTables(t.ws);
    preview = await t.api('import/preview', { fileName, data: base64(bytes), programId: null });
    afterPreview = snapshotTables(t.ws);
    result = await t.api('import/commit', { previewId: preview.previewId });
    p = await loadImported(t.api, result.programId);
  });
  afterAll(() => t?.dispose());

  it('recognises the four forms', () => {
    expect(preview.tables.map((table) => [table.table, table.kind])).toEqual([
      [tableName(1), 'indicatorTargets'],
      [tableName(2), 'mainActivities'],
      [tableName(3), 'approvedBudget'],
      [tableName(4), 'resourceProvision'],
    ]);
    expect(preview.tables.every((table) => table.confidence >= 0.9)).toBe(true);
    expect(preview).toMatchObject({ file: fileName, target: null, programTitle: ryazanPassport.title, period: [2022, 2030], changes: [] });
  });

  it('the preview wrote nothing; the commit wrote exactly what the preview counted', () => {
    expect(afterPreview).toEqual(beforePreview);
    expect(result.created).toEqual(preview.created);
    const { detail } = p;
    expect(preview.created).toEqual({
      programs: 1,
      nodes: detail.nodes.length,
      indicators: detail.indicators.length,
      amounts: detail.financing.length + detail.quarterly.length,
      statedTotals: detail.statedTotals.length,
      budget: detail.budget.length,
      organisations: detail.organisations.length,
      amendments: detail.amendments.length,
    });
    expect(preview.created).toMatchObject({ nodes: 18, indicators: 6, budget: 3, amendments: 3 });
  });

  it('the passport lines the tables carry: title, period, goal', () => {
    expect(p.detail.program).toMatchObject({ title: ryazanPassport.title, periodStart: 2022, periodEnd: 2030 });
    expect(p.detail.program.goal.toLowerCase()).toBe(ryazanPassport.goal.toLowerCase());
  });

  it('every figure of Table 4: each part and the program, each year and ИТОГО, «Всего» and every executor line', () => {
    expectTable4(p);
  });

  it('states every printed total and none disagrees with the roll-up', () => {
    // 31 printed lines × (9 years + ИТОГО), less the lines that are the money itself.
    expect(p.detail.statedTotals.length).toBeGreaterThan(150);
    expect(statedTotalMismatches(p)).toEqual([]);
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(p.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('each part once, though Tables 1, 2 and 4 all name them («1.1.» and «1.1» are one)', () => {
    expectParts(p);
  });

  it('every value of Table 1 as written', () => {
    expectTable1(p);
  });

  it('Table 3: the approved budget', () => {
    expectTable3(p);
  });

  it('Table 2: periods, co-executors, activities and links to the indicators', () => {
    expectTable2(p);
    // «Мероприятие 4.1.» and «4.2.» under main activity 4.1 are Table 4's 4.1.1 and 4.1.2, and the preview says so.
    const renumbered = preview.findings.filter((f) => /принято за п\. 4\.1\.[12]/.test(f.message));
    const place = new RegExp(`${tableName(2)}.*строка \\d+`);
    expect(renumbered.map((f) => f.where)).toEqual([expect.stringMatching(place), expect.stringMatching(place)]);
  });

  it('the amendment notes of 23.03.2023 N 3219, 08.12.2023 N 15706 and 29.12.2023 N 16911 on what they stand under', () => {
    expectAmendments(p, [1, 2, 3, 4]);
    const n3219 = p.amendments.find((a) => a.number === '3219')!;
    expect(n3219.targets).toContainEqual({ entity: 'indicator', entityId: p.indicator('3.2').id });
    expect(n3219.targets).toContainEqual({ entity: 'node', entityId: p.node('3.1.1').id });
    expect(p.amendments.find((a) => a.number === '15706')!.targets).toEqual([{ entity: 'node', entityId: p.node('2.1.1').id }]);
  });
});
