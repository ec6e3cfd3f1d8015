// @vitest-environment jsdom
// The overview: money by year and by source, how the indicators stand on the latest year with
// facts, the open findings, and the roadmap deadlines to come.

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { todayIso } from '../../renderer/format';
import { useStore } from '../../renderer/store';
import { loadDemoProgram, NBSP, openInStore, useRendererWorkspace } from './support/rendererWorkspace';

const workspace = useRendererWorkspace();

/** The code in the first cell of the row holding the grid's selected cell. */
function selectedRowCode(gridName: string): string | undefined {
  const row = screen.getByRole('grid', { name: gridName }).querySelector('[role="row"][data-row]:has([aria-selected="true"])');
  return row?.querySelector('[role="gridcell"]')?.textContent ?? undefined;
}

describe('the overview', () => {
  it('shows the year chart with its amounts, and the sources', async () => {
    const programId = await loadDemoProgram(workspace().api);
    await openInStore(programId, 'overview');
    render(<App />);
    const chart = await screen.findByRole('img', { name: 'Объём финансирования по годам, тыс. руб.' });
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toContain(`3${NBSP}597,05`);
    expect(labels).toContain('2030');
    const sources = screen.getByRole('table', { name: 'Финансирование по источникам, тыс. руб.' });
    const total = within(sources).getAllByRole('row')[1].lastElementChild!.textContent;
    expect(total).toBe(`59${NBSP}629,71333`);
  });

  it('counts indicators achieved, at risk and missed on the latest year with facts', async () => {
    const { api } = workspace();
    const programId = await loadDemoProgram(api);
    const { indicators } = await api('programs/get', { programId });
    const plan = (i: number, year: number) => indicators[i].values.find((v) => v.type === 'plan' && v.year === year && v.period === 0)!;
    // 2022: an old fact that must not count. 2023: one met, one at 95 % of a growth plan, one far below.
    await api('indicators/set-values', { indicatorId: indicators[0].id, values: [{ year: 2022, type: 'fact', value: '0' }] });
    const first = plan(0, 2023).value!;
    await api('indicators/set-values', { indicatorId: indicators[0].id, values: [{ year: 2023, type: 'fact', value: first }] });
    const second = Number(plan(1, 2023).value);
    await api('indicators/set-values', { indicatorId: indicators[1].id, values: [{ year: 2023, type: 'fact', value: String(Math.round(second * 0.95 * 100) / 100) }] });
    await api('indicators/set-values', { indicatorId: indicators[4].id, values: [{ year: 2023, type: 'fact', value: '0' }] });
    await openInStore(programId, 'overview');
    render(<App />);

    const card = await screen.findByRole('region', { name: 'Целевые показатели' });
    expect(card.textContent).toContain('По фактам 2023 года');
    const counts = Object.fromEntries([...card.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    expect(counts).toEqual({ Достигнуты: '1', 'Под угрозой': '1', 'Не достигнуты': '1', 'Нет данных': '3' });
  });

  it('lists the open findings and the next deadlines; a click takes the officer there', async () => {
    const user = userEvent.setup();
    const { api } = workspace();
    const program = await api('programs/create', { title: 'Сроки', periodStart: 2020, periodEnd: 2035 });
    const main = await api('nodes/create', { programId: program.id, parentId: null, kind: 'mainActivity', code: '1', title: 'Внедрение' });
    const year = Number(todayIso().slice(0, 4));
    await api('nodes/create', { programId: program.id, parentId: main.id, kind: 'step', code: '1.2', title: 'Приёмка работ', deadline: `${year + 1}-06-30`, responsiblePerson: 'Петров П.П.' });
    await api('nodes/create', { programId: program.id, parentId: main.id, kind: 'step', code: '1.1', title: 'Закупка', deadline: `${year + 1}-02-01` });
    await api('nodes/create', { programId: program.id, parentId: main.id, kind: 'step', code: '1.0', title: 'Прошедший срок', deadline: `${year - 1}-02-01` });
    await api('nodes/create', { programId: program.id, parentId: null, kind: 'activity', code: '2', title: 'Без исполнителя' });
    await openInStore(program.id, 'overview');
    render(<App />);

    const deadlines = await screen.findByRole('region', { name: 'Ближайшие сроки дорожной карты' });
    const rows = within(deadlines).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      [`01.02.${year + 1}`, '1.1. Закупка', '—'],
      [`30.06.${year + 1}`, '1.2. Приёмка работ', 'Петров П.П.'],
    ]);
    await user.click(within(deadlines).getByRole('button', { name: '1.2. Приёмка работ' }));
    expect(useStore.getState()).toMatchObject({ screen: 'roadmap', roadmapYear: year + 1 });
    await waitFor(() => expect(selectedRowCode(`Дорожная карта на ${year + 1} год, тыс. руб.`)).toBe('1.2'));

    useStore.getState().setScreen('overview');
    const findings = await screen.findByRole('region', { name: 'Замечания' });
    expect(findings.textContent).toContain('Всего: 1 (ошибок: 0, предупреждений: 1)');
    await user.click(within(findings).getByRole('button', { name: /Без исполнителя/ }));
    expect(useStore.getState().screen).toBe('structure');
    await waitFor(() => expect(selectedRowCode('Структура и финансирование, тыс. руб.')).toBe('2'));
  });
});
