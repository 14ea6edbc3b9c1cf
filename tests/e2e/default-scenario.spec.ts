import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

test('a new user sees the default scenario answered at once', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto();
  await expect(page.getByTestId('scenario-name')).toHaveText('Default: eight traffic slices');
  const rows = page.getByTestId('summary-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId('summary-table')).toContainText('First month');
  await expect(page.getByTestId('summary-table')).toContainText('Jan 2027');
  // Exactly one strategy is marked cheapest, and every row has a figure for this month.
  await expect(page.getByTestId('summary-table').getByText('Cheapest', { exact: true })).toHaveCount(1);
  for (const value of await page.getByTestId('summary-this-month').all()) {
    expect(Number(await value.getAttribute('data-value'))).toBeGreaterThan(0);
  }
  // Figures from the seeds are marked as representative.
  await expect(page.getByText(/representative 2026 figures/)).toBeVisible();
});

test('each screen opens from its tab, also by keyboard', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const tabs = [
    'Scenarios',
    'Pricing catalog',
    'Per-request cost',
    'Traffic mix',
    'Strategies',
    'Compare',
    'Credits and runway',
    'Uncertainty',
    'Optimise',
    'Self-hosting',
    'POC estimate',
    'Import usage',
  ];
  await page.getByRole('tab', { name: 'Scenarios' }).focus();
  for (const name of tabs.slice(1)) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
  }
});
