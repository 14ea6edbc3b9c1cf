import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';
import { buildQuadraticSharePayload } from '../factories/share-link-bomb';

test('a reload on the Optimise screen opens it again, with its figures', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('optimise');
  await page.reload();
  await expect(page.getByTestId('summary-table')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Optimise' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /Optimised assignment/ })).toBeVisible();
});

test('a model of quality 1e7 is refused at import, naming the field and the limit', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const document = JSON.parse(readFileSync('tests/fixtures/design-example.json', 'utf8')) as {
    catalog: { quality?: number }[];
  };
  document.catalog[0]!.quality = 1e7;
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'quality.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(document)),
  });
  await expect(page.getByRole('alert')).toContainText('catalog[0].quality: must be at most 100');
  await planner.openTab('Optimise');
  await expect(page.getByRole('heading', { name: /Optimised assignment/ })).toBeVisible();
});

test('a small share link that would expand to 24 million characters is refused, and the app works', async ({
  page,
}) => {
  await page.goto(`/#share=${buildQuadraticSharePayload(7000)}`);
  await expect(page.getByText(/too large to open: it expands to more than 20 MB/)).toBeVisible();
  await expect(page.getByTestId('summary-table')).toBeVisible();
});
