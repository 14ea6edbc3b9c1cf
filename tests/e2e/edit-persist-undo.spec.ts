import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('editing a slice updates the summary, survives a reload, and undo restores it', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  // All on dear: 1,000,000 × (1,000 × $3/M + 100 × $15/M) = 1,000,000 × $0.0045 = $4,500.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);

  await planner.openTab('Traffic mix');
  const requests = page.getByLabel('Requests per month for Main traffic', { exact: true });
  await requests.fill('2000000');
  // 2,000,000 × $0.0045 = $9,000; on cheap 2,000,000 × (1,000 × $1/M + 100 × $2/M) = $2,400.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 9000);
  await planner.expectSummaryValue('All on cheap', 'summary-this-month', 2400);

  await planner.waitForSaved('"requestsPerMonth":2000000');
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Small test scenario');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 9000);

  // Undo after a fresh edit, by button and by keyboard.
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('3000000');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 13500);
  await page.getByRole('button', { name: 'Undo' }).click();
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 9000);
  await page.getByRole('button', { name: 'Redo' }).click();
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 13500);
  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 9000);
  // Left, the field shows the number with thousands separators.
  await expect(page.getByLabel('Requests per month for Main traffic', { exact: true })).toHaveValue(
    '2,000,000',
  );
});

test('an invalid value shows its message next to the field and never reaches the figures', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Traffic mix');
  const hitRate = page.getByLabel('Cache hit rate for Main traffic', { exact: true });
  await hitRate.fill('140');
  await expect(page.getByText(/must be between 0 and 100/)).toBeVisible();
  await expect(hitRate).toHaveAttribute('aria-invalid', 'true');
  await expect(hitRate).toHaveValue('140');
  const requests = page.getByLabel('Requests per month for Main traffic', { exact: true });
  await requests.fill('-5');
  await expect(page.getByText(/must be 0 or more/)).toBeVisible();
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);
});

test('editing a model price changes the summary by the hand-computed amount', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Pricing catalog');
  await page.getByRole('button', { name: 'Edit Dear model' }).click();
  await page.getByRole('textbox', { name: 'Input price' }).fill('6');
  // 1,000,000 × (1,000 × $6/M + 100 × $15/M) = 1,000,000 × $0.0075 = $7,500.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 7500);
  // 12 months without growth: $90,000.
  await planner.expectSummaryValue('All on dear', 'summary-first-year', 90_000);
});

test('editing a strategy changes the summary by the hand-computed amount', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture('tests/fixtures/small-scenario.json');
  await planner.openTab('Strategies');
  await page
    .getByRole('button', { name: /^All on dear/ })
    .first()
    .click();
  await planner.chooseModel('Model', 'cheap model', /^Cheap model /);
  // All on dear now calls the cheap model: 1,000,000 × (1,000 × $1/M + 100 × $2/M) = $1,200 a month.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 1200);
  // Twelve months without growth: $14,400.
  await planner.expectSummaryValue('All on dear', 'summary-first-year', 14_400);
});

test('an edit is saved as soon as the page is hidden, without waiting for the typing pause', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.waitForSaved('"requestsPerMonth":1000000');
  // The page's clock stands still from here: the autosave's typing pause never ends on its own.
  await page.clock.install();
  await page.clock.pauseAt(new Date('2027-01-15T10:00:00Z'));

  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('4000000');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 18000);
  expect(await planner.readSavedText()).toContain('"requestsPerMonth":1000000');

  // The user switches to another tab (or the browser is minimised): what was waiting is saved at once.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await planner.waitForSaved('"requestsPerMonth":4000000');
});
