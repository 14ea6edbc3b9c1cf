/**
 * Browser figures for `npm run bench`, measured on the production build in Debian's Chromium:
 * - time from navigation to the first figures on screen (the `planner:first-numbers` User Timing mark);
 * - time from an edit (typing a new request volume) to the updated summary in the DOM, and to the next frame,
 *   with the default catalog and with a 2,000-model catalog;
 * - JavaScript loaded before the first figures, for the whole first screen, and in the build (gzip);
 * - at real scale (200 slices, 10,000 models, 12 strategies): an edit on Traffic mix, Credits and runway,
 *   Strategies and the Pricing catalog, to the next frame (from the input event to the end of the next
 *   animation frame: a user-blocking task posted from its animation callbacks, which runs once the frame is
 *   drawn, ahead of background work queued before it) and to the updated
 *   summary; typing six edits in a row there, the longest the page could not respond until their figures are
 *   shown and the scenario is saved; the longest the page could not respond while Optimise opens (from the
 *   click until every section's answer is drawn), during a goal seek and during a sensitivity analysis. "Could
 *   not respond" is the page's longest main-thread task in a Chromium trace (`main-thread-trace.ts`), garbage
 *   collection and frame work included;
 * - the largest accepted files (a scenario file and a native catalog file just under 20 MB, 27,646 models)
 *   imported through the screens (each in a fresh profile), from picking the file to the figures of the result on screen: the longest task
 *   on the page's main thread (PerformanceObserver `longtask`), whose budget is 200 ms;
 * - that scenario as the largest accepted library saved in IndexedDB: the longest task from navigation to its
 *   figures on screen, during an edit whose save merges another tab's save of it, and while another tab's
 *   announced save is read and merged.
 * Medians over several runs. Needs `dist/` (built if missing) and /usr/bin/chromium (skipped if absent).
 * `BENCH_PORT` picks the preview port (default 4188); `--imports` measures only the largest files' imports and
 * the largest saved library; `--library` only the largest saved library; `--edits` only the edits at real scale;
 * `--analyses` only Optimise, goal seeking and sensitivity at real scale.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import type { Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startMainThreadTrace } from './main-thread-trace';
import type { MainThreadReading } from './main-thread-trace';
import { validateScenario } from '../src/domain/validate-scenario';
import { encodePersisted } from '../src/state/persistence';
import { makeLargeCatalog } from '../tests/factories/large-catalog';
import { createLargeScenario } from '../tests/factories/large-scenario';
import { createLargestInputs } from '../tests/factories/largest-inputs';
import type { Browser, Locator } from '@playwright/test';
import shippedCatalog from '../data/catalog.json' with { type: 'json' };

const SHIPPED_MODELS = shippedCatalog.length;

const PORT = Number(process.env['BENCH_PORT'] ?? 4188);
const BASE = `http://127.0.0.1:${PORT}`;
const LOAD_RUNS = 7;
const EDIT_RUNS = 15;

/** A duration as the bench prints it. */
const ms = (v: number) => `${v.toFixed(1)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path)).length / 1024;
}

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

/** JS files (paths under dist/) the page had loaded when `performance` was read. */
async function loadedScripts(page: Page, untilMark: boolean): Promise<string[]> {
  return page.evaluate((untilMark) => {
    const limit = untilMark
      ? (performance.getEntriesByName('planner:first-numbers')[0]?.startTime ?? Infinity)
      : Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= limit)
      .map((e) => new URL(e.name).pathname);
  }, untilMark);
}

/** Types new request volumes into the first slice and times each until the summary changes, and the next frame. */
async function timeEdits(page: Page, runs: number): Promise<{ dom: number[]; frame: number[] }> {
  await page.goto(`${BASE}/#traffic`);
  await page.getByTestId('summary-table').waitFor();
  const field = page.getByLabel(/^Requests per month for /).first();
  await field.waitFor();
  await field.evaluate((el) => el.setAttribute('data-bench-target', ''));
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < runs; i++) {
    const timing = await page.evaluate(
      async (value) => {
        const input = document.querySelector<HTMLInputElement>('[data-bench-target]')!;
        const summary = document.querySelector('[data-testid="summary-table"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        return new Promise<{ dom: number; frame: number }>((resolve) => {
          let start = 0;
          const observer = new MutationObserver(() => {
            observer.disconnect();
            const domTime = performance.now() - start;
            requestAnimationFrame(() => resolve({ dom: domTime, frame: performance.now() - start }));
          });
          observer.observe(summary, { subtree: true, characterData: true, childList: true });
          start = performance.now();
          setValue.call(input, String(value));
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      },
      1_000_000 + (i + 1) * 123_457,
    );
    dom.push(timing.dom);
    frame.push(timing.frame);
  }
  return { dom, frame };
}

/**
 * Types `values` one by one into the field, timing each from the input event to the next frame (once the task
 * that runs the next animation callbacks, and draws the frame, has ended) and to the summary table's next
 * change.
 */
async function timeFieldEdits(
  page: Page,
  field: Locator,
  values: readonly string[],
): Promise<{ frame: number[]; summary: number[] }> {
  await field.waitFor();
  await page.evaluate(() =>
    document.querySelectorAll('[data-bench-target]').forEach((el) => el.removeAttribute('data-bench-target')),
  );
  await field.evaluate((el) => el.setAttribute('data-bench-target', ''));
  const frame: number[] = [];
  const summary: number[] = [];
  for (const value of values) {
    const timing = await page.evaluate(async (value) => {
      const input = document.querySelector<HTMLInputElement>('[data-bench-target]')!;
      const table = document.querySelector('[data-testid="summary-table"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      return new Promise<{ frame: number; summary: number }>((resolve) => {
        // No named helper functions in here: the page receives this code as text, without the bundler's helpers.
        let frameTime = -1;
        let summaryTime = -1;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          summaryTime = performance.now() - start;
          if (frameTime >= 0) resolve({ frame: frameTime, summary: summaryTime });
        });
        observer.observe(table, { subtree: true, characterData: true, childList: true });
        // A summary that does not change (the edit touched nothing it shows) counts as done at 10 s.
        setTimeout(() => {
          if (summaryTime >= 0) return;
          observer.disconnect();
          summaryTime = Number.NaN;
          if (frameTime >= 0) resolve({ frame: frameTime, summary: summaryTime });
        }, 10_000);
        const start = performance.now();
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The frame is drawn in the task that runs the animation callbacks; a user-blocking task posted from
        // them runs as soon as that task ends, ahead of the background work (figures, deferred renders) queued
        // before it, which yields to the frame and does not delay it.
        requestAnimationFrame(() => {
          const scheduler = (
            window as unknown as {
              scheduler?: { postTask: (task: () => void, options: { priority: string }) => unknown };
            }
          ).scheduler;
          void new Promise<void>((drawn) => {
            if (scheduler) {
              void scheduler.postTask(drawn, { priority: 'user-blocking' });
            } else {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => drawn();
              channel.port2.postMessage(null);
            }
          }).then(() => {
            frameTime = performance.now() - start;
            if (summaryTime !== -1) resolve({ frame: frameTime, summary: summaryTime });
          });
        });
      });
    }, value);
    frame.push(timing.frame);
    if (!Number.isNaN(timing.summary)) summary.push(timing.summary);
  }
  return { frame, summary };
}

/** The saved text of a library holding `scenario` alone, under `name`, at `revision`. */
function libraryText(scenario: unknown, name: string, revision = 0): string {
  const validated = validateScenario(scenario);
  if (!validated.ok) throw new Error(`${name}: the benchmark scenario is invalid`);
  return encodePersisted(
    {
      library: [{ id: 'bench', scenario: { ...validated.value, name } }],
      activeId: 'bench',
      ui: { theme: 'light', priceUnit: 'per-million' },
    },
    revision,
  );
}

/**
 * Saves `scenario` as the only library entry. It is written from a page of the app's origin that does not run
 * the app, so the app's autosave cannot overwrite it.
 */
async function seedLibrary(page: Page, scenario: unknown, name: string) {
  await seedSavedText(page, libraryText(scenario, name));
}

/** Writes `envelope` as the saved state, from a page of the app's origin that does not run the app. */
async function seedSavedText(page: Page, envelope: string) {
  await page.goto(`${BASE}/favicon.svg`);
  await writeSavedText(page, envelope);
}

/**
 * Writes `envelope` as the saved state from `page`, with its revision beside it, as another tab's save would
 * (without announcing it).
 */
async function writeSavedText(page: Page, envelope: string) {
  const revision = Number(/"revision":(\d+)/.exec(envelope.slice(0, 100))?.[1]);
  if (!Number.isInteger(revision)) throw new Error('the saved text has no revision');
  await page.evaluate(
    async ({ text, revision }) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(text, 'llm-planner:state');
          tx.objectStore('keyval').put(revision, 'llm-planner:revision');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
    },
    { text: envelope, revision },
  );
}

/**
 * Types each of `values` into the field and waits until the regions of the screen (`panel`, a selector) that
 * mark themselves `aria-busy` are busy with nothing and, when `answerTestId` is given, that answer is in one of
 * them; the page's longest main-thread task for each edit.
 */
async function timeBlockingEdits(
  page: Page,
  field: Locator,
  values: readonly string[],
  panel: string,
  answerTestId: string | null,
): Promise<MainThreadReading[]> {
  await field.waitFor({ timeout: 120_000 });
  await page.evaluate(() =>
    document.querySelectorAll('[data-bench-target]').forEach((el) => el.removeAttribute('data-bench-target')),
  );
  await field.evaluate((el) => el.setAttribute('data-bench-target', ''));
  const timings: MainThreadReading[] = [];
  for (const value of values) {
    // The regions that can be busy, found once: polling a selector over a 10,000-model screen would itself
    // hold the page.
    await page.evaluate(
      ([panel, answer]) => {
        const regions = [...document.querySelectorAll(`${panel} [aria-busy]`)];
        const bench = window as unknown as { benchDone: () => boolean; benchInput: HTMLInputElement };
        bench.benchInput = document.querySelector<HTMLInputElement>('[data-bench-target]')!;
        bench.benchDone = () =>
          regions.every((region) => region.getAttribute('aria-busy') !== 'true') &&
          (answer === null || regions.some((region) => region.querySelector(`[data-testid="${answer}"]`)));
      },
      [panel, answerTestId] as const,
    );
    const trace = await startMainThreadTrace(page);
    await page.evaluate((value) => {
      const input = (window as unknown as { benchInput: HTMLInputElement }).benchInput;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await page.waitForFunction(
      () => (window as unknown as { benchDone: () => boolean }).benchDone(),
      undefined,
      {
        timeout: 300_000,
        polling: 100,
      },
    );
    await page.waitForTimeout(300);
    timings.push(await trace.stop());
  }
  return timings;
}

const SCALE_EDITS = 9;
/** Edits typed in a row, as a person types, while the page's longest main-thread task is watched. */
const TYPED_EDITS = 6;
/** The pause between two of those edits: about seven keys a second. */
const TYPING_GAP_MS = 150;
/** How long after the last of them the watch goes on: the figures, then the autosave after its pause. */
const AFTER_TYPING_MS = 2500;

type ScreenEdits = { frame: number[]; summary: number[]; typingBlock: number };

/**
 * Types `values` into the field `timeFieldEdits` last marked, one every `TYPING_GAP_MS`, and watches the page
 * until `AFTER_TYPING_MS` after the last: the longest the page could not respond to a key meanwhile, with the
 * figures computed and drawn and the scenario saved.
 */
async function timeTyping(page: Page, values: readonly string[]): Promise<number> {
  const trace = await startMainThreadTrace(page);
  for (const value of values) {
    await page.evaluate((value) => {
      const input = document.querySelector<HTMLInputElement>('[data-bench-target]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await page.waitForTimeout(TYPING_GAP_MS);
  }
  await page.waitForTimeout(AFTER_TYPING_MS);
  return (await trace.stop()).longestTask;
}

/** A page with the real-scale scenario (200 slices, 10,000 models, 12 strategies) as its only saved one. */
async function openAtScale(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await seedLibrary(
    page,
    createLargeScenario({ modelCount: 10_000, sliceCount: 200, strategyCount: 12 }),
    'Benchmark: 10,000 models × 200 slices × 12 strategies',
  );
  const open = async (hash: string) => {
    await page.goto(`${BASE}/#${hash}`);
    await page.getByTestId('summary-table').waitFor({ timeout: 120_000 });
  };
  return { context, page, open };
}

/** How long after opening, with nothing left to do, the first edit is typed. */
const SETTLE_AFTER_OPENING_MS = 3000;

/**
 * The first edit after the page opens, once it has settled: the longest the page could not respond until that
 * edit's figures are shown and the scenario saved (the first save of a page writes every piece the later ones
 * keep).
 */
async function timeFirstEdit(page: Page, field: Locator, value: string): Promise<number> {
  await field.waitFor({ timeout: 120_000 });
  await field.evaluate((el) => el.setAttribute('data-bench-target', ''));
  await page.waitForTimeout(SETTLE_AFTER_OPENING_MS);
  return timeTyping(page, [value]);
}

/** Edits on four screens with 200 slices, 10,000 models and 12 strategies: to the next frame and the summary. */
async function benchEditsAtScale(browser: Browser) {
  const { context, page, open } = await openAtScale(browser);
  const numbers = (from: number) => Array.from({ length: SCALE_EDITS }, (_, i) => String(from + i * 7));
  const results: [string, ScreenEdits][] = [];
  const measure = async (field: Locator, values: readonly string[]): Promise<ScreenEdits> => {
    const timing = await timeFieldEdits(page, field, values);
    return { ...timing, typingBlock: await timeTyping(page, values.slice(0, TYPED_EDITS).reverse()) };
  };

  await open('traffic');
  const firstEdit = await timeFirstEdit(page, page.getByLabel(/^Requests per month for /).first(), '999999');
  results.push([
    'Traffic mix (requests)',
    await measure(page.getByLabel(/^Requests per month for /).first(), numbers(1_000_003)),
  ]);
  await open('runway');
  results.push([
    'Credits and runway (cash)',
    await measure(page.getByLabel('Cash on hand', { exact: true }), numbers(4_000_001)),
  ]);
  await open('strategies');
  results.push([
    'Strategies (a name)',
    await measure(
      page.getByLabel('Strategy name', { exact: true }).first(),
      Array.from({ length: SCALE_EDITS }, (_, i) => `One model, take ${i + 1}`),
    ),
  ]);
  await open('catalog');
  await page.getByRole('button', { name: /^Edit Model 0$/ }).click();
  results.push([
    'Pricing catalog (a price)',
    await measure(
      page.getByLabel('Input price', { exact: true }),
      Array.from({ length: SCALE_EDITS }, (_, i) => (1 + i / 100).toFixed(2)),
    ),
  ]);
  await context.close();
  return { screens: results, firstEdit };
}

/** Until every section of Optimise has its answer drawn: the assignment, the goal seeks, nothing busy. */
async function waitForOptimiseAnswers(page: Page) {
  await page.getByTestId('optimised-spend').waitFor({ timeout: 300_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('#panel-optimise [aria-busy]')].every(
        (region) => region.getAttribute('aria-busy') !== 'true',
      ) && document.querySelector('#panel-optimise [data-testid="growth-answer"]') !== null,
    undefined,
    { timeout: 300_000, polling: 250 },
  );
}

/** Fresh openings of Optimise measured (each in a new profile, so nothing is computed yet). */
const OPTIMISE_OPENS = 5;

type OptimiseOpening = MainThreadReading & { firstSectionMs: number; answersMs: number };

/**
 * Opening Optimise at real scale: how long the page is held from the click until every section's answer is drawn
 * (the optimised assignment, cost against quality, the break-evens, goal seeking) and 300 ms after.
 */
async function timeOptimiseOpening(browser: Browser): Promise<OptimiseOpening> {
  const { context, page, open } = await openAtScale(browser);
  await open('traffic');
  // As a person opens it: once the page has loaded the screens' code (and made their fonts) in the background.
  await page.waitForFunction(() => performance.getEntriesByName('planner:screens-loaded').length > 0, null, {
    timeout: 120_000,
  });
  // Found by id, not by role: Playwright's role query reads the accessible name of every element on the page,
  // which at this scale holds the page 10–20 ms itself and would be counted as the planner's.
  const tab = page.locator('#tab-optimise');
  await tab.waitFor();
  // The pointer is over the tab before it is pressed, as a person's is: otherwise the move, the hover and the
  // press reach the page in one frame. The press is the mouse's own (down and up where the pointer is), not
  // Playwright's click, whose checks that the tab is visible, stable and not covered run scripts in the page
  // (10–25 ms at this scale) that a person's click does not.
  await tab.hover();
  await page.waitForTimeout(200);
  const trace = await startMainThreadTrace(page);
  const started = Date.now();
  await page.mouse.down();
  await page.mouse.up();
  await page.locator('#panel-optimise h2, #panel-optimise h3').first().waitFor({ timeout: 120_000 });
  const firstSectionMs = Date.now() - started;
  await waitForOptimiseAnswers(page);
  const answersMs = Date.now() - started;
  await page.waitForTimeout(300);
  const reading = await trace.stop();
  await context.close();
  return { ...reading, firstSectionMs, answersMs };
}

/** Opening Optimise, a goal seek and a new sensitivity swing at real scale: how long each holds the page. */
async function benchAnalysesAtScale(browser: Browser) {
  const optimise: OptimiseOpening[] = [];
  for (let run = 0; run < OPTIMISE_OPENS; run++) optimise.push(await timeOptimiseOpening(browser));

  const { context, page, open } = await openAtScale(browser);
  await open('optimise');
  // Once the screen is drawn, so that only the goal seek is timed.
  await waitForOptimiseAnswers(page);
  // A goal seek: a new "Cash must last", each time until the answer is on screen.
  const goalSeek = await timeBlockingEdits(
    page,
    page.getByLabel('Cash must last', { exact: true }),
    ['6', '9', '18'],
    '#panel-optimise',
    'growth-answer',
  );

  // Sensitivity: a new swing on the Uncertainty screen, each time until the tornado is on screen again.
  await open('uncertainty');
  await page
    .locator('#panel-uncertainty .sensitivity .chart-frame, #panel-uncertainty .sensitivity__none')
    .first()
    .waitFor({ timeout: 300_000 });
  const sensitivity = await timeBlockingEdits(
    page,
    page.getByLabel('Swing where no range (±)', { exact: true }),
    ['10', '15', '25'],
    '#panel-uncertainty',
    null,
  );
  await context.close();
  return { optimise, goalSeek, sensitivity };
}

function printAnalyses({
  optimise,
  goalSeek,
  sensitivity,
}: Awaited<ReturnType<typeof benchAnalysesAtScale>>) {
  const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join('/');
  const ownWork = (timings: MainThreadReading[]) =>
    `the page's own work at most ${ms(median(timings.map((t) => t.mostCpu)))} CPU (runs ${runs(timings.map((t) => t.mostCpu))})`;
  const blocks = (timings: MainThreadReading[]) =>
    `page blocked at most ${ms(median(timings.map((t) => t.longestTask)))} ` +
    `(runs ${runs(timings.map((t) => t.longestTask))}), ${ownWork(timings)} (medians over ${timings.length} edits)`;
  console.log(
    `  Optimise opens                page blocked at most ${ms(median(optimise.map((t) => t.longestTask)))} ` +
      `(runs ${runs(optimise.map((t) => t.longestTask))}), ${ownWork(optimise)}, first section after ` +
      `${ms(median(optimise.map((t) => t.firstSectionMs)))}, every answer after ` +
      `${ms(median(optimise.map((t) => t.answersMs)))} (medians over ${optimise.length} fresh openings)`,
  );
  console.log(`  Goal seek (cash must last)    ${blocks(goalSeek)}`);
  console.log(`  Sensitivity (a new swing)     ${blocks(sensitivity)}`);
}

/** Starts (or restarts) recording the page's long tasks (over 50 ms) in `window.benchTasks`. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTasks?: number[] };
    if (w.benchTasks === undefined)
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchTasks!.push(entry.duration);
      }).observe({ type: 'longtask' });
    w.benchTasks = [];
  });
}

/** The long tasks recorded since `watchLongTasks`, longest first, after `settleMs` more of quiet. */
async function readLongTasks(page: Page, settleMs: number): Promise<number[]> {
  await page.waitForTimeout(settleMs);
  const tasks = await page.evaluate(() => (window as unknown as { benchTasks: number[] }).benchTasks);
  return [...tasks].sort((a, b) => b - a);
}

/** Per run, the page's long tasks in ms, longest first. */
type ImportTimings = {
  scenario: number[][];
  catalogRead: number[][];
  catalogApply: number[][];
  megabytes: number[];
};

/**
 * The largest accepted scenario file imported on the Scenarios screen, and the largest native catalog file on
 * the Pricing catalog screen (read, reviewed, then applied with "Replace the catalog"), each through the file
 * picker as a person would: the page's long tasks from the pick to the result's figures on screen, and 3 s
 * after (autosave included).
 */
async function benchLargestImports(
  browser: Browser,
): Promise<ImportTimings & { models: number; scenarioText: string }> {
  const { scenarioText, catalogText, modelCount } = createLargestInputs();
  const folder = mkdtempSync(join(tmpdir(), 'planner-bench-'));
  const scenarioPath = join(folder, 'largest.scenario.json');
  const catalogPath = join(folder, 'largest-catalog.json');
  writeFileSync(scenarioPath, scenarioText);
  writeFileSync(catalogPath, catalogText);
  const timings: ImportTimings = {
    scenario: [],
    catalogRead: [],
    catalogApply: [],
    megabytes: [scenarioText, catalogText].map((text) => Buffer.byteLength(text) / (1024 * 1024)),
  };
  try {
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      let page = await context.newPage();
      await page.goto(`${BASE}/#scenarios`);
      await page.getByTestId('summary-table').waitFor();
      await watchLongTasks(page);
      await page.getByLabel('Scenario file to import').setInputFiles(scenarioPath);
      await page
        .getByRole('status')
        .filter({ hasText: /^Imported “/ })
        .waitFor({ timeout: 300_000 });
      await page.getByTestId('summary-table').waitFor();
      timings.scenario.push(await readLongTasks(page, 3000));
      await context.close();

      // The catalog into the default scenario, in a fresh profile.
      const catalogContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      page = await catalogContext.newPage();
      await page.goto(`${BASE}/#catalog`);
      await page.getByTestId('summary-table').waitFor();
      await page.getByRole('button', { name: 'Import catalog…' }).click();
      const dialog = page.getByRole('region', { name: 'Import a catalog' });
      await watchLongTasks(page);
      await dialog.getByLabel('Catalog file to import').setInputFiles(catalogPath);
      await dialog
        .getByRole('status')
        .filter({ hasText: /^Read / })
        .waitFor({ timeout: 300_000 });
      await dialog.getByRole('radio', { name: /^Replace the catalog/ }).check();
      await dialog.getByTestId('import-count-added').waitFor();
      timings.catalogRead.push(await readLongTasks(page, 1000));
      await watchLongTasks(page);
      await dialog.getByRole('button', { name: 'Replace the catalog' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 300_000 });
      await page
        .getByTestId('catalog-count')
        .filter({ hasText: /\d{2},\d{3} models/ })
        .waitFor();
      timings.catalogApply.push(await readLongTasks(page, 3000));
      await catalogContext.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { ...timings, models: modelCount, scenarioText };
}

const IMPORT_RUNS = 3;

/** The saved state's revision, read from `page` (a page of the app's origin that does not run the app). */
async function readSavedRevision(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('keyval').objectStore('keyval').get('llm-planner:state');
          request.onsuccess = () => {
            open.result.close();
            const head = typeof request.result === 'string' ? request.result.slice(0, 40) : '';
            resolve(Number(/"revision":(\d+)/.exec(head)?.[1] ?? -1));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

type LibraryTimings = {
  megabytes: number;
  /** Navigation to the planner's address (Compare) → the saved library's figures on screen (and 3 s after). */
  opening: (MainThreadReading & { firstFiguresMs: number })[];
  /** The same, opening on the Strategies screen. */
  openingStrategies: (MainThreadReading & { firstFiguresMs: number })[];
  /** An edit → its save merged with another tab's save written meanwhile (and 1 s after). */
  mergedSave: MainThreadReading[];
  /** Another tab's save announced → read, merged and shown (and 1 s after). */
  announcedSave: MainThreadReading[];
};

/**
 * Opens the planner at `hash` in `page` until the saved library's figures are on screen, and 3 s after: the
 * page's main thread throughout, and when the first figures came.
 */
async function openPlanner(
  page: Page,
  hash: string,
): Promise<MainThreadReading & { firstFiguresMs: number }> {
  // A new document each time, not a move within the page.
  await page.goto('about:blank');
  const trace = await startMainThreadTrace(page);
  await page.goto(`${BASE}/${hash}`);
  await page
    .getByTestId('scenario-name')
    .filter({ hasText: 'Largest saved library' })
    .waitFor({ timeout: 300_000 });
  await page.waitForFunction(
    () => performance.getEntriesByName('planner:first-numbers').length > 0,
    undefined,
    { timeout: 300_000, polling: 200 },
  );
  const firstFiguresMs = await page.evaluate(
    () => performance.getEntriesByName('planner:first-numbers')[0]!.startTime,
  );
  await page.waitForTimeout(3000);
  return { ...(await trace.stop()), firstFiguresMs };
}

/**
 * The largest accepted library saved in IndexedDB (the largest scenario file's scenario, alone): opening the
 * planner with it, from navigation to its figures on screen; then, on the Strategies screen, an edit whose save
 * finds another tab's save of that library (with one more scenario) and merges it; then another tab's save
 * announced on the planner's BroadcastChannel, read and merged. Each in a fresh profile; the page's longest
 * main-thread task, and every long one, throughout.
 */
async function benchLargestLibrary(browser: Browser, scenarioText: string): Promise<LibraryTimings> {
  const scenario = JSON.parse(scenarioText) as unknown;
  const saved = libraryText(scenario, 'Largest saved library', 1);
  const added = (JSON.parse(readFileSync('tests/fixtures/small-scenario.json', 'utf8')) as { name: string })
    .name;
  const smallJson = readFileSync('tests/fixtures/small-scenario.json', 'utf8').trim();
  const timings: LibraryTimings = {
    megabytes: saved.length / (1024 * 1024),
    opening: [],
    openingStrategies: [],
    mergedSave: [],
    announcedSave: [],
  };
  for (let run = 0; run < IMPORT_RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await context.newPage();
    await seedSavedText(other, saved);
    const page = await context.newPage();
    timings.opening.push(await openPlanner(page, ''));
    timings.openingStrategies.push(await openPlanner(page, '#strategies'));

    // Another tab saves the library with one more scenario, without announcing it; this tab then edits.
    const withAddition = (text: string, revision: number, id: string) =>
      text
        .replace(/^\{"version":3,"revision":\d+/, `{"version":3,"revision":${revision}`)
        .replace(/\],"activeId":/, `,{"id":${JSON.stringify(id)},"scenario":${smallJson}}],"activeId":`);
    await writeSavedText(other, withAddition(saved, 2, 'from-another-tab'));
    const nameField = page.getByLabel('Scenario name', { exact: true });
    await nameField.waitFor({ timeout: 120_000 });
    await nameField.evaluate((el) => el.setAttribute('data-bench-target', ''));
    await page.waitForTimeout(2000);
    const saveTrace = await startMainThreadTrace(page);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-bench-target]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, 'Largest saved library, renamed');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (let wait = 0; (await readSavedRevision(other)) < 3; wait++) {
      if (wait > 600) throw new Error('the edit was not saved');
      await other.waitForTimeout(500);
    }
    await page.waitForTimeout(1000);
    timings.mergedSave.push(await saveTrace.stop());
    const merged = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('keyval-store');
          open.onsuccess = () => {
            const request = open.result.transaction('keyval').objectStore('keyval').get('llm-planner:state');
            request.onsuccess = () => {
              open.result.close();
              resolve(String(request.result));
            };
          };
        }),
    );
    if (!merged.includes('"from-another-tab"') || !merged.includes('Largest saved library, renamed'))
      throw new Error('the save did not merge the other tab’s');

    // Another tab saves again (one more scenario) and announces it: this tab reads, merges and shows it.
    await page.evaluate(() => (window.location.hash = '#scenarios'));
    await page.getByRole('button', { name: `Duplicate ${added}` }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(2000);
    await writeSavedText(other, withAddition(merged, 4, 'announced'));
    const readTrace = await startMainThreadTrace(page);
    await other.evaluate(() => {
      const channel = new BroadcastChannel('llm-planner');
      channel.postMessage({ kind: 'saved', revision: 4 });
      channel.close();
    });
    await page
      .getByRole('button', { name: `Duplicate ${added}` })
      .nth(1)
      .waitFor({ timeout: 300_000 });
    await page.waitForTimeout(1000);
    timings.announcedSave.push(await readTrace.stop());
    await context.close();
  }
  return timings;
}

function printLargestLibrary(library: LibraryTimings, models: number): void {
  const describe = (runs: MainThreadReading[]) =>
    `${median(runs.map((run) => run.longestTask)).toFixed(0)} ms  (runs: ${runs
      .map((run) => (run.longTasks.length === 0 ? 'none' : run.longTasks.map((t) => t.toFixed(0)).join('/')))
      .join('; ')})`;
  console.log(
    `\nLargest accepted library saved (${models.toLocaleString('en-US')} models, ${library.megabytes.toFixed(1)} MB of saved text): longest main-thread task (budget 200 ms), median of ${IMPORT_RUNS} runs, with every long task`,
  );
  const firstFigures = (runs: LibraryTimings['opening']) =>
    `${median(runs.map((run) => run.firstFiguresMs)).toFixed(0)} ms (median)`;
  console.log(`  opening the planner (Compare), → figures      ${describe(library.opening)}`);
  console.log(`    first figures on screen after              ${firstFigures(library.opening)}`);
  console.log(`  opening it on Strategies, → figures          ${describe(library.openingStrategies)}`);
  console.log(`    first figures on screen after              ${firstFigures(library.openingStrategies)}`);
  console.log(`  an edit saved, merged with another tab's save ${describe(library.mergedSave)}`);
  console.log(`  another tab's save announced, read, merged    ${describe(library.announcedSave)}`);
}

function printImports(imports: Awaited<ReturnType<typeof benchLargestImports>>): void {
  const [scenarioMb, catalogMb] = imports.megabytes.map((mb) => mb!.toFixed(1));
  /** The median over runs of the longest task, and every run's long tasks (ms, longest first). */
  const describe = (runs: number[][]) =>
    `${median(runs.map((tasks) => tasks[0] ?? 0)).toFixed(0)} ms  (runs: ${runs
      .map((tasks) => (tasks.length === 0 ? 'none' : tasks.map((t) => t.toFixed(0)).join('/')))
      .join('; ')})`;
  console.log(
    `\nLargest accepted files (${imports.models.toLocaleString('en-US')} models) imported through the screens: longest main-thread task (budget 200 ms), median of ${IMPORT_RUNS} runs, with every long task`,
  );
  console.log(`  scenario file ${scenarioMb} MB, pick → opened               ${describe(imports.scenario)}`);
  console.log(
    `  native catalog ${catalogMb} MB, pick → review shown         ${describe(imports.catalogRead)}`,
  );
  console.log(`  that catalog, "Replace the catalog" → applied   ${describe(imports.catalogApply)}`);
}

function printScaleEdits({ screens, firstEdit }: Awaited<ReturnType<typeof benchEditsAtScale>>): void {
  console.log(
    `  First edit after opening      its figures and the page's first save: page blocked at most ${ms(firstEdit)}`,
  );
  for (const [label, timing] of screens) {
    console.log(
      `  ${label.padEnd(28)} edit → next frame ${ms(median(timing.frame))}, → summary updated ` +
        `${timing.summary.length > 0 ? ms(median(timing.summary)) : 'unchanged'} over ${timing.frame.length} edits; ` +
        `typing ${TYPED_EDITS} edits, figures and autosave: page blocked at most ${ms(timing.typingBlock)}`,
    );
  }
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`Browser figures skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
    return;
  }
  if (!existsSync('dist/index.html')) {
    console.log('Building the production bundle (npm run build)…');
    const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitForServer(BASE);
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);

    if (process.argv.includes('--library')) {
      const { scenarioText, modelCount } = createLargestInputs();
      printLargestLibrary(await benchLargestLibrary(browser, scenarioText), modelCount);
      await browser.close();
      return;
    }
    if (process.argv.includes('--imports')) {
      const imports = await benchLargestImports(browser);
      printImports(imports);
      printLargestLibrary(await benchLargestLibrary(browser, imports.scenarioText), imports.models);
      await browser.close();
      return;
    }
    if (process.argv.includes('--edits')) {
      console.log('\nAt real scale: 200 slices, 10,000 models, 12 strategies (medians)');
      printScaleEdits(await benchEditsAtScale(browser));
      await browser.close();
      return;
    }
    if (process.argv.includes('--analyses')) {
      console.log('\nAt real scale: 200 slices, 10,000 models, 12 strategies (medians)');
      printAnalyses(await benchAnalysesAtScale(browser));
      await browser.close();
      return;
    }
    // First figures on screen, in fresh profiles (nothing saved, nothing cached).
    const firstNumbers: number[] = [];
    let firstScreenScripts: string[] = [];
    let fullScreenScripts: string[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(BASE);
      await page.getByTestId('summary-table').waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('planner:first-numbers').length > 0);
      firstNumbers.push(
        await page.evaluate(() => performance.getEntriesByName('planner:first-numbers')[0]!.startTime),
      );
      if (run === 0) {
        firstScreenScripts = await loadedScripts(page, true);
        await page.waitForLoadState('networkidle');
        await page
          .locator('.svg-plot__surface')
          .first()
          .waitFor({ timeout: 15_000 })
          .catch(() => undefined);
        fullScreenScripts = await loadedScripts(page, false);
      }
      await context.close();
    }

    // Edit → updated summary, with the default scenario, then with a 2,000-model catalog saved in IndexedDB.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const small = await timeEdits(page, EDIT_RUNS);

    const defaultScenario = JSON.parse(readFileSync('data/default-scenario.json', 'utf8')) as {
      catalog: unknown[];
    };
    const large = { ...defaultScenario, catalog: [...defaultScenario.catalog, ...makeLargeCatalog(2000)] };
    await seedLibrary(page, large, 'Benchmark: 2,000+ models');
    const big = await timeEdits(page, EDIT_RUNS);
    const loadedName = await page.getByTestId('scenario-name').textContent();
    await context.close();
    const scaleEdits = await benchEditsAtScale(browser);
    const analyses = await benchAnalysesAtScale(browser);
    const imports = await benchLargestImports(browser);
    const largestLibrary = await benchLargestLibrary(browser, imports.scenarioText);
    await browser.close();

    const sizeOf = (paths: string[]) => paths.reduce((sum, p) => sum + gzipKb(join('dist', p)), 0);
    const allJs = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
    const totalJs = allJs.reduce((sum, f) => sum + gzipKb(join('dist/assets', f)), 0);
    const largestJs = Math.max(...allJs.map((f) => gzipKb(join('dist/assets', f))));

    const kb = (v: number) => `${v.toFixed(1)} KB`;
    console.log('\nBrowser (production build, Debian Chromium, headless)');
    console.log(
      `  navigation → first figures on screen   median ${ms(median(firstNumbers))} over ${LOAD_RUNS} fresh loads`,
    );
    console.log(
      `  edit → summary updated (default)       median ${ms(median(small.dom))}, next frame ${ms(median(small.frame))} over ${EDIT_RUNS} edits`,
    );
    console.log(
      `  edit → summary updated (2,000 models)  median ${ms(median(big.dom))}, next frame ${ms(median(big.frame))} over ${EDIT_RUNS} edits  [${loadedName}]`,
    );
    console.log(
      `  JS before first figures (gzip)         ${kb(sizeOf(firstScreenScripts))} in ${firstScreenScripts.length} files`,
    );
    console.log(
      `  JS for the whole first screen (gzip)   ${kb(sizeOf(fullScreenScripts))} in ${fullScreenScripts.length} files (with the Compare charts)`,
    );
    console.log(
      `  JS in the build (gzip)                 ${kb(totalJs)} in ${allJs.length} files, largest ${kb(largestJs)}`,
    );
    console.log('\nAt real scale: 200 slices, 10,000 models, 12 strategies (medians)');
    printScaleEdits(scaleEdits);
    printAnalyses(analyses);
    printImports(imports);
    printLargestLibrary(largestLibrary, imports.models);
    // The shipped catalog (data/catalog.json) is its own chunk, loaded when a screen asks for it (reset, import).
    const catalogChunks = allJs.filter((f) => /^catalog-[\w-]+\.js$/.test(f) && !/panel|csv/.test(f));
    const onFirstScreen = catalogChunks.some((f) =>
      [...firstScreenScripts, ...fullScreenScripts].some((p) => p.endsWith(f)),
    );
    console.log(
      `  shipped catalog chunk (gzip)           ${kb(catalogChunks.reduce((sum, f) => sum + gzipKb(join('dist/assets', f)), 0))} (${SHIPPED_MODELS} models); loaded before the first figures: ${onFirstScreen ? 'YES' : 'no'}`,
    );
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
