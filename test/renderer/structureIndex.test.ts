// What the structure grid derives from the store after each typed amount — the financing index
// patched from the rows that changed, and whether the breakdown lines must be rebuilt — must
// agree with deriving everything afresh. Checked edit by edit against the real handlers on the
// demonstration program.

import { describe, expect, it } from 'vitest';
import type { ProgramDetail } from '../../shared/domain';
import { comboKey, indexFinancing, reindexFinancing, type FinancingIndex } from '../../renderer/grid/program/financingIndex';
import { breakdownChanged } from '../../renderer/screens/structure/structureRows';
import { useStore } from '../../renderer/store';
import { patchDetailCells } from '../../renderer/store/cellPatch';
import { totalsLineOf } from '../../renderer/store/totalsLines';
import { loadDemoProgram, openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

/** The index as plain sorted data: parts, their (source, executor) pairs, years and quarters. */
function plain(index: FinancingIndex) {
  return [...index]
    .map(([nodeId, combos]) => ({
      nodeId,
      combos: combos
        .map((combo) => ({
          key: comboKey(combo),
          plans: [...combo.plans].sort((a, b) => a[0] - b[0]),
          quarters: [...combo.quarters].sort((a, b) => a[0] - b[0]),
        }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    }))
    .sort((a, b) => a.nodeId - b.nodeId);
}

describe('the structure grid after a typed amount', () => {
  it('patches the financing index to what a fresh index gives, and rebuilds rows only for new breakdown lines', async () => {
    const { api } = workspace();
    const programId = await loadDemoProgram(api);
    await useStore.getState().loadPrograms();
    await openInStore(programId, 'structure');
    const start = useStore.getState().detail!;
    const node = start.nodes.find((n) => n.code === '2.1.1')!;
    const stored = start.financing.find((f) => f.nodeId === node.id && f.year === 2024)!;
    const own = { nodeId: node.id, source: stored.source, organisationId: stored.organisationId };
    const newcomer = { nodeId: node.id, source: 'regional' as const, organisationId: start.organisations[3].id };
    const steps = [
      { what: 'a changed amount', call: () => api('financing/set-year', { ...own, year: 2024, amount: '1 234,56789' }), newLines: false },
      { what: 'a new source and executor', call: () => api('financing/set-year', { ...newcomer, year: 2025, amount: '10' }), newLines: true },
      { what: 'a quarter', call: () => api('financing/set-quarter', { ...own, year: 2023, quarter: 2, amount: '5' }), newLines: false },
      { what: 'the quarter cleared', call: () => api('financing/set-quarter', { ...own, year: 2023, quarter: 2, amount: null }), newLines: false },
      { what: 'the newcomer cleared', call: () => api('financing/set-year', { ...newcomer, year: 2025, amount: null }), newLines: true },
    ];

    let rows: Pick<ProgramDetail, 'financing' | 'quarterly'> = start;
    let index = indexFinancing(start);
    let totals = useStore.getState().totals!;
    for (const step of steps) {
      useStore.getState().applyCellUpdate(await step.call());
      const { detail, totals: nextTotals } = useStore.getState();
      const next = reindexFinancing(index, rows, detail!);
      expect(plain(next), step.what).toEqual(plain(indexFinancing(detail!)));
      // Only the edited part's entry is new.
      for (const [nodeId, combos] of next) if (nodeId !== node.id) expect(combos).toBe(index.get(nodeId));
      expect(breakdownChanged(index, next, totals, nextTotals), step.what).toBe(step.newLines);
      // The same answer from an index made afresh, where every entry is compared.
      expect(breakdownChanged(index, indexFinancing(detail!), totals, nextTotals), step.what).toBe(step.newLines);
      // The patched totals are found by part, and the parts not on the edited branch are the same objects.
      expect(totalsLineOf(nextTotals!, node.id)).toBe(nextTotals!.nodes.find((line) => line.nodeId === node.id));
      const untouched = nextTotals!.nodes.find((line) => line.code === '1.1.1')!;
      expect(untouched).toBe(totals.nodes.find((line) => line.nodeId === untouched.nodeId));
      rows = detail!;
      index = next;
      totals = nextTotals!;
    }
  });

  it('keeps agreeing with a fresh index over hundreds of edits, past the fold of its replaced parts', () => {
    const row = (nodeId: number, kopecks: number) => ({ nodeId, year: 2024, source: 'local' as const, organisationId: null, kopecks });
    let detail = { financing: Array.from({ length: 400 }, (_, i) => row(i + 1, 100 * (i + 1))), quarterly: [] } as unknown as ProgramDetail;
    let index = indexFinancing(detail);
    for (let i = 0; i < 600; i++) {
      // A changed amount, now and then a part cleared or a new part.
      const nodeId = i % 97 === 0 ? 1000 + i : (i % 400) + 1;
      const kopecks = i % 41 === 0 ? null : 7 * i;
      const next = patchDetailCells(detail, [{ ...row(nodeId, 0), kopecks }]);
      const patched = reindexFinancing(index, detail, next);
      if (next.financing !== detail.financing) expect(patched.partsPatchedSince(index)).toEqual([nodeId]);
      if (i % 50 === 0 || i === 599) {
        const fresh = indexFinancing(next);
        expect(plain(patched), `edit ${i}`).toEqual(plain(fresh));
        expect(patched.size, `edit ${i}`).toBe(fresh.size);
      }
      detail = next;
      index = patched;
    }
  });
});
