import { expect, test } from '@playwright/test';
import { makeLargeCatalog } from '../factories/large-catalog';
import { makeSmallScenario } from '../factories/small-scenario';
import { PlannerPage } from './page-models/planner-page';

const WORKER_SCRIPT = /saved-library\.worker/;
const MODELS = 6000;

/** A saved library of two scenarios, one with a catalog of `MODELS` + 2 models: about 3 MB of text. */
function largeLibraryText(): string {
  const small = makeSmallScenario();
  const large = {
    ...small,
    name: 'Large saved library',
    catalog: [...small.catalog, ...makeLargeCatalog(MODELS)],
  };
  return JSON.stringify({
    version: 3,
    revision: 7,
    library: [
      { id: 'scenario-1', scenario: small },
      { id: 'scenario-2', scenario: large },
    ],
    activeId: 'scenario-2',
    ui: { theme: 'light', priceUnit: 'per-million' },
  });
}

test('a large saved library is read in a worker: the page says it is loading, writes nothing, then opens it whole', async ({
  page,
}) => {
  const text = largeLibraryText();
  expect(text.length).toBeGreaterThan(2_000_000);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.writeSavedText(text);

  // The worker's script is held back, so the library is still being read when the page is looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WORKER_SCRIPT, async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  await page.reload();
  await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByText('Loading the scenario…')).toBeVisible();
  expect(await planner.readSavedText()).toBe(text);
  release();
  await page.unroute(WORKER_SCRIPT);

  await expect(page.getByTestId('scenario-name')).toHaveText('Large saved library');
  await expect(planner.libraryRows()).toHaveCount(2);
  expect(workers.filter((url) => WORKER_SCRIPT.test(url)).length).toBeGreaterThan(0);
  // Opening wrote nothing: the save is still the one that was read.
  expect(await planner.readSavedText()).toBe(text);
  await planner.openTab('Pricing catalog');
  await expect(page.getByTestId('catalog-count')).toHaveText('6,002 of 6,002 models');

  // An edit is saved, and the saved library opens again with it after a reload.
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('2000000');
  await planner.waitForSaved('"requestsPerMonth":2000000');
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Large saved library');
  await planner.openTab('Traffic mix');
  await expect(page.getByLabel('Requests per month for Main traffic', { exact: true })).toHaveValue(
    '2,000,000',
  );
  await planner.openTab('Scenarios');
  await expect(planner.libraryRows()).toHaveCount(2);
});

test('two tabs on a large saved library see each other’s saves, each read in a worker', async ({
  context,
}) => {
  const first = new PlannerPage(await context.newPage());
  await first.goto('traffic');
  await first.writeSavedText(largeLibraryText());
  await first.page.reload();
  await expect(first.page.getByTestId('scenario-name')).toHaveText('Large saved library');
  const second = new PlannerPage(await context.newPage());
  const workers: string[] = [];
  second.page.on('worker', (worker) => workers.push(worker.url()));
  await second.goto('traffic');
  await expect(second.page.getByTestId('scenario-name')).toHaveText('Large saved library');

  // An edit in the first tab reaches the second, which reads the saved library again in a worker.
  const field = (planner: PlannerPage) =>
    planner.page.getByLabel('Requests per month for Main traffic', { exact: true });
  const opened = workers.length;
  await field(first).fill('3000000');
  await expect(field(second)).toHaveValue('3,000,000');
  expect(workers.slice(opened).filter((url) => WORKER_SCRIPT.test(url)).length).toBeGreaterThan(0);

  // And back: the second tab's edit reaches the first.
  await field(second).fill('4000000');
  await expect(field(first)).toHaveValue('4,000,000');
  await first.openTab('Scenarios');
  await expect(first.libraryRows()).toHaveCount(2);
});
