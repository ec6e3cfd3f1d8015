// @vitest-environment jsdom
// The programs list against the real handlers: create from the form, copy, delete only after
// confirming, the demonstration program on an empty workspace, and undo from the keyboard.

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { useStore } from '../../renderer/store';
import { NBSP, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

const rowOf = (title: string) => screen.getByRole('button', { name: title }).closest('tr')!;

describe('the programs screen', () => {
  it('creates a program from the form and opens its passport', async () => {
    const user = userEvent.setup();
    render(<App />);
    const form = await screen.findByRole('form', { name: 'Новая программа' });
    await user.type(within(form).getByRole('textbox', { name: 'Наименование' }), 'Развитие образования');
    await user.clear(within(form).getByRole('textbox', { name: 'Год начала' }));
    await user.type(within(form).getByRole('textbox', { name: 'Год начала' }), '2024');
    await user.clear(within(form).getByRole('textbox', { name: 'Год окончания' }));
    await user.type(within(form).getByRole('textbox', { name: 'Год окончания' }), '2028');
    await user.click(within(form).getByRole('button', { name: 'Создать программу' }));

    expect(await screen.findByRole('heading', { name: 'Паспорт программы' })).toBeTruthy();
    const programs = await workspace().api('programs/list', {});
    expect(programs).toEqual([expect.objectContaining({ title: 'Развитие образования', periodStart: 2024, periodEnd: 2028, status: 'draft' })]);
    expect(useStore.getState().programId).toBe(programs[0].id);
  });

  it('refuses a period that ends before it starts, beside the field, and creates nothing', async () => {
    const user = userEvent.setup();
    render(<App />);
    const form = await screen.findByRole('form', { name: 'Новая программа' });
    await user.type(within(form).getByRole('textbox', { name: 'Наименование' }), 'Неверный срок');
    await user.clear(within(form).getByRole('textbox', { name: 'Год окончания' }));
    await user.type(within(form).getByRole('textbox', { name: 'Год окончания' }), '2000');
    await user.click(within(form).getByRole('button', { name: 'Создать программу' }));

    const end = within(form).getByRole('textbox', { name: 'Год окончания' });
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(within(end.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Год окончания раньше года начала');
    expect(await workspace().api('programs/list', {})).toEqual([]);
    expect(workspace().callsOf('programs/create')).toHaveLength(0);
  });

  it('lists each program with its period, status and total in тыс. руб.', async () => {
    const { api } = workspace();
    const program = await api('programs/create', { title: 'Благоустройство', periodStart: 2022, periodEnd: 2030, status: 'active' });
    const node = await api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', title: 'Дворы' });
    await api('financing/set-year', { nodeId: node.id, year: 2023, source: 'local', organisationId: null, amount: '62 526,5' });
    render(<App />);
    const row = await waitFor(() => rowOf('Благоустройство'));
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 3)).toEqual(['2022–2030', 'Реализуется', `62${NBSP}526,50`]);
  });

  it('deletes a program only after the confirmation; «Отмена» keeps it', async () => {
    const user = userEvent.setup();
    const { api } = workspace();
    await api('programs/create', { title: 'Остаётся', periodStart: 2022, periodEnd: 2024 });
    await api('programs/create', { title: 'Удаляется', periodStart: 2022, periodEnd: 2024 });
    render(<App />);
    await waitFor(() => rowOf('Удаляется'));

    await user.click(within(rowOf('Удаляется')).getByRole('button', { name: /Удалить/ }));
    let dialog = screen.getByRole('dialog', { name: 'Удалить программу?' });
    expect(dialog.textContent).toContain('«Удаляется»');
    await user.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await api('programs/list', {})).map((p) => p.title)).toEqual(['Остаётся', 'Удаляется']);

    await user.click(within(rowOf('Удаляется')).getByRole('button', { name: /Удалить/ }));
    dialog = screen.getByRole('dialog', { name: 'Удалить программу?' });
    await user.click(within(dialog).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Удаляется' })).toBeNull());
    expect((await api('programs/list', {})).map((p) => p.title)).toEqual(['Остаётся']);
  });

  it('Escape in the confirmation cancels the deletion', async () => {
    const user = userEvent.setup();
    await workspace().api('programs/create', { title: 'Нужная', periodStart: 2022, periodEnd: 2024 });
    render(<App />);
    await user.click(within(await waitFor(() => rowOf('Нужная'))).getByRole('button', { name: /Удалить/ }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await workspace().api('programs/list', {})).toHaveLength(1);
  });

  it('duplicates a program', async () => {
    const user = userEvent.setup();
    await workspace().api('programs/create', { title: 'Исходная', periodStart: 2022, periodEnd: 2024 });
    render(<App />);
    await user.click(within(await waitFor(() => rowOf('Исходная'))).getByRole('button', { name: /копию/ }));
    await screen.findByRole('button', { name: 'Исходная (копия)' });
    expect((await workspace().api('programs/list', {})).map((p) => p.title).sort()).toEqual(['Исходная', 'Исходная (копия)']);
  });

  it('Ctrl+Z undoes the last edit and Ctrl+Y redoes it, also in the Russian layout; not inside a text field', async () => {
    const user = userEvent.setup();
    render(<App />);
    const form = await screen.findByRole('form', { name: 'Новая программа' });
    await user.type(within(form).getByRole('textbox', { name: 'Наименование' }), 'Отменяемая');
    await user.click(within(form).getByRole('button', { name: 'Создать программу' }));
    await screen.findByRole('heading', { name: 'Паспорт программы' });
    await waitFor(() => expect(screen.getByRole('button', { name: /Отменить/ }).hasAttribute('disabled')).toBe(false));

    // Inside a text field the keys belong to the field.
    const title = screen.getByRole('textbox', { name: 'Наименование программы' });
    fireEvent.keyDown(title, { key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(workspace().callsOf('history/undo')).toHaveLength(0);

    // Ctrl+Z in the Russian layout types «я»: matched by the key's position.
    fireEvent.keyDown(document.body, { key: 'я', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(useStore.getState().programId).toBeNull());
    expect(await workspace().api('programs/list', {})).toEqual([]);
    expect(await screen.findByText(/Отменено: Создана программа «Отменяемая»/)).toBeTruthy();

    fireEvent.keyDown(document.body, { key: 'y', code: 'KeyY', ctrlKey: true });
    await screen.findByRole('button', { name: 'Отменяемая' });
    expect((await workspace().api('programs/list', {})).map((p) => p.title)).toEqual(['Отменяемая']);
  });
});

describe('the first start', () => {
  it('offers the demonstration program on an empty workspace and opens it', async () => {
    const user = userEvent.setup();
    render(<App />);
    const offer = await screen.findByRole('button', { name: 'Открыть демонстрационную программу' });
    await user.click(offer);

    // The amount as printed, with the no-break space of Russian documents (kept: no normalising).
    expect(await screen.findByText(`59${NBSP}629,71333`, { selector: 'strong', normalizer: (text) => text })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Цифровизация городской среды' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Объём финансирования по годам, тыс. руб.' }).textContent).toContain(`6${NBSP}806,85333`);
    const bySource = screen.getByRole('table', { name: 'Финансирование по источникам, тыс. руб.' });
    expect(within(bySource).getByRole('rowheader').textContent).toBe('бюджет города Рязани');

    const programs = await workspace().api('programs/list', {});
    expect(programs).toEqual([expect.objectContaining({ title: 'Цифровизация городской среды', periodStart: 2022, periodEnd: 2030, totalKopecks: 5_962_971_333 })]);
    const detail = await workspace().api('programs/get', { programId: programs[0].id });
    expect(detail.amendments.map((a) => a.number)).toEqual(['3219', '15706', '16911']);
    expect(screen.queryByRole('button', { name: 'Открыть демонстрационную программу' })).toBeNull();
  });

  it('does not offer it once the workspace holds a program', async () => {
    await workspace().api('programs/create', { title: 'Своя', periodStart: 2022, periodEnd: 2024 });
    render(<App />);
    await screen.findByRole('button', { name: 'Своя' });
    expect(screen.queryByRole('button', { name: 'Открыть демонстрационную программу' })).toBeNull();
  });
});
