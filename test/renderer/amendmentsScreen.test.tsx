// @vitest-environment jsdom
// Amendments: open one before editing, close it, see the rows it changed, compare editions.

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { useStore } from '../../renderer/store';
import { openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

async function programOnAmendments() {
  const { api } = workspace();
  const program = await api('programs/create', { title: 'Редакции', periodStart: 2022, periodEnd: 2026 });
  const node = await api('nodes/create', { programId: program.id, parentId: null, kind: 'mainActivity', code: '1.', title: 'Информатизация' });
  const indicator = await api('indicators/create', { programId: program.id, code: '1.1.', name: 'Доля электронных услуг' });
  await openInStore(program.id, 'amendments');
  render(<App />);
  await screen.findByRole('heading', { name: 'Изменения и редакции' });
  return { program, node, indicator };
}

async function fillAct(user: ReturnType<typeof userEvent.setup>, fields: { issuer: string; number: string; date: string }) {
  const form = screen.getByRole('form', { name: 'Открыть изменения' });
  await user.type(within(form).getByRole('textbox', { name: 'Кем принят' }), fields.issuer);
  await user.type(within(form).getByRole('textbox', { name: 'Номер' }), fields.number);
  await user.type(within(form).getByRole('textbox', { name: 'Дата' }), fields.date);
  await user.click(within(form).getByRole('button', { name: 'Открыть изменения' }));
}

describe('the amendments screen', () => {
  it('opens an amendment, attributes edits to it, closes it and lists the rows it changed', async () => {
    const user = userEvent.setup();
    const { program, node, indicator } = await programOnAmendments();
    await fillAct(user, { issuer: 'Администрации города Рязани', number: '3219', date: '23.03.2023' });

    const open = await screen.findByRole('region', { name: 'Открыты изменения' });
    expect(open.textContent).toContain('Постановление Администрации города Рязани от 23.03.2023 N 3219');
    // The top bar says so on every screen.
    expect(screen.getByRole('button', { name: /^Открыты изменения: Постановление Администрации города Рязани/ })).toBeTruthy();
    const [opened] = await workspace().api('amendments/list', { programId: program.id });
    expect(opened).toMatchObject({ actKind: 'Постановление', number: '3219', date: '2023-03-23', status: 'open' });

    // Edits made elsewhere (the grid) while it is open.
    await workspace().api('nodes/update', { nodeId: node.id, changes: { title: 'Информатизация администрации' } });
    await workspace().api('indicators/set-values', { indicatorId: indicator.id, values: [{ year: 2023, type: 'plan', value: 'не менее 95' }] });

    await user.click(within(open).getByRole('button', { name: 'Закрыть изменения' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Открыты изменения' })).toBeNull());
    expect(screen.getByRole('form', { name: 'Открыть изменения' })).toBeTruthy();

    const changed = screen.getByRole('list', { name: /^Строки, изменённые Постановления Администрации города Рязани от 23\.03\.2023 N 3219/ });
    expect(within(changed).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'п. 1. Информатизация администрации',
      'Показатель 1.1. «Доля электронных услуг»',
    ]);
    const [closed] = await workspace().api('amendments/list', { programId: program.id });
    expect(closed.status).toBe('closed');
    expect(closed.targets).toEqual([
      { entity: 'node', entityId: node.id },
      { entity: 'indicator', entityId: indicator.id },
    ]);
  });

  it('compares two editions side by side', async () => {
    const user = userEvent.setup();
    const { node } = await programOnAmendments();
    await fillAct(user, { issuer: 'Администрации города', number: '15', date: '01.02.2024' });
    await screen.findByRole('region', { name: 'Открыты изменения' });
    await workspace().api('nodes/update', { nodeId: node.id, changes: { title: 'Цифровая трансформация' } });
    await user.click(screen.getByRole('button', { name: 'Закрыть изменения' }));

    const compare = await screen.findByRole('region', { name: 'Сравнение редакций' });
    await user.selectOptions(within(compare).getByRole('combobox', { name: 'Редакция' }), 'До изменений Постановления Администрации города от 01.02.2024 N 15');
    await user.selectOptions(within(compare).getByRole('combobox', { name: 'С редакцией' }), 'В редакции Постановления Администрации города от 01.02.2024 N 15');
    await user.click(within(compare).getByRole('button', { name: 'Сравнить' }));

    const table = await within(compare).findByRole('table');
    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header).toEqual(['Место', 'Поле', 'До изменений Постановления Администрации города от 01.02.2024 N 15', 'В редакции Постановления Администрации города от 01.02.2024 N 15']);
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toContainEqual([expect.stringContaining('1'), 'Наименование', 'Информатизация', 'Цифровая трансформация']);
  });

  it('refuses a date not written as ДД.ММ.ГГГГ beside the field and opens nothing', async () => {
    const user = userEvent.setup();
    const { program } = await programOnAmendments();
    await fillAct(user, { issuer: 'Администрации города', number: '1', date: '2023-03-23' });
    const date = screen.getByRole('textbox', { name: 'Дата' });
    expect(within(date.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe('Укажите дату в виде ДД.ММ.ГГГГ');
    expect(await workspace().api('amendments/list', { programId: program.id })).toEqual([]);
  });

  it('a second amendment is refused while one is open', async () => {
    const user = userEvent.setup();
    const { program } = await programOnAmendments();
    await fillAct(user, { issuer: 'Администрации города', number: '7', date: '10.10.2024' });
    await screen.findByRole('region', { name: 'Открыты изменения' });
    expect(screen.queryByRole('form', { name: 'Открыть изменения' })).toBeNull();
    const refusal = await useStore.getState().openAmendment({ issuer: 'Администрации города', number: '8', date: '2024-10-11' });
    expect(refusal).toMatch(/^Уже открыты изменения Постановления Администрации города от 10\.10\.2024 N 7/);
    expect(await workspace().api('amendments/list', { programId: program.id })).toHaveLength(1);
  });
});
