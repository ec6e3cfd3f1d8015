// The official forms filled from real programs and read back as a user's software would:
// Table 4 of the Ryazan program in all three formats carries every figure of the seed's
// Table 4; every form exports in every format, and a PNG of each PDF's first page is kept.

import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS, type ReportFormat } from '../../shared/api/contract';
import { parseThousands } from '../../shared/money';
import { enterRyazanProgram, ryazanTable4Expected, type RyazanAmountLine } from '../fixtures/ryazan';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import { convertWithLibreOffice, outputDir, pdfFonts, pdfPageToPng, pdfToText } from './render/readers';

let t: TestWorkspace;
let programId: number;

beforeAll(async () => {
  t = createTestWorkspace();
  ({ programId } = await enterRyazanProgram(t.api));
});
afterAll(() => t.dispose());

async function exportReport(report: string, format: ReportFormat, year?: number): Promise<string> {
  const file = path.join(t.folder, `${report}${year ?? ''}.${format}`);
  await t.api('reports/export', { programId, report: report as never, format, year: year ?? null, file });
  return file;
}

/** Every printed figure of a line, as the seed prints it with grouping removed. */
function figuresOf(line: RyazanAmountLine): string[] {
  return [...line.years, line.total].filter((text) => text !== '-');
}

const allLines = [ryazanTable4Expected.program, ...ryazanTable4Expected.rows].flatMap((row) => [row.all, ...row.executors]);
const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

describe('Table 4 (resources) of the Ryazan program', () => {
  it('as PDF: every figure of the seed, fonts embedded', async () => {
    const file = await exportReport('resources', 'pdf');
    const text = squeeze(await pdfToText(file));
    for (const line of allLines) for (const figure of figuresOf(line)) expect(text).toContain(squeeze(figure));
    // Narrow cells wrap «Всего, в том числе:»; text extraction then interleaves the next column.
    expect(text).toContain('Всего,втом');
    expect(text).toContain(squeeze('(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'));
    expect((await pdfFonts(file)).every((font) => font.embedded)).toBe(true);
  });

  it('as DOCX, opened by LibreOffice: every figure of the seed', async () => {
    const file = await exportReport('resources', 'docx');
    const out = path.join(t.folder, 'lo');
    const [pdf] = await convertWithLibreOffice([file], 'pdf', out, path.join(t.folder, 'lo-profile'));
    const text = squeeze(await pdfToText(pdf));
    for (const line of allLines) for (const figure of figuresOf(line)) expect(text).toContain(squeeze(figure));
  });

  it('as XLSX: each line of the seed is a row of numbers in its part', async () => {
    const file = await exportReport('resources', 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    const rows: { code: string; values: (number | null)[] }[] = [];
    let code = '';
    sheet.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'string' && first.trim() && !row.getCell(1).isMerged) code = first.trim();
      else if (typeof first === 'string' && first.trim() && row.getCell(1).master === row.getCell(1)) code = first.trim();
      const values: (number | null)[] = [];
      for (let c = 5; c <= 14; c++) {
        const value = row.getCell(c).value;
        values.push(typeof value === 'number' ? value : null);
      }
      if (values.some((v) => v !== null)) rows.push({ code, values });
    });
    const expectedRows = [ryazanTable4Expected.program, ...ryazanTable4Expected.rows];
    for (const expected of expectedRows) {
      for (const line of [expected.all, ...expected.executors]) {
        const wanted = [...line.years, line.total].map((text) => {
          if (text === '-') return null;
          const parsed = parseThousands(text);
          return parsed.ok ? parsed.kopecks : NaN;
        });
        if (wanted.every((v) => v === null)) continue;
        const found = rows.some(
          (row) => (expected.code === '' || row.code === expected.code) && row.values.every((v, i) => (v === null ? null : Math.round(v * 100_000)) === wanted[i]),
        );
        expect(found, `${expected.code || 'МП'}: ${line.years.join(' ')}`).toBe(true);
      }
    }
    expect(sheet.views[0]?.state).toBe('frozen');
  });
});

describe('every form', () => {
  it.each(REPORT_KINDS)('%s exports as DOCX, PDF and XLSX; the PDF page 1 is kept as a PNG', async (report) => {
    const year = report === 'roadmap' || report === 'planfact' ? 2023 : undefined;
    const pngFolder = path.join(outputDir(), 'forms');
    mkdirSync(pngFolder, { recursive: true });
    for (const format of ['docx', 'xlsx', 'pdf'] as const) {
      const file = await exportReport(report, format, year);
      const { size } = await import('node:fs').then((fs) => fs.statSync(file));
      expect(size).toBeGreaterThan(1000);
      if (format === 'pdf') {
        const text = await pdfToText(file);
        expect(text).toMatch(/[А-Яа-я]/);
        await pdfPageToPng(file, 1, path.join(pngFolder, `ryazan-${report}`));
      }
    }
  });

  it('passport carries the total resource provision and the period', async () => {
    const text = squeeze(await pdfToText(await exportReport('passport', 'pdf')));
    expect(text).toContain(squeeze('59629,71333 тыс. рублей'));
    expect(text).toContain(squeeze('2022 - 2030 годы'));
    expect(text).toContain(squeeze('Управление экономики и цифрового развития'));
  });

  it('Table 1 prints the values as the officer wrote them', async () => {
    const text = squeeze(await pdfToText(await exportReport('indicators', 'pdf')));
    expect(text).toContain(squeeze('(п. 3.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportReport('indicators', 'xlsx'));
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.filter((value) => value === 'Не менее 95')).toHaveLength(9 + 0);
    expect(cells.filter((value) => value === 'Не менее 12')).toHaveLength(5);
    expect(cells).toContain('ед. нараст. итогом');
    expect(cells).toContain('Количество электронных сервисов в системе "цифрового двойника города" <*>');
  });

  it('refuses an unknown report, a year outside the program and an unwritable path, changing nothing', async () => {
    const before = snapshotTables(t.ws, []);
    const unknown = await t.dispatch('reports/export', { programId, report: 'balance', format: 'pdf', file: path.join(t.folder, 'x.pdf') });
    expect(!unknown.ok && unknown.error.message).toMatch(/неизвестный отчёт «balance»/);
    const outside = await t.dispatch('reports/export', { programId, report: 'roadmap', format: 'pdf', year: 2035, file: path.join(t.folder, 'x.pdf') });
    expect(!outside.ok && outside.error.message).toMatch(/2035 год вне срока программы \(2022–2030\)/);
    const noYear = await t.dispatch('reports/export', { programId, report: 'planfact', format: 'pdf', file: path.join(t.folder, 'x.pdf') });
    expect(!noYear.ok && noYear.error.message).toMatch(/укажите год/);
    const unwritable = await t.dispatch('reports/export', { programId, report: 'passport', format: 'pdf', file: path.join(t.folder, 'no', 'such', 'x.pdf') });
    expect(!unwritable.ok && unwritable.error).toMatchObject({ code: 'invalidInput', message: expect.stringMatching(/Не удалось записать файл/) });
    expect(snapshotTables(t.ws, [])).toEqual(before);
  });
});
