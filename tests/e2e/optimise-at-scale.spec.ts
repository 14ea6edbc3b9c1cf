import { expect, test } from '@playwright/test';
import { createLargeScenario } from '../factories/large-scenario';
import { PlannerPage } from './page-models/planner-page';

const NAME = 'Optimise at scale: 10,000 models × 200 slices × 12 strategies';

test('the Optimise screen of a 10,000-model, 200-slice scenario shows its optimised assignment', async ({
  page,
}) => {
  // The limits are hang guards on a loaded machine, not speed checks: the bench measures speed.
  test.setTimeout(5 * 60_000);
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const scenario = {
    ...createLargeScenario({ modelCount: 10_000, sliceCount: 200, strategyCount: 12 }),
    name: NAME,
  };
  await planner.importScenario('large.scenario.json', JSON.stringify(scenario));

  await planner.openTab('Optimise');
  const assignment = page.getByRole('region', { name: 'Optimised assignment' });
  // The screen answers while the assignment computes: the frontier's slice can be chosen meanwhile.
  await expect(page.getByRole('heading', { name: 'Cost against quality' })).toBeVisible();
  await page.getByLabel('Slice', { exact: true }).first().selectOption({ label: 'Slice 1' });

  const table = assignment.getByRole('table', { name: 'Optimised model per slice' });
  await expect(table).toBeVisible({ timeout: 4 * 60_000 });
  await expect(assignment).toHaveAttribute('aria-busy', 'false');
  // The first 40 slices, then every one on request, each with a model, and a total over the horizon.
  await expect(table.getByRole('row')).toHaveCount(1 + 40);
  await assignment.getByRole('button', { name: 'Show all 200 slices' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 200);
  await expect(table.getByRole('rowheader', { name: 'Slice 199' })).toBeVisible();
  const spend = Number(await page.getByTestId('optimised-spend').getAttribute('data-value'));
  expect(spend).toBeGreaterThan(0);
  await expect(assignment.getByRole('button', { name: 'Keep as a strategy' })).toBeEnabled();

  // The frontier of the slice chosen while the assignment computed.
  await expect(page.getByRole('figure', { name: /Cost per request and quality: Slice 1$/ })).toBeVisible({
    timeout: 60_000,
  });

  // The break-even's per-token model, searched among 9,000 and picked with the keyboard.
  const perToken = page.getByRole('combobox', { name: 'Per-token model' });
  await perToken.click();
  await expect(page.getByText(/^9,000 of 9,000 models$/)).toBeVisible();
  await perToken.fill('Model 1234');
  await expect(page.getByRole('listbox', { name: 'Per-token model' }).getByRole('option')).toHaveCount(1);
  await perToken.press('Enter');
  await expect(perToken).toHaveValue(/^Model 1234 \(/);
  await expect(page.getByTestId('break-even-volume')).toBeVisible({ timeout: 60_000 });
});

test('sensitivity and goal seeking answer from the worker, and follow a new swing and a new goal', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('uncertainty');
  const sensitivity = page.getByRole('region', { name: /^Sensitivity/ });
  await expect(sensitivity.getByRole('figure', { name: /^What moves the 12-month spend: / })).toBeVisible();
  const swing = page.getByLabel('Swing where no range (±)', { exact: true });
  await swing.fill('50');
  await expect(sensitivity).toHaveAttribute('aria-busy', 'false');
  const table = sensitivity.getByRole('table', { name: /^What moves the 12-month spend: .*: data$/ });
  await expect(table.getByRole('cell', { name: '±50%' }).first()).toBeAttached();

  await planner.openTab('Optimise');
  const growth = page.getByTestId('growth-answer');
  await expect(growth).toBeVisible();
  await page.getByLabel('Cash must last', { exact: true }).fill('3');
  await expect(growth).toContainText(/cash (still )?lasts 3 months/);
});

test('the optimised assignment follows an edit to the traffic and to the catalog', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture('tests/fixtures/small-scenario.json');
  const optimised = async () => Number(await page.getByTestId('optimised-spend').getAttribute('data-value'));

  await planner.openTab('Optimise');
  // One slice, no quality bar: the cheap model, 1,000,000 × (1,000 × $1/M + 100 × $2/M) = $1,200 a month,
  // $14,400 over the 12 months.
  await expect.poll(optimised).toBeCloseTo(14_400, 6);

  // A new scenario for the worker that already holds the catalog: twice the requests, $28,800.
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('2000000');
  await planner.openTab('Optimise');
  await expect.poll(optimised).toBeCloseTo(28_800, 6);

  // A new catalog: the cheap model at $20/M input costs 2,000,000 × (1,000 × $20/M + 100 × $2/M) = $40,400 a
  // month, the dear one 2,000,000 × (1,000 × $3/M + 100 × $15/M) = $9,000: the dear one, $108,000.
  await planner.openTab('Pricing catalog');
  await page.getByRole('button', { name: 'Edit Cheap model' }).click();
  await page.getByRole('textbox', { name: 'Input price' }).fill('20');
  await page.getByRole('button', { name: 'Done' }).click();
  await planner.openTab('Optimise');
  await expect.poll(optimised).toBeCloseTo(108_000, 6);
});
