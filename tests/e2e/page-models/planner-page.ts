import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The planner as a user meets it: tabs, the summary's figures (read back as numbers), files. */
export class PlannerPage {
  constructor(readonly page: Page) {}

  /** Opens the app on a screen and waits for the first figures (the summary's table, or its line on a phone). */
  async goto(panel = 'compare') {
    await this.page.goto(`/#${panel}`);
    await expect(
      this.page.getByTestId('summary-table').or(this.page.getByTestId('summary-line')),
    ).toBeVisible();
  }

  async openTab(name: string | RegExp) {
    await this.page.getByRole('tab', { name }).click();
  }

  summaryRow(strategyName: string): Locator {
    return this.page.getByTestId('summary-table').getByRole('row', { name: new RegExp(strategyName) });
  }

  /** Picks a model in the model picker labelled `label`: types `search`, then clicks the option named `option`. */
  async chooseModel(label: string, search: string, option: RegExp) {
    const picker = this.page.getByRole('combobox', { name: label, exact: true });
    await picker.click();
    await picker.fill(search);
    await this.page
      .getByRole('listbox', { name: label, exact: true })
      .getByRole('option', { name: option })
      .click();
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

  /** One row per scenario of the library (the Scenarios screen must be open). */
  libraryRows(): Locator {
    return this.page.getByRole('button', { name: /^Duplicate / });
  }

  /** The saved data the app could not read, each copy listed on the Scenarios screen until deleted. */
  setAsideSaves(): Locator {
    return this.page.getByRole('list', { name: 'Set-aside saves' }).getByRole('listitem');
  }

  /** Clicks a download button and gives the downloaded file's bytes. */
  async downloadBytes(button: Locator): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await button.click();
    return readFileSync(await (await download).path());
  }

  /** Downloads set-aside save `n` (from 1) and gives the downloaded file's bytes. */
  async downloadSetAsideSave(n: number): Promise<Buffer> {
    return this.downloadBytes(this.page.getByRole('button', { name: `Download set-aside save ${n}` }));
  }

  /** Deletes set-aside save `n` (from 1): Delete, then the confirmation. */
  async deleteSetAsideSave(n: number) {
    await this.page.getByRole('button', { name: `Delete set-aside save ${n}`, exact: true }).click();
    await this.page.getByRole('button', { name: `Delete set-aside save ${n} for good` }).click();
  }

  /** The notice asking what to do with saved data the app could not read. */
  heldNotice(): Locator {
    return this.page.getByRole('region', { name: 'Saved data that could not be read' });
  }

  /**
   * Writes a value as the saved state, straight into idb-keyval's IndexedDB store, as a damaged save (or one
   * from another version of the planner) would be: text as it is, `{ bytes }` as a binary Blob.
   */
  async writeSavedValue(value: string | { bytes: number[] }) {
    await this.page.evaluate(
      ([key, written]) =>
        new Promise<void>((resolve, reject) => {
          const stored = typeof written === 'string' ? written : new Blob([new Uint8Array(written.bytes)]);
          const open = indexedDB.open('keyval-store');
          open.onupgradeneeded = () => open.result.createObjectStore('keyval');
          open.onerror = () => reject(open.error ?? new Error('could not open IndexedDB'));
          open.onsuccess = () => {
            const transaction = open.result.transaction('keyval', 'readwrite');
            transaction.objectStore('keyval').put(stored, key);
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error ?? new Error('could not write'));
          };
        }),
      [STORAGE_KEY, value] as const,
    );
  }

  async writeSavedText(text: string) {
    await this.writeSavedValue(text);
  }

  /** Waits until the saved state's text holds `fragment`: the autosave has written the edit. */
  async waitForSaved(fragment: string) {
    await expect
      .poll(() => this.readSavedText(), { message: `the saved state holds ${fragment}` })
      .toContain(fragment);
  }

  /** The saved state's text as IndexedDB holds it now ('' when nothing is saved or it is not text). */
  async readSavedText(): Promise<string> {
    const saved = await this.readSavedValue();
    return typeof saved === 'string' ? saved : '';
  }

  /** The saved state as IndexedDB holds it now: its text, or the bytes of a binary value. */
  async readSavedValue(): Promise<string | { bytes: number[] } | null> {
    return this.page.evaluate(
      (key) =>
        new Promise<string | { bytes: number[] } | null>((resolve, reject) => {
          const open = indexedDB.open('keyval-store');
          open.onupgradeneeded = () => open.result.createObjectStore('keyval');
          open.onerror = () => reject(open.error ?? new Error('could not open IndexedDB'));
          open.onsuccess = () => {
            const read = open.result.transaction('keyval', 'readonly').objectStore('keyval').get(key);
            read.onsuccess = () => {
              open.result.close();
              const value: unknown = read.result;
              if (typeof value === 'string') resolve(value);
              else if (value instanceof Blob)
                value.arrayBuffer().then((buffer) => resolve({ bytes: [...new Uint8Array(buffer)] }), reject);
              else resolve(null);
            };
            read.onerror = () => reject(read.error ?? new Error('could not read'));
          };
        }),
      STORAGE_KEY,
    );
  }
}

/** idb-keyval's key for the saved state (src/state/persistence.ts). */
const STORAGE_KEY = 'llm-planner:state';
