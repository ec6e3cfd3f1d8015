import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../electron/reports/render/xlsx';
import type { ReportDocument } from '../../../electron/reports/reportDocument';
import { convertWithLibreOffice, outputDir } from './readers';
import { EXECUTOR_ADMINISTRATION, sampleIndicators, sampleResourceProvision, TOTAL_LABEL } from './sampleDocument';

const FORMULA_LIKE_TEXTS = ['=HYPERLINK("http://example.com","Открыть")', '+79001234567', '-x', '@SUM(A1:A2)', '=1+1'];

/** A roadmap-like table whose executors an officer pasted from elsewhere, formulas included. */
const pasted: ReportDocument = {
  fileTitle: 'Дорожная карта',
  orientation: 'landscape',
  title: ['«Дорожная карта» (план-график)'],
  blocks: [
    {
      kind: 'table',
      table: {
        columns: [
          { width: 4, align: 'left' },
          { width: 2, align: 'right' },
        ],
        header: [[{ text: 'Ответственный исполнитель' }, { text: 'I квартал' }]],
        columnNumbers: true,
        rows: FORMULA_LIKE_TEXTS.map((text, index) => ({
          cells: [
            { kind: 'text', text },
            { kind: 'amount', kopecks: 6_252_600_000 + index, minDecimals: 2 },
          ],
        })),
      },
    },
  ],
};

async function readWorkbook(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0];
}

function rowWith(sheet: ExcelJS.Worksheet, column: number, text: string | number): ExcelJS.Row {
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    if (row.getCell(column).value === text) return row;
  }
  throw new Error(`no row with «${text}» in column ${column}`);
}

describe('renderXlsx', () => {
  const dir = outputDir();
  const files = {
    sample: join(dir, 'resource-provision.xlsx'),
    indicators: join(dir, 'indicators.xlsx'),
    pasted: join(dir, 'roadmap-pasted.xlsx'),
  };
  let sampleCsv: string;

  beforeAll(async () => {
    writeFileSync(files.sample, await renderXlsx(sampleResourceProvision()));
    writeFileSync(files.indicators, await renderXlsx(sampleIndicators()));
    writeFileSync(files.pasted, await renderXlsx(pasted));
    // Plain «csv» would turn Cyrillic into «?»: filter options ask for UTF-8 (76).
    const [csv] = await convertWithLibreOffice([files.sample], 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, 'xlsx-as-csv'), 'xlsx-test');
    sampleCsv = readFileSync(csv, 'utf8');
  });

  it('stores amounts as numbers in тыс. руб. with a format showing two to five decimals', async () => {
    const sheet = await readWorkbook(files.sample);
    const total = rowWith(sheet, 4, TOTAL_LABEL);
    expect(total.getCell(5).value).toBe(3597.05);
    expect(total.getCell(6).value).toBe(6806.85333);
    expect(total.getCell(14).value).toBe(59629.71333);
    expect(typeof total.getCell(6).value).toBe('number');
    // Table 4 prints its figures ungrouped, as in the seed
    expect(total.getCell(6).numFmt).toBe('0.00###');
    expect(total.getCell(4).font?.bold).toBe(true);
    const noFunds = rowWith(sheet, 4, 'УФКиМС');
    expect(noFunds.getCell(5).value).toBe('-');
    expect(noFunds.getCell(6).value).toBe(330.37);
    expect(rowWith(sheet, 4, EXECUTOR_ADMINISTRATION).getCell(14).value).toBe(1411.63);
  });

  it('merges header cells and note rows, and freezes the rows down to the column numbers', async () => {
    const sheet = await readWorkbook(files.sample);
    const numbers = rowWith(sheet, 1, 1);
    expect(numbers.getCell(15).value).toBe(15);
    const header = sheet.getRow(numbers.number - 2);
    expect(header.getCell(5).value).toBe('Объемы финансирования, тыс. руб.');
    const merges: string[] = sheet.model.merges;
    expect(merges).toContain(`E${header.number}:M${header.number}`); // over the nine years
    expect(merges).toContain(`A${header.number}:A${header.number + 1}`); // «NN пп» over two rows
    const note = rowWith(sheet, 1, '(п. 1.1 в ред. Постановления Администрации города Рязани от 23.03.2023 N 3219)');
    expect(merges).toContain(`A${note.number}:O${note.number}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: numbers.number });
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('prints landscape on one page width, repeating the header rows', () => {
    const parts = unzipSync(readFileSync(files.sample));
    const workbook = strFromU8(parts['xl/workbook.xml']);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">'Ресурсное обеспечение'!\$11:\$13<\/definedName>/);
    expect(sheet).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
    expect(strFromU8(parts['docProps/core.xml'])).toContain('<dc:title>Ресурсное обеспечение реализации');
  });

  it('keeps text that looks like a formula as plain text', async () => {
    const sheet = await readWorkbook(files.pasted);
    for (const text of FORMULA_LIKE_TEXTS) {
      const cell = rowWith(sheet, 1, text).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(rowWith(sheet, 1, '=1+1').getCell(2).value).toBe(62526.00004);
    expect(rowWith(sheet, 1, '=1+1').getCell(2).numFmt).toBe('#,##0.00###');
    const xml = strFromU8(unzipSync(readFileSync(files.pasted))['xl/worksheets/sheet1.xml']);
    expect(xml).not.toContain('<f>');
    expect(xml).not.toContain('<f ');
  });

  it('stores indicator values as numbers with their decimals, and text values as text', async () => {
    const sheet = await readWorkbook(files.indicators);
    const maturity = rowWith(sheet, 1, '4.1');
    expect(maturity.getCell(4).value).toBe(38.5);
    expect(maturity.getCell(4).numFmt).toBe('0.0');
    expect(maturity.getCell(5).value).toBe(41.67);
    expect(maturity.getCell(5).numFmt).toBe('0.00');
    expect(rowWith(sheet, 1, '1.1.').getCell(5).value).toBe('Не менее 95');
    expect(rowWith(sheet, 1, '3.1').getCell(5).value).toBe('-');
  });

  it('opens in LibreOffice with its Cyrillic text and figures', () => {
    expect(sampleCsv).toContain('"Ресурсное обеспечение"');
    expect(sampleCsv).toContain(`"${TOTAL_LABEL}",3597.05,6806.85333`);
    expect(sampleCsv).toContain('59629.71333');
    expect(sampleCsv).toContain('"Задача 1. Внедрение цифровых технологий в сфере оказания муниципальных услуг"');
  });
});
