import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('two tabs see each other’s saves, and a share link opened in one survives the other’s next save', async ({
  context,
}) => {
  const first = new PlannerPage(await context.newPage());
  const second = new PlannerPage(await context.newPage());
  await first.goto('scenarios');
  await second.goto('scenarios');

  // An import in the first tab reaches the second without a reload.
  await first.importFixture(SMALL);
  await expect(second.libraryRows()).toHaveCount(2);

  // A share link opened in the second tab reaches the first.
  const shared = { ...JSON.parse(readFileSync(SMALL, 'utf8')), name: 'Sent by a colleague' };
  await second.page.goto(`/#share=${LZString.compressToEncodedURIComponent(JSON.stringify(shared))}`);
  await expect(second.page.getByTestId('scenario-name')).toHaveText('Sent by a colleague');
  await first.openTab('Scenarios');
  await expect(first.page.getByRole('button', { name: 'Open Sent by a colleague' })).toBeVisible();

  // The first tab edits its open scenario and saves: the shared scenario stays, and the edit reaches the second.
  await first.openTab('Traffic mix');
  await first.page.getByLabel('Requests per month for Main traffic', { exact: true }).fill('2000000');
  // 2,000,000 × (1,000 × $3/M + 100 × $15/M) = $9,000.
  await first.expectSummaryValue('All on dear', 'summary-this-month', 9000);
  await first.waitForSaved('"requestsPerMonth":2000000');

  for (const planner of [first, second]) {
    await planner.page.reload();
    await expect(planner.page.getByTestId('summary-table')).toBeVisible();
    await planner.openTab('Scenarios');
    await expect(planner.libraryRows()).toHaveCount(3);
  }
  // After a reload the tab opens the scenario last saved as open (the first tab's): open Small if it is not.
  const openSmall = second.page.getByRole('button', { name: 'Open Small test scenario' });
  if ((await openSmall.count()) > 0) await openSmall.click();
  await expect(second.page.getByTestId('scenario-name')).toHaveText('Small test scenario');
  await second.expectSummaryValue('All on dear', 'summary-this-month', 9000);
});

test('a tab opened before anything was saved takes another tab’s first edit, not its own default beside it', async ({
  context,
}) => {
  // Both tabs open the shipped default with nothing saved; the first edits it.
  const first = new PlannerPage(await context.newPage());
  const second = new PlannerPage(await context.newPage());
  await first.goto('runway');
  await second.goto('runway');
  await first.page.getByLabel('Cash on hand', { exact: true }).fill('3000000');
  await first.waitForSaved('"cashOnHand":3000000');
  // The second tab shows the edit without a reload, and neither tab undoes it nor keeps a copy of the default.
  await expect(second.page.getByLabel('Cash on hand', { exact: true })).toHaveValue(/^3,?000,?000$/);
  await expect(first.page.getByLabel('Cash on hand', { exact: true })).toHaveValue(/^3,?000,?000$/);
  for (const planner of [first, second]) {
    await planner.page.reload();
    await expect(planner.page.getByTestId('summary-table')).toBeVisible();
    await expect(planner.page.getByLabel('Cash on hand', { exact: true })).toHaveValue('3,000,000');
    await planner.openTab('Scenarios');
    await expect(planner.libraryRows()).toHaveCount(1);
  }
});

test('two tabs editing one scenario at once: the one whose edit is kept says so, and the other is told', async ({
  context,
}) => {
  const tabs = [new PlannerPage(await context.newPage()), new PlannerPage(await context.newPage())];
  for (const tab of tabs) await tab.goto('runway');
  const cash = (tab: PlannerPage) => tab.page.getByLabel('Cash on hand', { exact: true });
  await cash(tabs[0]!).fill('3000000');
  await tabs[0]!.waitForSaved('"cashOnHand":3000000');
  await expect(cash(tabs[1]!)).toHaveValue('3,000,000');

  // Typed in both tabs in the same instant: each save waits for a pause in typing, so neither has saved yet.
  await Promise.all(
    tabs.map((tab, i) =>
      cash(tab).evaluate((input: HTMLInputElement, value) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, ['4000000', '5000000'][i]!),
    ),
  );
  const kept = /also changed in another tab; this tab's version was kept/;
  const replaced = /also changed in another tab at the same time, and that tab kept its version/;
  // Whichever tab saves second keeps its edit; the other then shows it, and says why its own edit is gone.
  await expect(async () => {
    const notices = await Promise.all(tabs.map((tab) => tab.page.getByRole('status').allTextContents()));
    const said = notices.map((texts) => texts.join(' '));
    expect(said.filter((text) => kept.test(text))).toHaveLength(1);
    expect(said.filter((text) => replaced.test(text))).toHaveLength(1);
  }).toPass();
  const winner = kept.test((await tabs[0]!.page.getByRole('status').allTextContents()).join(' ')) ? 0 : 1;
  // The winner's field shows what was typed (unformatted until it is left); the other's, the saved amount.
  const value = winner === 0 ? /^4,?000,?000$/ : /^5,?000,?000$/;
  for (const tab of tabs) await expect(cash(tab)).toHaveValue(value);
});

test('strategies hidden from the summary, and the summary folded to one line, stay so after a reload', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('compare');
  await page
    .getByRole('button', { name: 'Hide All on Claude Sonnet 4.6 from the summary and charts' })
    .click();
  await page.getByRole('button', { name: 'Collapse to one line' }).click();
  await planner.waitForSaved('"summaryCollapsed":true');
  await page.reload();
  await expect(page.getByText(/Hidden from this chart .*: All on Claude Sonnet 4\.6\./)).toBeVisible();
  await page.getByRole('button', { name: 'Show summary table' }).click();
  await expect(page.getByRole('button', { name: 'Show All on Claude Sonnet 4.6 again' })).toBeVisible();
});

test('an edit made the instant before a reload is kept, then saved as usual', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('runway');
  const cash = page.getByLabel('Cash on hand', { exact: true });
  await cash.fill('3000000');
  await planner.waitForSaved('"cashOnHand":3000000');
  // Reloaded at once: the ordinary save waits for a pause in typing, so the page writes this edit as it closes.
  await cash.fill('4500000');
  await page.reload();
  await expect(page.getByTestId('summary-table')).toBeVisible();
  await expect(cash).toHaveValue('4,500,000');
  // The reopened page saves it as an ordinary save, and deletes what it wrote as it closed.
  await planner.waitForSaved('"cashOnHand":4500000');
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('llm-planner:closing:'))),
    )
    .toEqual([]);
});

test('every unreadable save is kept aside, with download, until the user deletes it', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const firstDamage = '{"version": 2, "library": "damaged once"}';
  await planner.writeSavedText(firstDamage);
  await page.reload();
  await planner.heldNotice().getByRole('button', { name: 'Keep aside and continue' }).click();

  // The app saves over the damaged save once it is kept aside; later a second damaged save appears.
  await planner.importFixture(SMALL);
  await planner.waitForSaved('Small test scenario');
  const secondDamage = '{oops, damaged twice';
  await planner.writeSavedText(secondDamage);
  await page.reload();
  await planner.heldNotice().getByRole('button', { name: 'Keep aside and continue' }).click();
  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(2);
  await expect(planner.setAsideSaves().nth(0)).toContainText('no list of scenarios');
  await expect(planner.setAsideSaves().nth(1)).toContainText('not valid JSON');

  // Each copy downloads as the exact saved text.
  expect((await planner.downloadSetAsideSave(1)).toString('utf8')).toBe(firstDamage);

  await planner.deleteSetAsideSave(1);
  await expect(planner.setAsideSaves()).toHaveCount(1);
  await page.reload();
  await planner.openTab('Scenarios');
  await expect(planner.setAsideSaves()).toHaveCount(1);
  await expect(planner.setAsideSaves().nth(0)).toContainText('not valid JSON');
});

test('when IndexedDB never answers, the default opens in memory and the page says saving is off', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // An open request that never succeeds nor fails.
    IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
  });
  const planner = new PlannerPage(page);
  await page.goto('/#compare');
  // The app waits STORAGE_TIMEOUT_MS (4 s) for storage before opening the default.
  await expect(page.getByTestId('summary-table')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Saving is off/)).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText('Default: eight traffic slices');
  // Editing still works in memory.
  await planner.importFixture(SMALL);
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);
});
