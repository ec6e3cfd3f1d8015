// The program kept whole between calls: opening a program reads it once for its detail and
// its findings, and whatever is written after, through this connection or another, is seen.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramDetailCache } from '../../electron/core/programDetailCache';
import { createTestWorkspace, type TestWorkspace } from '../support/testWorkspace';

let t: TestWorkspace;
beforeEach(() => {
  t = createTestWorkspace();
});
afterEach(() => t.dispose());

async function programWithAmount() {
  const program = await t.api('programs/create', { title: 'Формирование современной городской среды', periodStart: 2024, periodEnd: 2026 });
  const activity = await t.api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', code: '1', title: 'Благоустройство дворов' });
  await t.api('financing/set-year', { nodeId: activity.id, year: 2024, source: 'local', organisationId: null, amount: '100' });
  return { program, activity };
}

describe('the program kept whole between calls', () => {
  it('is read once while nothing is written', async () => {
    const { program } = await programWithAmount();
    const cache = new ProgramDetailCache(t.ws);
    const first = cache.get(program.id);
    expect(first?.financing).toHaveLength(1);
    expect(cache.get(program.id)).toBe(first);
    expect(cache.get(program.id + 1000)).toBeNull();
  });

  it('is read again after an edit, and after its undo', async () => {
    const { program, activity } = await programWithAmount();
    const cache = new ProgramDetailCache(t.ws);
    const before = cache.get(program.id)!;
    await t.api('financing/set-year', { nodeId: activity.id, year: 2024, source: 'local', organisationId: null, amount: '250,5' });
    const after = cache.get(program.id)!;
    expect(after).not.toBe(before);
    expect(after.financing[0].kopecks).toBe(25_050_000);
    await t.api('history/undo', {});
    expect(cache.get(program.id)!.financing[0].kopecks).toBe(10_000_000);
  });

  it('is read again after another connection commits to the file', async () => {
    const { program, activity } = await programWithAmount();
    const cache = new ProgramDetailCache(t.ws);
    expect(cache.get(program.id)!.nodes[0].title).toBe('Благоустройство дворов');
    const other = new Database(t.file);
    try {
      other.prepare('UPDATE nodes SET title = ? WHERE id = ?').run('Благоустройство общественных территорий', activity.id);
    } finally {
      other.close();
    }
    expect(cache.get(program.id)!.nodes[0].title).toBe('Благоустройство общественных территорий');
  });

  it('serves the findings of the program just opened, and sees what is written after', async () => {
    const { program, activity } = await programWithAmount();
    const withoutExecutor = async () => (await t.api('findings/list', { programId: program.id })).filter((f) => f.code === 'activityWithoutExecutor');
    // Opening asks for both at once; the findings come from the detail just read.
    expect((await t.api('programs/get', { programId: program.id })).financing).toHaveLength(1);
    expect((await withoutExecutor()).map((f) => f.target)).toEqual([{ programId: program.id, nodeId: activity.id }]);
    // The amount given an executor: the same calls now answer from the new state.
    const executor = await t.api('organisations/create', { name: 'МКУ «Управление благоустройства»' });
    await t.api('financing/set-year', { nodeId: activity.id, year: 2024, source: 'local', organisationId: executor.id, amount: '100' });
    expect((await t.api('programs/get', { programId: program.id })).financing.map((f) => f.organisationId)).toEqual([null, executor.id]);
    expect(await withoutExecutor()).toEqual([]);
  });

  describe('after a part\'s own fields are written', () => {
    async function openProgram() {
      const executor = await t.api('organisations/create', { name: 'МКУ «Управление благоустройства»' });
      const { program, activity } = await programWithAmount();
      const other = await t.api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', code: '2', title: 'Освещение', executors: [{ organisationId: executor.id, label: null }] });
      // What opening the program asks for.
      const opened = await t.api('programs/get', { programId: program.id });
      await t.api('findings/list', { programId: program.id });
      await t.api('totals/get', { programId: program.id });
      return { program, activity, other, executor, opened };
    }

    /** What the program's three reads give now, and what a fresh connection gives: equal. */
    async function expectAsFresh(programId: number) {
      const read = async () => ({
        detail: await t.api('programs/get', { programId }),
        findings: await t.api('findings/list', { programId }),
        totals: await t.api('totals/get', { programId }),
      });
      const cached = await read();
      t.reopen();
      expect(cached).toEqual(await read());
      return cached;
    }

    it('keeps the program cached with the part as written, and answers as a fresh read would', async () => {
      const { program, activity, other, opened } = await openProgram();
      await t.api('nodes/update', { nodeId: activity.id, changes: { code: '1.1', title: 'Благоустройство дворовых территорий', expectedResult: 'Дворы' } });
      const patched = await t.api('programs/get', { programId: program.id });
      // Patched, not read again: the other part is the same object.
      expect(patched.nodes.find((n) => n.id === other.id)).toBe(opened.nodes.find((n) => n.id === other.id));
      const { findings, totals } = await expectAsFresh(program.id);
      expect(totals.nodes.find((n) => n.nodeId === activity.id)).toMatchObject({ code: '1.1', title: 'Благоустройство дворовых территорий' });
      expect(findings.find((f) => f.target.nodeId === activity.id)?.where).toContain('п. 1.1 «Благоустройство дворовых территорий»');
    });

    it('keeps the program cached with an indicator as written', async () => {
      const { program } = await programWithAmount();
      const indicator = await t.api('indicators/create', { programId: program.id, code: '1.', name: 'Количество дворов', unit: 'ед.', base: '10', baseYear: 2023 });
      const opened = await t.api('programs/get', { programId: program.id });
      const planless = async () => (await t.api('findings/list', { programId: program.id })).filter((f) => f.code === 'indicatorWithoutPlan');
      expect(await planless()).toHaveLength(3);
      await t.api('totals/get', { programId: program.id });
      await t.api('indicators/set-values', { indicatorId: indicator.id, values: [{ year: 2024, type: 'plan', period: 0, value: '12' }] });
      await t.api('indicators/update', { indicatorId: indicator.id, changes: { name: 'Количество благоустроенных дворов' } });
      const patched = await t.api('programs/get', { programId: program.id });
      // Patched, not read again: the parts are the same list.
      expect(patched.nodes).toBe(opened.nodes);
      expect((await planless()).map((f) => f.target.year)).toEqual([2025, 2026]);
      const { detail } = await expectAsFresh(program.id);
      expect(detail.indicators[0]).toMatchObject({ name: 'Количество благоустроенных дворов' });
    });

    it('reads the program again when the write reached further: executors, an open amendment', async () => {
      // An executor the program does not name yet: the detail's organisations grow.
      const newcomer = await t.api('organisations/create', { name: 'МБУ «Зеленстрой»' });
      const { program, activity, other } = await openProgram();
      await t.api('nodes/update', { nodeId: activity.id, changes: { executors: [{ organisationId: newcomer.id, label: null }] } });
      expect((await expectAsFresh(program.id)).findings.filter((f) => f.code === 'activityWithoutExecutor')).toEqual([]);

      await t.api('amendments/open', { programId: program.id, issuer: 'Администрации города', number: '12', date: '2025-02-03' });
      await t.api('programs/get', { programId: program.id });
      await t.api('nodes/update', { nodeId: other.id, changes: { title: 'Уличное освещение' } });
      const { detail } = await expectAsFresh(program.id);
      expect(detail.amendments[0].targets).toContainEqual({ entity: 'node', entityId: other.id });
    });
  });
});
