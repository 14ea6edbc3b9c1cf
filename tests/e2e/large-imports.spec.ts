import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';
const WORKER_SCRIPT = /file-import\.worker/;

test('a scenario file is read in a worker: the page says so meanwhile, Cancel stops it, and a second pick opens it', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await planner.goto('scenarios');
  // The default scenario, alone in the library.
  await expect(planner.libraryRows()).toHaveCount(1);
  // The worker's script is held back, so the read is still under way when Cancel is pressed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(WORKER_SCRIPT, async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  const file = { name: 'small.scenario.json', mimeType: 'application/json', buffer: readFileSync(SMALL) };
  await page.getByLabel('Scenario file to import').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Reading and checking' })).toHaveText(
    'Reading and checking small.scenario.json…',
  );
  await page.getByRole('button', { name: 'Cancel reading' }).click();
  await expect(page.getByRole('button', { name: 'Cancel reading' })).toBeHidden();
  release();
  await page.unroute(WORKER_SCRIPT);
  await expect(planner.libraryRows()).toHaveCount(1);

  await page.getByLabel('Scenario file to import').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: /^Imported “/ })).toContainText(
    'from small.scenario.json as a new scenario and opened it.',
  );
  await expect(planner.libraryRows()).toHaveCount(2);
  expect(workers.filter((url) => WORKER_SCRIPT.test(url)).length).toBeGreaterThan(0);
});

test('a catalog address that redirects in a loop is reported as a redirect, not as unreachable', async ({
  page,
}) => {
  const address = 'https://catalog.example/loop.json';
  await page.route(address, (route) =>
    route.fulfill({
      status: 302,
      headers: { location: address, 'access-control-allow-origin': '*' },
    }),
  );
  const planner = new PlannerPage(page);
  await planner.goto('catalog');
  await page.getByRole('button', { name: 'Import catalog…' }).click();
  const dialog = page.getByRole('region', { name: 'Import a catalog' });
  await dialog.getByLabel('Catalog web address').fill(address);
  await dialog.getByRole('button', { name: 'Fetch' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'catalog.example redirects this address, and the redirect could not be followed: it goes round in a loop',
  );
});
