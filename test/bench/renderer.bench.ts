// Renderer figures: the 10 000-activity program imported through the handlers and opened in
// headless Chromium over the loopback bridge. Measured inside the page: how long the structure
// grid takes to show its first rows once the program's data has arrived, how long an amount
// typed into a leaf takes to show in its parent's total, and how smooth scrolling through
// every row is. Prints the figures; asserts nothing about time.

import type { Locator, Page } from 'playwright-core';
import { parseThousands } from '../../shared/money';
import { openBrowserApp } from '../e2e/browserHarness';
import { largeProgramDetail } from './largeProgram';
import { percentile, report } from './measure';

const GRID = 'Структура и финансирование, тыс. руб.';
const PROGRAM_DATA = ['programs/get', 'totals/get', 'findings/list', 'organisations/list'];
const TYPED_REPEATS = 20;
/**
 * How far the view moves a frame: the scrollbar dragged from the first row to the last in
 * about six seconds (every frame a whole new screen of rows), and a fast mouse wheel.
 */
const SCROLL_STEPS_PX = [1000, 100];

/** What the page exposes to the benchmark between evaluate calls. */
interface BenchWindow {
  __firstScreen?: { navClickAt: number; rowsInDom: number; painted: number };
  __typed?: { enterAt: number; changedAt: number; painted: number; text: string };
}

interface ApiTiming {
  startTime: number;
  responseEnd: number;
  encodedBodySize: number;
}

function kopecksOf(text: string): number {
  const parsed = parseThousands(text.trim());
  if (!parsed.ok) throw new Error(`«${text}» is not an amount: ${parsed.reason}`);
  return parsed.kopecks;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The /api calls the page made since `since` (its own clock), oldest first. */
async function apiTimings(page: Page, since: number): Promise<ApiTiming[]> {
  return page.evaluate(
    (from) =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname === '/api' && entry.startTime >= from)
        .sort((a, b) => a.startTime - b.startTime)
        .map((entry) => ({ startTime: entry.startTime, responseEnd: entry.responseEnd, encodedBodySize: entry.encodedBodySize })),
    since,
  );
}

/** Resolves in the page after the next frame has been drawn. */
const afterFrames = (page: Page, frames = 2) =>
  page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const next = () => (--left <= 0 ? setTimeout(resolve, 0) : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    frames,
  );

async function firstScreen(page: Page, title: string): Promise<void> {
  const open = page.getByRole('button', { name: `Открыть «${title}»`, exact: true });
  await open.waitFor();
  const names: string[] = [];
  let recording = false;
  page.on('request', (request) => {
    if (!recording || new URL(request.url()).pathname !== '/api') return;
    names.push((request.postDataJSON() as { name: string }).name);
  });
  // Watch for the grid's first body rows from before the click: the moment they are in the
  // DOM, and the moment after the frame that draws them. Both clicks are made in the page, one
  // right after the other: the loopback server shares this process's event loop and is busy
  // serialising the program while the page waits, so a click sent from here would only arrive
  // after the data and find the overview already drawn.
  recording = true;
  const since = await page.evaluate(
    async ({ label, openLabel }) => {
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(100_000);
      const probe = { navClickAt: 0, rowsInDom: 0, painted: 0 };
      (window as unknown as BenchWindow).__firstScreen = probe;
      const observer = new MutationObserver(() => {
        if (probe.rowsInDom) return;
        const grid = document.querySelector(`[role="grid"][aria-label="${label}"]`);
        if (!grid?.querySelector('[role="row"][data-row]')) return;
        probe.rowsInDom = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now()), 0));
      });
      observer.observe(document.body, { childList: true, subtree: true });
      const started = performance.now();
      document.querySelector<HTMLButtonElement>(`button[aria-label="${openLabel}"]`)!.click();
      // The program's screens appear in the navigation as soon as it is chosen; its data is still on the way.
      const structure = () =>
        [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Разделы"] button')].find((button) => button.textContent?.trim() === 'Структура и финансирование');
      while (!structure()) await new Promise((resolve) => setTimeout(resolve, 0));
      probe.navClickAt = performance.now();
      structure()!.click();
      return started;
    },
    { label: GRID, openLabel: `Открыть «${title}»` },
  );
  await page.waitForFunction(() => ((window as unknown as BenchWindow).__firstScreen?.painted ?? 0) > 0, undefined, { timeout: 300_000 });
  recording = false;
  const probe = (await page.evaluate(() => (window as unknown as BenchWindow).__firstScreen))!;
  const timings = await apiTimings(page, since);
  // The page sends its calls in the order Playwright reports them; the timings are sorted by start.
  const calls = timings.map((timing, i) => ({ ...timing, name: names[i] ?? '?' }));
  const data = calls.filter((call) => PROGRAM_DATA.includes(call.name));
  if (data.length !== PROGRAM_DATA.length) {
    console.log(`  (expected ${PROGRAM_DATA.join(', ')}; the page called ${calls.map((c) => c.name).join(', ') || 'nothing'})`);
  }
  if (data.length === 0) return;
  const requested = Math.min(...data.map((call) => call.startTime));
  const arrived = Math.max(...data.map((call) => call.responseEnd));
  const detail = data.find((call) => call.name === 'programs/get');
  const bytes = data.reduce((sum, call) => sum + call.encodedBodySize, 0);
  if (probe.navClickAt > arrived) console.log('  (the data arrived before the structure screen was chosen: the figure below includes the click)');
  report(`program data transfer (${data.length} /api calls, ${megabytes(bytes)}${detail ? `; programs/get ${megabytes(detail.encodedBodySize)} in ${(detail.responseEnd - detail.startTime).toFixed(0)} ms` : ''})`, arrived - requested);
  report('first screen of the structure grid rendered after the data arrives (rows in the DOM)', probe.rowsInDom - arrived);
  report('first screen of the structure grid rendered after the data arrives (painted)', probe.painted - arrived, 1000);
  report('«Открыть» clicked → first rows painted', probe.painted - since);
}

async function scrolling(page: Page, step: number): Promise<void> {
  await page.getByRole('grid', { name: GRID }).locator('[role="row"][data-row]').first().waitFor();
  const result = await page.evaluate(
    async ({ label, step }) => {
      const grid = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      const firstRow = grid.querySelector<HTMLElement>('[role="row"][data-row]')!;
      const rowHeight = firstRow.offsetHeight;
      const header = grid.querySelector<HTMLElement>('.dg-head')?.offsetHeight ?? 0;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
      observer.observe({ type: 'longtask' });
      grid.scrollTop = 0;
      // The frame interval of this Chromium when nothing happens, to read the figures against.
      const idle: number[] = [];
      await new Promise<void>((resolve) => {
        let last = 0;
        const tick = (now: number) => {
          if (last) idle.push(now - last);
          last = now;
          if (idle.length < 60) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      longTasks.length = 0;
      const frames: number[] = [];
      let blank = 0;
      let painted = 0;
      const canvas = grid.querySelector<HTMLCanvasElement>('.dg-glide');
      // The rows the glide canvas shows while the view glides (DataGrid's glideCanvas), or null.
      const paintedRows = () => {
        const [first, last] = (canvas?.dataset.rows ?? '').split('-').map(Number);
        return canvas?.style.visibility === 'visible' && Number.isInteger(first) ? { first, last } : null;
      };
      await new Promise<void>((resolve) => {
        let last = 0;
        const tick = (now: number) => {
          if (last) {
            frames.push(now - last);
            // The row at the top of the view this frame draws: is it in the DOM, or in the picture?
            const top = Math.floor(grid.scrollTop / rowHeight);
            const picture = paintedRows();
            if (picture) painted += 1;
            if (picture ? top < picture.first || top > picture.last : !grid.querySelector(`[data-row="${top}"]`)) blank += 1;
          }
          last = now;
          if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) return resolve();
          // Moved after this frame is drawn, as a dragged scrollbar moves the view: the next
          // frame's scroll event draws the rows and the frame shows them. Moved here, in the
          // frame callback, the view would be drawn 1 000 px past the rows drawn for it, blank,
          // and the cost of showing the rows would not be counted.
          setTimeout(() => (grid.scrollTop += step), 0);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // Once the view rests, the rows in it are elements again (a glide ends 200 ms after its last move).
      await new Promise((resolve) => setTimeout(resolve, 400));
      observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
      observer.disconnect();
      const rows = Number(grid.getAttribute('aria-rowcount')) - grid.querySelectorAll('.dg-head [role="row"]').length;
      const lastRowShown = !!grid.querySelector(`[data-row="${rows - 1}"]`) && !paintedRows();
      return { frames, idle, longTasks, blank, painted, rows, lastRowShown, pixels: grid.scrollHeight - header };
    },
    { label: GRID, step },
  );
  const { frames, longTasks } = result;
  console.log(
    `  scrolling through all ${result.rows.toLocaleString('en')} rows (${(result.pixels / 1000).toFixed(0)} 000 px, ${step} px a frame): ${frames.length} frames, ` +
      `${result.painted} painted on the glide canvas, ${result.blank} showed the top row not yet drawn; last row in the DOM once the view rested: ${result.lastRowShown ? 'yes' : 'NO'}`,
  );
  const at = `scrolling at ${step} px a frame`;
  // A frame lasts a whole number of the display's intervals, give or take the timer's jitter:
  // at 60 Hz a frame of three is 50 ms whether it reads 49.9 or 50.1, so both count as 50.
  const interval = percentile(result.idle, 50);
  const over = frames.map((ms, i) => ({ ms, i })).filter(({ ms }) => ms >= 50 - interval / 2);
  const worst = Math.max(...frames);
  console.log(`  ${at}, worst frame: ${worst.toFixed(2)} ms   (target: no frame of 50 ms or more: ${over.length ? 'MISSED' : 'met'})`);
  if (over.length) console.log(`  ${at}, frames of 50 ms or more: ${over.map(({ ms, i }) => `#${i + 1} ${ms.toFixed(1)} ms`).join(', ')}`);
  report(`${at}, p95 frame`, percentile(frames, 95), 50);
  report(`${at}, p50 frame`, percentile(frames, 50));
  report('idle frame interval of this Chromium, p50 (for comparison)', interval);
  console.log(`  ${at}, long tasks: ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ''}`);
}

/**
 * Where a frame of the fast scroll goes, without the noise of frame timing: the view jumps a
 * screen at a time and each jump's scroll handler (painting the rows on the glide canvas) and
 * the style and layout it leaves to do are timed apart. Raster and compositing are left out.
 */
async function jumpCost(page: Page): Promise<void> {
  const { render, layout } = await page.evaluate(async (label) => {
    const grid = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
    const render: number[] = [];
    const layout: number[] = [];
    let top = 0;
    for (let i = 0; i < 300; i++) {
      top = (top + grid.clientHeight) % (grid.scrollHeight - 2 * grid.clientHeight);
      const start = performance.now();
      grid.scrollTop = top;
      // The handler the browser would call before the next frame, called now.
      grid.dispatchEvent(new Event('scroll'));
      const drawn = performance.now();
      void grid.offsetHeight;
      render.push(drawn - start);
      layout.push(performance.now() - drawn);
      // Let the page breathe now and then, as frames would.
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // Let the glide end, so what comes next starts from rows at rest.
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { render, layout };
  }, GRID);
  const line = (values: number[]) => `p50 ${percentile(values, 50).toFixed(2)} ms, p90 ${percentile(values, 90).toFixed(2)} ms`;
  console.log(`  one screen-long jump (300 of them), the rows painted on the glide canvas: ${line(render)}; style and layout: ${line(layout)}`);
}

interface Leaf {
  /** aria-rowindex of the activity's own row (the parent of its amounts) and of its first (source, executor) line. */
  partRow: number;
  comboRow: number;
  code: string;
}

/** A leaf whose own row and first breakdown line are both fully in view, near `fraction` of the grid. */
async function leafNear(page: Page, fraction: number): Promise<Leaf | null> {
  await page.evaluate(
    ({ label, at }) => {
      const grid = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
      grid.scrollTop = Math.floor((grid.scrollHeight - grid.clientHeight) * at);
    },
    { label: GRID, at: fraction },
  );
  // A jump that far glides (from the next frame's scroll event): the rows are elements again once the view rests.
  await afterFrames(page);
  await page.waitForFunction(() => !document.querySelector('.dg-glide[data-rows]'));
  await afterFrames(page);
  return page.evaluate((label) => {
    const grid = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
    const header = grid.querySelector<HTMLElement>('.dg-head')!.offsetHeight;
    const view = grid.getBoundingClientRect();
    const bottom = view.top + grid.clientHeight;
    const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"][data-row]')].sort((a, b) => Number(a.dataset.row) - Number(b.dataset.row));
    const inView = (row: HTMLElement) => {
      const box = row.getBoundingClientRect();
      return box.top >= view.top + header && box.bottom <= bottom;
    };
    const cellText = (row: HTMLElement, col: number) => row.querySelector(`[role="gridcell"][aria-colindex="${col}"]`)?.textContent?.trim() ?? '';
    for (let i = 0; i + 1 < rows.length; i++) {
      const part = rows[i];
      const combo = rows[i + 1];
      const code = cellText(part, 1);
      if (!/^\d+\.\d+\.\d+$/.test(code) || Number(combo.dataset.row) !== Number(part.dataset.row) + 1) continue;
      if (cellText(combo, 1) !== '' || !cellText(combo, 2).includes(' · ')) continue;
      if (!inView(part) || !inView(combo)) continue;
      return { partRow: Number(part.getAttribute('aria-rowindex')), comboRow: Number(combo.getAttribute('aria-rowindex')), code };
    }
    return null;
  }, GRID);
}

const cellOf = (grid: Locator, row: number, col: number) => grid.locator(`[role="row"][aria-rowindex="${row}"] [role="gridcell"][aria-colindex="${col}"]`);

async function typedAmounts(page: Page, firstYear: number): Promise<void> {
  const grid = page.getByRole('grid', { name: GRID });
  await page.getByRole('toolbar', { name: 'Вид таблицы' }).getByLabel('Показать источники и исполнителей').check();
  await grid.locator('[role="row"][data-row]').filter({ hasText: ' · ' }).first().waitFor();
  const visible: number[] = [];
  const painted: number[] = [];
  const saves: number[] = [];
  const saved: number[] = [];
  let wrong = 0;
  for (let i = 0; i < TYPED_REPEATS; i++) {
    const leaf = await leafNear(page, (i + 0.5) / TYPED_REPEATS);
    if (!leaf) throw new Error(`no leaf in view near ${Math.round(((i + 0.5) / TYPED_REPEATS) * 100)} % of the grid`);
    const year = firstYear + (i % 5);
    const col = Number(await grid.getByRole('columnheader', { name: `${year} г.`, exact: true }).getAttribute('aria-colindex'));
    const leafCell = cellOf(grid, leaf.comboRow, col);
    const parentCell = cellOf(grid, leaf.partRow, col);
    const leafBefore = kopecksOf((await leafCell.textContent()) ?? '');
    const parentBefore = (await parentCell.textContent()) ?? '';
    const typed = `${1000 + i * 37},${String(10 + i).padStart(2, '0')}`;
    const expected = kopecksOf(parentBefore) - leafBefore + kopecksOf(typed);

    await leafCell.click();
    await page.keyboard.type(typed);
    await grid.locator('input.dg-editor').waitFor();
    await page.evaluate(
      ({ label, row, column, before }) => {
        const gridElement = document.querySelector<HTMLElement>(`[role="grid"][aria-label="${label}"]`)!;
        const probe = { enterAt: 0, changedAt: 0, painted: 0, text: '' };
        (window as unknown as BenchWindow).__typed = probe;
        document.addEventListener(
          'keydown',
          (event) => {
            if (event.key === 'Enter') probe.enterAt = performance.now();
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          // A part's amount cell is a one-line cell: its text is its own.
          const text = gridElement.querySelector(`[role="row"][aria-rowindex="${row}"] [role="gridcell"][aria-colindex="${column}"]`)?.textContent ?? '';
          if (!probe.enterAt || text === before) return;
          probe.changedAt = performance.now();
          probe.text = text;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => (probe.painted = performance.now()), 0));
        });
        observer.observe(gridElement, { childList: true, subtree: true, characterData: true });
      },
      { label: GRID, row: leaf.partRow, column: col, before: parentBefore },
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ((window as unknown as BenchWindow).__typed?.painted ?? 0) > 0);
    const probe = (await page.evaluate(() => (window as unknown as BenchWindow).__typed))!;
    visible.push(probe.changedAt - probe.enterAt);
    painted.push(probe.painted - probe.enterAt);
    // Let the save settle before the next one; its answer must leave the sum shown as it was.
    await grid.locator('.dg-cell--pending').waitFor({ state: 'detached' });
    const save = (await apiTimings(page, probe.enterAt))[0];
    if (save) {
      saves.push(save.responseEnd - save.startTime);
      saved.push(save.responseEnd - probe.enterAt);
    }
    const settled = (await parentCell.textContent()) ?? '';
    if (kopecksOf(probe.text) !== expected || kopecksOf(settled) !== expected) {
      wrong += 1;
      console.log(`  (${leaf.code}, ${year}: the parent showed «${probe.text}», then «${settled}»; expected the sum ${expected / 100_000} тыс. руб.)`);
    }
  }
  const line = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
  console.log(`  typed amount on ${TYPED_REPEATS} different leaves (Enter → the activity's own row shows the new sum${wrong ? `; ${wrong} WRONG sums` : ''}):`);
  report('typed amount visible in the parents’ totals, p50', percentile(visible, 50), 50);
  report('typed amount visible in the parents’ totals, p95', percentile(visible, 95), 50);
  console.log(`  typed amount painted: ${line(painted)}`);
  // The sum shows before the save answers (renderer/store/amountsInFlight.ts); the save's own times:
  console.log(`  its save (financing/set-year): request ${line(saves)}; Enter → answer in the page ${line(saved)}`);
}

export async function rendererBenchmark(): Promise<void> {
  const app = await openBrowserApp({ viewport: { width: 1440, height: 900 } });
  const { page } = app;
  try {
    page.setDefaultTimeout(120_000);
    // tsx names the functions it compiles with a helper the page does not have.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    const detail = largeProgramDetail();
    const document = { format: 'munplan.program', version: 1, exportedAt: new Date().toISOString(), app: 'Munplan benchmark', detail };
    const program = await app.api('transfer/import-json', { document });
    await page.goto(app.url);
    await firstScreen(page, program.title);
    for (const step of SCROLL_STEPS_PX) await scrolling(page, step);
    await jumpCost(page);
    await typedAmounts(page, detail.program.periodStart);
  } finally {
    await app.close();
  }
}
