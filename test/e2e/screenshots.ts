// `npm run screenshots -- --out DIR`: the app as a newcomer meets it, one 1440×900 PNG per
// screen. Opens an empty workspace in headless Chromium, opens the demonstration program from
// the first-start card, then goes to every screen through the navigation, waits for the
// screen to settle (its heading or grid on screen, no task running, no request in flight) and
// saves it as DIR/NN-name.png. Exits with 1 and says in Russian which screens failed.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Locator, Page, Request } from 'playwright-core';
import { openBrowserApp } from './browserHarness';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));
const IMPORT_SAMPLE = path.join(SAMPLES, 'krasnogorsk-roadmap-2022.xlsx');
const DEMO_TITLE = 'Цифровизация городской среды';
const WAIT_MS = 60_000;

interface Shot {
  /** File name without the extension: «01-programs». */
  file: string;
  /** The screen's name in the navigation, for messages. */
  title: string;
  /** Brings the screen up and waits until what it shows is on screen. */
  open(page: Page): Promise<void>;
}

function usage(problem: string): never {
  console.error(`${problem}\nЗапуск: npm run screenshots -- --out ПАПКА`);
  process.exit(2);
}

function outFolder(): string {
  let values: { out?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    usage(`Непонятные параметры: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!values.out) usage('Укажите папку для снимков: --out ПАПКА.');
  return path.resolve(values.out);
}

/** Counts the page's calls to /api, so a screen is photographed only when none is in flight. */
function trackApiCalls(page: Page): { idle(): Promise<void> } {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const isApi = (request: Request) => new URL(request.url()).pathname === '/api';
  page.on('request', (request) => {
    if (isApi(request)) inFlight += 1;
  });
  const finished = (request: Request) => {
    if (!isApi(request)) return;
    inFlight -= 1;
    if (inFlight === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name });
const heading = (page: Page, name: string, level = 2) => page.getByRole('main').getByRole('heading', { name, level, exact: true });
const firstBodyRow = (grid: Locator) => grid.locator('[role="row"][data-row]').first();

async function showGrid(page: Page, gridName: string): Promise<void> {
  const grid = page.getByRole('grid', { name: gridName, exact: true });
  await firstBodyRow(grid).waitFor({ state: 'visible' });
}

const SHOTS: Shot[] = [
  {
    file: '01-programs',
    title: 'Программы',
    async open(page) {
      await nav(page, 'Программы').click();
      await heading(page, 'Программы').waitFor();
      await page.getByRole('table', { name: 'Программы в базе' }).getByRole('button', { name: DEMO_TITLE, exact: true }).waitFor();
    },
  },
  {
    file: '02-overview',
    title: 'Обзор',
    async open(page) {
      await nav(page, 'Обзор').click();
      await heading(page, 'Финансирование, тыс. руб.', 3).waitFor();
      await heading(page, 'Ближайшие сроки дорожной карты', 3).waitFor();
    },
  },
  {
    file: '03-passport',
    title: 'Паспорт',
    async open(page) {
      await nav(page, 'Паспорт').click();
      await heading(page, 'Паспорт программы').waitFor();
      await page.getByRole('form', { name: 'Паспорт программы' }).waitFor();
    },
  },
  {
    file: '04-structure',
    title: 'Структура и финансирование',
    async open(page) {
      await nav(page, 'Структура и финансирование').click();
      await heading(page, 'Структура и финансирование').waitFor();
      await showGrid(page, 'Структура и финансирование, тыс. руб.');
    },
  },
  {
    file: '05-roadmap-2023',
    title: 'Дорожная карта (2023 год)',
    async open(page) {
      await nav(page, 'Дорожная карта').click();
      await heading(page, 'Дорожная карта по кварталам').waitFor();
      await page.getByRole('toolbar', { name: 'Вид таблицы' }).getByLabel('Год').selectOption('2023');
      await showGrid(page, 'Дорожная карта на 2023 год, тыс. руб.');
    },
  },
  {
    file: '06-indicators',
    title: 'Целевые показатели',
    async open(page) {
      await nav(page, 'Целевые показатели').click();
      await heading(page, 'Целевые показатели').waitFor();
      await showGrid(page, 'Целевые показатели: план и факт');
    },
  },
  {
    file: '07-findings',
    title: 'Замечания',
    async open(page) {
      await nav(page, 'Замечания').click();
      await heading(page, 'Замечания').waitFor();
      await page.getByRole('main').locator('table, p.card').first().waitFor();
    },
  },
  {
    file: '08-amendments',
    title: 'Изменения и редакции',
    async open(page) {
      await nav(page, 'Изменения и редакции').click();
      await heading(page, 'Изменения и редакции').waitFor();
      // Open an amendment and close it, as an officer does, so the screen has editions to compare.
      const form = page.getByRole('form', { name: 'Открыть изменения' });
      const issuer = form.getByLabel('Кем принят');
      if (!(await issuer.inputValue()).trim()) await issuer.fill('Администрации города Рязани');
      await form.getByLabel('Вид акта').selectOption('Постановление');
      await form.getByLabel('Номер', { exact: true }).fill('125');
      await form.getByLabel('Дата', { exact: true }).fill('15.02.2024');
      await form.getByLabel('Наименование акта (необязательно)').fill('О внесении изменений в муниципальную программу «Цифровизация городской среды»');
      await form.getByRole('button', { name: 'Открыть изменения' }).click();
      await heading(page, 'Открыты изменения', 3).waitFor();
      await page.getByRole('button', { name: 'Закрыть изменения', exact: true }).click();
      await page.getByRole('form', { name: 'Открыть изменения' }).waitFor();
      await page.getByRole('table').getByRole('rowheader', { name: / N 125$/ }).first().waitFor();
      // Two editions at least: the comparison's choices are there.
      await page.getByLabel('Редакция', { exact: true }).locator('option').nth(1).waitFor({ state: 'attached' });
    },
  },
  {
    file: '09-import',
    title: 'Импорт шаблона',
    async open(page) {
      await nav(page, 'Импорт шаблона').click();
      await heading(page, 'Импорт шаблона').waitFor();
      await page.locator('input[type="file"]').setInputFiles(IMPORT_SAMPLE);
      await page.getByRole('table', { name: 'Распознанные таблицы' }).waitFor();
      await page.getByRole('button', { name: 'Импортировать', exact: true }).waitFor();
    },
  },
  {
    file: '10-export',
    title: 'Отчётные формы',
    async open(page) {
      await nav(page, 'Отчётные формы').click();
      await heading(page, 'Отчётные формы').waitFor();
      await page.getByRole('form', { name: 'Отчётная форма' }).waitFor();
    },
  },
];

async function main(): Promise<number> {
  const out = outFolder();
  mkdirSync(out, { recursive: true });
  const app = await openBrowserApp({ viewport: { width: 1440, height: 900 } });
  const { page } = app;
  page.setDefaultTimeout(WAIT_MS);
  const api = trackApiCalls(page);
  let pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.warn(`  консоль страницы: ${message.text()}`);
  });

  /** Waits for the screen to be still: no task, no call in flight, fonts loaded, two frames drawn. */
  async function settle(): Promise<void> {
    await page.getByRole('list', { name: 'Выполняется' }).waitFor({ state: 'detached' });
    await api.idle();
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    });
    await api.idle();
  }

  /** Why the screen on view is not right, or null. */
  async function problemOnScreen(): Promise<string | null> {
    if (pageErrors.length > 0) return `ошибка в странице: ${pageErrors.join('; ')}`;
    const error = page.locator('.message-error');
    if (await error.isVisible()) return `программа сообщила об ошибке: «${(await error.innerText()).replace(/\s*✕$/, '')}»`;
    return null;
  }

  const failed: string[] = [];
  async function shoot(shot: Shot): Promise<void> {
    pageErrors = [];
    const file = path.join(out, `${shot.file}.png`);
    try {
      await shot.open(page);
      await settle();
      const problem = await problemOnScreen();
      if (problem) throw new Error(problem);
      await page.screenshot({ path: file, animations: 'disabled' });
      const shown = path.relative(process.cwd(), file);
      console.log(`  ${shown.startsWith('..') ? file : shown}`);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `экран не пришёл в нужный вид за ${WAIT_MS / 1000} с (${detail})` : detail;
      console.error(`Экран «${shot.title}» не удалось снять: ${reason}`);
      failed.push(shot.title);
      await page.screenshot({ path: path.join(out, `${shot.file}.ошибка.png`) }).catch(() => undefined);
    }
  }

  try {
    console.log(`Снимки экранов → ${out}`);
    await page.goto(app.url);
    // The newcomer's first view: an empty workspace offers the demonstration program.
    await shoot({
      file: '00-first-start',
      title: 'Первый запуск',
      async open() {
        await page.getByRole('button', { name: 'Открыть демонстрационную программу', exact: true }).waitFor();
      },
    });
    try {
      await page.getByRole('button', { name: 'Открыть демонстрационную программу', exact: true }).click();
      await heading(page, 'Финансирование, тыс. руб.', 3).waitFor();
      await settle();
    } catch (error) {
      console.error(`Демонстрационная программа не открылась: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return 1;
    }
    for (const shot of SHOTS) await shoot(shot);
  } finally {
    await app.close();
  }
  if (failed.length > 0) {
    console.error(`Не удалось снять экраны: ${failed.map((t) => `«${t}»`).join(', ')}.`);
    return 1;
  }
  console.log(`Готово: ${SHOTS.length + 1} снимков в ${out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Снимки экранов не сняты: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
