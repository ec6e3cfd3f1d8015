// A fast scroll of the structure grid in headless Chromium, the real renderer and handlers behind
// it: while the view glides its rows are painted on a canvas (renderer/grid/glideCanvas.ts), and
// that picture must be the rows the DOM shows once the view rests, pixel for pixel; a click on
// it must land on the cell under it; and a move by keyboard or a scroll with an open editor
// must keep the DOM rows.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeProgramDetail } from '../bench/largeProgram';
import { openBrowserApp, type BrowserApp } from './browserHarness';

const GRID = 'Структура и финансирование, тыс. руб.';
/** 2 tasks × 3 main activities × 20 activities, 5 years from 2 sources: some 400 rows with the breakdown shown. */
const SHAPE = { tasks: 2, mainActivitiesPerTask: 3, activitiesPerMainActivity: 20, firstYear: 2022, years: 5 };

let app: BrowserApp;
let page: Page;
let grid: Locator;

beforeAll(async () => {
  app = await openBrowserApp({ viewport: { width: 1440, height: 900 } });
  page = app.page;
  const detail = largeProgramDetail(SHAPE);
  // First quarters that fall short of their year's plan in the second year: every activity's
  // amount for that year is marked as an error (an inset bar and a corner triangle to paint).
  detail.quarterly = detail.financing.filter((row) => row.year === SHAPE.firstYear + 1).map((row) => ({ ...row, quarter: 1 as const, kopecks: row.kopecks - 100 }));
  const program = await app.api('transfer/import-json', { document: { format: 'munplan.program', version: 1, exportedAt: new Date().toISOString(), app: 'Munplan test', detail } });
  await page.goto(app.url);
  await page.getByRole('button', { name: `Открыть «${program.title}»`, exact: true }).click();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Структура и финансирование' }).click();
  grid = page.getByRole('grid', { name: GRID });
  await page.getByRole('toolbar', { name: 'Вид таблицы' }).getByLabel('Показать источники и исполнителей').check();
  await grid.locator('[role="row"][data-row]').filter({ hasText: ' · ' }).first().waitFor();
}, 120_000);
afterAll(async () => app?.close());

/** The rows the glide canvas shows, or null while the DOM rows show. */
const picture = () =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.dg-glide');
    const [first, last] = (canvas?.dataset.rows ?? '').split('-').map(Number);
    return canvas?.style.visibility === 'visible' && Number.isInteger(first) ? { first, last } : null;
  });

/** Leaps of a screen and more, as a dragged scrollbar makes: each picture is painted whole. */
const LEAPS = [3000, 1500];
/**
 * Then a wheel's steps of a few rows: the picture shows rows painted in earlier frames, where the
 * view was then, beside the rows scrolled in last (glideCanvas's strip).
 */
const WHEELED = [...LEAPS, 200, 100];

/** Moves the view to `top`, a frame a move, from these distances below it. */
async function glideTo(top: number, from: readonly number[] = WHEELED): Promise<void> {
  await page.evaluate(
    async ({ label, top, from }) => {
      const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      for (const below of [...from, 0]) {
        element.scrollTop = top + below;
        await frame();
      }
    },
    { label: GRID, top, from },
  );
}

/**
 * Keeps the glide going while `during` runs: the grid ends a glide 200 ms after the view last
 * moved, and a screenshot may take longer. A scroll event where the view stands repaints the
 * picture and waits again.
 */
async function holdingGlide<T>(during: () => Promise<T>): Promise<T> {
  await page.evaluate((label) => {
    const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
    (window as unknown as { holdGlide: number }).holdGlide = window.setInterval(() => element.dispatchEvent(new Event('scroll')), 50);
  }, GRID);
  try {
    return await during();
  } finally {
    await page.evaluate(() => window.clearInterval((window as unknown as { holdGlide: number }).holdGlide));
  }
}

const atRest = async () => {
  await page.waitForFunction(() => !document.querySelector('.dg-glide[data-rows]'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
};

/** How many pixels of two PNG screenshots of one size differ by more than a trace of anti-aliasing. */
function differingPixels(a: Buffer, b: Buffer): Promise<{ differing: number; total: number }> {
  return page.evaluate(
    async ({ a, b }) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [first, second] = await Promise.all([pixels(a), pixels(b)]);
      let differing = 0;
      for (let i = 0; i < first.length; i += 4) {
        const channel = Math.max(Math.abs(first[i] - second[i]), Math.abs(first[i + 1] - second[i + 1]), Math.abs(first[i + 2] - second[i + 2]));
        if (channel > 40) differing += 1;
      }
      return { differing, total: first.length / 4 };
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
}

describe('the structure grid while its view glides', () => {
  it('paints the rows in view as the DOM shows them once the view rests', async () => {
    const rowHeight = await grid.locator('[role="row"][data-row]').first().evaluate((row) => (row as HTMLElement).offsetHeight);
    const top = 120 * rowHeight + 7;
    // Resting there first: a block selected, the view moved sideways, so the picture has
    // selection, an active cell, marked cells and frozen columns over scrolled ones to match.
    await page.evaluate(
      ({ label, top }) => {
        const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
        element.scrollTop = top;
        element.scrollLeft = 150;
      },
      { label: GRID, top },
    );
    await atRest();
    const cellAt = (row: number, col: number) => grid.locator(`[role="row"][data-row="${row}"] [role="gridcell"][aria-colindex="${col}"]`);
    await cellAt(125, 4).click();
    await cellAt(128, 6).click({ modifiers: ['Shift'] });

    const clip = (await grid.boundingBox())!;
    const pictureAfter = async (from: readonly number[]) => {
      await glideTo(top, from);
      const painted = await holdingGlide(async () => {
        const shown = await picture();
        expect(shown, 'the view glides').not.toBeNull();
        expect(shown!.first).toBe(Math.floor(top / rowHeight));
        return page.screenshot({ clip });
      });
      await atRest();
      expect(await picture()).toBeNull();
      return painted;
    };
    const leapt = await pictureAfter(LEAPS);
    const wheeled = await pictureAfter(WHEELED);
    expect(await grid.locator(`[role="row"][data-row="${Math.floor(top / rowHeight)}"]`).count()).toBe(1);
    expect(await grid.locator('[role="row"][data-row] .dg-cell--error').count()).toBeGreaterThan(5);
    const drawn = await page.screenshot({ clip });

    for (const painted of [leapt, wheeled]) {
      const { differing, total } = await differingPixels(painted, drawn);
      // Anti-aliasing aside, a figure may come out a pixel apart where the DOM sets digits of
      // one width (tabular-nums), which a canvas cannot ask for: a few dozen pixels, not rows.
      expect(differing / total).toBeLessThan(0.001);
    }
  });

  it('takes a click on the picture to the cell under it', async () => {
    const rowHeight = await grid.locator('[role="row"][data-row]').first().evaluate((row) => (row as HTMLElement).offsetHeight);
    const top = 200 * rowHeight;
    await page.evaluate((label) => (document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!.scrollLeft = 0), GRID);
    await glideTo(top);
    await atRest();
    const target = grid.locator('[role="row"][data-row="205"] [role="gridcell"][aria-colindex="3"]');
    const box = (await target.boundingBox())!;
    const text = await target.textContent();
    await glideTo(top);
    await holdingGlide(async () => {
      expect(await picture()).not.toBeNull();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
    expect(await picture()).toBeNull();
    const activeId = await grid.getAttribute('aria-activedescendant');
    const active = page.locator(`[id="${activeId}"]`);
    expect(await active.getAttribute('aria-colindex')).toBe('3');
    expect(await active.evaluate((cell) => cell.closest('[role="row"]')!.getAttribute('data-row'))).toBe('205');
    expect(await active.textContent()).toBe(text);
  });

  it('never glides for a move by keyboard, nor while a cell is being edited; Ctrl+Home shows the first column again', async () => {
    await page.evaluate((label) => (document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!.scrollTop = 0), GRID);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await atRest();
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.dg-glide')!;
      const seen = { glides: 0 };
      (window as unknown as { glideSeen: typeof seen }).glideSeen = seen;
      new MutationObserver(() => {
        if (canvas.style.visibility === 'visible') seen.glides += 1;
      }).observe(canvas, { attributes: true });
    });
    const glides = () => page.evaluate(() => (window as unknown as { glideSeen: { glides: number } }).glideSeen.glides);
    await grid.locator('[role="row"][data-row="2"] [role="gridcell"][aria-colindex="3"]').click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    const view = () => page.evaluate((label) => {
      const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      return { top: element.scrollTop, left: element.scrollLeft };
    }, GRID);
    await page.keyboard.press('Control+End');
    const atEnd = await view();
    expect(atEnd.top).toBeGreaterThan(0);
    expect(atEnd.left, 'the last column is scrolled into view').toBeGreaterThan(0);
    // As in Excel, Ctrl+Home shows the grid from its first row and first column again.
    await page.keyboard.press('Control+Home');
    expect(await view()).toEqual({ top: 0, left: 0 });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await glides()).toBe(0);

    // An amount being typed: its editor must stay in the DOM, in its row, whatever the view does.
    const leaf = grid.locator('[role="row"][data-row]').filter({ hasText: ' · ' }).first().locator('[role="gridcell"][aria-colindex="3"]');
    await leaf.click();
    await page.keyboard.type('12');
    const editor = grid.locator('input.dg-editor');
    await editor.waitFor();
    await glideTo(3000);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(await glides()).toBe(0);
    expect(await editor.inputValue()).toBe('12');
    await page.keyboard.press('Escape');
  });

  it('keeps a cell the browser scrolls into view out from under the header and the frozen columns', async () => {
    // Find in page and a focused element are scrolled to by the browser, not by the grid.
    await page.evaluate((label) => {
      const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      element.scrollTop = 0;
      element.scrollLeft = 0;
    }, GRID);
    await atRest();
    const placed = await page.evaluate((label) => {
      const element = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      // The last row in the DOM, below the view, and the second scrolling column: brought to the
      // start of the view both ways, the cell would sit under the header and the frozen columns.
      const row = [...element.querySelectorAll<HTMLElement>('[role="row"][data-row]')].at(-1)!;
      const cell = row.querySelectorAll<HTMLElement>('[role="gridcell"]:not(.dg-cell--frozen)')[1];
      cell.scrollIntoView({ block: 'start', inline: 'start' });
      const frozen = [...element.querySelectorAll<HTMLElement>('[role="columnheader"].dg-cell--frozen')].at(-1)!;
      return {
        cell: cell.getBoundingClientRect().toJSON() as DOMRect,
        headerBottom: element.querySelector('.dg-head')!.getBoundingClientRect().bottom,
        frozenRight: frozen.getBoundingClientRect().right,
      };
    }, GRID);
    expect(placed.cell.top).toBeCloseTo(placed.headerBottom, 0);
    expect(placed.cell.left).toBeCloseTo(placed.frozenRight, 0);
    await atRest();
  });
});
