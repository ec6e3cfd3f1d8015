// @vitest-environment jsdom
// The core's findings as a list; a click takes the officer to the finding's cell.

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FindingsScreen } from '../../renderer/screens/FindingsScreen';
import { useStore } from '../../renderer/store';
import { openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

/** A program with three kinds of findings: quarters against their year, no executor, no plan. */
async function programWithFindings() {
  const { api } = workspace();
  const program = await api('programs/create', { title: 'С замечаниями', periodStart: 2022, periodEnd: 2024 });
  const activity = await api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', code: '1.1', title: 'Обучение сотрудников' });
  await api('financing/set-year', { nodeId: activity.id, year: 2023, source: 'local', organisationId: null, amount: '100' });
  await api('financing/set-quarter', { nodeId: activity.id, year: 2023, quarter: 2, source: 'local', organisationId: null, amount: '40' });
  const indicator = await api('indicators/create', { programId: program.id, code: '1', name: 'Доля обученных' });
  await api('indicators/set-values', { indicatorId: indicator.id, values: [{ year: 2022, type: 'plan', value: '10' }, { year: 2024, type: 'plan', value: '30' }] });
  await openInStore(program.id, 'findings');
  return { program, activity, indicator };
}

describe('the findings screen', () => {
  it('lists every finding with its severity, place and message', async () => {
    await programWithFindings();
    render(<FindingsScreen />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const texts = rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(texts).toContainEqual(['Ошибка', expect.stringMatching(/^п\. 1\.1 .*2023 г\./), expect.stringMatching(/^Сумма по кварталам .* — 40,00 тыс\. руб\., а план года — 100,00 тыс\. руб\./)]);
    expect(texts).toContainEqual(['Предупреждение', expect.stringMatching(/^Показатель 1 «Доля обученных», 2023 г\./), expect.stringMatching(/Нет планового значения на 2023 год/)]);
    expect(texts).toContainEqual(['Предупреждение', expect.stringMatching(/^п\. 1\.1/), 'Не указан ответственный исполнитель (соисполнитель, участник)']);
    // Errors come first.
    expect(texts[0][0]).toBe('Ошибка');
    expect(rows).toHaveLength((await workspace().api('findings/list', { programId: useStore.getState().programId! })).length);
  });

  it('a click on an indicator finding opens the indicators with that year focused', async () => {
    const user = userEvent.setup();
    const { indicator } = await programWithFindings();
    render(<FindingsScreen />);
    await user.click(screen.getByRole('button', { name: /^Показатель 1 «Доля обученных», 2023 г\./ }));
    expect(useStore.getState()).toMatchObject({ screen: 'indicators', focus: { indicatorId: indicator.id, year: 2023 } });
  });

  it('a click on quarters that disagree with their year opens that year of the roadmap', async () => {
    const user = userEvent.setup();
    const { activity } = await programWithFindings();
    render(<FindingsScreen />);
    const quarters = screen.getAllByRole('button', { name: /^п\. 1\.1/ }).find((b) => b.closest('tr')!.textContent!.includes('Сумма по кварталам'))!;
    await user.click(quarters);
    expect(useStore.getState()).toMatchObject({ screen: 'roadmap', roadmapYear: 2023, focus: { nodeId: activity.id, year: 2023 } });
  });

  it('a click on a part without executor opens the structure at that part', async () => {
    const user = userEvent.setup();
    const { activity } = await programWithFindings();
    render(<FindingsScreen />);
    const executor = screen.getAllByRole('button', { name: /^п\. 1\.1/ }).find((b) => b.closest('tr')!.textContent!.includes('исполнитель'))!;
    await user.click(executor);
    expect(useStore.getState()).toMatchObject({ screen: 'structure', focus: { nodeId: activity.id } });
  });

  it('filters by severity', async () => {
    const user = userEvent.setup();
    await programWithFindings();
    render(<FindingsScreen />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Показать' }), 'только ошибки');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['Ошибка']);
  });
});
