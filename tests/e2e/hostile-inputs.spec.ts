import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

/** A share payload whose text grows 1 + 2 + 3 + … characters: 7,000 codes expand to about 24.5 million. */
function buildQuadraticSharePayload(repeats: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const bits: number[] = [];
  const write = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1);
  };
  write(0, 2);
  write(0x61, 8);
  let size = 4;
  let width = 3;
  let untilWider = 4;
  for (let i = 0; i < repeats; i++) {
    write(size++, width);
    if (--untilWider === 0) untilWider = 2 ** width++;
  }
  write(2, width);
  while (bits.length % 6 !== 0) bits.push(0);
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value |= bits[i + j]! << (5 - j);
    out += alphabet[value];
  }
  return out;
}

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
