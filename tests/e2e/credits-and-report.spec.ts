import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('adding a credit pool moves the month credits run out', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  const creditsEnd = planner.summaryRow('All on cheap').getByTestId('summary-credits-end');
  // $10,000 of credits pay $1,200 a month for 8 months; month 9 (Sep 2027) needs cash.
  await expect(creditsEnd).toHaveText('Sep 2027');
  await planner.openTab('Credits and runway');
  await page.getByRole('button', { name: /^Add Bedrock \/ GenAI POC/ }).click();
  // Plus the POC template's $25,000: $35,000 ÷ $1,200 = 29.2 months, beyond the 12-month horizon. What the
  // pools still hold when they lapse is said under the month.
  await expect(creditsEnd).toHaveText(/^Beyond Dec 2027/);
  await expect(creditsEnd.getByTestId('summary-credits-expired')).toHaveText(/^\$[\d,]+ expire unused in \S/);
});

test('the POC estimate prints to a one-page PDF with the credit ask', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('POC estimate');
  await expect(page.getByRole('button', { name: /Print \/ Save as PDF/ })).toBeVisible();
  await expect(page.getByTestId('report-credit-ask')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
  const pages = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
  expect(pages).toMatch(/Pages:\s+1\b/);
  expect(text).toContain('Small test scenario');
  // The recommended strategy: all on cheap, $1,200 a month, 3 months = $3,600, which the $10,000 pool
  // already held pays: nothing to request.
  expect(text).toContain('All on cheap');
  expect(text).toMatch(/\$3,600/);
  expect(text).toContain('Nothing to request');
  expect(text).toMatch(/Pool \$10,000/);
  expect(text).toMatch(/Bedrock/);
  // Nothing of the app around it is printed.
  expect(text).not.toContain('Undo');
  expect(text).not.toContain('Pricing catalog');
});

test('the default scenario’s POC estimate fits one A4 page: model per slice, net ask, basis, validity, currency', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('report');
  const recommended = page.getByTestId('report-recommended');
  await expect(recommended).toHaveText('Cheapest model meeting each bar');
  await expect(page.getByTestId('report-basis')).toContainText('Chosen for the least total spend');
  await expect(page.getByTestId('report-ask-request')).toContainText('credits already held');

  const pdf = await page.pdf({ format: 'A4' });
  expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/Pages:\s+1\b/);
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
  expect(text).toContain('Served by');
  expect(text).toContain('Nova 2 Lite — Bedrock, EU');
  expect(text).toMatch(/valid for 30 days/);
  expect(text).toContain('US dollars (USD), before tax');
  expect(text).toContain('Assumptions and sources');

  // Least cash out of pocket: the page says which basis it used.
  await page.getByLabel('Recommend by').selectOption({ label: 'Least cash out of pocket' });
  await expect(page.getByTestId('report-basis')).toContainText('Chosen for the least cash out of pocket');
});

test('reached with the Tab key, the credits-and-cash plot shows its first month at once, and the arrows step on', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Credits and runway');
  const figure = page.getByRole('figure', { name: /^Credits and cash: / }).first();
  // The plot is drawn in its own turn once near the view: it is there before the Tab key is pressed.
  const plot = figure.getByRole('application');
  await plot.scrollIntoViewIfNeeded();
  await expect(plot).toBeVisible();
  // The plot follows the frame's buttons in the tab order.
  await figure.getByRole('button', { name: /Show table|Hide table/ }).focus();
  await page.keyboard.press('Tab');
  await expect(plot).toBeFocused();
  // The small scenario starts in Jan 2027: its first month's balances are said without a key pressed.
  await expect(figure.getByRole('status').filter({ hasText: /^Jan 2027/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(figure.getByRole('status').filter({ hasText: /^Feb 2027/ })).toBeVisible();
});

test('a finance figure that is refused keeps its message, naming the field, after the field is left', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('runway');
  const cash = page.getByLabel('Cash on hand', { exact: true });
  await cash.fill('abc');
  await cash.blur();
  const message = page.getByRole('alert').filter({ hasText: 'Cash on hand must be a number' });
  await expect(message).toBeVisible();
  // In the form's flow, under the field: it covers nothing of the next field.
  const [messageBox, burnBox] = await Promise.all([
    message.boundingBox(),
    page.getByLabel('Other monthly burn', { exact: true }).boundingBox(),
  ]);
  expect(messageBox!.x + messageBox!.width).toBeLessThanOrEqual(burnBox!.x);
});
