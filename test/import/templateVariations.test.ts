// Table 4 of seed 003 in the shapes officers' files take — no row of column numbers, amounts
// with spaces, no-break spaces or none, as Excel numbers or text, years «2022 г.» or «2022»,
// CSV from a Russian Excel — must give the same figures to the kopeck. And text that looks
// like a formula stays text.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_TITLE, formulaTitleEdit } from '../fixtures/templates/badTemplates';
import { ryazanCsv, ryazanDocx, ryazanXlsx } from '../fixtures/templates/ryazanTemplates';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';
import { expectAmendments, expectParts, expectTable4, importFile, loadImported, statedTotalMismatches } from './ryazanImportChecks';

let t: TestWorkspace;
beforeAll(() => {
  t = createTestWorkspace();
});
afterAll(() => t?.dispose());

describe.each([
  { variant: 'DOCX without the row of column numbers', fileName: 't4-no-numbers.docx', build: () => ryazanDocx({ tables: [4], columnNumbers: false }) },
  { variant: 'DOCX, amounts grouped with spaces («3 091,95»)', fileName: 't4-spaces.docx', build: () => ryazanDocx({ tables: [4], amounts: 'spaces' }) },
  { variant: 'DOCX, amounts grouped with no-break spaces', fileName: 't4-nbsp.docx', build: () => ryazanDocx({ tables: [4], amounts: 'nbsp' }) },
  { variant: 'DOCX, years headed «2022»', fileName: 't4-short-years.docx', build: () => ryazanDocx({ tables: [4], yearLabels: { 4: 'short' } }) },
  { variant: 'XLSX, every amount an Excel number', fileName: 't4-numbers.xlsx', build: () => ryazanXlsx({ tables: [4], amounts: 'number' }) },
  { variant: 'XLSX, every amount text with no-break spaces', fileName: 't4-text.xlsx', build: () => ryazanXlsx({ tables: [4], amounts: 'nbsp' }) },
  { variant: 'XLSX, years headed «2022», no column numbers', fileName: 't4-bare.xlsx', build: () => ryazanXlsx({ tables: [4], yearLabels: { 4: 'short' }, columnNumbers: false }) },
  { variant: 'CSV from a Russian Excel (Windows-1251, «;»)', fileName: 't4.csv', build: async () => ryazanCsv() },
  { variant: 'CSV in UTF-8, amounts with spaces', fileName: 't4-utf8.csv', build: async () => ryazanCsv({ encoding: 'utf8', amounts: 'spaces' }) },
])('Table 4 alone: $variant', ({ fileName, build }) => {
  it('reproduces every figure, every part once, the amendment notes, and no stated total disagrees', async () => {
    const { preview, result } = await importFile(t.api, fileName, await build());
    expect(preview.tables.map((table) => table.kind)).toEqual(['resourceProvision']);
    const p = await loadImported(t.api, result.programId);
    expectTable4(p);
    expectParts(p);
    expectAmendments(p, [4]);
    expect(statedTotalMismatches(p)).toEqual([]);
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('text that looks like a formula', () => {
  it.each([
    { format: 'XLSX', fileName: 'formula.xlsx', build: () => ryazanXlsx({ tables: [4], edit: formulaTitleEdit }) },
    { format: 'DOCX', fileName: 'formula.docx', build: () => ryazanDocx({ tables: [4], edit: formulaTitleEdit }) },
    { format: 'CSV', fileName: 'formula.csv', build: async () => ryazanCsv({ encoding: 'utf8', edit: formulaTitleEdit }) },
  ])('stays the text of the title in $format', async ({ fileName, build }) => {
    const { result } = await importFile(t.api, fileName, await build());
    const p = await loadImported(t.api, result.programId);
    expect(p.node('3.3').title).toBe(FORMULA_TITLE);
    expect(p.node('3.3').kind).toBe('mainActivity');
    const exported = await t.api('transfer/export-json', { programId: result.programId });
    expect(JSON.stringify(exported)).toContain(JSON.stringify(FORMULA_TITLE).slice(1, -1));
  });
});
