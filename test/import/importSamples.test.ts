// The template files of /work/shared/samples (seeds 002 and 004, DOCX and XLSX), imported
// through the API: the data that lands in the program, not only the absence of errors.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramDetail } from '../../shared/domain';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';
import { importFile, kopecks } from './ryazanImportChecks';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
const sample = (name: string) => new Uint8Array(readFileSync(SAMPLES + name));

let t: TestWorkspace;
beforeAll(() => {
  t = createTestWorkspace();
});
afterAll(() => t?.dispose());

describe.each(['krasnogorsk-roadmap-2022.docx', 'krasnogorsk-roadmap-2022.xlsx'])('seed 002, the Krasnogorsk roadmap: %s', (fileName) => {
  let detail: ProgramDetail;
  let programId: number;

  beforeAll(async () => {
    const { result } = await importFile(t.api, fileName, sample(fileName));
    programId = result.programId;
    detail = await t.api('programs/get', { programId });
  });

  const part = (subprogram: string, code: string) => {
    const parent = detail.nodes.find((n) => n.kind === 'subprogram' && n.code === subprogram)!;
    const found = detail.nodes.filter((n) => n.parentId === parent.id && n.code === code);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const quarters = (nodeId: number) => [1, 2, 3, 4].map((q) => detail.quarterly.find((r) => r.nodeId === nodeId && r.year === 2022 && r.quarter === q)?.kopecks ?? 0);

  it('the program, its subprograms and main activities as printed', () => {
    expect(detail.program).toMatchObject({ title: 'Цифровое муниципальное образование', periodStart: 2020, periodEnd: 2024 });
    expect(detail.nodes.filter((n) => n.kind === 'subprogram').map((n) => n.code)).toEqual(['I', 'II']);
    const subprogramII = detail.nodes.find((n) => n.code === 'II')!;
    expect(detail.nodes.filter((n) => n.parentId === subprogramII.id).map((n) => `${n.kind} ${n.code}`)).toEqual([
      'mainActivity 01',
      'mainActivity 02',
      'mainActivity 03',
      'mainActivity E4',
    ]);
    expect(part('II', 'E4').title).toBe('Федеральный проект «Цифровая образовательная среда»');
  });

  it('main activity 02 of subprogram I: 62 526,00 / 62 526,00 / 61 960,00 / 78 057,00, Запольский О.К.', async () => {
    const main = part('I', '02');
    expect(main.title).toMatch(/^Организация деятельности Многофункциональных центров/);
    expect(quarters(main.id)).toEqual(['62526,00', '62526,00', '61960,00', '78057,00'].map(kopecks));
    expect(main.responsiblePerson).toBe('Запольский О.К.');
    const executor = detail.organisations.find((o) => o.id === main.executors[0]?.organisationId);
    expect(executor?.name).toBe('Администрация г.о Красногорск');
    expect(main.expectedResult).toMatch(/^Обеспечение деятельности МФЦ\./);

    const totals = await t.api('totals/get', { programId });
    const line = totals.nodes.find((n) => n.nodeId === main.id)!;
    expect(line.amounts[totals.years.indexOf(2022)]).toBe(kopecks('265069,00'));
  });

  it('the other quarters and the program\'s 2022 total', async () => {
    expect(quarters(part('I', '03').id)).toEqual([0, 0, 0, kopecks('293,00')]);
    expect(quarters(part('II', '01').id)).toEqual([0, 0, kopecks('16221,00'), 0]);
    expect(quarters(part('II', 'E4').id)).toEqual([0, 0, kopecks('6233,80'), 0]);
    expect(part('II', '01').responsiblePerson).toMatch(/^Кормилицын Ю\.В/);
    const totals = await t.api('totals/get', { programId });
    expect(totals.program.amounts[totals.years.indexOf(2022)]).toBe(kopecks('299927,80'));
    expect(detail.quarterly.every((q) => q.source === 'local')).toBe(true);
  });
});

describe.each(['melekess-indicators-2020.docx', 'melekess-indicators-2020.xlsx'])('seed 004, the Melekess plan/fact report: %s', (fileName) => {
  let detail: ProgramDetail;

  beforeAll(async () => {
    const { preview, result } = await importFile(t.api, fileName, sample(fileName));
    expect(preview.tables.map((table) => table.kind)).toEqual(['planFact']);
    detail = await t.api('programs/get', { programId: result.programId });
  });

  const indicator = (code: string) => detail.indicators.find((i) => i.code.replace(/\.$/, '') === code)!;
  const value = (code: string, type: 'plan' | 'fact') => indicator(code).values.find((v) => v.year === 2020 && v.type === type);

  it('five indicators with type, territory, unit and base date', () => {
    expect(detail.indicators.map((i) => i.code.replace(/\.$/, ''))).toEqual(['1', '2', '3', '4', '5']);
    for (const i of detail.indicators) {
      expect(i).toMatchObject({ kind: 'main', territory: 'МО «Мелекесский район»', unit: '%', baseDate: '2018-12-14', baseYear: 2018 });
    }
    expect(detail.program.title).toBe('Цифровое государственное управление');
    expect(detail.program.level).toBe('municipal');
  });

  it('indicator 3: base 100, plan 90, fact «<90» with comparator «<», to fall', () => {
    expect(indicator('3').name).toMatch(/^Доля отказов при предоставлении приоритетных/);
    expect(indicator('3').base).toEqual({ comparator: null, value: '100', mark: null, text: '100' });
    expect(value('3', 'plan')).toMatchObject({ comparator: null, value: '90', mark: null, text: '90' });
    expect(value('3', 'fact')).toMatchObject({ comparator: '<', value: '90', mark: null, text: '<90' });
    expect(indicator('3').direction).toBe('down');
  });

  it('the other values as written: «-» base, «>25» and «>2» facts, a plain 0', () => {
    expect(indicator('1').base).toMatchObject({ mark: '-', value: null, text: '-' });
    expect(value('1', 'plan')).toMatchObject({ value: '25', comparator: null });
    expect(value('1', 'fact')).toMatchObject({ comparator: '>', value: '25', text: '>25' });
    expect(value('2', 'fact')).toMatchObject({ comparator: '>', value: '2' });
    expect(value('5', 'fact')).toMatchObject({ comparator: null, value: '0', text: '0' });
    expect(indicator('1').direction).toBe('up');
  });
});

describe('seed 004 with its values kept as Excel percentages and dates (25 % stored as 0.25, 14.12.2018 as 43448)', () => {
  it('gives the indicators the values and dates the officer sees, as the file with them as text does', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sample('melekess-indicators-2020.xlsx').buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    let converted = 0;
    // The base value, the plan and the fact of each of the five indicators; «<90», «-» stay text.
    for (let row = 5; row <= 9; row++) {
      for (const col of [5, 7, 8]) {
        const cell = sheet.getCell(row, col);
        if (typeof cell.value !== 'string' || !/^\d+$/.test(cell.value)) continue;
        cell.value = Number(cell.value) / 100;
        cell.numFmt = converted % 2 === 0 ? '0%' : '0.0%';
        converted += 1;
      }
      const date = sheet.getCell(row, 6);
      const [day, month, year] = String(date.value).split('.').map(Number);
      date.value = new Date(Date.UTC(year, month - 1, day));
      date.numFmt = 'dd.mm.yyyy';
    }
    expect(converted).toBeGreaterThanOrEqual(10);
    const values = async (fileName: string, bytes: Uint8Array) => {
      const { preview, result } = await importFile(t.api, fileName, bytes);
      expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const detail = await t.api('programs/get', { programId: result.programId });
      return detail.indicators.map((i) => ({ code: i.code, unit: i.unit, base: i.base?.value ?? null, baseDate: i.baseDate, values: i.values.map((v) => [v.year, v.type, v.comparator, v.value]).sort((a, b) => String(a).localeCompare(String(b))) }));
    };
    const asPercentages = await values('melekess-percent.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(asPercentages.find((i) => i.code.startsWith('1'))).toMatchObject({ base: null, baseDate: '2018-12-14', values: [[2020, 'fact', '>', '25'], [2020, 'plan', null, '25']] });
    expect(asPercentages).toEqual(await values('melekess-indicators-2020.xlsx', sample('melekess-indicators-2020.xlsx')));
  });
});
