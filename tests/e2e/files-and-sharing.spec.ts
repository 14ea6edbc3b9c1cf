import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('export a scenario to its JSON file and import it back as a new scenario', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('2500000');
  // 2,500,000 × $0.0045 = $11,250.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 11_250);

  await planner.openTab('Scenarios');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario (JSON)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.scenario\.json$/);
  const exported = readFileSync((await download.path())!, 'utf8');
  const document = JSON.parse(exported);
  expect(document.schemaVersion).toBe(3);
  expect(document.traffic[0].requestsPerMonth).toBe(2_500_000);

  // Change the open scenario, then import the exported file: it opens as a new scenario with the exported figures.
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('1000000');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);
  await planner.importScenario('round-trip.scenario.json', exported);
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 11_250);
  await planner.openTab('Scenarios');
  await expect(page.getByRole('table').filter({ hasText: 'Small test scenario' }).first()).toBeVisible();

  // The monthly CSV downloads with one row per strategy per month.
  const csvPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export monthly figures (CSV)' }).click();
  const csv = readFileSync((await (await csvPromise).path())!, 'utf8');
  expect(csv.trim().split('\n')).toHaveLength(1 + 2 * 12);
});

test('a bad scenario file lists its problems and changes nothing', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const before = await page.getByTestId('scenario-name').textContent();
  const bad = JSON.parse(readFileSync(SMALL, 'utf8'));
  bad.traffic[0].cacheHitRate = 2;
  bad.strategies[0].model = 'nowhere';
  await page.getByLabel('Scenario file to import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(page.getByText('traffic[0].cacheHitRate: must be between 0 and 1')).toBeVisible();
  await expect(page.getByText('strategies[0].model: unknown model id "nowhere"')).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText(before ?? '');
});

test('a share link opens as a new scenario and keeps the recipient’s own', async ({ page, context }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel(/Share link \(/).inputValue();
  expect(link).toContain('#share=');

  // The recipient: a fresh profile whose own scenario is the default.
  const recipientContext = await context.browser()!.newContext();
  const recipient = await recipientContext.newPage();
  const other = new PlannerPage(recipient);
  await other.goto('scenarios');
  await expect(recipient.getByTestId('scenario-name')).toHaveText('Default: eight traffic slices');
  await recipient.goto(link);
  await expect(recipient.getByTestId('scenario-name')).toHaveText('Small test scenario');
  await other.expectSummaryValue('All on dear', 'summary-this-month', 4500);
  expect(new URL(recipient.url()).hash).not.toContain('share=');
  await other.openTab('Scenarios');
  await expect(recipient.getByRole('button', { name: /Open Default: eight traffic slices/ })).toBeVisible();

  // A damaged link says so and changes nothing.
  await recipient.goto(`${link.slice(0, link.indexOf('#share=') + 40)}`);
  await expect(recipient.getByText(/damaged/)).toBeVisible();
  await recipientContext.close();
});
