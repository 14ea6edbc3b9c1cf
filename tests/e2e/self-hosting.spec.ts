import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';
import { SelfHostingPage } from './page-models/self-hosting-page';

const SMALL = 'tests/fixtures/small-scenario.json';
const ENTRY = 'Mistral 7B int4 — self-hosted on EC2 g6.xlarge (1x NVIDIA L4), on demand';

test('a sized self-hosting entry is added to the catalog in one click and used by break-even', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  const sizer = new SelfHostingPage(page);
  await sizer.open();
  await sizer.size({ model: 'Mistral 7B', precision: 'int4', concurrency: '1' });
  // 7.25B × 0.5 bytes = 3.625 GB + 0.537 GB KV cache (4,096 tokens), + 5 % = 4.37 GB: one L4 of a g6.xlarge.
  await expect(sizer.figure('memory-total')).toHaveText('4.37 GB');
  await expect(sizer.figure('sizer-instance-name')).toContainText('g6.xlarge');
  await expect(sizer.figure('sizer-hourly')).toContainText('$0.8048');
  await sizer.useMeasuredThroughput('600000');
  await expect(sizer.figure('sizer-entry-name')).toHaveText(ENTRY);
  // Against "dear" ($0.0045 a request) the instance ($0.8048 × 730 = $587.504 a month) pays from 130,557 requests.
  const breakEven = page.getByRole('table', { name: /Break-even volume of the sized entry/ });
  await expect(breakEven.getByRole('row', { name: /Dear model/ })).toContainText('130,557');
  await sizer.addToCatalog();

  await planner.openTab('Pricing catalog');
  await expect(page.getByText(ENTRY).first()).toBeVisible();
  await planner.openTab('Optimise');
  // The break-even's capacity picker shows the new entry, the only capacity-billed model.
  const capacity = page.getByRole('combobox', { name: 'Capacity model' });
  await expect.poll(() => capacity.inputValue()).toContain(ENTRY);

  // One undo step takes it out again.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('The catalog has no capacity-billed model', { exact: false })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Self-hosting screen has no serious accessibility violations (${theme} theme)`, async ({
    page,
  }) => {
    const planner = new PlannerPage(page);
    await planner.goto('scenarios');
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    const sizer = new SelfHostingPage(page);
    await sizer.open();
    // The instance table opens too, so its rows and source links are checked.
    await page.getByText(/^The instance table/).click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
    expect(serious, serious.join('\n')).toEqual([]);
  });
}
