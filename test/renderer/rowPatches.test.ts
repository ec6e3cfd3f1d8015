// The store's record of what a patch did to a stored list, read back by a screen that holds
// the list from before: the rows gone and come, across several patches, or null when the
// lists are not related by patches small enough to apply.

import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { patchDetailCells } from '../../renderer/store/cellPatch';
import { recordRowPatch, rowChangesSince } from '../../renderer/store/rowPatches';
import { indexFinancing, reindexFinancing } from '../../renderer/grid/program/financingIndex';
import type { ProgramDetail } from '../../shared/domain';

const row = (nodeId: number, year: number, kopecks: number) => ({ nodeId, year, source: 'local' as const, organisationId: null, kopecks });

describe('rowChangesSince', () => {
  it('gives no change for the same list and the replaced row for one patch', () => {
    const before = [row(1, 2024, 100), row(2, 2024, 200)];
    expect(rowChangesSince(before, before, 64)).toEqual({ removed: [], added: [] });
    const after = [before[0], row(2, 2024, 250)];
    recordRowPatch(before, after, [before[1]], [after[1]]);
    const changes = rowChangesSince(before, after, 64)!;
    expect(changes.removed[0]).toBe(before[1]);
    expect(changes.added[0]).toBe(after[1]);
  });

  it('composes several patches oldest first: a row added and then removed never was', () => {
    const first = [row(1, 2024, 100)];
    const added = row(1, 2025, 5);
    const second = [...first, added];
    recordRowPatch(first, second, [], [added]);
    const replaced = row(1, 2024, 300);
    const third = [replaced, added];
    recordRowPatch(second, third, [first[0]], [replaced]);
    const fourth = [replaced];
    recordRowPatch(third, fourth, [added], []);
    const changes = rowChangesSince(first, fourth, 64)!;
    expect(changes.removed).toEqual([first[0]]);
    expect(changes.added).toEqual([replaced]);
    expect(changes.added[0]).toBe(replaced);
  });

  it('is null for lists not made one from the other, and for more changed rows than the limit', () => {
    const before = [row(1, 2024, 100)];
    const loadedAnew = [row(1, 2024, 100)];
    expect(rowChangesSince(before, loadedAnew, 64)).toBeNull();
    let at = before;
    for (let i = 0; i < 5; i++) {
      const next = [row(1, 2024, i)];
      recordRowPatch(at, next, [at[0]], [next[0]]);
      at = next;
    }
    expect(rowChangesSince(before, at, 10)).toEqual({ removed: [before[0]], added: [at[0]] });
    expect(rowChangesSince(before, at, 9)).toBeNull();
  });
});

describe('patchDetailCells', () => {
  it('records each cell it writes, so a pasted block reads back as its rows', () => {
    const financing = [row(1, 2024, 100), row(1, 2025, 200), row(2, 2024, 300)];
    const detail = { financing, quarterly: [] } as unknown as ProgramDetail;
    const cell = (nodeId: number, year: number, kopecks: number | null) => ({ nodeId, year, source: 'local' as const, organisationId: null, kopecks });
    const patched = patchDetailCells(detail, [cell(1, 2025, 250), cell(2, 2024, null), cell(3, 2026, 7)]);
    expect(patched.financing).toEqual([row(1, 2024, 100), row(1, 2025, 250), row(3, 2026, 7)]);
    const changes = rowChangesSince(financing, patched.financing, 64)!;
    expect(changes.removed).toEqual([financing[1], financing[2]]);
    expect(changes.added).toEqual([row(1, 2025, 250), row(3, 2026, 7)]);
    // Nothing to clear: the same list, nothing recorded.
    expect(patchDetailCells(patched, [cell(9, 2024, null)]).financing).toBe(patched.financing);
  });

  it('keeps the amounts ordered by part: a new one goes after the rows of its part, and is found there again', () => {
    const financing = [row(1, 2024, 100), row(2, 2024, 200), row(2, 2025, 210), row(4, 2024, 400)];
    const detail = { financing, quarterly: [] } as unknown as ProgramDetail;
    const cell = (nodeId: number, year: number, kopecks: number | null) => ({ nodeId, year, source: 'local' as const, organisationId: null, kopecks });
    const added = patchDetailCells(detail, [cell(2, 2026, 220), cell(3, 2024, 300), cell(5, 2024, 500), cell(0, 2024, 1)]);
    expect(added.financing).toEqual([row(0, 2024, 1), row(1, 2024, 100), row(2, 2024, 200), row(2, 2025, 210), row(2, 2026, 220), row(3, 2024, 300), row(4, 2024, 400), row(5, 2024, 500)]);
    const replaced = patchDetailCells(added, [cell(2, 2026, 230), cell(2, 2024, null), cell(0, 2024, 2)]);
    expect(replaced.financing).toEqual([row(0, 2024, 2), row(1, 2024, 100), row(2, 2025, 210), row(2, 2026, 230), row(3, 2024, 300), row(4, 2024, 400), row(5, 2024, 500)]);
  });

  it('finds a quarter among the rows of its part by its quarter as well', () => {
    const quarter = (nodeId: number, q: number, kopecks: number) => ({ ...row(nodeId, 2024, kopecks), quarter: q });
    const quarterly = [quarter(1, 1, 10), quarter(1, 2, 20), quarter(2, 1, 30)];
    const detail = { financing: [], quarterly } as unknown as ProgramDetail;
    const patched = patchDetailCells(detail, [{ nodeId: 1, year: 2024, quarter: 2, source: 'local', organisationId: null, kopecks: 25 }, { nodeId: 1, year: 2024, quarter: 4, source: 'local', organisationId: null, kopecks: 40 }]);
    expect(patched.quarterly).toEqual([quarter(1, 1, 10), quarter(1, 2, 25), quarter(1, 4, 40), quarter(2, 1, 30)]);
  });
});

describe('what the records keep alive', () => {
  // A typed amount makes a new list of 180 000 rows and a new index: were each record to hold
  // the one before, a day of editing would keep every earlier list and index.
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = vm.runInNewContext('gc') as () => void;
  /** Whether the object behind `probe` is collected once nothing but records refers to it. */
  async function collected(probe: WeakRef<object>): Promise<boolean> {
    // A WeakRef keeps its target until the job that made or read it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    return probe.deref() === undefined;
  }

  it('neither a patched list nor a patched index keeps the one it was made from', async () => {
    const cell = { nodeId: 1, year: 2024, source: 'local' as const, organisationId: null, kopecks: 5 };
    let detail = { financing: [row(1, 2024, 100), row(2, 2024, 200)], quarterly: [] } as unknown as ProgramDetail;
    let index = indexFinancing(detail);
    const firstList = new WeakRef(detail.financing);
    const firstIndex = new WeakRef(index);
    for (let i = 0; i < 3; i++) {
      const next = patchDetailCells(detail, [{ ...cell, kopecks: i }]);
      index = reindexFinancing(index, detail, next);
      detail = next;
    }
    expect(await collected(firstList)).toBe(true);
    expect(await collected(firstIndex)).toBe(true);
    expect(index.get(1)![0].plans.get(2024)).toBe(2);
  });
});
