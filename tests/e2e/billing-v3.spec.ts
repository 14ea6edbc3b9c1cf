import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('a fixed monthly cost adds to every strategy’s spend by the hand-computed amount', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  // All on cheap: 1,000,000 requests × (1,000 × $1 + 100 × $2) / 1M = $1,200 a month.
  await planner.expectSummaryValue('All on cheap', 'summary-this-month', 1200);
  await planner.openTab('Credits and runway');
  await page.getByRole('button', { name: 'Add a fixed cost' }).click();
  const amount = page.getByLabel('Monthly amount');
  await amount.fill('350.4');
  // A vector store at $350.40 a month: $1,200 + $350.40 = $1,550.40 this month, and 12 × that in the first year.
  await planner.expectSummaryValue('All on cheap', 'summary-this-month', 1550.4);
  await planner.expectSummaryValue('All on cheap', 'summary-first-year', 12 * 1550.4);
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500 + 350.4);
});

test('a slice held to the EU flags every strategy that serves it elsewhere', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await expect(planner.summaryRow('All on cheap')).not.toContainText('outside region');
  await planner.openTab('Traffic mix');
  await page.getByLabel(/^Allowed regions for Main traffic/).fill('eu');
  // Neither model names a region, so neither may serve an EU-only slice: both strategies are flagged.
  await expect(planner.summaryRow('All on cheap')).toContainText('1 outside region');
  await expect(planner.summaryRow('All on dear')).toContainText('1 outside region');
});
