// @vitest-environment jsdom
// The three grid screens against the real dispatcher on a temporary SQLite file: what the
// officer types and pastes lands in the database, parents' sums follow at once, refusals write
// nothing, and undo brings the previous values back.

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { MethodName } from '../../shared/api/contract';
import { RYAZAN_YEARS, enterRyazanProgram, type EnteredRyazanProgram } from '../fixtures/ryazan';
import { createTestWorkspace, snapshotTables, type TestWorkspace } from '../support/testWorkspace';
import { IndicatorsScreen } from '../../renderer/screens/IndicatorsScreen';
import { RoadmapScreen } from '../../renderer/screens/RoadmapScreen';
import { StructureScreen } from '../../renderer/screens/StructureScreen';
import { resetStore, useStore } from '../../renderer/store';
import { shownText } from './support/gridCells';

let workspace: TestWorkspace;
/** Every call the screens made, by name, to tell a patch from a reload. */
let calls: MethodName[];

function countingApi(api: ApiClient): ApiClient {
  return ((name, request) => {
    calls.push(name);
    return api(name, request);
  }) as ApiClient;
}

async function openProgram(programId: number, screenName: 'structure' | 'roadmap' | 'indicators') {
  resetStore({ api: countingApi(workspace.rendererApi) });
  await useStore.getState().openProgram(programId, screenName);
  calls = [];
}

beforeEach(() => {
  workspace = createTestWorkspace();
  calls = [];
});

afterEach(() => {
  cleanup();
  workspace.dispose();
});

const NBSP = '\u00a0';
const grid = (name: RegExp) => screen.getByRole('grid', { name });

/** The body row whose first cell reads `code`. */
function rowOf(table: HTMLElement, firstCell: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.getAttribute('data-row') !== null && within(r).getAllByRole('gridcell')[0].textContent === firstCell);
  if (!row) throw new Error(`no row «${firstCell}»`);
  return row;
}

function cellOf(table: HTMLElement, firstCell: string, columnTitle: string): HTMLElement {
  const header = within(table)
    .getAllByRole('columnheader')
    .find((h) => h.textContent === columnTitle && !h.hasAttribute('aria-colspan'));
  if (!header) throw new Error(`no column «${columnTitle}»`);
  const col = header.getAttribute('aria-colindex');
  return within(rowOf(table, firstCell))
    .getAllByRole('gridcell')
    .find((c) => c.getAttribute('aria-colindex') === col)!;
}

const textOf = shownText;

async function select(user: ReturnType<typeof userEvent.setup>, cell: HTMLElement) {
  await user.click(cell);
}

describe('StructureScreen', () => {
  let ryazan: EnteredRyazanProgram;

  beforeEach(async () => {
    ryazan = await enterRyazanProgram(workspace.api);
    await openProgram(ryazan.programId, 'structure');
  });

  const storedAmount = async (code: string, year: number) => {
    const detail = await workspace.api('programs/get', { programId: ryazan.programId });
    return detail.financing.filter((f) => f.nodeId === ryazan.nodeIds.get(code) && f.year === year);
  };

  it('shows the tree with a column per year, ИТОГО and the expected result', () => {
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    const titles = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(titles).toEqual(['№', 'Наименование', ...RYAZAN_YEARS.map((y) => `${y} г.`), 'ИТОГО', 'Ожидаемый результат']);
    expect(textOf(cellOf(table, '', 'ИТОГО'))).toBe(`59${NBSP}629,71333`);
    expect(textOf(cellOf(table, '1.1', '2023 г.'))).toBe('483,20');
    expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe('');
    // 1 program row + every part of the seed.
    expect(table.getAttribute('aria-rowcount')).toBe(String(1 + 1 + useStore.getState().detail!.nodes.length));
  });

  it('writes «62 526,00» typed into a leaf as kopecks and moves the parents at once', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe('325,10');
    expect(textOf(cellOf(table, '1.', '2022 г.'))).toBe('325,10');
    expect(textOf(cellOf(table, '', '2022 г.'))).toBe(`3${NBSP}597,05`);

    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.keyboard('62 526,00{Enter}');

    await waitFor(() => expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe(`62${NBSP}526,00`));
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe(`62${NBSP}851,10`);
    expect(textOf(cellOf(table, '1.', '2022 г.'))).toBe(`62${NBSP}851,10`);
    expect(textOf(cellOf(table, '', '2022 г.'))).toBe(`66${NBSP}123,05`);
    expect(textOf(cellOf(table, '1.1', 'ИТОГО'))).toBe(`69${NBSP}996,73`);
    // Patched from the cell's update: nothing was reloaded.
    expect(calls).toContain('financing/set-year');
    expect(calls).not.toContain('programs/get');
    expect(calls).not.toContain('totals/get');

    const rows = await storedAmount('1.1.1', 2022);
    expect(rows).toEqual([expect.objectContaining({ kopecks: 6_252_600_000, source: 'local', organisationId: ryazan.organisationIds.get('Администрация города Рязани') })]);
  });

  it('moves the parents before the save answers, and back when the core refuses it', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const { api } = useStore.getState();
    const holdingApi = async (name: MethodName, request: unknown) => {
      if (name === 'financing/set-year') await held;
      return (api as (n: MethodName, r: unknown) => Promise<unknown>)(name, request);
    };
    useStore.setState({ api: holdingApi as ApiClient });

    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.keyboard('62 526,00{Enter}');
    // The save has not even reached the core.
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe(`62${NBSP}851,10`);
    expect(textOf(cellOf(table, '', '2022 г.'))).toBe(`66${NBSP}123,05`);
    expect(await storedAmount('1.1.1', 2022)).toEqual([]);

    // Meanwhile the part got one of its own, so its amount may no longer be typed.
    await workspace.api('nodes/create', { programId: ryazan.programId, parentId: ryazan.nodeIds.get('1.1.1')!, kind: 'activity', title: 'Вложенное' });
    answer();
    const alert = await within(cellOf(table, '1.1.1', '2022 г.')).findByRole('alert');
    expect(alert.textContent).toMatch(/^Сумма не записана: сумма п\. 1\.1\.1 складывается из вложенных мероприятий/);
    expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe('');
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe('325,10');
    expect(textOf(cellOf(table, '', '2022 г.'))).toBe(`3${NBSP}597,05`);
    expect(await storedAmount('1.1.1', 2022)).toEqual([]);
  });

  it('accepts «62526» and «62526.5» as well', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.keyboard('62526{Enter}');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe(`62${NBSP}526,00`));
    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.keyboard('62526.5{Enter}');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe(`62${NBSP}526,50`));
    expect((await storedAmount('1.1.1', 2022))[0].kopecks).toBe(6_252_650_000);
  });

  it("keeps a parent's amount read-only", async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    const parent = cellOf(table, '1.1', '2022 г.');
    expect(parent.getAttribute('aria-readonly')).toBe('true');
    expect(cellOf(table, '1.1.1', '2022 г.').getAttribute('aria-readonly')).toBe('false');
    const before = snapshotTables(workspace.ws);
    await select(user, parent);
    await user.keyboard('100');
    expect(within(table).queryByRole('textbox')).toBeNull();
    expect(within(cellOf(table, '1.1', '2022 г.')).getByRole('alert').textContent).toMatch(/складывается из вложенных мероприятий/);
    expect(snapshotTables(workspace.ws)).toEqual(before);
  });

  it('refuses «около 160» with a message beside the cell and writes nothing', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    const before = snapshotTables(workspace.ws);
    await select(user, cellOf(table, '1.1.2', '2022 г.'));
    await user.keyboard('около 160{Enter}');
    const alert = await within(cellOf(table, '1.1.2', '2022 г.')).findByRole('alert');
    expect(alert.textContent).toBe('Сумма не записана: «около 160»: ожидалась сумма в тыс. руб.');
    expect(textOf(cellOf(table, '1.1.2', '2022 г.'))).toBe('325,10');
    expect(snapshotTables(workspace.ws)).toEqual(before);
  });

  it('pastes a block as one set-many and one undo step; Ctrl+Z restores it', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.paste('100\t200\r\n300\t400\r\n');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.2', '2023 г.'))).toBe('400,00'));
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe('400,00');
    expect(calls.filter((c) => c.startsWith('financing/'))).toEqual(['financing/set-many']);
    const history = await workspace.api('history/list', { programId: ryazan.programId, limit: 5 });
    expect(history.edits[0]).toMatchObject({ action: 'financing/set-many', state: 'done' });

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.2', '2023 г.'))).toBe('325,10'));
    expect(textOf(cellOf(table, '1.1.1', '2022 г.'))).toBe('');
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe('325,10');
    expect(await storedAmount('1.1.1', 2022)).toEqual([]);
  });

  it('a pasted block with one bad amount writes nothing and points at that cell', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    const before = snapshotTables(workspace.ws);
    await select(user, cellOf(table, '1.1.1', '2022 г.'));
    await user.paste('100\t200\r\n300\tоколо 160\r\n');
    const alert = await within(cellOf(table, '1.1.2', '2023 г.')).findByRole('alert');
    expect(alert.textContent).toMatch(/^Вставка не выполнена, ничего не изменено: «около 160»/);
    expect(snapshotTables(workspace.ws)).toEqual(before);
  });

  it('shows sources and executors under each part; a leaf with several is edited line by line', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    // 2.1.1 is paid by three executors: its own row is their sum.
    expect(cellOf(table, '2.1.1', '2023 г.').getAttribute('aria-readonly')).toBe('true');

    // Subprogram 1 folded, so that 2.1.1 and its lines stay in the rows jsdom's grid draws.
    await user.click(within(rowOf(table, '1.')).getByRole('button', { name: 'Свернуть' }));
    await user.click(screen.getByRole('checkbox', { name: 'Показать источники и исполнителей' }));
    const lines = within(table)
      .getAllByRole('row')
      .filter((r) => r.className.includes('dg-row--detail'))
      .map((r) => within(r).getAllByRole('gridcell')[1].textContent);
    expect(lines).toContain('бюджет города Рязани · УФКиМС');

    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-row') !== null && Number(r.getAttribute('data-row')) > Number(rowOf(table, '2.1.1').getAttribute('data-row')) && within(r).getAllByRole('gridcell')[1].textContent === 'бюджет города Рязани · УФКиМС')!;
    const cell = within(row).getAllByRole('gridcell')[3];
    expect(textOf(cell)).toBe('183,968');
    expect(cell.getAttribute('aria-readonly')).toBe('false');
    await select(user, cell);
    await user.keyboard('200{Enter}');
    await waitFor(() => expect(textOf(cellOf(table, '2.1.1', '2023 г.'))).toBe(`2${NBSP}927,15`));
    const stored = await storedAmount('2.1.1', 2023);
    expect(stored.find((f) => f.organisationId === ryazan.organisationIds.get('УФКиМС'))?.kopecks).toBe(20_000_000);
  });

  it('collapses a part with its chevron and goes to a focused cell', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    const count = Number(table.getAttribute('aria-rowcount'));
    await user.click(within(rowOf(table, '1.')).getByRole('button', { name: 'Свернуть' }));
    expect(Number(table.getAttribute('aria-rowcount'))).toBe(count - 3);
    useStore.getState().setFocus({ nodeId: ryazan.nodeIds.get('1.1.2'), year: 2024 });
    await waitFor(() => expect(cellOf(table, '1.1.2', '2024 г.').getAttribute('aria-selected')).toBe('true'));
    expect(Number(table.getAttribute('aria-rowcount'))).toBe(count);
  });

  it('goes to a requested cell once: back on the screen later, the selection is not pulled there again', async () => {
    useStore.getState().setFocus({ nodeId: ryazan.nodeIds.get('1.1.2'), year: 2024 });
    const first = render(<StructureScreen />);
    await waitFor(() => expect(cellOf(grid(/Структура и финансирование/), '1.1.2', '2024 г.').getAttribute('aria-selected')).toBe('true'));
    expect(useStore.getState().focus).toBeNull();
    first.unmount();
    render(<StructureScreen />);
    expect(cellOf(grid(/Структура и финансирование/), '1.1.2', '2024 г.').getAttribute('aria-selected')).toBe('false');
  });

  it('goes to a cell asked for while the program is still on its way', async () => {
    useStore.setState({ detail: null, totals: null });
    useStore.getState().setFocus({ nodeId: ryazan.nodeIds.get('1.1.2'), year: 2023 });
    render(<StructureScreen />);
    expect(useStore.getState().focus).not.toBeNull();
    await useStore.getState().refreshProgram();
    await waitFor(() => expect(cellOf(grid(/Структура и финансирование/), '1.1.2', '2023 г.').getAttribute('aria-selected')).toBe('true'));
    expect(useStore.getState().focus).toBeNull();
  });

  it('Delete clears a leaf\'s amount and its parents follow', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    await select(user, cellOf(table, '1.1.2', '2022 г.'));
    await user.keyboard('{Delete}');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.2', '2022 г.'))).toBe(''));
    expect(textOf(cellOf(table, '1.1', '2022 г.'))).toBe('');
    expect(textOf(cellOf(table, '', '2022 г.'))).toBe(`3${NBSP}271,95`);
    expect(await storedAmount('1.1.2', 2022)).toEqual([]);
  });

  it('saves the expected result as typed', async () => {
    const user = userEvent.setup();
    render(<StructureScreen />);
    const table = grid(/Структура и финансирование/);
    await select(user, cellOf(table, '1.1.1', 'Ожидаемый результат'));
    await user.keyboard('Сервисы работают{Enter}');
    await waitFor(() => expect(textOf(cellOf(table, '1.1.1', 'Ожидаемый результат'))).toBe('Сервисы работают'));
    const detail = await workspace.api('programs/get', { programId: ryazan.programId });
    expect(detail.nodes.find((n) => n.code === '1.1.1')?.expectedResult).toBe('Сервисы работают');
  });
});

/** A small roadmap: a main activity with two activities, one with its year's plan. */
async function enterRoadmapProgram(api: ApiClient) {
  const organisation = await api('organisations/create', { name: 'Управление экономики и цифрового развития', abbreviation: 'УЭиЦР' });
  const program = await api('programs/create', { title: 'Цифровой муниципалитет', periodStart: 2022, periodEnd: 2024 });
  const main = await api('nodes/create', { programId: program.id, parentId: null, kind: 'mainActivity', code: '1', title: 'Развитие цифровой инфраструктуры' });
  const create = (code: string, title: string) =>
    api('nodes/create', {
      programId: program.id,
      parentId: main.id,
      kind: 'activity',
      code,
      title,
      responsiblePerson: 'Запольский О.К.',
      expectedResult: 'Доступ к сервисам',
      executors: [{ organisationId: organisation.id, label: 'УЭиЦР' }],
    });
  const first = await create('1.1', 'Приобретение серверного оборудования');
  const second = await create('1.2', 'Сопровождение систем');
  await api('financing/set-year', { nodeId: first.id, year: 2022, source: 'local', organisationId: organisation.id, amount: '265 069,00' });
  return { programId: program.id, organisationId: organisation.id, mainId: main.id, firstId: first.id, secondId: second.id };
}

describe('RoadmapScreen', () => {
  let roadmap: Awaited<ReturnType<typeof enterRoadmapProgram>>;

  beforeEach(async () => {
    roadmap = await enterRoadmapProgram(workspace.api);
    await openProgram(roadmap.programId, 'roadmap');
    useStore.getState().setRoadmapYear(2022);
  });

  const table = () => grid(/Дорожная карта на 2022 год/);

  it('shows parts by quarter under the year, with executor, person and the year plan', () => {
    render(<RoadmapScreen />);
    const year = screen.getByRole('columnheader', { name: '2022 год, тыс. руб.' });
    expect(year.getAttribute('aria-colspan')).toBe('6');
    expect(textOf(cellOf(table(), '1.1', 'Ответственный исполнитель'))).toBe('УЭиЦР');
    expect(textOf(cellOf(table(), '1.1', 'Ответственное лицо'))).toBe('Запольский О.К.');
    expect(textOf(cellOf(table(), '1.1', 'План года'))).toBe(`265${NBSP}069,00`);
    expect(textOf(cellOf(table(), '1', 'План года'))).toBe(`265${NBSP}069,00`);
    expect(cellOf(table(), '1', 'I квартал').getAttribute('aria-readonly')).toBe('true');
    expect(cellOf(table(), '1.1', 'I квартал').getAttribute('aria-readonly')).toBe('false');
    expect(cellOf(table(), '1.1', 'Год (сумма кварталов)').getAttribute('aria-readonly')).toBe('true');
  });

  it('pastes four quarters in one edit; the year column is their sum and agrees with the plan', async () => {
    const user = userEvent.setup();
    render(<RoadmapScreen />);
    await select(user, cellOf(table(), '1.1', 'I квартал'));
    await user.paste('62 526,00\t62 526,00\t61 960,00\t78 057,00');

    await waitFor(() => expect(textOf(cellOf(table(), '1.1', 'Год (сумма кварталов)'))).toBe(`265${NBSP}069,00`));
    expect(textOf(cellOf(table(), '1.1', 'IV квартал'))).toBe(`78${NBSP}057,00`);
    expect(textOf(cellOf(table(), '1', 'III квартал'))).toBe(`61${NBSP}960,00`);
    expect(textOf(cellOf(table(), '1', 'Год (сумма кварталов)'))).toBe(`265${NBSP}069,00`);
    expect(cellOf(table(), '1.1', 'План года').className).not.toMatch(/dg-cell--warning/);

    const history = await workspace.api('history/list', { programId: roadmap.programId, limit: 10 });
    const financingEdits = history.edits.filter((e) => e.action.startsWith('financing/'));
    expect(financingEdits.map((e) => e.action)).toEqual(['financing/set-many', 'financing/set-year']);
    const detail = await workspace.api('programs/get', { programId: roadmap.programId });
    expect(detail.quarterly.filter((q) => q.nodeId === roadmap.firstId).map((q) => [q.quarter, q.kopecks])).toEqual([
      [1, 6_252_600_000],
      [2, 6_252_600_000],
      [3, 6_196_000_000],
      [4, 7_805_700_000],
    ]);
  });

  it('marks the plan where the quarters disagree with it; undo takes the mark away', async () => {
    const user = userEvent.setup();
    render(<RoadmapScreen />);
    await select(user, cellOf(table(), '1.1', 'I квартал'));
    await user.paste('62 526,00\t62 526,00\t61 960,00\t78 057,00');
    await waitFor(() => expect(textOf(cellOf(table(), '1.1', 'Год (сумма кварталов)'))).toBe(`265${NBSP}069,00`));

    await select(user, cellOf(table(), '1.1', 'План года'));
    await user.keyboard('270000{Enter}');
    await waitFor(() => expect(cellOf(table(), '1.1', 'План года').className).toMatch(/dg-cell--warning/));
    const plan = cellOf(table(), '1.1', 'План года');
    expect(textOf(plan)).toBe(`270${NBSP}000,00`);
    expect(plan.getAttribute('title')).toBe(
      `Сумма кварталов 265${NBSP}069,00 тыс. руб. не равна плану года 270${NBSP}000,00 тыс. руб. (разница -4${NBSP}931,00 тыс. руб.)`,
    );
    expect(plan.getAttribute('aria-description')).toBe(plan.getAttribute('title'));
    expect(screen.getByRole('status').textContent).toMatch(/Кварталы не сходятся с планом года: 1 строка/);
    // The core finds the same.
    const findings = await workspace.api('findings/list', { programId: roadmap.programId });
    expect(findings.filter((f) => f.code === 'quartersMismatch')).toHaveLength(1);

    await useStore.getState().undo();
    await waitFor(() => expect(textOf(cellOf(table(), '1.1', 'План года'))).toBe(`265${NBSP}069,00`));
    expect(cellOf(table(), '1.1', 'План года').className).not.toMatch(/dg-cell--warning/);

    await select(user, cellOf(table(), '1.1', 'II квартал'));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(textOf(cellOf(table(), '1.1', 'Год (сумма кварталов)'))).toBe(''));
    const detail = await workspace.api('programs/get', { programId: roadmap.programId });
    expect(detail.quarterly).toEqual([]);
  });

  it('types one quarter through set-quarter and shows the year of another choice', async () => {
    const user = userEvent.setup();
    render(<RoadmapScreen />);
    await select(user, cellOf(table(), '1.2', 'II квартал'));
    await user.keyboard('1500,5{Enter}');
    await waitFor(() => expect(textOf(cellOf(table(), '1.2', 'II квартал'))).toBe(`1${NBSP}500,50`));
    expect(calls).toContain('financing/set-quarter');
    const detail = await workspace.api('programs/get', { programId: roadmap.programId });
    expect(detail.quarterly).toEqual([
      { nodeId: roadmap.secondId, year: 2022, quarter: 2, source: 'local', organisationId: roadmap.organisationId, kopecks: 150_050_000 },
    ]);

    await user.selectOptions(screen.getByRole('combobox', { name: /Год/ }), '2023');
    expect(textOf(cellOf(grid(/Дорожная карта на 2023 год/), '1.2', 'II квартал'))).toBe('');
  });
});

describe('IndicatorsScreen', () => {
  let ryazan: EnteredRyazanProgram;

  beforeEach(async () => {
    ryazan = await enterRyazanProgram(workspace.api);
    await openProgram(ryazan.programId, 'indicators');
  });

  const table = () => grid(/Целевые показатели/);
  const valuesOf = async (code: string) => {
    const detail = await workspace.api('programs/get', { programId: ryazan.programId });
    return detail.indicators.find((i) => i.id === ryazan.indicatorIds.get(code))!.values;
  };

  it('shows the plans by year grouped by task, as Table 1 prints them', () => {
    render(<IndicatorsScreen />);
    expect(textOf(cellOf(table(), '1.', 'Наименование показателя'))).toMatch(/^Задача 1\. Внедрение цифровых технологий/);
    expect(textOf(cellOf(table(), '1.1.', 'План 2022'))).toBe('Не менее 95');
    expect(textOf(cellOf(table(), '3.1', 'План 2025'))).toBe('-');
    expect(textOf(cellOf(table(), '2.1.', 'Базовое значение'))).toBe('30');
    expect(cellOf(table(), '1.', 'План 2022').getAttribute('aria-readonly')).toBe('true');
    expect(screen.getByRole('columnheader', { name: '2022 год' }).getAttribute('aria-colspan')).toBe('2');
  });

  it('stores «Не менее 95» typed into a plan as the comparator and the value', async () => {
    const user = userEvent.setup();
    render(<IndicatorsScreen />);
    await select(user, cellOf(table(), '3.1', 'План 2022'));
    await user.keyboard('Не менее 95{Enter}');
    await waitFor(() => expect(textOf(cellOf(table(), '3.1', 'План 2022'))).toBe('Не менее 95'));
    const plan = (await valuesOf('3.1')).find((v) => v.type === 'plan' && v.year === 2022 && v.period === 0);
    expect(plan).toMatchObject({ comparator: '>=', value: '95', mark: null, text: 'Не менее 95' });
  });

  it('colours the fact by achievement, with the words for it', async () => {
    const user = userEvent.setup();
    render(<IndicatorsScreen />);
    const fact = () => cellOf(table(), '1.1.', 'Факт 2022');
    const typeFact = async (text: string) => {
      await select(user, fact());
      await user.keyboard(`${text}{Enter}`);
      await waitFor(() => expect(textOf(fact())).toBe(text));
    };
    await typeFact('97');
    expect(fact().className).toMatch(/ach-achieved/);
    expect(fact().getAttribute('aria-description')).toBe('выполнено (102,11 % плана)');
    await typeFact('90');
    expect(fact().className).toMatch(/ach-atRisk/);
    expect(fact().getAttribute('aria-description')).toMatch(/^под угрозой/);
    await typeFact('50');
    expect(fact().className).toMatch(/ach-missed/);
    expect(fact().getAttribute('aria-description')).toMatch(/^не выполнено/);
    const stored = (await valuesOf('1.1.')).find((v) => v.type === 'fact' && v.year === 2022);
    expect(stored).toMatchObject({ value: '50', period: 0 });

    await user.keyboard('{ArrowUp}{Control>}z{/Control}');
    await waitFor(() => expect(textOf(fact())).toBe('90'));
    expect(fact().className).toMatch(/ach-atRisk/);
  });

  it('refuses «около 160» beside the cell and writes nothing', async () => {
    const user = userEvent.setup();
    render(<IndicatorsScreen />);
    const before = snapshotTables(workspace.ws);
    await select(user, cellOf(table(), '2.1.', 'Факт 2023'));
    await user.keyboard('около 160{Enter}');
    const alert = await within(cellOf(table(), '2.1.', 'Факт 2023')).findByRole('alert');
    expect(alert.textContent).toMatch(/^Значение не записано: «около 160»/);
    expect(snapshotTables(workspace.ws)).toEqual(before);
  });

  it('shows facts by quarter for a chosen year', async () => {
    const user = userEvent.setup();
    render(<IndicatorsScreen />);
    await user.click(screen.getByRole('checkbox', { name: 'Факт по кварталам' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Год квартальных фактов' }), '2023');
    expect(screen.getByRole('columnheader', { name: '2023 год' }).getAttribute('aria-colspan')).toBe('6');
    await select(user, cellOf(table(), '4.1.', 'Факт II кв. 2023'));
    await user.keyboard('7000{Enter}');
    await waitFor(() => expect(textOf(cellOf(table(), '4.1.', 'Факт II кв. 2023'))).toBe('7000'));
    const stored = (await valuesOf('4.1.')).filter((v) => v.type === 'fact');
    expect(stored).toEqual([expect.objectContaining({ year: 2023, period: 2, value: '7000' })]);
  });
});
