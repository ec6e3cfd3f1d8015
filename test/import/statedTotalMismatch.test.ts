// A copy of Table 4 where one executor's amount was changed by 0,01 and the totals above it were
// not: the import is not refused and nothing is silently corrected — the preview and the
// program's findings name each total that now disagrees, with its cell and both figures.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/api/contract';
import { ryazanDocx, ryazanForms, rowNumbers, setCell } from '../fixtures/templates/ryazanTemplates';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';
import { base64, kopecks, loadImported, statedTotalMismatches, type ImportedRyazan } from './ryazanImportChecks';

const FILE = 'Рязань, таблица 4 (исправлено).docx';
/** 325,10 → 325,11: УОиМП, activity 1.1.2, 2023. */
const ROW = '1.1.2|УОиМП';
/** The document holds Table 4 alone, named by its printed caption, not as the file's first table. */
const TABLE = 'Таблица N 4';

let t: TestWorkspace;
let preview: ImportPreview;
let p: ImportedRyazan;
const table4 = ryazanForms()[4];
/** Money as the findings print it: «6 059,11 тыс. руб.», thousands apart by a no-break space. */
const money = (text: string) => `${text.replace(/\s/g, '[\\s\\u00a0]')} тыс\\. руб\\.`;

beforeAll(async () => {
  t = createTestWorkspace();
  const bytes = await ryazanDocx({ tables: [4], edit: (forms) => setCell(forms[4], ROW, 2023, '325,11') });
  preview = await t.api('import/preview', { fileName: FILE, data: base64(bytes), programId: null });
  const result = await t.api('import/commit', { previewId: preview.previewId });
  p = await loadImported(t.api, result.programId);
});
afterAll(() => t?.dispose());

describe('a stated total that disagrees by one kopeck', () => {
  it('takes the changed amount as written', () => {
    const node = p.node('1.1.2');
    const cell = p.detail.financing.find((f) => f.nodeId === node.id && f.year === 2023);
    expect(cell?.kopecks).toBe(kopecks('325,11'));
    expect(cell?.organisationId).toBe(p.organisationId('УОиМП'));
  });

  it('the preview names the row\'s ИТОГО cell and both figures', () => {
    const itogo = preview.findings.filter((f) => f.where.includes(`${TABLE}, строка ${rowNumbers(table4, ROW).docx}, столбец «ИТОГО»`));
    expect(itogo, JSON.stringify(preview.findings, null, 1)).toHaveLength(1);
    expect(itogo[0]).toMatchObject({ severity: 'error' });
    expect(itogo[0].where).toMatch(/п\. 1\.1\.2/);
    expect(itogo[0].message).toMatch(new RegExp(`Указан итог ${money('6 059,10')}, а сумма по строкам — ${money('6 059,11')}`));
    expect(itogo[0].message).toMatch(/разница -0,01/);
  });

  it('and every total above it: main activity 1.1 and the program, «Всего» and УОиМП, 2023 and ИТОГО', () => {
    const mismatches = statedTotalMismatches(p);
    const at = (rowKey: string, column: string) => mismatches.filter((f) => f.where.includes(`${TABLE}, строка ${rowNumbers(table4, rowKey).docx}, столбец «${column}»`));
    expect(at('1.1|Всего', '2023 г.')[0]?.message).toMatch(new RegExp(`Указан итог ${money('483,20')}, а сумма по строкам — ${money('483,21')}`));
    expect(at('1.1|УОиМП', '2023 г.')[0]?.message).toMatch(new RegExp(`Указан итог ${money('325,10')}, а сумма по строкам — ${money('325,11')}`));
    expect(at('МП|Всего', '2023 г.')[0]?.message).toMatch(new RegExp(`${money('6 806,85333')}.*${money('6 806,86333')}`));
    expect(at('МП|УОиМП', 'ИТОГО')[0]?.message).toMatch(new RegExp(`${money('6 779,10')}.*${money('6 779,11')}`));
    // Exactly those: each of the four printed lines in 2023 and in ИТОГО, plus the row's own ИТОГО.
    expect(mismatches).toHaveLength(9);
    for (const finding of mismatches) {
      expect(finding.where).toMatch(new RegExp(`${TABLE}, строка \\d+, столбец «(2023 г\\.|ИТОГО)»`));
      expect(finding.target.year === undefined || finding.target.year === 2023).toBe(true);
    }
    // The preview reported the same ones.
    expect(preview.findings.filter((f) => /Указан итог/.test(f.message)).map((f) => f.where).sort()).toEqual(mismatches.map((f) => f.where).sort());
  });
});
