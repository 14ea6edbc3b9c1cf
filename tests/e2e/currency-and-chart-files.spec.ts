import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { todayIsoDay } from '../../src/format/format';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';
/** The figure for "All on dear" in Jan 2027: 1,000,000 requests × (1,000 × $3 + 100 × $15) / 1M = $4,500. */
const DEAR_MONTH_USD = 4500;
/** "All on cheap": 1,000,000 × (1,000 × $1 + 100 × $2) / 1M = $1,200. */
const CHEAP_MONTH_USD = 1200;

/** A figure as shown ("€4,140", "−€120"; "£1.25M" is not used here) read back as a number. */
function readShownAmount(text: string): number {
  return Number(text.replace('\u2212', '-').replace(/[^0-9.-]/g, ''));
}

async function showFiguresIn(page: Page, currency: string, rate: string) {
  await page.getByRole('tab', { name: 'Strategies' }).click();
  await page.getByLabel('Show figures in').selectOption(currency);
  await page.getByLabel('Exchange rate').fill(rate);
  await page.getByRole('button', { name: `Show figures in ${currency}` }).click();
}

function chartFrame(page: Page, title: string) {
  return page.getByRole('figure', { name: title });
}

test('every figure shows in EUR at the rate typed, as USD × rate, and the rate is kept with the scenario', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await expect(page.getByTestId('money-display')).toContainText('Money in USD');

  await showFiguresIn(page, 'EUR', '0.92');
  const today = todayIsoDay();
  await expect(page.getByTestId('money-display')).toContainText(`EUR at 0.92 per USD, set ${today}`);

  // The summary's figure is the engine's USD amount (data-value) × 0.92: $4,500 → €4,140.
  const cell = planner.summaryRow('All on dear').getByTestId('summary-this-month');
  await expect(cell).toHaveText('€4,140');
  const usd = Number(await cell.getAttribute('data-value'));
  expect(usd).toBeCloseTo(DEAR_MONTH_USD, 6);
  expect(readShownAmount((await cell.textContent()) ?? '')).toBeCloseTo(usd * 0.92, 0);

  // The monthly CSV says its currency in the money columns and carries the rate.
  await planner.openTab('Scenarios');
  const csvPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export monthly figures (CSV)' }).click();
  const csv = readFileSync((await (await csvPromise).path())!, 'utf8')
    .trim()
    .split('\n');
  const header = csv[0]!.split(',');
  expect(header).toContain('spend (EUR)');
  expect(header.at(-1)).toBe(`EUR per USD (set ${today})`);
  const firstRow = csv[1]!.split(',');
  expect(Number(firstRow[header.indexOf('spend (EUR)')])).toBeCloseTo(DEAR_MONTH_USD * 0.92, 2);

  // The printed estimate states the currency and rate.
  await planner.openTab('POC estimate');
  await expect(page.getByTestId('report-currency')).toHaveText(
    `EUR at 0.92 per USD, set ${today}, before tax (computed in USD)`,
  );

  // Saved with the scenario: a reload opens it in EUR at the same rate.
  await planner.waitForSaved('"perUsd":0.92');
  await page.reload();
  await expect(page.getByTestId('money-display')).toContainText(`EUR at 0.92 per USD, set ${today}`);
  await expect(planner.summaryRow('All on dear').getByTestId('summary-this-month')).toHaveText('€4,140');
});

test('a chart saves as a PNG that opens at its size and is not blank, and as an SVG', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await showFiguresIn(page, 'GBP', '0.79');
  await planner.openTab('Compare');
  const frame = chartFrame(page, 'Monthly spend per strategy');
  await expect(frame.locator('svg.svg-plot__surface').first()).toBeVisible();
  const plotBox = (await frame
    .getByRole('group', { name: 'Monthly spend per strategy: chart' })
    .boundingBox())!;

  const pngPromise = page.waitForEvent('download');
  await frame.getByRole('button', { name: 'PNG' }).click();
  const png = await pngPromise;
  expect(png.suggestedFilename()).toBe('Monthly spend per strategy.png');
  const bytes = readFileSync((await png.path())!);
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  // Drawn at twice the plot's size, with 12 px around it and a 32 px title band.
  expect(width).toBe(2 * (Math.ceil(plotBox.width) + 24));
  expect(height).toBe(2 * (Math.ceil(plotBox.height) + 24 + 32));

  // Opened in the browser and measured: many pixels differ from the background, in more than two colours.
  const measured = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    let differing = 0;
    for (let i = 0; i < data.length; i += 4) {
      const colour = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      colours.add(colour);
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differing++;
    }
    return {
      width: image.naturalWidth,
      differingShare: differing / (data.length / 4),
      colours: colours.size,
    };
  }, bytes.toString('base64'));
  expect(measured.width).toBe(width);
  expect(measured.differingShare).toBeGreaterThan(0.01);
  expect(measured.colours).toBeGreaterThan(10);

  const svgPromise = page.waitForEvent('download');
  await frame.getByRole('button', { name: 'SVG' }).click();
  const svg = readFileSync((await (await svgPromise).path())!, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Monthly spend per strategy');
  // The axis ticks are in the display currency, and the legend names the strategies.
  expect(svg).toContain('£');
  expect(svg).toContain('All on cheap');
});

test('a chart’s table copies as tab-separated columns with raw numbers', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Compare');
  const frame = chartFrame(page, 'Monthly spend per strategy');
  await frame.getByRole('button', { name: 'Copy table' }).click();
  await expect(frame.getByText(/^Copied the table/)).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(1 + 12);
  expect(lines[0]).toBe('Month\tAll on dear (USD)\tAll on cheap (USD)');
  expect(lines[1]).toBe(`Jan 2027\t${DEAR_MONTH_USD}\t${CHEAP_MONTH_USD}`);

  // In EUR the same table copies the converted amounts, unrounded and without separators.
  await showFiguresIn(page, 'EUR', '0.92');
  await planner.openTab('Compare');
  await frame.getByRole('button', { name: 'Copy table' }).click();
  const euros = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  expect(euros[0]).toBe('Month\tAll on dear (EUR)\tAll on cheap (EUR)');
  // 4,500 × 0.92 = 4,140; 1,200 × 0.92 = 1,104.
  expect(euros[1]).toBe('Jan 2027\t4140\t1104');
});

test('a chart’s buttons sit beside its title on a laptop, and in one row under it on a phone', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('runway');
  const frame = page.getByRole('figure', { name: /^Credits and cash: / });
  const title = frame.getByRole('heading', { level: 3 });
  const buttons = frame.getByRole('group', { name: /: save or copy$/ }).getByRole('button');
  await expect(buttons).toHaveCount(4);

  async function measure() {
    const titleBox = (await title.boundingBox())!;
    const buttonBoxes = await Promise.all(
      (await buttons.all()).map(async (button) => (await button.boundingBox())!),
    );
    return { titleBox, buttonBoxes };
  }

  // 1280 px: one row, the buttons level with each other and beside the title.
  let { titleBox, buttonBoxes } = await measure();
  for (const box of buttonBoxes) expect(box.y).toBeCloseTo(buttonBoxes[0]!.y, 0);
  expect(buttonBoxes[0]!.y).toBeLessThan(titleBox.y + titleBox.height);
  expect(buttonBoxes[0]!.x).toBeGreaterThan(titleBox.x + titleBox.width);

  // 390 px: the title on top, the four buttons in one row under it, the first one's words (6 px in) where the
  // title's start.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(async () => {
      const now = await measure();
      return now.buttonBoxes[0]!.y >= now.titleBox.y + now.titleBox.height;
    })
    .toBe(true);
  ({ titleBox, buttonBoxes } = await measure());
  for (const box of buttonBoxes) expect(box.y).toBeCloseTo(buttonBoxes[0]!.y, 0);
  expect(buttonBoxes[0]!.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height);
  expect(buttonBoxes[0]!.x + 6).toBeCloseTo(titleBox.x, 0);
});
