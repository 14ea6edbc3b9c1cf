/**
 * Screenshots of every screen at the given widths, for looking at what was built:
 *   npx tsx scripts/screenshot.ts [baseUrl] [outDir]
 * Needs a running dev or preview server (default http://localhost:5173) and Debian's Chromium.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../tests/e2e/chromium';
import { mkdirSync } from 'node:fs';

const baseUrl = process.argv[2] ?? 'http://localhost:5173';
const outDir = process.argv[3] ?? 'screenshots-tmp';
const screens = [
  ['scenarios', 'Scenarios'],
  ['catalog', 'Pricing catalog'],
  ['traffic', 'Traffic mix'],
  ['strategies', 'Strategies'],
  ['compare', 'Compare'],
  ['runway', 'Credits and runway'],
  ['uncertainty', 'Uncertainty'],
  ['optimise', 'Optimise'],
  ['report', 'POC estimate'],
] as const;
const widths = (process.env['WIDTHS'] ?? '1280').split(',').map(Number);
const theme = process.env['THEME'] ?? 'light';

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
for (const width of widths) {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    colorScheme: theme === 'dark' ? 'dark' : 'light',
  });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console: ${message.text()}`);
  });
  await page.goto(baseUrl);
  await page.getByTestId('summary-table').or(page.getByTestId('summary-line')).waitFor();
  for (const [screen, tab] of screens) {
    await page.getByRole('tab', { name: tab }).click();
    if (theme === 'dark') {
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    }
    await page.waitForTimeout(600);
    const file = `${outDir}/${screen}-${width}${theme === 'dark' ? '-dark' : ''}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
