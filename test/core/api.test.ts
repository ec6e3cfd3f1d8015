import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/api/contract';
import { ApiCallError } from '../../shared/api/client';
import { handlers } from '../../electron/api/handlers';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';

let t: TestWorkspace;
beforeEach(() => {
  t = createTestWorkspace();
});
afterEach(() => t.dispose());

async function smallProgram() {
  const admin = await t.api('organisations/create', { name: 'Администрация г.о. Красногорск', aliases: ['Администрация  г.о Красногорск'] });
  const mfc = await t.api('organisations/create', { name: 'МБУ «МФЦ»' });
  const program = await t.api('programs/create', { title: 'Цифровое муниципальное образование', periodStart: 2020, periodEnd: 2024 });
  const sub = await t.api('nodes/create', { programId: program.id, parentId: null, kind: 'subprogram', code: 'I', title: 'Снижение административных барьеров' });
  const main = await t.api('nodes/create', { programId: program.id, parentId: sub.id, kind: 'mainActivity', code: '02', title: 'Организация деятельности МФЦ' });
  const a1 = await t.api('nodes/create', {
    programId: program.id,
    parentId: main.id,
    kind: 'activity',
    code: '02.01',
    title: 'Обеспечение деятельности',
    executors: [{ organisationId: mfc.id, label: null }],
  });
  const a2 = await t.api('nodes/create', { programId: program.id, parentId: main.id, kind: 'activity', code: '02.02', title: 'Оснащение' });
  return { admin, mfc, program, sub, main, a1, a2 };
}

describe('the contract and the handler table', () => {
  it('has a handler for every name and no handler without a name', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(typeof contract[name].request.safeParse).toBe('function');
    }
  });

  it('answers an unknown name with a clear error and changes nothing', async () => {
    await smallProgram();
    const before = snapshotTables(t.ws);
    const response = await t.dispatch('programs/drop-all', {});
    expect(response).toEqual({ ok: false, error: { code: 'unknownMethod', message: 'Неизвестная операция «programs/drop-all»' } });
    expect(snapshotTables(t.ws)).toEqual(before);
  });

  it('refuses an invalid request before the handler runs, and says where', async () => {
    const { program, a1 } = await smallProgram();
    const before = snapshotTables(t.ws, []);
    for (const request of [
      { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: 'около 160' },
      { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '1,123456' },
      { nodeId: a1.id, year: 2022, source: 'bank', organisationId: null, amount: '1' },
      { nodeId: 'x', year: 2022, source: 'local', organisationId: null, amount: '1' },
      { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '1', extra: true },
    ]) {
      const response = await t.dispatch('financing/set-year', request);
      expect(response.ok).toBe(false);
      if (!response.ok) {
        expect(response.error.code).toBe('invalidRequest');
        expect(response.error.details?.length).toBeGreaterThan(0);
        expect(response.error.message).toMatch(/[а-я]/);
      }
    }
    const sixth = await t.dispatch('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '1,123456' });
    expect(!sixth.ok && sixth.error.details?.[0]).toMatchObject({ where: 'amount', message: expect.stringMatching(/пяти знаков/) });
    // Valid shape, but a year outside the program and a parent with children: refused by the handler.
    const outside = await t.dispatch('financing/set-year', { nodeId: a1.id, year: 2030, source: 'local', organisationId: null, amount: '1' });
    expect(!outside.ok && outside.error).toMatchObject({ code: 'invalidInput', message: expect.stringMatching(/вне срока программы/) });
    const parent = await t.dispatch('financing/set-year', { nodeId: a1.parentId, year: 2022, source: 'local', organisationId: null, amount: '1' });
    expect(!parent.ok && parent.error.message).toMatch(/складывается из вложенных/);
    const paste = await t.dispatch('financing/set-many', {
      programId: program.id,
      cells: [
        { nodeId: a1.id, year: 2022, quarter: 1, source: 'local', organisationId: null, amount: '10' },
        { nodeId: a1.id, year: 2031, quarter: 2, source: 'local', organisationId: null, amount: '10' },
      ],
    });
    expect(!paste.ok && paste.error).toMatchObject({ code: 'invalidInput', details: [{ where: 'cells[1]' }] });
    expect(snapshotTables(t.ws, [])).toEqual(before);
  });
});

describe('financing and roll-ups', () => {
  it('rolls a typed amount up through every ancestor and the program', async () => {
    const { program, sub, main, a1, a2, mfc } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a2.id, year: 2022, source: 'local', organisationId: null, amount: '100' });
    const update = await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: mfc.id, amount: '62 526,00' });
    expect(update.rollup).toEqual([
      { nodeId: a1.id, year: 2022, kopecks: 6_252_600_000, total: 6_252_600_000 },
      { nodeId: main.id, year: 2022, kopecks: 6_262_600_000, total: 6_262_600_000 },
      { nodeId: sub.id, year: 2022, kopecks: 6_262_600_000, total: 6_262_600_000 },
    ]);
    expect(update.programYear).toEqual({ year: 2022, kopecks: 6_262_600_000, total: 6_262_600_000 });
    // The renderer looks a typed amount's row up by its part (store/cellPatch.ts): the program's
    // amounts come ordered by part id, whatever order they were written in.
    expect(a1.id).toBeLessThan(a2.id);
    expect((await t.api('programs/get', { programId: program.id })).financing.map((row) => row.nodeId)).toEqual([a1.id, a2.id]);
    // The incrementally kept totals agree with a full computation on a fresh connection.
    t.reopen();
    const totals = await t.api('totals/get', { programId: program.id });
    expect(totals.program.amounts[totals.years.indexOf(2022)]).toBe(6_262_600_000);
    expect(totals.nodes.find((n) => n.nodeId === main.id)?.byExecutor).toEqual(
      expect.arrayContaining([expect.objectContaining({ organisationId: mfc.id, executor: 'МБУ «МФЦ»', total: 6_252_600_000 })]),
    );
  });

  it('names every part in the totals as it is now, however warm the totals are', async () => {
    const { program, a1, mfc } = await smallProgram();
    const labelOf = async (nodeId: number) => {
      const line = (await t.api('totals/get', { programId: program.id })).nodes.find((n) => n.nodeId === nodeId)!;
      return { code: line.code, kind: line.kind, title: line.title };
    };
    expect(await labelOf(a1.id)).toEqual({ code: '02.01', kind: 'activity', title: 'Обеспечение деятельности' });
    // A cell edit keeps the totals warm; a renamed part does not leave its old name behind.
    await t.api('financing/set-year', { nodeId: a1.id, year: 2021, source: 'local', organisationId: mfc.id, amount: '5' });
    await t.api('nodes/update', { nodeId: a1.id, changes: { code: '02.07', title: 'Обеспечение деятельности МФЦ' } });
    expect(await labelOf(a1.id)).toEqual({ code: '02.07', kind: 'activity', title: 'Обеспечение деятельности МФЦ' });
    const added = await t.api('nodes/create', { programId: program.id, parentId: a1.parentId, kind: 'activity', code: '02.03', title: 'Новое' });
    expect(await labelOf(added.id)).toEqual({ code: '02.03', kind: 'activity', title: 'Новое' });
  });

  it('takes a year from its quarters and reports quarters that disagree with the year plan', async () => {
    const { program, main, a1, a2 } = await smallProgram();
    const cell = { nodeId: a1.id, year: 2022, source: 'local', organisationId: null } as const;
    await t.api('financing/set-year', { ...cell, amount: '265 069,00' });
    const paste = await t.api('financing/set-many', {
      programId: program.id,
      cells: [
        { ...cell, quarter: 1, amount: '62 526,00' },
        { ...cell, quarter: 2, amount: '62 526,00' },
        { ...cell, quarter: 3, amount: '61 960,00' },
        { ...cell, quarter: 4, amount: '78 057,00' },
      ],
    });
    expect(paste.updated).toBe(4);
    expect(paste.findings).toEqual([]);
    expect(paste.rollup.find((r) => r.nodeId === main.id)?.kopecks).toBe(26_506_900_000);
    const changed = await t.api('financing/set-quarter', { ...cell, quarter: 4, amount: '78 000,00' });
    expect(changed.rollup[0].kopecks).toBe(26_501_200_000);
    expect(changed.findings).toEqual([
      expect.objectContaining({ code: 'quartersMismatch', target: expect.objectContaining({ nodeId: a1.id, year: 2022 }) }),
    ]);
    const all = await t.api('findings/list', { programId: program.id });
    expect(all.filter((f) => f.code === 'quartersMismatch')).toHaveLength(1);
    expect(all.filter((f) => f.code === 'activityWithoutExecutor').map((f) => f.target.nodeId)).toEqual([a2.id]);
  });
});

describe('the tree of parts', () => {
  it('moves a part with its subtree, keeps siblings numbered, and refuses a move into itself', async () => {
    const { program, sub, main, a1, a2 } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '10' });
    const sub2 = await t.api('nodes/create', { programId: program.id, parentId: null, kind: 'subprogram', code: 'II', title: 'Инфраструктура' });
    const moved = await t.api('nodes/move', { nodeId: main.id, parentId: sub2.id, position: 0 });
    expect(moved).toMatchObject({ parentId: sub2.id, position: 0 });
    const totals = await t.api('totals/get', { programId: program.id });
    const amountOf = (id: number) => totals.nodes.find((n) => n.nodeId === id)!.total;
    expect([amountOf(sub.id), amountOf(sub2.id)]).toEqual([0, 1_000_000]);
    const intoItself = await t.dispatch('nodes/move', { nodeId: main.id, parentId: a1.id, position: 0 });
    expect(!intoItself.ok && intoItself.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/внутрь самого себя/) });
    const reordered = await t.api('nodes/move', { nodeId: a2.id, parentId: main.id, position: 0 });
    expect(reordered.position).toBe(0);
    const detail = await t.api('programs/get', { programId: program.id });
    expect(detail.nodes.filter((n) => n.parentId === main.id).map((n) => [n.code, n.position])).toEqual([
      ['02.02', 0],
      ['02.01', 1],
    ]);
  });

  it('deletes a part with its whole subtree and everything attached, and undo brings it all back', async () => {
    const { program, sub, a1, mfc } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: mfc.id, amount: '10' });
    const indicator = await t.api('indicators/create', { programId: program.id, name: 'Доля', taskNodeId: sub.id });
    await t.api('indicators/link', { indicatorId: indicator.id, nodeIds: [a1.id] });
    const before = snapshotTables(t.ws);
    expect(await t.api('nodes/delete', { nodeId: sub.id })).toEqual({ deletedNodes: 4 });
    const detail = await t.api('programs/get', { programId: program.id });
    expect(detail.nodes).toEqual([]);
    expect(detail.financing).toEqual([]);
    expect(detail.indicators[0]).toMatchObject({ taskNodeId: null, nodeIds: [] });
    await t.api('history/undo', {});
    expect(snapshotTables(t.ws)).toEqual(before);
  });
});

describe('undo and redo', () => {
  it('restore exactly the state before each edit, and redo brings it back', async () => {
    const states: unknown[] = [snapshotTables(t.ws)];
    const { program, main, a1 } = await smallProgram();
    states.push(snapshotTables(t.ws));
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '10' });
    states.push(snapshotTables(t.ws));
    await t.api('financing/set-many', {
      programId: program.id,
      cells: [
        { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '11' },
        { nodeId: a1.id, year: 2023, source: 'local', organisationId: null, amount: '12' },
      ],
    });
    states.push(snapshotTables(t.ws));
    await t.api('programs/update', { programId: program.id, changes: { goal: 'Цифровая трансформация', periodEnd: 2030 } });
    states.push(snapshotTables(t.ws));
    await t.api('nodes/delete', { nodeId: main.id });
    states.push(snapshotTables(t.ws));

    // The last five edits are the ones after smallProgram; undo them one by one.
    for (let i = states.length - 2; i >= 1; i--) {
      const undone = await t.api('history/undo', {});
      expect(undone.edit).not.toBeNull();
      expect(snapshotTables(t.ws)).toEqual(states[i]);
    }
    for (let i = 2; i < states.length; i++) {
      await t.api('history/redo', {});
      expect(snapshotTables(t.ws)).toEqual(states[i]);
    }
    expect((await t.api('history/redo', {})).edit).toBeNull();
  });

  it('forgets the redo stack when a new edit is made, and survives a restart', async () => {
    const { a1 } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '10' });
    await t.api('history/undo', {});
    await t.api('financing/set-year', { nodeId: a1.id, year: 2023, source: 'local', organisationId: null, amount: '20' });
    expect((await t.api('history/redo', {})).edit).toBeNull();
    t.reopen();
    const history = await t.api('history/list', { programId: null });
    expect(history.canUndo).toBe(true);
    expect(history.edits[0]).toMatchObject({ action: 'financing/set-year', state: 'done' });
    expect(history.edits.some((e) => e.state === 'discarded')).toBe(true);
  });
});

describe('amendments and editions', () => {
  it('attributes changes to the open amendment and compares two editions', async () => {
    const { program, a1, a2 } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '100' });
    const amendment = await t.api('amendments/open', {
      programId: program.id,
      issuer: 'Администрации города Рязани',
      number: '3219',
      date: '2023-03-23',
    });
    const again = await t.dispatch('amendments/open', { programId: program.id, issuer: 'x', number: '1', date: '2023-01-01' });
    expect(!again.ok && again.error.code).toBe('conflict');
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '150,5' });
    await t.api('nodes/update', { nodeId: a2.id, changes: { title: 'Оснащение МФЦ' } });
    const closed = await t.api('amendments/close', { programId: program.id });
    expect(closed.status).toBe('closed');
    expect(closed.targets).toEqual(
      expect.arrayContaining([
        { entity: 'node', entityId: a1.id },
        { entity: 'node', entityId: a2.id },
      ]),
    );
    expect(closed.targets.some((target) => target.entity === 'program')).toBe(false);
    const comparison = await t.api('amendments/compare', {
      programId: program.id,
      from: { kind: 'before', amendmentId: amendment.id },
      to: { kind: 'after', amendmentId: amendment.id },
    });
    expect(comparison.to).toBe('В редакции Постановления Администрации города Рязани от 23.03.2023 N 3219');
    expect(comparison.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'node', field: 'Наименование', before: 'Оснащение', after: 'Оснащение МФЦ' }),
        expect.objectContaining({ entity: 'financing', field: '2022 г., тыс. руб.', before: '100,00', after: '150,50' }),
      ]),
    );
    const editions = await t.api('amendments/editions', { programId: program.id });
    expect(editions.map((e) => e.ref.kind)).toEqual(['before', 'after', 'current']);
  });
});

describe('whole programs', () => {
  it('exports and imports a program without losing anything, and duplicates it', async () => {
    const { program, a1, mfc } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: mfc.id, amount: '6806,85333' });
    await t.api('financing/set-quarter', { nodeId: a1.id, year: 2023, quarter: 3, source: 'regional', organisationId: null, amount: '16 221,00' });
    await t.api('budget/set', { programId: program.id, year: 2023, source: 'local', amount: '3306,20' });
    const indicator = await t.api('indicators/create', { programId: program.id, code: '1.1.', name: 'Доля обращений', unit: '%', base: '99', baseYear: 2021 });
    await t.api('indicators/set-values', {
      indicatorId: indicator.id,
      values: [
        { year: 2022, type: 'plan', value: 'Не менее 95' },
        { year: 2023, type: 'plan', value: '-' },
        { year: 2022, type: 'fact', value: '96,5', date: '2023-01-20', comment: 'по данным ЕПГУ' },
      ],
    });
    await t.api('indicators/link', { indicatorId: indicator.id, nodeIds: [a1.id] });
    const exported = await t.api('transfer/export-json', { programId: program.id });
    expect(exported).toMatchObject({ format: 'munplan.program', version: 1 });

    const other = createTestWorkspace();
    try {
      const imported = await other.api('transfer/import-json', { document: JSON.parse(JSON.stringify(exported)) });
      const reexported = await other.api('transfer/export-json', { programId: imported.id });
      expect(withoutIds(reexported.detail)).toEqual(withoutIds(exported.detail));
    } finally {
      other.dispose();
    }
    const copy = await t.api('programs/duplicate', { programId: program.id });
    expect(copy.title).toBe('Цифровое муниципальное образование (копия)');
    const copyTotals = await t.api('totals/get', { programId: copy.id });
    const originalTotals = await t.api('totals/get', { programId: program.id });
    expect(copyTotals.program).toEqual(originalTotals.program);
    expect((await t.api('organisations/list', {})).length).toBe(2);
  });

  it('refuses a damaged program file with a clear message and imports nothing', async () => {
    const { program } = await smallProgram();
    const exported = await t.api('transfer/export-json', { programId: program.id });
    const before = snapshotTables(t.ws, []);
    const broken = JSON.parse(JSON.stringify(exported));
    broken.detail.nodes[1].parentId = 999;
    await expect(t.api('transfer/import-json', { document: broken })).rejects.toThrow(/повреждён.*nodes\.1|nodes\[1\]/);
    await expect(t.api('transfer/import-json', { document: { format: 'munplan.program', version: 7 } })).rejects.toThrow(/более новой версией/);
    await expect(t.api('transfer/import-json', { document: { hello: 1 } })).rejects.toBeInstanceOf(ApiCallError);
    expect(snapshotTables(t.ws, [])).toEqual(before);
  });
});

/** A program's content with the workspace's ids replaced by their order, to compare two copies. */
function withoutIds(detail: import('../../shared/domain').ProgramDetail) {
  const nodeIndex = new Map(detail.nodes.map((n, i) => [n.id, i]));
  const orgName = new Map(detail.organisations.map((o) => [o.id, o.name]));
  const node = (id: number | null) => (id === null ? null : nodeIndex.get(id));
  const org = (id: number | null) => (id === null ? null : orgName.get(id));
  const { id: _id, createdAt: _c, updatedAt: _u, ...program } = detail.program;
  return {
    program: { ...program, responsibleExecutorId: org(program.responsibleExecutorId), coExecutorIds: program.coExecutorIds.map(org), participantIds: program.participantIds.map(org) },
    organisations: detail.organisations.map(({ id: _oid, ...o }) => o),
    nodes: detail.nodes.map(({ id: _nid, ...n }) => ({ ...n, parentId: node(n.parentId), executors: n.executors.map((e) => ({ ...e, organisationId: org(e.organisationId) })) })),
    financing: detail.financing.map((f) => ({ ...f, nodeId: node(f.nodeId), organisationId: org(f.organisationId) })),
    quarterly: detail.quarterly.map((f) => ({ ...f, nodeId: node(f.nodeId), organisationId: org(f.organisationId) })),
    budget: detail.budget,
    statedTotals: detail.statedTotals.map((s) => ({ ...s, nodeId: node(s.nodeId), organisationId: org(s.organisationId) })),
    indicators: detail.indicators.map(({ id: _iid, ...i }) => ({ ...i, taskNodeId: node(i.taskNodeId), nodeIds: i.nodeIds.map(node) })),
    amendments: detail.amendments.map(({ id: _aid, ...a }) => a),
  };
}

describe('whole programs written in bulk', () => {
  it('are journaled like any edit: undo removes exactly what an import added, redo brings it back', async () => {
    const { program, a1 } = await smallProgram();
    await t.api('financing/set-year', { nodeId: a1.id, year: 2022, source: 'local', organisationId: null, amount: '10' });
    const document = await t.api('transfer/export-json', { programId: program.id });
    const before = snapshotTables(t.ws);
    const copy = await t.api('transfer/import-json', { document });
    const after = snapshotTables(t.ws);
    expect((await t.api('history/list', { programId: null })).edits[0]).toMatchObject({ action: 'transfer/import-json', state: 'done' });
    await t.api('history/undo', {});
    expect(snapshotTables(t.ws)).toEqual(before);
    await t.api('history/redo', {});
    expect(snapshotTables(t.ws)).toEqual(after);
    expect((await t.api('totals/get', { programId: copy.id })).program.total).toBe(1_000_000);
  });
});
