// Tables 2 and 3 on their own and in the shapes the Ryazan copy does not show: Table 2 without
// Table 1 (links kept as doubts, not guessed), links written as indicator codes, a link naming
// no indicator; Table 3 with two sources, a «Всего» row that disagrees, a merged program name.

import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/import/analyseFile';
import { splitActivities, titleKey } from '../../electron/import/kinds/mainActivities';
import type { FormTable } from '../fixtures/templates/formTable';
import { renderXlsx } from '../fixtures/templates/renderXlsx';
import { rowNumbers, ryazanDocx, ryazanForms, setCell } from '../fixtures/templates/ryazanTemplates';
import { kopecks } from './ryazanImportChecks';

const code = (c: string) => c.replace(/\.$/, '');

describe('Table 2, «Перечень основных мероприятий»', () => {
  it('alone: tasks, main activities with periods and participants, the listed activities; links left as doubts', async () => {
    const draft = analyseFile(await ryazanDocx({ tables: [2] }), 't2.docx');
    expect(draft.tables.map((t) => t.kind)).toEqual(['mainActivities']);
    // Codes as Table 2 prints them; «4.1.»'s activities «4.1.» and «4.2.» numbered within it.
    expect(draft.nodes.map((n) => `${n.kind} ${n.code}`)).toEqual([
      'task 1.',
      'mainActivity 1.1.',
      'activity 1.1.1',
      'activity 1.1.2',
      'task 2.',
      'mainActivity 2.1.',
      'activity 2.1.1',
      'activity 2.1.2',
      'task 3.',
      'mainActivity 3.1',
      'activity 3.1.1',
      'activity 3.1.2',
      'mainActivity 3.2',
      'mainActivity 3.3.',
      'task 4.',
      'mainActivity 4.1.',
      'activity 4.1.1',
      'activity 4.1.2',
    ]);
    const node = (c: string) => draft.nodes.find((n) => code(n.code) === c)!;
    expect(node('1.1')).toMatchObject({ title: 'Организация предоставления муниципальных услуг в электронной форме', periodStart: 2022, periodEnd: 2030 });
    expect(node('3.2')).toMatchObject({ periodStart: 2026, periodEnd: 2030 });
    expect(node('3.1.1').title).toBe('Создание единого ситуационного центра для принятия управленческих решений - интеллектуального центра городского управления (ИЦГУ)');
    expect(node('4.1.2').title).toMatch(/^Организация доступа городских служб/);
    expect(node('1.1').parentId).toBe(node('1').id);
    // The continuation row's participant joins the main activity.
    const names = (c: string) => node(c).executors.map((e) => [...draft.organisations.values()].find((o) => o.id === e.organisationId)!.name);
    expect(names('1.1')).toEqual(['УЭиЦР', 'УОиМП']);
    expect(names('4.1')).toEqual(['УДАА', 'УЭиЦР']);
    expect(draft.goal).toBe('цифровая трансформация города на основе внедрения умных решений в систему муниципального управления');
    // Without Table 1 in the file no link is made up; each is a doubt with its cell.
    const links = draft.doubts.filter((d) => /нет таблицы целевых показателей/.test(d.message));
    expect(links).toHaveLength(6);
    const form = ryazanForms()[2];
    expect(links[0].where).toBe(`t2.docx, Таблица N 2, строка ${rowNumbers(form, '1.1|0').docx}, столбец «Связь с целевыми показателями (индикаторами) муниципальной программы»`);
    // Amendment notes under 3.1 and 3.2 name those main activities.
    expect(draft.amendments).toHaveLength(1);
    expect(draft.amendments[0].targets).toEqual([
      { entity: 'node', entityId: node('3.1').id },
      { entity: 'node', entityId: node('3.2').id },
    ]);
  });

  it('links written as codes, and a link naming no indicator kept as a doubt', async () => {
    const draft = analyseFile(
      await ryazanDocx({
        tables: [1, 2],
        edit: (forms) => {
          setCell(forms[2], '1.1|0', 'links', 'Показатель 1.1.');
          setCell(forms[2], '2.1|0', 'links', 'Количество посетителей городского сайта');
        },
      }),
      't12.docx',
    );
    const indicator = (c: string) => draft.indicators.find((i) => code(i.code) === c)!;
    const node = (c: string) => draft.nodes.find((n) => code(n.code) === c)!;
    expect(indicator('1.1').nodeIds).toEqual([node('1.1').id]);
    expect(indicator('2.1').nodeIds).toEqual([]);
    expect(indicator('3.1').nodeIds).toEqual([node('3.1').id]);
    expect(indicator('3.3').nodeIds).toEqual([node('3.3').id]);
    const doubt = draft.doubts.find((d) => /Количество посетителей/.test(d.message));
    expect(doubt?.message).toBe('показатель «Количество посетителей городского сайта» не найден среди показателей файла — связь не установлена');
    expect(doubt?.where).toMatch(/^t12\.docx, Таблица N 2, строка \d+, столбец «Связь с целевыми/);
  });

  it('splits a cell of activities: numbered paragraphs, names on the next line, runs in one paragraph', () => {
    expect(splitActivities('Мероприятие 2.1.1. Обеспечение\nМероприятие 2.1.2. Оснащение')).toEqual(['Мероприятие 2.1.1. Обеспечение', 'Мероприятие 2.1.2. Оснащение']);
    expect(splitActivities('Мероприятие 3.1.1.\nСоздание центра.\nМероприятие 3.1.2.\nВнедрение сервисов')).toEqual([
      'Мероприятие 3.1.1. Создание центра.',
      'Мероприятие 3.1.2. Внедрение сервисов',
    ]);
    expect(splitActivities('Мероприятие 1.1. Первое Мероприятие 1.2. Второе в рамках мероприятия 1')).toEqual([
      'Мероприятие 1.1. Первое',
      'Мероприятие 1.2. Второе в рамках мероприятия 1',
    ]);
    expect(splitActivities('Первое\nВторое')).toEqual(['Первое', 'Второе']);
    expect(titleKey('Доля предприятий (АО и ООО), использующих "интернет"')).toBe(titleKey('доля предприятий, АО и ООО, использующих «интернет»'));
  });
});

/** Table 3 with two sources, the program's name merged down over them, and a «Всего» row. */
function budgetTable(all2024: string): FormTable {
  const t3 = ryazanForms()[3];
  return {
    ...t3,
    body: [
      { key: 'local', cells: [{ text: 'Муниципальная программа "Цифровизация городской среды"', rowSpan: 3 }, { text: 'Бюджет города Рязани' }, ...['6806,85333', '3306,20', '3306,20'].map((text) => ({ text, amount: true }))] },
      { key: 'regional', cells: [{ text: 'Областной бюджет' }, ...['100,00', '-', '50,5'].map((text) => ({ text, amount: true }))] },
      { key: 'all', cells: [{ text: 'Всего' }, ...['6906,85333', all2024, '3356,70'].map((text) => ({ text, amount: true }))] },
    ],
  };
}

describe('Table 3, «Объем бюджетных ассигнований»', () => {
  it('reads each source by year, checks «Всего» to the kopeck and keeps the note in its title', async () => {
    const draft = analyseFile(await renderXlsx([budgetTable('3306,20')]), 't3.xlsx');
    expect(draft.tables.map((t) => t.kind)).toEqual(['approvedBudget']);
    expect(draft.budget).toEqual([
      { year: 2023, source: 'local', kopecks: kopecks('6806,85333') },
      { year: 2024, source: 'local', kopecks: kopecks('3306,20') },
      { year: 2025, source: 'local', kopecks: kopecks('3306,20') },
      { year: 2023, source: 'regional', kopecks: kopecks('100,00') },
      { year: 2025, source: 'regional', kopecks: kopecks('50,5') },
    ]);
    expect(draft.title).toBe('Цифровизация городской среды');
    expect(draft.sourceLabels).toEqual({ local: 'Бюджет города Рязани', regional: 'Областной бюджет' });
    expect(draft.amendments).toEqual([expect.objectContaining({ number: '16911', date: '2023-12-29', targets: [{ entity: 'program', entityId: 0 }] })]);
    // «Всего» 2024 says 3306,20 and the sources add up to it; nothing else disagrees.
    expect(draft.doubts).toEqual([]);
  });

  it('a «Всего» that disagrees is a finding with the cell and both figures, not a correction', async () => {
    const table = budgetTable('3306,21');
    const draft = analyseFile(await renderXlsx([table]), 't3.xlsx');
    expect(draft.budget.find((b) => b.year === 2024 && b.source === 'local')?.kopecks).toBe(kopecks('3306,20'));
    expect(draft.doubts).toEqual([
      {
        where: `t3.xlsx, лист «Таблица 3», строка ${rowNumbers(table, 'all').xlsx}, столбец D «2024 г.»`,
        message: 'указан итог 3\u00a0306,21, а сумма по источникам — 3\u00a0306,20 (разница 0,01)',
      },
    ]);
  });
});
