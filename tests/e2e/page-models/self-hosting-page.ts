import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The Self-hosting screen: the sizer's inputs, its figures read back as text, and "add to catalog". */
export class SelfHostingPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('tab', { name: 'Self-hosting' }).click();
    await expect(this.page.getByRole('heading', { name: 'Self-hosting sizer' })).toBeVisible();
    await expect(this.page.getByTestId('memory-total')).toBeVisible();
  }

  async size(options: { model: string; precision: string; concurrency: string }) {
    await this.page.getByLabel('Model', { exact: true }).selectOption({ label: options.model });
    await this.page.getByLabel('Precision').selectOption(options.precision);
    await this.page.getByLabel('Concurrent requests').fill(options.concurrency);
  }

  async useMeasuredThroughput(tokensPerMinute: string) {
    await this.page.getByLabel('Use a measured throughput').check();
    await this.page.getByLabel('Measured tokens per minute').fill(tokensPerMinute);
  }

  figure(testId: 'memory-total' | 'sizer-instance-name' | 'sizer-hourly' | 'sizer-entry-name'): Locator {
    return this.page.getByTestId(testId);
  }

  async addToCatalog() {
    await this.page.getByRole('button', { name: 'Add to catalog' }).click();
    await expect(this.page.getByText(/^Added “/)).toBeVisible();
  }
}
