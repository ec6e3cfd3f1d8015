// Core figures for the 10 000-activity program: bulk load, one cell edit, all totals,
// export-json and import-json. Prints the figures; asserts nothing about time.

import { createTestWorkspace } from '../support/testWorkspace';
import { createHandlerContext } from '../../electron/api/context';
import { createDispatch } from '../../electron/api/dispatch';
import { createApiClient } from '../../shared/api/client';
import { PROGRAM_DOCUMENT_FORMAT, PROGRAM_DOCUMENT_VERSION } from '../../shared/programDocument';
import { largeProgramDetail } from './largeProgram';
import { measure, percentile, report } from './measure';

export async function coreBenchmark(): Promise<void> {
  const t = createTestWorkspace();
  try {
    const detail = largeProgramDetail();
    const document = { format: PROGRAM_DOCUMENT_FORMAT, version: PROGRAM_DOCUMENT_VERSION, exportedAt: new Date().toISOString(), app: 'bench', detail };
    const activities = detail.nodes.filter((n) => n.kind === 'activity');
    console.log(`program: ${activities.length} activities, ${detail.financing.length} amounts`);

    const { result: program, ms: loadMs } = await measure(() => t.api('transfer/import-json', { document }));
    report('bulk load (import of the whole program, validated, one transaction)', loadMs, 2000);

    // A fresh connection: nothing cached.
    t.reopen();
    const { ms: coldTotalsMs } = await measure(() => t.api('totals/get', { programId: program.id }));
    report('all totals of the program, cold (read every amount, roll up, build the view)', coldTotalsMs, 50);
    // Warm: the calls the screens make on an open program. One sample right after the cold call
    // mostly measures whether the collector chose that moment to clear the cold call's garbage.
    const warmTimes: number[] = [];
    for (let i = 0; i < 20; i++) warmTimes.push((await measure(() => t.api('totals/get', { programId: program.id }))).ms);
    report('all totals of the program, warm, p50 of 20 calls', percentile(warmTimes, 50), 50);
    report('all totals of the program, warm, slowest of 20 calls', Math.max(...warmTimes));

    const detailNow = await t.api('programs/get', { programId: program.id });
    const leaves = detailNow.nodes.filter((n) => n.kind === 'activity');
    const editTimes: number[] = [];
    for (let i = 0; i < 500; i++) {
      const leaf = leaves[(i * 7919) % leaves.length];
      const { ms } = await measure(() =>
        t.api('financing/set-year', {
          nodeId: leaf.id,
          year: 2022 + (i % 9),
          source: 'local',
          organisationId: leaf.executors[0].organisationId,
          amount: `${1000 + i},${String(i % 100).padStart(2, '0')}`,
        }),
      );
      editTimes.push(ms);
    }
    report('one cell edit p50 (validate, write, roll up ancestors, findings)', percentile(editTimes, 50));
    report('one cell edit p95', percentile(editTimes, 95), 5);

    // A typed title: the findings name parts by code and title, so the grid asks for them again.
    await t.api('findings/list', { programId: program.id });
    const titleTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const leaf = leaves[(i * 2003) % leaves.length];
      const { ms } = await measure(async () => {
        await t.api('nodes/update', { nodeId: leaf.id, changes: { title: `${leaf.title} (${i + 1})` } });
        await t.api('findings/list', { programId: program.id });
      });
      titleTimes.push(ms);
    }
    report('a part’s title written and the findings read again, p50 of 5', percentile(titleTimes, 50));

    const { result: exported, ms: exportMs } = await measure(async () => JSON.stringify(await t.api('transfer/export-json', { programId: program.id })));
    report(`export-json (${(exported.length / 1e6).toFixed(1)} MB)`, exportMs, 2000);

    const other = createTestWorkspace();
    try {
      const api = createApiClient(createDispatch(createHandlerContext(other.ws)));
      const { ms: importMs } = await measure(() => api('transfer/import-json', { document: JSON.parse(exported) }));
      report('import-json (parse, validate, write)', importMs, 2000);
    } finally {
      other.dispose();
    }
  } finally {
    t.dispose();
  }
}
