import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The planner as a user meets it: tabs, the summary's figures (read back as numbers), files. */
export class PlannerPage {
  constructor(readonly page: Page) {}

  /** Opens the app on a screen and waits for the first figures. */
  async goto(panel = 'compare') {
    await this.page.goto(`/#${panel}`);
    await expect(this.page.getByTestId('summary-table')).toBeVisible();
  }

  async openTab(name: string | RegExp) {
    await this.page.getByRole('tab', { name }).click();
  }

  summaryRow(strategyName: string): Locator {
    return this.page.getByTestId('summary-table').getByRole('row', { name: new RegExp(strategyName) });
  }

  /** A summary figure of a strategy, in full precision (the `data-value` behind the rounded text). */
  async summaryValue(
    strategyName: string,
    testId: 'summary-this-month' | 'summary-first-year',
  ): Promise<number> {
    const value = await this.summaryRow(strategyName).getByTestId(testId).getAttribute('data-value');
    return Number(value);
  }

  /** Waits until a summary figure reaches `expected` (to the cent). */
  async expectSummaryValue(
    strategyName: string,
    testId: 'summary-this-month' | 'summary-first-year',
    expected: number,
  ) {
    await expect
      .poll(async () => Math.round((await this.summaryValue(strategyName, testId)) * 100) / 100)
      .toBe(Math.round(expected * 100) / 100);
  }

  /** Imports a scenario file through the Scenarios screen's file picker; it opens as a new scenario. */
  async importScenario(fileName: string, contents: string) {
    await this.openTab('Scenarios');
    await this.page.getByLabel('Scenario file to import').setInputFiles({
      name: fileName,
      mimeType: 'application/json',
      buffer: Buffer.from(contents),
    });
    await expect(this.page.getByTestId('scenario-name')).toHaveText(JSON.parse(contents).name);
  }

  async importFixture(path: string) {
    const text = readFileSync(path, 'utf8');
    await this.importScenario(path.split('/').pop() ?? 'scenario.json', text);
  }
}
