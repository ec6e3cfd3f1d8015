// A Table 4 large enough that its parts, amounts and stated totals are written in several
// batches with a remainder: it comes back to the kopeck, and the import is one edit that undo
// removes exactly and redo brings back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderReport } from '../../electron/reports/buildReport';
import { largeProgramDetail } from '../bench/largeProgram';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';

let t: TestWorkspace;
beforeAll(() => {
  t = createTestWorkspace();
});
afterAll(() => t.dispose());

describe('a Table 4 of a few hundred rows', () => {
  it('imports every amount to the kopeck, as one edit that undo and redo replay exactly', async () => {
    const detail = largeProgramDetail({ tasks: 2, mainActivitiesPerTask: 4, activitiesPerMainActivity: 13, firstYear: 2022, years: 3 });
    const bytes = await renderReport(buildReport(detail, 'resources', null), 'xlsx');
    const preview = await t.api('import/preview', { fileName: 'table4.xlsx', data: Buffer.from(bytes).toString('base64'), programId: null });
    expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(preview.created.amounts % 100).not.toBe(0);
    expect(preview.created.amounts).toBeGreaterThan(200);
    expect(preview.created.nodes).toBeGreaterThan(100);

    const before = snapshotTables(t.ws);
    const { programId } = await t.api('import/commit', { previewId: preview.previewId });
    const after = snapshotTables(t.ws);
    expect(after.financing.length - before.financing.length).toBe(preview.created.amounts);
    expect(after.nodes.length - before.nodes.length).toBe(preview.created.nodes);
    const total = detail.financing.reduce((sum, row) => sum + row.kopecks, 0);
    expect((await t.api('totals/get', { programId })).program.total).toBe(total);

    await t.api('history/undo', {});
    expect(snapshotTables(t.ws)).toEqual(before);
    await t.api('history/redo', {});
    expect(snapshotTables(t.ws)).toEqual(after);
  });
});
