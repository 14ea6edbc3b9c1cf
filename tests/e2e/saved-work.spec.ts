import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

/** Saved work the app cannot read is never written over, lost or misreported. */

const SMALL_TEXT = readFileSync('tests/fixtures/small-scenario.json', 'utf8');
const small = () => JSON.parse(SMALL_TEXT) as Record<string, unknown>;

/** A saved state of this build's envelope (version 3) holding `scenarios` under the given ids. */
function envelope(entries: { id: string; scenario: unknown }[], activeId = entries[0]!.id): string {
  return JSON.stringify({
    version: 3,
    revision: 5,
    library: entries,
    activeId,
    ui: { theme: 'light', priceUnit: 'per-million' },
  });
}

/** Serious or critical accessibility violations inside `selector`, as readable lines. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

test('a share link opened while the saved data cannot be read adds the shared scenario and writes nothing over that data', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const newer = '{"version": 9, "library": "written by a newer planner"}';
  await planner.writeSavedText(newer);

  const shared = { ...small(), name: 'Sent by a colleague' };
  await page.goto(`/#share=${LZString.compressToEncodedURIComponent(JSON.stringify(shared))}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('Sent by a colleague');

  // The app asks before anything is written, and says what it did with the link.
  const held = planner.heldNotice();
  await expect(held).toContainText('from a newer version of the planner (version 9)');
  await expect(held).toContainText('Nothing is saved over it until you choose');
  await expect(page.getByRole('status').filter({ hasText: 'Sent by a colleague' })).toContainText(
    'not saved yet',
  );

  // An edit of the shared scenario is not saved over the unreadable data either: a page opened after it
  // still finds that data, untouched.
  await planner.openTab('Traffic mix');
  await page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('2000000');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 9000);
  const later = new PlannerPage(await page.context().newPage());
  await later.goto('scenarios');
  await expect(later.heldNotice()).toContainText('from a newer version of the planner (version 9)');
  await later.page.close();
  expect(await planner.readSavedText()).toBe(newer);

  const downloadButton = planner.heldNotice().getByRole('button', { name: 'Download the unreadable save' });
  expect((await planner.downloadBytes(downloadButton)).toString('utf8')).toBe(newer);

  // Keeping it aside saves the library, shared scenario and edit included, and the copy stays listed on the
  // Scenarios screen.
  await planner.heldNotice().getByRole('button', { name: 'Keep aside and continue' }).click();
  await expect(planner.heldNotice()).toHaveCount(0);
  await planner.waitForSaved('Sent by a colleague');
  expect(await planner.readSavedText()).toContain('"requestsPerMonth":2000000');
  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(1);
  await expect(planner.setAsideSaves().nth(0)).toContainText('newer version of the planner');
  expect((await planner.downloadSetAsideSave(1)).toString('utf8')).toBe(newer);
});

test('two saved scenarios with one id both open, the second under a new id, and the user is told', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.writeSavedText(
    envelope([
      { id: 'scenario-1', scenario: { ...small(), name: 'First plan' } },
      { id: 'scenario-1', scenario: { ...small(), name: 'Second plan' } },
    ]),
  );
  await page.reload();
  await expect(page.getByTestId('summary-table')).toBeVisible();
  await expect(planner.libraryRows()).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'same id' })).toContainText(
    '“Second plan” had the same id as “First plan”',
  );

  // The next save keeps both.
  await page.getByRole('button', { name: 'Open Second plan' }).click();
  await planner.waitForSaved('"activeId":"scenario-2"');
  const saved = JSON.parse(await planner.readSavedText()) as {
    library: { id: string; scenario: { name: string } }[];
  };
  expect(saved.library.map((entry) => [entry.id, entry.scenario.name])).toEqual([
    ['scenario-1', 'First plan'],
    ['scenario-2', 'Second plan'],
  ]);
});

test('each unreadable save is kept with its own bytes, binary included, until the user deletes it', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const first = [0, 255, 123, 125, 128, 10];
  const second = [137, 80, 78, 71, 0, 1, 2];

  for (const bytes of [first, second]) {
    await planner.writeSavedValue({ bytes });
    await page.reload();
    await expect(planner.heldNotice()).toContainText(`binary (${bytes.length} bytes)`);
    await planner.heldNotice().getByRole('button', { name: 'Keep aside and continue' }).click();
    await expect(planner.heldNotice()).toHaveCount(0);
    await planner.waitForSaved('"version":3');
  }

  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(2);
  for (const [index, bytes] of [first, second].entries()) {
    await expect(planner.setAsideSaves().nth(index)).toContainText(`binary (${bytes.length} bytes)`);
    expect([...(await planner.downloadSetAsideSave(index + 1))]).toEqual(bytes);
  }

  expect(await seriousViolations(page, '[aria-labelledby="set-aside-title"]')).toEqual([]);

  // Trying to open a copy this build cannot read says why and keeps it.
  await page.getByRole('button', { name: 'Try to open set-aside save 1' }).click();
  await expect(page.getByRole('region', { name: 'Set-aside saves' })).toContainText('still cannot be read');
  await expect(planner.setAsideSaves()).toHaveCount(2);

  await planner.deleteSetAsideSave(1);
  // The list changes once storage has written the deletion: reloading before that would race the write.
  await expect(planner.setAsideSaves()).toHaveCount(1);
  await page.reload();
  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(1);
  expect([...(await planner.downloadSetAsideSave(1))]).toEqual(second);
});

test('with one good and one unreadable scenario saved, the notice names the one that opened and the one set aside', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const saved = envelope([
    { id: 'scenario-1', scenario: small() },
    { id: 'scenario-2', scenario: { schemaVersion: 3, name: 'Broken plan' } },
  ]);
  await planner.writeSavedText(saved);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('Small test scenario');

  const held = planner.heldNotice();
  await expect(held).toContainText('Opened: “Small test scenario”');
  await expect(held).toContainText('Not opened');
  await expect(held).toContainText('scenario-2 (“Broken plan”)');
  await expect(held).toContainText('catalog: is required');
  await expect(page.getByText(/default scenario/)).toHaveCount(0);
  expect(await seriousViolations(page, '[aria-label="Saved data that could not be read"]')).toEqual([]);
  expect(await planner.readSavedText()).toBe(saved);

  // Trying to open the kept copy later brings back what this build can read of it.
  await held.getByRole('button', { name: 'Keep aside and continue' }).click();
  await expect.poll(() => planner.readSavedText()).not.toContain('Broken plan');
  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(1);
  await page.getByRole('button', { name: 'Try to open set-aside save 1' }).click();
  await expect(page.getByRole('region', { name: 'Set-aside saves' })).toContainText(
    'Opened “Small test scenario” as a new scenario',
  );
  await expect(planner.libraryRows()).toHaveCount(2);
});
