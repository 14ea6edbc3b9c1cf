import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

/** How far a table reaches past the box it scrolls in (0 or less when it fits). */
function widthPastBox(table: Locator): Promise<number> {
  return table.evaluate((element) => element.scrollWidth - (element.parentElement?.clientWidth ?? 0));
}

/** Opens the default's Claude Sonnet 4.6 (Bedrock, global) in the model editor, and returns the editor. */
async function openSonnetEditor(page: Page): Promise<Locator> {
  const planner = new PlannerPage(page);
  await planner.goto('catalog');
  await page.getByLabel('Search name, id or key').fill('sonnet 4.6');
  await page.getByRole('button', { name: /^Edit Claude Sonnet 4\.6 — Bedrock, global/ }).click();
  const editor = page.getByRole('region', { name: /^Edit Claude Sonnet 4\.6/ });
  await expect(editor).toBeVisible();
  return editor;
}

test('the model picker searches the catalog and is used from the keyboard', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('strategies');
  await planner.importFixture('tests/fixtures/small-scenario.json');
  await planner.openTab('Strategies');
  await page
    .getByRole('button', { name: /^All on dear/ })
    .first()
    .click();
  const picker = page.getByRole('combobox', { name: 'Model', exact: true });
  await picker.click();
  await expect(page.getByRole('listbox', { name: 'Model', exact: true })).toBeVisible();
  await page.keyboard.type('cheap');
  await expect(page.getByText('1 of 2 models')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('Cheap model (bedrock) · quality 50');
  // All on dear now calls the cheap model: 1,000,000 × (1,000 × $1/M + 100 × $2/M) = $1,200 a month.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 1200);
});

test('keys pressed straight after typing in the model picker act on the models the typing matches', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('strategies');
  await page
    .getByRole('button', { name: /^All on Claude Sonnet 4\.6/ })
    .first()
    .click();
  const picker = page.getByRole('combobox', { name: 'Model', exact: true });
  await picker.click();
  // Typed, then ↓ and Enter in the same task: the list on screen is still the whole catalog when the keys arrive.
  await picker.evaluate((input: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'haiku');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (const key of ['ArrowDown', 'Enter']) {
      input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  });
  await expect(picker).toHaveValue(/Haiku/);
});

test('rows pasted from a spreadsheet join the Traffic mix after a preview', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  await planner.importFixture('tests/fixtures/small-scenario.json');
  await planner.openTab('Traffic mix');
  await page.getByRole('button', { name: 'Paste rows' }).click();
  await page
    .getByLabel('Rows (tab-separated, as a spreadsheet copies them)')
    .fill('Name\tRequests\tInput\tOutput\nSupport\t$2M\t1,500\t300\nBroken\tlots\t10\t10');
  const preview = page.getByRole('table', { name: 'Pasted rows' });
  await expect(preview.getByRole('row', { name: /Support/ })).toContainText('Ready');
  await expect(preview.getByRole('row', { name: /Broken/ })).toContainText(
    'Requests per month must be a number',
  );
  await page.getByRole('button', { name: 'Add 1 slice' }).click();
  await expect(page.getByLabel('Requests per month for Support', { exact: true })).toHaveValue('2,000,000');
});

test('at 1280 px a pasted block shows its header line in the box and every column of its preview', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  await page.getByRole('button', { name: 'Paste rows' }).click();
  // Twelve rows under a header naming ten columns: more lines than the box shows.
  const lines = [
    'Name\tRequests\tInput\tOutput\tCached prefix\tCache hits\tBatched\tQuality bar\tReasoning\tGrowth',
  ];
  for (let row = 1; row <= 12; row++)
    lines.push(`Support flow ${row}\t${row * 150}k\t1,200\t300\t800\t60%\t10\t70\t0\t5%`);
  await page.evaluate((text) => navigator.clipboard.writeText(text), lines.join('\n'));
  const box = page.getByLabel('Rows (tab-separated, as a spreadsheet copies them)');
  await box.focus();
  await page.keyboard.press('ControlOrMeta+V');
  const preview = page.getByRole('table', { name: 'Pasted rows' });
  await expect(preview.getByRole('row', { name: /Support flow 12/ })).toContainText('Ready');
  // The box shows its first line (the header), not the last pasted.
  await expect.poll(() => box.evaluate((element) => element.scrollTop)).toBe(0);
  // Every column, "Monthly growth" the last, within the preview's box: no sideways scroll at 1280 px.
  await expect(preview.getByRole('columnheader', { name: 'Monthly growth' })).toBeVisible();
  expect(await widthPastBox(preview)).toBeLessThanOrEqual(0);
});

test('at 1280 × 900 keyboard focus never hides under the pinned summary', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  await planner.openTab('Traffic mix');
  await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
  await page
    .getByLabel(/^Name for /)
    .first()
    .focus();
  const summary = page.locator('section.summary');
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press('Tab');
    const [focusTop, focusBottom, summaryBottom] = await page.evaluate(() => {
      const focused = document.activeElement?.getBoundingClientRect();
      const pinned = document.querySelector('section.summary')?.getBoundingClientRect();
      return [focused?.top ?? 0, focused?.bottom ?? 0, pinned?.bottom ?? 0];
    });
    // Either below the summary or (a control inside the summary itself) not under it.
    const inSummary = await page.evaluate(() => Boolean(document.activeElement?.closest('section.summary')));
    if (!inSummary)
      expect(focusBottom > summaryBottom && focusTop >= summaryBottom - 1, `step ${step}`).toBe(true);
  }
  // Folded to one line, the summary takes one line of the screen.
  await summary.getByRole('button', { name: 'Collapse to one line' }).click();
  const height = (await summary.boundingBox())?.height ?? 900;
  expect(height).toBeLessThan(80);
});

test('at 390 px a scenario name, a slice and a pool can be edited', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  const name = page.getByLabel('Name of scenario 1');
  expect((await name.boundingBox())?.width ?? 0).toBeGreaterThan(250);
  // Each scenario is a card: its figures and actions on screen, not a sideways scroll away.
  expect(await widthPastBox(page.getByTestId('scenario-library'))).toBeLessThanOrEqual(0);
  const duplicate = page.getByRole('button', { name: /^Duplicate / });
  await duplicate.scrollIntoViewIfNeeded();
  const duplicateBox = await duplicate.boundingBox();
  expect((duplicateBox?.x ?? 390) + (duplicateBox?.width ?? 0)).toBeLessThanOrEqual(390);
  await name.fill('Mobile plan');
  await expect(page.getByTestId('scenario-name')).toHaveText('Mobile plan');

  await planner.openTab('Traffic mix');
  const requests = page.getByLabel(/^Requests per month for /).first();
  await requests.scrollIntoViewIfNeeded();
  // Each slice is a card: every field wholly on screen (nothing scrolls sideways), its name shown over it.
  const box = await requests.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(60);
  expect((box?.x ?? 390) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  const cell = requests.locator('xpath=ancestor::td[1]');
  await expect(cell.getByText('Requests per month', { exact: true })).toBeVisible();
  const monthlyGrowth = page.getByLabel(/^Monthly growth for /).first();
  const growthBox = await monthlyGrowth.boundingBox();
  expect((growthBox?.x ?? 390) + (growthBox?.width ?? 0)).toBeLessThanOrEqual(390);
  // A refusal's message goes under the field, in the card: it neither covers the next field nor widens the page.
  await requests.fill('abc');
  await expect(cell.getByRole('alert')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await requests.fill('150k');
  await requests.blur();
  await expect(requests).toHaveValue('150,000');

  await planner.openTab('Credits and runway');
  const poolName = page.getByLabel('Name', { exact: true }).first();
  await poolName.scrollIntoViewIfNeeded();
  expect((await poolName.boundingBox())?.width ?? 0).toBeGreaterThan(150);
  await poolName.fill('Activate, renewed');
  await expect(poolName).toHaveValue('Activate, renewed');
});

test('at 1,000 px, where the Traffic mix scrolls sideways in its box, a slice far down is shown under its column names', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  const table = page.getByRole('table', { name: /^Traffic slices/ });
  // The page scrolled to the table (its top just under the pinned summary), then the box scrolled to its end.
  await table.evaluate((element) => {
    const box = element.parentElement!;
    const summaryBottom = document.querySelector('.summary')!.getBoundingClientRect().bottom;
    window.scrollBy(0, box.getBoundingClientRect().top - summaryBottom);
    box.scrollTop = box.scrollHeight;
  });
  const last = page.getByLabel(/^Requests per month for /).last();
  await expectFieldUnderItsColumnName(page, last);
  // Tabbed to from the top of the page (the box's top scrolled under the summary): the page brings it back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await table.evaluate((element) => (element.parentElement!.scrollTop = 0));
  await last.focus();
  await expectFieldUnderItsColumnName(page, last);
});

/** The field and its column's name over it, both on screen, under the pinned summary. */
async function expectFieldUnderItsColumnName(page: Page, field: Locator) {
  const header = page
    .getByRole('table', { name: /^Traffic slices/ })
    .getByRole('columnheader', { name: /^Requests/ });
  const summary = page.getByRole('region', { name: 'Summary', exact: true });
  await expect
    .poll(async () => {
      const [headerBox, fieldBox, summaryBox] = await Promise.all([
        header.boundingBox(),
        field.boundingBox(),
        summary.boundingBox(),
      ]);
      return (
        headerBox!.y >= summaryBox!.y + summaryBox!.height - 1 &&
        fieldBox!.y >= headerBox!.y + headerBox!.height &&
        fieldBox!.y + fieldBox!.height <= 900
      );
    })
    .toBe(true);
}

test('at 1280 px the Traffic mix keeps its column names in view, under the summary, as its slices scroll', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  const last = page.getByLabel(/^Requests per month for /).last();
  await last.focus();
  const header = page
    .getByRole('table', { name: /^Traffic slices/ })
    .getByRole('columnheader', { name: /^Requests/ });
  const summary = page.getByRole('region', { name: 'Summary', exact: true });
  // The header sits just under the pinned summary (once the summary has settled to its whole rows, as the
  // fonts come in), and the focused field below both, on screen.
  await expect
    .poll(async () => {
      const [headerTop, summaryBox] = [(await header.boundingBox())!.y, (await summary.boundingBox())!];
      const gap = headerTop - (summaryBox.y + summaryBox.height);
      return gap >= -1 && gap < 8;
    })
    .toBe(true);
  const headerBox = await header.boundingBox();
  const fieldBox = await last.boundingBox();
  expect(fieldBox!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height);
  expect(fieldBox!.y + fieldBox!.height).toBeLessThanOrEqual(900);
});

test('at 390 px a strategy’s routes are cards: the slice’s name stays in view beside its open model picker', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planner = new PlannerPage(page);
  await planner.goto('strategies');
  await page.getByText('Usual winner per slice').first().click();
  const picker = page.getByRole('combobox', { name: /^Model for / }).first();
  await picker.click();
  await page.keyboard.type('<0.1');
  const name = page.locator('.strategy-table tbody th').first();
  await expect(name).toBeInViewport({ ratio: 1 });
  // The list of models is the picker's width, inside the screen.
  const list = page.getByRole('listbox').first();
  await expect(list).toBeVisible();
  const box = (await list.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test('at 390 px no screen is wider than the phone: wide tables scroll in their own boxes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  // Every screen's tab shows its whole label: the tabs wrap into rows rather than scroll past the edge.
  for (const box of await page
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.map((tab) => ({ name: tab.textContent, ...tab.getBoundingClientRect().toJSON() })),
    )) {
    expect(box.x, box.name!).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, box.name!).toBeLessThanOrEqual(390);
  }
  for (const tab of await page.getByRole('tab').allTextContents()) {
    await planner.openTab(tab);
    await expect(page.locator('.panel')).not.toHaveAttribute('aria-busy', 'true');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, tab).toBeLessThanOrEqual(390);
  }
});

test('at 390 px the pricing catalog shows a model’s input and output prices beside its name', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planner = new PlannerPage(page);
  await planner.goto('catalog');
  const table = page.locator('table.catalog-table');
  await table.scrollIntoViewIfNeeded();
  for (const name of [/^Input/, /^Output/]) {
    const box = await table.getByRole('columnheader', { name }).first().boundingBox();
    expect(box!.x + box!.width, String(name)).toBeLessThanOrEqual(390);
  }
});

test('at 1280 px no screen’s table is wider than its box', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  for (const tab of await page.getByRole('tab').allTextContents()) {
    await planner.openTab(tab);
    const panel = page.locator('.panel');
    await expect(panel).not.toHaveAttribute('aria-busy', 'true');
    await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    // Tables in view only: a chart's table kept for screen readers sits in a box a pixel wide.
    const wider = await panel.evaluate((element) =>
      [...element.querySelectorAll('table')]
        .filter((table) => table.parentElement!.clientWidth > 1 && table.offsetParent !== null)
        .filter((table) => table.scrollWidth > table.parentElement!.clientWidth)
        .map((table) => `${table.className}: ${table.scrollWidth} > ${table.parentElement!.clientWidth}`),
    );
    expect(wider, tab).toEqual([]);
  }
});

test('at 1280 px the pricing catalog shows every column, its Edit buttons and whole contexts', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('catalog');
  const table = page.locator('table.catalog-table');
  await table.scrollIntoViewIfNeeded();
  expect(await widthPastBox(table)).toBeLessThanOrEqual(0);
  const cut = await table.evaluate((element) =>
    [...element.querySelectorAll('td')]
      .filter(
        (cell) => /^[\d,]+$/.test(cell.textContent?.trim() ?? '') && cell.scrollWidth > cell.clientWidth,
      )
      .map((cell) => cell.textContent),
  );
  expect(cut).toEqual([]);
  // Rows that differ only in their region read whole: a name takes a second line rather than an ellipsis.
  for (const name of ['Claude Haiku 4.5 — Bedrock, global', 'Claude Haiku 4.5 — Bedrock, EU']) {
    const shown = table.locator('.catalog-table__name', { hasText: name }).first();
    await shown.scrollIntoViewIfNeeded();
    const overflow = await shown.evaluate((element) => ({
      across: element.scrollWidth - element.clientWidth,
      down: element.scrollHeight - element.clientHeight,
    }));
    expect(overflow, name).toEqual({ across: 0, down: 0 });
  }
  // Per 1K tokens, prices with three more decimals ($0.00000875) still show whole.
  await page.getByRole('button', { name: 'per 1K tokens' }).click();
  await expect(table.getByText('$0.00000875').first()).toBeAttached();
  const cutPrices = await table.evaluate((element) =>
    [...element.querySelectorAll('td.num span, td.num')]
      .filter((cell) => (cell.textContent ?? '').startsWith('$') && cell.scrollWidth > cell.clientWidth)
      .map((cell) => cell.textContent),
  );
  expect(cutPrices).toEqual([]);
});

test('at 1280 px the Traffic mix shows every slice name of the default whole (a long one on two lines), and fits its box', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  const table = page.locator('table.slice-table');
  await table.scrollIntoViewIfNeeded();
  expect(await widthPastBox(table)).toBeLessThanOrEqual(0);
  const names = page.getByRole('textbox', { name: /^Name for / });
  expect(await names.count()).toBeGreaterThan(0);
  const cut = await names.evaluateAll((inputs) =>
    inputs
      .filter((input) => input.scrollWidth > input.clientWidth || input.scrollHeight > input.clientHeight)
      .map((input) => (input as HTMLTextAreaElement).value),
  );
  expect(cut).toEqual([]);
});

test('at 1280 px the model editor opens under the summary, whose figures and the header’s Undo stay in view', async ({
  page,
}) => {
  const editor = await openSonnetEditor(page);
  const summary = page.locator('.summary');
  // Scrolled (the summary pinned to the top) and back at the top (the header above it): the editor starts below
  // the summary's lower edge each time, and covers neither the runway column nor Undo.
  for (const scrollY of [600, 0]) {
    await page.evaluate((y) => window.scrollTo(0, y), scrollY);
    await expect
      .poll(async () => {
        const [summaryBox, editorBox] = await Promise.all([summary.boundingBox(), editor.boundingBox()]);
        return editorBox!.y - (summaryBox!.y + summaryBox!.height);
      })
      .toBeGreaterThanOrEqual(0);
    const runway = await page.getByTestId('summary-runway').first().boundingBox();
    const editorBox = await editor.boundingBox();
    expect(runway!.y + runway!.height).toBeLessThanOrEqual(editorBox!.y);
  }
  const undo = await page.getByRole('button', { name: 'Undo' }).boundingBox();
  const editorBox = await editor.boundingBox();
  expect(undo!.y + undo!.height).toBeLessThanOrEqual(editorBox!.y);
});

test('from 1,000 to 1,440 px, with the model editor open, every row’s Edit button stays in view and opens its model', async ({
  page,
}) => {
  const editor = await openSonnetEditor(page);
  await page.getByLabel('Search name, id or key').fill('');
  for (const width of [1440, 1280, 1000]) {
    await page.setViewportSize({ width, height: 900 });
    // The catalog ends at the editor's left edge (from 1,400 px the page makes room for it): the first row's Edit button is the element at its own centre,
    // not the editor over it.
    const edit = page.locator('.catalog-table tbody td.col-actions button').first();
    await edit.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        edit.evaluate((button) => {
          const box = button.getBoundingClientRect();
          return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === button;
        }),
      )
      .toBe(true);
    const [editBox, editorBox] = await Promise.all([edit.boundingBox(), editor.boundingBox()]);
    expect(editBox!.x + editBox!.width, `${width} px`).toBeLessThanOrEqual(editorBox!.x);
  }
  const other = page.locator('.catalog-table tbody td.col-actions button').nth(1);
  const name = (await other.getAttribute('aria-label'))!.replace(/^Edit /, '');
  await other.click();
  await expect(page.getByRole('region', { name: `Edit ${name}` })).toBeVisible();
});

test('beside the model editor (1,440 to 1,920 px) the summary fits its box and the catalog keeps model names readable', async ({
  page,
}) => {
  await openSonnetEditor(page);
  const name = page.locator('.catalog-table tbody th.col-name').first();
  for (const width of [1440, 1600, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    // The page makes room for the editor, so the summary's box is 524 px narrower than the window: it lays out
    // by its box, not the window.
    await expect.poll(() => widthPastBox(page.getByTestId('summary-table'))).toBeLessThanOrEqual(0);
    expect((await name.boundingBox())!.width, `${width} px`).toBeGreaterThan(140);
  }
});

test('from 720 to 1,280 px the summary table fits its box: no strategy’s figures or Hide a sideways scroll away', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  const table = page.getByTestId('summary-table');
  for (const width of [720, 900, 1100, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(() => widthPastBox(table)).toBeLessThanOrEqual(0);
  }
  // Narrower than 1,200 px the runway's bracket takes its own line: "13 months" over "(cash runs out in …)".
  await page.setViewportSize({ width: 1000, height: 900 });
  const runway = page.getByTestId('summary-runway').first();
  await expect(runway).toHaveText(/^\d+ months \(cash runs out in \w{3} \d{4}\)$/);
  const lines = await runway.evaluate((cell) =>
    [...cell.querySelectorAll('span')].map((part) => part.getClientRects().length),
  );
  expect(lines).toEqual([1, 1]);

  // With no cash every runway reads "Less than a month (cash runs out in the first month, Jan 2027)": at 1280 px
  // it breaks at its bracket rather than push Hide and the marker out of the box.
  await page.setViewportSize({ width: 1280, height: 900 });
  await planner.openTab('Credits and runway');
  await page.getByLabel('Cash on hand', { exact: true }).fill('0');
  await expect(runway).toHaveText('Less than a month (cash runs out in the first month, Jan 2027)');
  await expect.poll(() => widthPastBox(table)).toBeLessThanOrEqual(0);
});

test('at 720 × 900 the pinned summary shows whole strategies’ rows, each runway in at most three lines', async ({
  page,
}) => {
  await page.setViewportSize({ width: 720, height: 900 });
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  const summary = page.getByRole('region', { name: 'Summary table' });
  // Squeezed to its longest word the runway took seven lines, a row 152 px tall, and the box (a quarter of the
  // screen, 216 px, less a 67 px header) held none. Now "13 months / (cash runs out / in Feb 2028)".
  await expect
    .poll(() =>
      summary.evaluate((box) => {
        const bottom = box.getBoundingClientRect().bottom;
        return [...box.querySelectorAll('tbody > tr')].filter(
          (row) => row.getBoundingClientRect().bottom <= bottom + 1,
        ).length;
      }),
    )
    .toBeGreaterThanOrEqual(2);
  const runway = page.getByTestId('summary-runway').first();
  const lineHeight = await runway.evaluate((cell) => parseFloat(getComputedStyle(cell).lineHeight));
  const { height } = await runway.evaluate((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return { height: range.getBoundingClientRect().height };
  });
  expect(height / lineHeight).toBeLessThanOrEqual(3.1);
  expect(await widthPastBox(page.getByTestId('summary-table'))).toBeLessThanOrEqual(0);
});

test('at 1280 px the Compare totals table shows every column whole', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('compare');
  const table = page.getByTestId('compare-totals');
  await table.scrollIntoViewIfNeeded();
  await expect(table.getByRole('columnheader', { name: /Cash spent on AI/ })).toBeVisible();
  expect(await widthPastBox(table)).toBeLessThanOrEqual(0);
});

test('at 1280 × 900 the summary shows whole rows, says how many strategies lie below (and if the cheapest is), and shows them on request', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('traffic');
  // The default scenario has six strategies; the pinned summary's box (at most 24 % of 900 px, 216 px) holds the
  // header and three whole rows, and ends on the third row's edge rather than cutting the fourth.
  // The cheapest strategy (Cheapest model meeting each bar, the fifth) is among them, and the marker says so.
  const more = page.getByRole('button', {
    name: '3 more strategies below, the cheapest among them: scroll to the cheapest',
  });
  await expect(more).toBeVisible();
  await expect(more).toHaveText('↓ 3 more, cheapest');
  const summary = page.getByRole('region', { name: 'Summary table' });
  const edges = await summary.evaluate((box) => {
    const top = box.getBoundingClientRect().top;
    const rows = [...box.querySelectorAll('tbody > tr')].map(
      (row) => row.getBoundingClientRect().bottom - top,
    );
    return { height: box.clientHeight, rows };
  });
  expect(edges.height).toBeLessThanOrEqual(216);
  expect(edges.rows.some((bottom) => Math.abs(bottom - edges.height) <= 1)).toBe(true);
  await more.click();
  await expect(
    summary.getByRole('button', { name: 'Cheapest model meeting each bar', exact: true }),
  ).toBeInViewport();
  await expect(
    summary.getByRole('button', { name: 'Direct APIs, off AWS credits', exact: true }),
  ).toBeInViewport();
  await expect(more).toBeHidden();
  // Scrolled to the end, the header says how many rows are above instead, and takes the box back to the top.
  // (The rows differ in height, so how many are above depends on the rows shown.)
  await summary.evaluate((box) => box.scrollTo({ top: box.scrollHeight, behavior: 'instant' }));
  const above = page.getByRole('button', { name: /^\d more strateg(y|ies) above: scroll to the top$/ });
  await expect(above).toHaveText(/^↑ \d above$/);
  await above.click();
  await expect.poll(() => summary.evaluate((box) => box.scrollTop)).toBe(0);
  await expect(page.getByTestId('summary-rows-below')).toBeVisible();
  await expect(above).toBeHidden();

  // Four strategies more (single models that miss bars, so the crown stays): the cheapest, fifth of ten, now has
  // rows below it, and the marker scrolls to it rather than to the end.
  await summary.evaluate((box) => box.scrollTo({ top: 0, behavior: 'instant' }));
  await planner.openTab('Strategies');
  for (let added = 0; added < 4; added++) await page.getByRole('button', { name: 'Add strategy' }).click();
  const moreOfTen = page.getByRole('button', { name: /^7 more strategies below, the cheapest among them/ });
  await expect(summary.locator('tbody > tr')).toHaveCount(10);
  await expect(summary).toHaveJSProperty('scrollTop', 0);
  await moreOfTen.click();
  const cheapestRow = summary.getByRole('button', { name: 'Cheapest model meeting each bar', exact: true });
  await expect(cheapestRow).toBeInViewport();
  await expect
    .poll(() =>
      summary.evaluate((box) => {
        const row = box.querySelector('tbody > tr.is-cheapest')!;
        // The header's cells are what stick (not the thead itself).
        const head = box.querySelector('thead th')!;
        return Math.abs(row.getBoundingClientRect().top - head.getBoundingClientRect().bottom) < 1;
      }),
    )
    .toBe(true);
  // The rows after it are still below, and the marker no longer speaks of the cheapest.
  await expect(
    page.getByRole('button', { name: /^\d more strategies below: scroll to them$/ }),
  ).toBeVisible();
});

test('at 390 px the summary shows every strategy as a card of its figures, and its folded line wraps whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planner = new PlannerPage(page);
  await planner.goto('compare');
  // On a phone the summary starts folded to its line, the tabs in view; opened, each strategy is a card.
  await expect(page.getByTestId('summary-line')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Compare' })).toBeInViewport();
  await page.getByRole('button', { name: 'Show summary table' }).click();
  const box = page.getByRole('region', { name: 'Summary table' });
  // No sideways scroll inside the summary: each strategy's figures fit the phone's width, under their names.
  const widths = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client + 1);
  const last = page.getByTestId('summary-row-direct-apis');
  await last.scrollIntoViewIfNeeded();
  const runway = last.getByTestId('summary-runway');
  await expect(runway).toBeInViewport({ ratio: 1 });
  expect(await runway.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Cash runway"');
  await page.getByRole('button', { name: 'Collapse to one line' }).click();
  const line = page.getByTestId('summary-line');
  await expect(line).toContainText('cash runway');
  await expect(line).toBeInViewport({ ratio: 1 });
  expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});
