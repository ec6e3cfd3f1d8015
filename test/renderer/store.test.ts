// The store's in-place patches after grid edits must equal what a full reload would give:
// checked against the real handlers on the demonstration program.

import { describe, expect, it } from 'vitest';
import type { TotalsView } from '../../shared/api/contract';
import type { Finding } from '../../shared/findings';
import { useStore } from '../../renderer/store';
import { loadDemoProgram, openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

/** Totals with breakdown lines in a fixed order and without all-zero lines, for comparison. */
function normalised(totals: TotalsView) {
  const line = <L extends { amounts: number[]; total: number }>(entries: L[], key: (entry: L) => string) =>
    entries.filter((e) => e.total !== 0 || e.amounts.some((a) => a !== 0)).sort((a, b) => key(a).localeCompare(key(b)));
  const view = (l: TotalsView['program']) => ({
    amounts: l.amounts,
    total: l.total,
    byExecutor: line(l.byExecutor, (e) => String(e.organisationId)),
    bySource: line(l.bySource, (s) => s.source),
  });
  return { years: totals.years, program: view(totals.program), nodes: totals.nodes.map((n) => ({ nodeId: n.nodeId, ...view(n) })).sort((a, b) => a.nodeId - b.nodeId) };
}

const findingKeys = (findings: Finding[]) => findings.map((f) => `${f.code}|${f.where}|${f.message}`).sort();

async function openDemo() {
  const programId = await loadDemoProgram(workspace().api);
  await useStore.getState().loadPrograms();
  await openInStore(programId, 'structure');
  const detail = useStore.getState().detail!;
  const leaf = (code: string) => detail.nodes.find((n) => n.code === code)!;
  return { programId, detail, leaf };
}

describe('the store after a grid edit', () => {
  it('applyCellUpdate leaves totals, findings and amounts exactly as a reload would', async () => {
    const { programId, detail, leaf } = await openDemo();
    const { api } = workspace();
    const node = leaf('2.1.1');
    const organisationId = detail.financing.find((f) => f.nodeId === node.id)!.organisationId;
    const edits = [
      // A changed amount under its own executor.
      { nodeId: node.id, year: 2024, source: 'local' as const, organisationId, amount: '1 234,56789' },
      // A new executor and a new source for the part: new breakdown lines.
      { nodeId: node.id, year: 2025, source: 'regional' as const, organisationId: detail.organisations[3].id, amount: '10' },
      // A cleared cell.
      { nodeId: node.id, year: 2024, source: 'local' as const, organisationId, amount: null },
    ];
    for (const edit of edits) {
      useStore.getState().applyCellUpdate(await api('financing/set-year', edit));
      const state = useStore.getState();
      expect(normalised(state.totals!)).toEqual(normalised(await api('totals/get', { programId })));
      expect(findingKeys(state.findings)).toEqual(findingKeys(await api('findings/list', { programId })));
      const fresh = await api('programs/get', { programId });
      const key = (r: { nodeId: number; year: number; source: string; organisationId: number | null }) => `${r.nodeId}|${r.year}|${r.source}|${r.organisationId}`;
      expect(state.detail!.financing.map((r) => `${key(r)}=${r.kopecks}`).sort()).toEqual(fresh.financing.map((r) => `${key(r)}=${r.kopecks}`).sort());
      expect(state.programs.find((p) => p.id === programId)!.totalKopecks).toBe((await api('programs/list', {}))[0].totalKopecks);
    }
    expect(useStore.getState().canUndo).toBe(true);
  });

  it('a quarter that disagrees with its year brings its finding, and fixing it takes the finding away', async () => {
    const { programId, detail, leaf } = await openDemo();
    const { api } = workspace();
    const node = leaf('2.1.1');
    const row = detail.financing.find((f) => f.nodeId === node.id && f.year === 2023)!;
    const cell = { nodeId: node.id, year: 2023, source: row.source, organisationId: row.organisationId };

    useStore.getState().applyCellUpdate(await api('financing/set-quarter', { ...cell, quarter: 1, amount: '1' }));
    expect(useStore.getState().findings.filter((f) => f.code === 'quartersMismatch')).toHaveLength(1);
    expect(normalised(useStore.getState().totals!)).toEqual(normalised(await api('totals/get', { programId })));

    useStore.getState().applyCellUpdate(await api('financing/set-quarter', { ...cell, quarter: 1, amount: row.kopecks }));
    expect(useStore.getState().findings.filter((f) => f.code === 'quartersMismatch')).toHaveLength(0);
    expect(findingKeys(useStore.getState().findings)).toEqual(findingKeys(await api('findings/list', { programId })));
    expect(useStore.getState().detail!.quarterly).toEqual([expect.objectContaining({ ...cell, quarter: 1, kopecks: row.kopecks })]);
  });

  it('applyRollup patches the year amounts at once and reloads breakdowns and findings', async () => {
    const { programId, leaf } = await openDemo();
    const { api } = workspace();
    const cells = [
      { nodeId: leaf('2.1.1').id, year: 2026, source: 'local' as const, organisationId: null, amount: '5' },
      { nodeId: leaf('3.1.1').id, year: 2027, source: 'federal' as const, organisationId: null, amount: '7,5' },
    ];
    const result = await api('financing/set-many', { programId, cells });
    useStore.getState().applyRollup(result.rollup, result.program, [
      { ...cells[0], kopecks: 500_000 },
      { ...cells[1], kopecks: 750_000 },
    ]);
    const fresh = await api('totals/get', { programId });
    // At once: the amounts and totals the response named.
    expect(useStore.getState().totals!.program.amounts).toEqual(fresh.program.amounts);
    expect(useStore.getState().totals!.program.total).toBe(fresh.program.total);
    // Then, after the quiet reload, everything.
    await expect.poll(() => normalised(useStore.getState().totals!)).toEqual(normalised(fresh));
    expect(findingKeys(useStore.getState().findings)).toEqual(findingKeys(await api('findings/list', { programId })));
  });
});

describe('undo and redo', () => {
  it('reload what they changed and say what they did', async () => {
    const { api } = workspace();
    const program = await api('programs/create', { title: 'История', periodStart: 2022, periodEnd: 2024 });
    await openInStore(program.id, 'passport');
    expect(await useStore.getState().updatePassport({ goal: 'Первая цель' })).toBeNull();
    await useStore.getState().refreshHistory();
    expect(useStore.getState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Изменён паспорт программы «История»' });

    await useStore.getState().undo();
    expect(useStore.getState().detail!.program.goal).toBe('');
    expect(useStore.getState()).toMatchObject({ canRedo: true, notice: 'Отменено: Изменён паспорт программы «История»' });

    await useStore.getState().redo();
    expect(useStore.getState().detail!.program.goal).toBe('Первая цель');

    // Undoing the program's creation closes it: it is no longer there.
    await useStore.getState().undo();
    await useStore.getState().undo();
    expect(useStore.getState()).toMatchObject({ programId: null, screen: 'programs', programs: [] });
  });
});

describe('long work', () => {
  it('shows progress, and a cancelled task resolves undefined with a notice', async () => {
    let report!: (fraction: number | null) => void;
    let finish!: () => void;
    const running = useStore.getState().runTask('Долгая работа', (signal, progress) => {
      report = progress;
      return new Promise<string>((resolve, reject) => {
        finish = () => resolve('готово');
        signal.addEventListener('abort', () => reject(new DOMException('прервано', 'AbortError')));
      });
    });
    report(0.25);
    expect(useStore.getState().tasks).toEqual([expect.objectContaining({ label: 'Долгая работа', progress: 0.25, cancellable: true })]);
    useStore.getState().cancelTask(useStore.getState().tasks[0].id);
    expect(await running).toBeUndefined();
    expect(useStore.getState()).toMatchObject({ tasks: [], notice: 'Прервано: Долгая работа', error: null });
    finish();
  });

  it('a failed task shows the API message as it comes', async () => {
    const result = await useStore.getState().runTask('Отчёт', () => workspace().api('reports/render', { programId: 999, report: 'passport', format: 'pdf' }));
    expect(result).toBeUndefined();
    expect(useStore.getState().error).toBe('Программа с номером 999 не найдена');
  });
});
