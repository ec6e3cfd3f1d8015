// @vitest-environment jsdom
// Import of a regional template through the screen: the preview names every recognised table
// and every doubtful cell, «Импортировать» writes the program, «Отмена» and «Прервать» leave
// the database as it was.

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/api/contract';
import { App } from '../../renderer/App';
import { useStore } from '../../renderer/store';
import { snapshotTables } from '../support/testWorkspace';
import { useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();
const SAMPLE = '/work/shared/samples/krasnogorsk-roadmap-2022.xlsx';
const sampleFile = () => new File([new Uint8Array(readFileSync(SAMPLE))], 'krasnogorsk-roadmap-2022.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

beforeEach(() => {
  useStore.getState().setScreen('import');
});

afterEach(() => {
  delete window.munplan;
});

async function choose(user: ReturnType<typeof userEvent.setup>) {
  render(<App />);
  await user.upload(await screen.findByLabelText('Файл шаблона (XLSX, DOCX, CSV)'), sampleFile());
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('the import screen', () => {
  it('shows the recognised tables and every doubtful cell, and writes nothing before the confirmation', async () => {
    const user = userEvent.setup();
    const before = snapshotTables(workspace().workspace.ws);
    await choose(user);

    const preview = await screen.findByRole('region', { name: 'Предварительный просмотр: krasnogorsk-roadmap-2022.xlsx' });
    expect(preview.textContent).toContain('Новая программа «Цифровое муниципальное образование», 2020–2024');
    expect(rowsOf(within(preview).getByRole('table', { name: 'Распознанные таблицы' }))).toEqual([
      ['Подпрограмма I', 'Дорожная карта (план-график) по кварталам', '3', '100 %'],
      ['Подпрограмма II', 'Дорожная карта (план-график) по кварталам', '5', '100 %'],
    ]);
    expect(rowsOf(within(preview).getByRole('table', { name: 'Сомнительные ячейки и замечания' }))).toEqual([
      [
        'Предупреждение',
        'krasnogorsk-roadmap-2022.xlsx, лист «Подпрограмма I», строка 6, столбец C «I квартал»',
        'источник финансирования в форме не указан — суммы записаны как средства местного бюджета',
      ],
      [
        'Предупреждение',
        'krasnogorsk-roadmap-2022.xlsx, лист «Подпрограмма II», строка 6, столбец E «III квартал»',
        'источник финансирования в форме не указан — суммы записаны как средства местного бюджета',
      ],
    ]);
    expect(within(preview).getByText(/частей программы/).textContent).toBe('частей программы (подпрограмм, мероприятий): 8');
    expect(snapshotTables(workspace().workspace.ws)).toEqual(before);
    expect(workspace().callsOf('import/preview')[0].request).toMatchObject({ fileName: 'krasnogorsk-roadmap-2022.xlsx', programId: null });
  });

  it('«Импортировать» creates the program and opens it', async () => {
    const user = userEvent.setup();
    await choose(user);
    await user.click(await screen.findByRole('button', { name: 'Импортировать' }));

    await screen.findByRole('heading', { level: 1, name: 'Цифровое муниципальное образование' });
    const programs = await workspace().api('programs/list', {});
    expect(programs).toEqual([expect.objectContaining({ title: 'Цифровое муниципальное образование', periodStart: 2020, periodEnd: 2024 })]);
    const totals = await workspace().api('totals/get', { programId: programs[0].id });
    expect(totals.program.amounts[totals.years.indexOf(2022)]).toBe(29_992_780_000);
    expect(useStore.getState()).toMatchObject({ programId: programs[0].id, screen: 'overview', canUndo: true });
  });

  it('«Отмена» discards the preview: nothing is written and it cannot be committed later', async () => {
    const user = userEvent.setup();
    const before = snapshotTables(workspace().workspace.ws);
    await choose(user);
    await user.click(await screen.findByRole('button', { name: 'Отмена' }));

    await screen.findByText('Импорт отменён: в базе ничего не изменено.');
    expect(screen.queryByRole('region', { name: /Предварительный просмотр/ })).toBeNull();
    const { previewId } = workspace().callsOf('import/preview')[0].result as ImportPreview;
    expect(workspace().callsOf('import/discard').map((c) => c.request)).toEqual([{ previewId }]);
    await expect(workspace().api('import/commit', { previewId })).rejects.toThrow();
    expect(snapshotTables(workspace().workspace.ws)).toEqual(before);
  });

  it('«Прервать» while the file is analysed discards the preview that arrives after', async () => {
    const user = userEvent.setup();
    const release = workspace().holdNext('import/preview');
    await choose(user);

    const cancel = await screen.findByRole('button', { name: /^Прервать: Импорт «krasnogorsk-roadmap-2022\.xlsx»/ });
    expect(screen.getByRole('progressbar', { name: /Импорт «krasnogorsk-roadmap-2022\.xlsx»/ })).toBeTruthy();
    await user.click(cancel);
    release();

    await screen.findByText(/^Прервано: Импорт «krasnogorsk-roadmap-2022\.xlsx»/);
    expect(screen.queryByRole('region', { name: /Предварительный просмотр/ })).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const { previewId } = workspace().callsOf('import/preview')[0].result as ImportPreview;
    expect(workspace().callsOf('import/discard').map((c) => c.request)).toEqual([{ previewId }]);
    expect(await workspace().api('programs/list', {})).toEqual([]);
  });

  it('imports into the open program when asked, showing what it would change', async () => {
    const user = userEvent.setup();
    const { api } = workspace();
    const program = await api('programs/create', { title: 'Своя программа', periodStart: 2020, periodEnd: 2024 });
    await useStore.getState().openProgram(program.id, 'import');
    render(<App />);
    await user.click(await screen.findByRole('radio', { name: /в открытую программу «Своя программа»/ }));
    await user.upload(screen.getByLabelText('Файл шаблона (XLSX, DOCX, CSV)'), sampleFile());

    const preview = await screen.findByRole('region', { name: /Предварительный просмотр/ });
    expect(preview.textContent).toContain('В открытую программу «Своя программа»');
    const changes = within(preview).getByRole('table', { name: 'Что изменится в программе' });
    expect(rowsOf(changes).length).toBeGreaterThan(0);
    expect(workspace().callsOf('import/preview')[0].request).toMatchObject({ programId: program.id });
    await user.click(screen.getByRole('button', { name: 'Импортировать' }));
    await waitFor(async () => expect((await api('programs/get', { programId: program.id })).nodes.length).toBe(8));
    expect(await api('programs/list', {})).toHaveLength(1);
  });
});

describe('the import screen in the desktop app', () => {
  const bridge = (openFile: NonNullable<typeof window.munplan>['openFile']) => ({
    invoke: async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not used' } }),
    openFile,
    saveFile: async () => null,
    onMenu: () => () => {},
  });

  it('takes the file the shell read and previews it', async () => {
    const user = userEvent.setup();
    window.munplan = bridge(async () => ({ status: 'picked', fileName: 'krasnogorsk-roadmap-2022.xlsx', data: readFileSync(SAMPLE).toString('base64') }));
    render(<App />);
    expect(screen.queryByLabelText('Файл шаблона (XLSX, DOCX, CSV)')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Выбрать файл…' }));
    await screen.findByRole('region', { name: 'Предварительный просмотр: krasnogorsk-roadmap-2022.xlsx' });
  });

  it('shows the shell\'s refusal as it comes', async () => {
    const user = userEvent.setup();
    window.munplan = bridge(async () => ({ status: 'refused', message: 'Файл больше 50 МБ: такие шаблоны не принимаются' }));
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Выбрать файл…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Файл больше 50 МБ: такие шаблоны не принимаются');
    expect(workspace().callsOf('import/preview')).toHaveLength(0);
  });
});
