import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

test('a gzip-compressed Cost and Usage Report is read in the worker, previewed, and used as the plan, undoably', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('usage');
  await planner.openTab('Import usage');
  const csv = readFileSync('tests/fixtures/usage/aws-cur-bedrock.csv');
  await page.getByLabel('Usage files').setInputFiles({
    name: 'cur-2026-10.csv.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(csv),
  });

  const files = page.getByRole('list', { name: 'Files read' });
  await expect(files).toContainText('20 rows read');
  await expect(files).toContainText('Line 9: line_item_usage_amount: must be a number ≥ 0');
  const slices = page.getByTestId('usage-slices');
  await expect(slices.getByRole('rowheader')).toHaveText([
    'Claude Sonnet 4.5 — Bedrock, US',
    'Nova Lite — Bedrock, US (batch)',
    'Claude Haiku 4.5 — Bedrock, global',
  ]);
  // September: Sonnet $184.80 + Nova $4.20 + Haiku $20 at the catalog's prices; guardrails and an unknown model $2.75.
  await expect(
    page.getByRole('heading', { name: /^2026-09: billed \$211\.75, plan \$209\.00, gap \+\$2\.75/ }),
  ).toBeVisible();
  await expect(page.getByTestId('usage-backtest').getByRole('columnheader', { name: 'Today' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Nothing changed yet: the traffic still has the default scenario's slices.
  await planner.openTab('Traffic mix');
  await expect(page.getByRole('tabpanel')).not.toContainText('Claude Sonnet 4.5 — Bedrock, US');
  await planner.openTab('Import usage');
  await page.getByRole('button', { name: 'Use this plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from the usage' })).toBeVisible();

  await planner.openTab('Traffic mix');
  await expect(
    page.getByLabel('Requests per month for Claude Sonnet 4.5 — Bedrock, US', { exact: true }),
  ).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(
    page.getByLabel('Requests per month for Claude Sonnet 4.5 — Bedrock, US', { exact: true }),
  ).toHaveCount(0);
});
