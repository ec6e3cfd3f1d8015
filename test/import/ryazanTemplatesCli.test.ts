// The same Ryazan template files through the command line: `import FILE --json` writes the
// program with every figure of Tables 1–4, `--dry-run` shows the same counts and writes nothing.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWorkspace } from '../../electron/db/workspace';
import { ryazanDocx, ryazanXlsx } from '../fixtures/templates/ryazanTemplates';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import { expectAmendments, expectParts, expectTable1, expectTable2, expectTable3, expectTable4, loadImported, statedTotalMismatches } from './ryazanImportChecks';

const root = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let t: TestWorkspace;
const files: Record<'docx' | 'xlsx', string> = { docx: '', xlsx: '' };

beforeAll(async () => {
  t = createTestWorkspace();
  closeWorkspace(t.ws);
  files.docx = path.join(t.folder, 'ryazan-tables.docx');
  files.xlsx = path.join(t.folder, 'ryazan-tables.xlsx');
  writeFileSync(files.docx, await ryazanDocx());
  writeFileSync(files.xlsx, await ryazanXlsx());
});
afterAll(() => t?.dispose());

describe('import on the command line', () => {
  it('--dry-run shows what would be created and leaves the database as it was', () => {
    t.reopen();
    const before = snapshotTables(t.ws);
    closeWorkspace(t.ws);
    const run = cli('--db', t.file, 'import', files.docx, '--dry-run', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ programId: null, dryRun: true, programTitle: 'Цифровизация городской среды', period: [2022, 2030] });
    expect(out.created).toMatchObject({ programs: 1, nodes: 18, indicators: 6, budget: 3, amendments: 3 });
    t.reopen();
    expect(snapshotTables(t.ws)).toEqual(before);
    closeWorkspace(t.ws);
  });

  it.each(['docx', 'xlsx'] as const)('imports the %s copy with every figure of Tables 1–4', async (format) => {
    const run = cli('--db', t.file, 'import', files[format], '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.dryRun).toBe(false);
    expect(out.tables.map((table: { kind: string }) => table.kind)).toEqual(['indicatorTargets', 'mainActivities', 'approvedBudget', 'resourceProvision']);
    t.reopen();
    try {
      const p = await loadImported(t.api, out.programId);
      expect(out.created.nodes).toBe(p.detail.nodes.length);
      expect(out.created.amounts).toBe(p.detail.financing.length);
      expectTable4(p);
      expect(statedTotalMismatches(p)).toEqual([]);
      expectParts(p);
      expectTable1(p);
      expectTable2(p);
      expectTable3(p);
      expectAmendments(p, [1, 2, 3, 4]);
    } finally {
      closeWorkspace(t.ws);
    }
  });
});
