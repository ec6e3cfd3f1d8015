// The built renderer in headless Chromium, the real handlers on a real SQLite file behind the
// loopback bridge: an officer creates a program, builds its structure, types amounts, pastes a
// block of four quarters from the clipboard and undoes it, imports a template, exports a
// report and reads it back, and after a reload everything is still there.

import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserApp, type BrowserApp } from './browserHarness';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
const TITLE = 'Цифровой город';

let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  app = await openBrowserApp();
  page = app.page;
  await page.goto(app.url);
}, 120_000);
afterAll(async () => app?.close());

const nav = (name: string) => page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name });

/** The grid cell of the row that shows `rowText`, in the column headed `column`. */
async function cell(grid: Locator, rowText: string, column: string): Promise<Locator> {
  const index = await grid.getByRole('columnheader', { name: column, exact: true }).first().getAttribute('aria-colindex');
  return grid.getByRole('row').filter({ hasText: rowText }).first().locator(`[role="gridcell"][aria-colindex="${index}"]`);
}

async function programId(): Promise<number> {
  const programs = await app.api('programs/list', {});
  return programs.find((p) => p.title === TITLE)!.id;
}

describe('an officer’s day in the browser', () => {
  it('creates a program and its parts', async () => {
    await expect.poll(() => page.getByRole('button', { name: 'Открыть демонстрационную программу' }).isVisible()).toBe(true);
    const form = page.getByRole('form', { name: 'Новая программа' });
    await form.getByLabel('Наименование').fill(TITLE);
    await form.getByLabel('Год начала').fill('2022');
    await form.getByLabel('Год окончания').fill('2024');
    await form.getByRole('button', { name: 'Создать программу' }).click();
    await expect.poll(async () => (await app.api('programs/list', {})).map((p) => p.title)).toEqual([TITLE]);

    await nav('Структура и финансирование').click();
    const adding = page.getByRole('form', { name: 'Добавить часть программы' });
    const addPart = async (parent: string | null, kind: string, code: string, title: string) => {
      if (parent) await adding.getByLabel('Внутри').selectOption({ label: parent });
      await adding.getByLabel('Вид').selectOption({ label: kind });
      await adding.getByLabel('Номер').fill(code);
      await adding.getByLabel('Наименование').fill(title);
      await adding.getByRole('button', { name: 'Добавить часть' }).click();
      await expect.poll(async () => (await app.api('programs/get', { programId: await programId() })).nodes.some((n) => n.title === title)).toBe(true);
    };
    await addPart(null, 'Основное мероприятие', '02', 'Организация деятельности МФЦ');
    await addPart('02 Организация деятельности МФЦ', 'Мероприятие', '02.01', 'Обеспечение деятельности МФЦ');
    await addPart('02 Организация деятельности МФЦ', 'Мероприятие', '02.02', 'Оснащение МФЦ');
    const detail = await app.api('programs/get', { programId: await programId() });
    expect(detail.nodes.map((n) => [n.code, n.kind])).toEqual([
      ['02', 'mainActivity'],
      ['02.01', 'activity'],
      ['02.02', 'activity'],
    ]);
  });

  it('types an amount and sees the parent’s total at once', async () => {
    const grid = page.getByRole('grid', { name: 'Структура и финансирование, тыс. руб.' });
    const target = await cell(grid, 'Обеспечение деятельности МФЦ', '2022 г.');
    await target.click();
    await page.keyboard.type('62 526,00');
    await page.keyboard.press('Enter');
    const parent = await cell(grid, 'Организация деятельности МФЦ', '2022 г.');
    await expect.poll(() => parent.textContent()).toBe('62\u00a0526,00');
    const detail = await app.api('programs/get', { programId: await programId() });
    expect(detail.financing.map((f) => [f.year, f.kopecks])).toEqual([[2022, 6_252_600_000]]);
  });

  it('pastes four quarters as one edit and undoes them with Ctrl+Z', async () => {
    await nav('Дорожная карта').click();
    const grid = page.getByRole('grid', { name: 'Дорожная карта на 2022 год, тыс. руб.' });
    const first = await cell(grid, 'Оснащение МФЦ', 'I квартал');
    await first.click();
    await grid.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', '62 526,00\t62 526,00\t61 960,00\t78 057,00\r\n');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const id = await programId();
    await expect.poll(async () => (await app.api('programs/get', { programId: id })).quarterly.length).toBe(4);
    const history = await app.api('history/list', { programId: id });
    expect(history.edits[0]).toMatchObject({ action: 'financing/set-many', state: 'done' });
    const totals = await app.api('totals/get', { programId: id });
    const main = totals.nodes.find((n) => n.code === '02')!;
    expect(main.amounts[totals.years.indexOf(2022)]).toBe(6_252_600_000 + 26_506_900_000);
    await expect.poll(async () => (await grid.getByRole('row').filter({ hasText: 'Оснащение МФЦ' }).first().textContent()) ?? '').toContain('265\u00a0069,00');

    await first.click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.api('programs/get', { programId: id })).quarterly.length).toBe(0);
    await expect.poll(async () => (await grid.getByRole('row').filter({ hasText: 'Оснащение МФЦ' }).first().textContent()) ?? '').not.toContain('265\u00a0069,00');
  });

  it('imports a sample template after a preview', async () => {
    await nav('Импорт шаблона').click();
    await page.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, 'krasnogorsk-roadmap-2022.xlsx'));
    await expect.poll(() => page.getByRole('table', { name: 'Распознанные таблицы' }).isVisible()).toBe(true);
    expect(await app.api('programs/list', {})).toHaveLength(1);
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await expect.poll(async () => (await app.api('programs/list', {})).length).toBe(2);
    const imported = (await app.api('programs/list', {})).find((p) => p.title !== TITLE)!;
    expect(imported.totalKopecks).toBe(29_992_780_000);
  });

  it('exports Table 4 and reads the downloaded XLSX back', async () => {
    await nav('Программы').click();
    await page.getByRole('button', { name: `Открыть «${TITLE}»` }).click();
    await nav('Отчётные формы').click();
    const form = page.getByRole('form', { name: 'Отчётная форма' });
    await form.getByLabel('Форма').selectOption({ label: 'Таблица 4. Ресурсное обеспечение' });
    await form.getByLabel('XLSX', { exact: false }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Сохранить отчёт' }).click()]);
    const file = path.join(app.folder, 'table4.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const numbers: number[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && numbers.push(c.value)));
    expect(numbers).toContain(62526);
  });

  it('keeps every value after a reload', async () => {
    await page.reload();
    await nav('Программы').click();
    await page.getByRole('button', { name: `Открыть «${TITLE}»` }).click();
    await nav('Структура и финансирование').click();
    const grid = page.getByRole('grid', { name: 'Структура и финансирование, тыс. руб.' });
    await expect.poll(async () => (await cell(grid, 'Обеспечение деятельности МФЦ', '2022 г.')).textContent()).toBe('62\u00a0526,00');
    await expect.poll(async () => (await cell(grid, 'Организация деятельности МФЦ', '2022 г.')).textContent()).toBe('62\u00a0526,00');
  });
});
