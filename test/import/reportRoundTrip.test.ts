// Munplan reads back its own Table 4: exported as XLSX or DOCX and imported into a new
// program, the Ryazan program comes back with the same totals to the kopeck, and every total
// the file states agrees with the roll-up (no findings).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterRyazanProgram } from '../fixtures/ryazan';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

let t: TestWorkspace;
let programId: number;
beforeAll(async () => {
  t = createTestWorkspace();
  ({ programId } = await enterRyazanProgram(t.api));
});
afterAll(() => t.dispose());

describe('Table 4 exported and imported again', () => {
  it.each(['xlsx', 'docx'] as const)('%s: same totals by year, executor and source, no findings', async (format) => {
    const file = path.join(t.folder, `resources.${format}`);
    await t.api('reports/export', { programId, report: 'resources', format, year: null, file });
    const preview = await t.api('import/preview', { fileName: path.basename(file), data: readFileSync(file).toString('base64'), programId: null });
    expect(preview.tables).toEqual([expect.objectContaining({ kind: 'resourceProvision', confidence: 1 })]);
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(preview.created).toMatchObject({ nodes: 18, amendments: 3 });
    const { programId: imported } = await t.api('import/commit', { previewId: preview.previewId });
    const original = await t.api('totals/get', { programId });
    const copy = await t.api('totals/get', { programId: imported });
    expect(copy.program).toEqual(original.program);
    const byCode = (view: typeof original) => Object.fromEntries(view.nodes.map((n) => [n.code, { amounts: n.amounts, total: n.total }]));
    expect(byCode(copy)).toEqual(byCode(original));
    expect((await t.api('findings/list', { programId: imported })).filter((f) => f.code === 'statedTotalMismatch')).toEqual([]);
  });
});
