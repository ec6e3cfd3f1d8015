// A new edition of Table 4 imported into the program already kept (seed 003 typed in through
// the API): УОиМП's 2023 amount under activity 1.1.2 goes from 325,10 to 330,00 and the
// totals printed above it follow. The preview matches every part instead of adding copies,
// lists that change with before and after, and writes nothing; the commit applies it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, TotalsView } from '../../shared/api/contract';
import { enterRyazanProgram, ryazanNodes, type EnteredRyazanProgram } from '../fixtures/ryazan';
import { ryazanDocx, setCell, type RyazanForms } from '../fixtures/templates/ryazanTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import { base64, kopecks } from './ryazanImportChecks';

/** The new edition: the amount and every total printed above it, as an officer would retype them. */
function newEdition(forms: RyazanForms): void {
  const t4 = forms[4];
  setCell(t4, '1.1.2|УОиМП', 2023, '330,00');
  setCell(t4, '1.1.2|УОиМП', 'total', '6064,00');
  setCell(t4, '1.1|Всего', 2023, '488,10');
  setCell(t4, '1.1|Всего', 'total', '7475,63');
  setCell(t4, '1.1|УОиМП', 2023, '330,00');
  setCell(t4, '1.1|УОиМП', 'total', '6064,00');
  setCell(t4, 'МП|Всего', 2023, '6811,75333');
  setCell(t4, 'МП|Всего', 'total', '59634,61333');
  setCell(t4, 'МП|УОиМП', 2023, '510,00');
  setCell(t4, 'МП|УОиМП', 'total', '6784,00');
}

let t: TestWorkspace;
let entered: EnteredRyazanProgram;
let preview: ImportPreview;
let before: Record<string, unknown[]>;
let afterPreview: Record<string, unknown[]>;
let totalsBefore: TotalsView;
let organisationsBefore: number;

beforeAll(async () => {
  t = createTestWorkspace();
  entered = await enterRyazanProgram(t.api);
  totalsBefore = await t.api('totals/get', { programId: entered.programId });
  organisationsBefore = (await t.api('organisations/list', {})).length;
  const bytes = await ryazanDocx({ tables: [4], edit: newEdition });
  before = snapshotTables(t.ws);
  preview = await t.api('import/preview', { fileName: 'Таблица 4, ред. 2024.docx', data: base64(bytes), programId: entered.programId });
  afterPreview = snapshotTables(t.ws);
});
afterAll(() => t?.dispose());

const at2023 = (totals: TotalsView, nodeId: number | null) => {
  const line = nodeId === null ? totals.program : totals.nodes.find((n) => n.nodeId === nodeId)!;
  return line.amounts[totals.years.indexOf(2023)];
};

describe('importing Table 4 into the program it belongs to', () => {
  it('the preview matches every part and adds none', () => {
    expect(preview.target).toEqual({ programId: entered.programId, title: 'Цифровизация городской среды' });
    expect(preview.matched).toEqual({ nodes: ryazanNodes.length, indicators: 0 });
    expect(preview.created).toMatchObject({ programs: 0, nodes: 0, indicators: 0 });
  });

  it('lists the changed amount with before and after, and the roll-ups it moves — nothing else', () => {
    const place = (code: string) => expect.stringContaining(`п. ${code}`);
    const change = (code: string, before: string, after: string) => ({ entity: 'financing', place: place(code), field: '2023 г., тыс. руб.', before, after });
    expect(preview.changes).toEqual([change('1.', '483,20', '488,10'), change('1.1', '483,20', '488,10'), change('1.1.2', '325,10', '330,00')]);
  });

  it('finds no disagreeing total: the new edition adds up', () => {
    expect(preview.findings.filter((f) => /Указан итог/.test(f.message))).toEqual([]);
  });

  it('the preview wrote nothing', () => {
    expect(afterPreview).toEqual(before);
  });

  it('the commit applies it: that amount, its roll-ups, and nothing else', async () => {
    const result = await t.api('import/commit', { previewId: preview.previewId });
    expect(result).toEqual({ programId: entered.programId, created: preview.created });
    const detail = await t.api('programs/get', { programId: entered.programId });
    expect(detail.nodes).toHaveLength(ryazanNodes.length);
    expect((await t.api('organisations/list', {})).length).toBe(organisationsBefore);
    const leaf = entered.nodeIds.get('1.1.2')!;
    const cells = detail.financing.filter((f) => f.nodeId === leaf && f.year === 2023);
    expect(cells).toEqual([{ nodeId: leaf, year: 2023, source: 'local', organisationId: entered.organisationIds.get('УОиМП'), kopecks: kopecks('330,00') }]);

    const totals = await t.api('totals/get', { programId: entered.programId });
    expect(at2023(totals, null)).toBe(kopecks('6811,75333'));
    expect(totals.program.total).toBe(kopecks('59634,61333'));
    const moved = new Set(['1.', '1.1', '1.1.2'].map((code) => entered.nodeIds.get(code)!));
    for (const node of totals.nodes) {
      const old = totalsBefore.nodes.find((n) => n.nodeId === node.nodeId)!;
      if (moved.has(node.nodeId)) expect(node.total - old.total, `п. ${node.code}`).toBe(kopecks('4,90'));
      else expect(node.amounts, `п. ${node.code}`).toEqual(old.amounts);
    }
    const findings = await t.api('findings/list', { programId: entered.programId });
    expect(findings.filter((f) => f.code === 'statedTotalMismatch')).toEqual([]);
    // The notes of the new edition land on the amendments already kept, not on copies.
    const amendments = await t.api('amendments/list', { programId: entered.programId });
    expect(amendments.filter((a) => a.number === '3219')).toHaveLength(1);
    expect(amendments.find((a) => a.number === '15706')!.targets).toEqual([{ entity: 'node', entityId: entered.nodeIds.get('2.1.1') }]);
  });
});
