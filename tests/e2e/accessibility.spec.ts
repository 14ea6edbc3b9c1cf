import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

const SCREENS = [
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

for (const theme of ['light', 'dark'] as const) {
  test(`every screen has no serious accessibility violations (${theme} theme)`, async ({ page }) => {
    // Twelve screens, each scanned by axe: the limit is a hang guard, not a speed check, on a loaded machine.
    test.setTimeout(10 * 60_000);
    const planner = new PlannerPage(page);
    await planner.goto('scenarios');
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    for (const screen of SCREENS) {
      await planner.openTab(screen);
      await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
      await page.waitForTimeout(300);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
      expect(serious, serious.join('\n')).toEqual([]);
    }
  });
}
