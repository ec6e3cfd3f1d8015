// @vitest-environment jsdom
// The passport form saves each field the moment it is left, with no Save button; a refused
// value is explained beside its field and nothing is written.

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

async function openPassport(): Promise<number> {
  const { api } = workspace();
  const organisation = await api('organisations/create', { name: 'Управление экономики', abbreviation: 'УЭ' });
  const program = await api('programs/create', { title: 'Цифровая экономика', periodStart: 2022, periodEnd: 2030, responsibleExecutorId: organisation.id });
  await openInStore(program.id, 'passport');
  render(<App />);
  await screen.findByRole('heading', { name: 'Паспорт программы' });
  return program.id;
}

const fieldOf = (control: HTMLElement) => control.closest('.field') as HTMLElement;

describe('the passport', () => {
  it('has a control for every passport field and no Save button', async () => {
    await openPassport();
    for (const name of ['Наименование программы', 'Год начала', 'Год окончания', 'Цель', 'Задачи', 'Ожидаемые результаты', 'Правовое основание', 'Местный бюджет']) {
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    }
    for (const name of ['Уровень', 'Статус', 'Ответственный исполнитель']) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Соисполнители' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Участники' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Сохранить/ })).toBeNull();
  });

  it('saves a text field when it is left', async () => {
    const user = userEvent.setup();
    const programId = await openPassport();
    const goal = screen.getByRole('textbox', { name: 'Цель' });
    await user.type(goal, 'Рост доли услуг в электронном виде');
    expect((await workspace().api('programs/get', { programId })).program.goal).toBe('');
    await user.tab();
    await waitFor(async () => expect((await workspace().api('programs/get', { programId })).program.goal).toBe('Рост доли услуг в электронном виде'));
    expect(workspace().callsOf('programs/update').map((c) => c.request)).toEqual([{ programId, changes: { goal: 'Рост доли услуг в электронном виде' } }]);
  });

  it('saves a choice at once, and a new title shows in the list of programs', async () => {
    const user = userEvent.setup();
    const programId = await openPassport();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Статус' }), 'Реализуется');
    await waitFor(async () => expect((await workspace().api('programs/get', { programId })).program.status).toBe('active'));

    const title = screen.getByRole('textbox', { name: 'Наименование программы' });
    await user.clear(title);
    await user.type(title, 'Цифровая экономика города');
    await user.tab();
    await waitFor(async () => expect((await workspace().api('programs/list', {}))[0].title).toBe('Цифровая экономика города'));
    await screen.findByRole('heading', { level: 1, name: 'Цифровая экономика города' });
  });

  it('shows a period that ends before it starts as an error beside the field and saves nothing', async () => {
    const user = userEvent.setup();
    const programId = await openPassport();
    const end = screen.getByRole('textbox', { name: 'Год окончания' });
    await user.clear(end);
    await user.type(end, '2020');
    await user.tab();

    const error = await within(fieldOf(end)).findByRole('alert');
    expect(error.textContent).toMatch(/Год окончания \(2020\) раньше года начала \(2022\)/);
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect((end as HTMLInputElement).value).toBe('2020');
    const { program } = await workspace().api('programs/get', { programId });
    expect([program.periodStart, program.periodEnd]).toEqual([2022, 2030]);

    // Corrected, it saves and the error goes.
    await user.clear(end);
    await user.type(end, '2026');
    await user.tab();
    await waitFor(() => expect(within(fieldOf(end)).queryByRole('alert')).toBeNull());
    expect((await workspace().api('programs/get', { programId })).program.periodEnd).toBe(2026);
  });

  it('refuses a year that is not a number before asking the core', async () => {
    const user = userEvent.setup();
    await openPassport();
    const start = screen.getByRole('textbox', { name: 'Год начала' });
    await user.clear(start);
    await user.type(start, 'двадцать');
    await user.tab();
    expect(within(fieldOf(start)).getByRole('alert').textContent).toBe('Укажите год четырьмя цифрами');
    expect(workspace().callsOf('programs/update')).toHaveLength(0);
  });

  it('adds a participant by name, creating the organisation, and removes it again', async () => {
    const user = userEvent.setup();
    const programId = await openPassport();
    const participants = screen.getByRole('group', { name: 'Участники' });
    await user.type(within(participants).getByRole('combobox', { name: /наименование организации/ }), 'МКУ «Центр сопровождения»');
    await user.click(within(participants).getByRole('button', { name: 'Добавить в список «Участники»' }));

    await within(participants).findByText('МКУ «Центр сопровождения»');
    const organisations = await workspace().api('organisations/list', {});
    const created = organisations.find((o) => o.name === 'МКУ «Центр сопровождения»')!;
    expect(created).toBeTruthy();
    expect((await workspace().api('programs/get', { programId })).program.participantIds).toEqual([created.id]);

    // An existing organisation is found by its abbreviation, not created twice.
    const coExecutors = screen.getByRole('group', { name: 'Соисполнители' });
    await user.type(within(coExecutors).getByRole('combobox', { name: /наименование организации/ }), 'УЭ');
    await user.click(within(coExecutors).getByRole('button', { name: 'Добавить в список «Соисполнители»' }));
    await within(coExecutors).findByText('Управление экономики (УЭ)');
    expect(await workspace().api('organisations/list', {})).toHaveLength(2);

    await user.click(within(participants).getByRole('button', { name: /Убрать «МКУ «Центр сопровождения»»/ }));
    await waitFor(async () => expect((await workspace().api('programs/get', { programId })).program.participantIds).toEqual([]));
  });

  it('keeps the printed names of sources', async () => {
    const user = userEvent.setup();
    const programId = await openPassport();
    await user.type(screen.getByRole('textbox', { name: 'Местный бюджет' }), 'бюджет города Рязани');
    await user.tab();
    await waitFor(async () => expect((await workspace().api('programs/get', { programId })).program.sourceLabels).toEqual({ local: 'бюджет города Рязани' }));
  });
});
