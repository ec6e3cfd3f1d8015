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

describe('an amount shown before its save answers', () => {
  type Write = { nodeId: number; year: number; quarter?: 1 | 2 | 3 | 4; source: 'local' | 'regional' | 'federal'; organisationId: number | null; amount: string | null };

  const kopecksOf = (amount: string | null) => (amount === null ? null : Math.round(Number(amount.replace(',', '.')) * 100_000));
  const shownCell = ({ amount, ...cell }: Write) => ({ ...cell, kopecks: kopecksOf(amount) });
  const save = ({ quarter, ...write }: Write) =>
    quarter === undefined ? workspace().api('financing/set-year', write) : workspace().api('financing/set-quarter', { ...write, quarter });
  const rowsKey = (rows: { nodeId: number; year: number; source: string; organisationId: number | null; kopecks: number; quarter?: number }[]) =>
    rows.map((r) => `${r.nodeId}|${r.year}|${r.quarter ?? ''}|${r.source}|${r.organisationId}=${r.kopecks}`).sort();

  /** The store shows what a reload of the program would give now (but for parts made outside it). */
  async function expectAsReloaded(programId: number, partsMadeOutside: number[] = []) {
    const { api } = workspace();
    const state = useStore.getState();
    const fresh = await api('programs/get', { programId });
    const totals = await api('totals/get', { programId });
    expect(normalised(state.totals!)).toEqual(normalised({ ...totals, nodes: totals.nodes.filter((n) => !partsMadeOutside.includes(n.nodeId)) }));
    expect(rowsKey(state.detail!.financing)).toEqual(rowsKey(fresh.financing));
    expect(rowsKey(state.detail!.quarterly)).toEqual(rowsKey(fresh.quarterly));
    expect(state.programs.find((p) => p.id === programId)!.totalKopecks).toBe((await api('programs/list', {}))[0].totalKopecks);
  }

  it('foresees the core: shown at once, the answer changes nothing', async () => {
    const { programId, detail, leaf } = await openDemo();
    const executor = (code: string) => detail.financing.find((f) => f.nodeId === leaf(code).id)!.organisationId;
    const writes: Write[] = [
      // A changed plan under its own executor, three levels deep.
      { nodeId: leaf('2.1.1').id, year: 2024, source: 'local', organisationId: executor('2.1.1'), amount: '1234,56789' },
      // A new executor and a new source for the part: new breakdown lines.
      { nodeId: leaf('2.1.1').id, year: 2025, source: 'regional', organisationId: detail.organisations[3].id, amount: '10' },
      // A cleared plan.
      { nodeId: leaf('2.1.1').id, year: 2024, source: 'local', organisationId: executor('2.1.1'), amount: null },
      // A quarter of a planned year: the year now counts its quarters instead of its plan.
      { nodeId: leaf('3.1.1').id, year: 2026, quarter: 2, source: 'local', organisationId: executor('3.1.1'), amount: '7,5' },
      { nodeId: leaf('3.1.1').id, year: 2026, quarter: 4, source: 'local', organisationId: executor('3.1.1'), amount: '1' },
      // Its quarters cleared: the plan counts again.
      { nodeId: leaf('3.1.1').id, year: 2026, quarter: 2, source: 'local', organisationId: executor('3.1.1'), amount: null },
      { nodeId: leaf('3.1.1').id, year: 2026, quarter: 4, source: 'local', organisationId: executor('3.1.1'), amount: null },
      // A part right under a task.
      { nodeId: leaf('3.2').id, year: 2030, source: 'federal', organisationId: null, amount: '0,00001' },
    ];
    for (const write of writes) {
      const shown = useStore.getState().showAmount(shownCell(write));
      const update = await save(write);
      await expectAsReloaded(programId);
      const { totals, detail: shownDetail, programs } = useStore.getState();
      useStore.getState().applyCellUpdate(update, shown);
      expect(useStore.getState().totals).toBe(totals);
      expect(useStore.getState().detail).toBe(shownDetail);
      expect(useStore.getState().programs).toBe(programs);
      expect(findingKeys(useStore.getState().findings)).toEqual(findingKeys(await workspace().api('findings/list', { programId })));
    }
  });

  it('keeps amounts typed after it when an earlier answer comes in', async () => {
    const { programId, detail, leaf } = await openDemo();
    const executor = detail.financing.find((f) => f.nodeId === leaf('2.1.1').id)!.organisationId;
    const first: Write = { nodeId: leaf('2.1.1').id, year: 2026, source: 'local', organisationId: executor, amount: '100' };
    const sibling: Write = { nodeId: leaf('2.1.2').id, year: 2026, source: 'local', organisationId: executor, amount: '200' };
    const again: Write = { ...first, amount: '300' };
    const shown = [first, sibling, again].map((write) => useStore.getState().showAmount(shownCell(write)));
    // The core writes them in the order they were sent; each answer knows only those before it.
    const updates = [await save(first), await save(sibling), await save(again)];
    for (const [i, update] of updates.entries()) {
      useStore.getState().applyCellUpdate(update, shown[i]);
      await expectAsReloaded(programId);
    }
  });

  it('takes a refused amount back, and the totals it moved with it', async () => {
    const { programId, detail, leaf } = await openDemo();
    const { api } = workspace();
    const before = normalised(useStore.getState().totals!);
    const executor = detail.financing.find((f) => f.nodeId === leaf('1.1.1').id)!.organisationId;
    const refused: Write = { nodeId: leaf('1.1.1').id, year: 2027, source: 'local', organisationId: executor, amount: '999' };
    const accepted: Write = { nodeId: leaf('1.1.2').id, year: 2027, source: 'local', organisationId: executor, amount: '5' };
    const shownRefused = useStore.getState().showAmount(shownCell(refused))!;
    const shownAccepted = useStore.getState().showAmount(shownCell(accepted));
    expect(normalised(useStore.getState().totals!)).not.toEqual(before);
    // Meanwhile the part got a part of its own: its amount now comes from it.
    const child = await api('nodes/create', { programId, parentId: refused.nodeId, kind: 'activity', title: 'Вложенное мероприятие' });
    await expect(save(refused)).rejects.toThrow(/складывается из вложенных мероприятий/);
    useStore.getState().withdrawAmount(shownRefused);
    const update = await save(accepted);
    useStore.getState().applyCellUpdate(update, shownAccepted);
    await expectAsReloaded(programId, [child.id]);

    // Alone, it leaves everything as it was.
    const { totals, detail: settled } = useStore.getState();
    const alone = useStore.getState().showAmount(shownCell({ ...refused, amount: '1' }))!;
    expect(useStore.getState().totals!.program.total).toBe(totals!.program.total + alone.delta);
    expect(alone.delta).not.toBe(0);
    useStore.getState().withdrawAmount(alone);
    expect(normalised(useStore.getState().totals!)).toEqual(normalised(totals!));
    expect(rowsKey(useStore.getState().detail!.financing)).toEqual(rowsKey(settled!.financing));

    // A reload while it is in flight shows the core's figures, which never had it.
    const reloaded = useStore.getState().showAmount(shownCell({ ...refused, amount: '2' }))!;
    await useStore.getState().refreshProgram();
    useStore.getState().withdrawAmount(reloaded);
    await expectAsReloaded(programId);
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
