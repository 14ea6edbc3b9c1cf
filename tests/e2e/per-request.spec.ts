import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PlannerPage } from './page-models/planner-page';

/** A row of the per-request table, by model id. */
function quoteRow(page: Page, modelId: string) {
  return page.locator(`[data-testid="per-request-row"][data-model-id="${modelId}"]`);
}

async function perCallUsd(page: Page, modelId: string): Promise<number> {
  return Number(await quoteRow(page, modelId).getByTestId('per-request-per-call').getAttribute('data-usd'));
}

/**
 * The shipped default scenario with one more row of the shipped catalog (data/catalog.json, unchanged), as the text of
 * a scenario file named `name`.
 */
function defaultScenarioWith(modelId: string, name: string): string {
  const scenario = JSON.parse(readFileSync('data/default-scenario.json', 'utf8')) as { catalog: unknown[] };
  const catalog = JSON.parse(readFileSync('data/catalog.json', 'utf8')) as { id: string }[];
  const row = catalog.find((model) => model.id === modelId);
  if (!row) throw new Error(`${modelId} is not in data/catalog.json`);
  return JSON.stringify({ ...scenario, name, catalog: [...scenario.catalog, row] });
}

/** gpt-tokenizer's own test vector for `encoding`: the sample text and its token ids (data/TestPlans.txt). */
function gptTokenizerVector(encoding: string, sample: string): number[] {
  const require = createRequire(import.meta.url);
  const plans = readFileSync(
    join(dirname(require.resolve('gpt-tokenizer/package.json')), 'data', 'TestPlans.txt'),
    'utf8',
  );
  const block = plans
    .split(/\n\s*\n/)
    .find((text) => text.includes(`EncodingName: ${encoding}\n`) && text.includes(`Sample: ${sample}\n`));
  const encoded = block && /^Encoded: (\[.*\])$/m.exec(block)?.[1];
  if (!encoded) throw new Error(`no ${encoding} vector for ${sample}`);
  return JSON.parse(encoded) as number[];
}

test('a shared calculator link prices one call as the hand calculation does, tier and minimum named', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  // The default scenario lists no model whose long-context tier AWS's price list gives: add the shipped Claude Haiku
  // 5.5 (Bedrock, global) row, whose above-100K tier is on that list (AWS Price List mirror, 2026-10-08).
  const haiku55 = 'bedrock:claude-haiku-5.5@global';
  const name = 'Default, with Claude Haiku 5.5 on Bedrock (global)';
  await planner.goto('scenarios');
  await planner.importScenario('long-context.scenario.json', defaultScenarioWith(haiku55, name));
  await planner.goto(
    'per-request?inputTokens=250000&cachedPrefixTokens=100000&outputTokens=2000&reasoningTokens=0' +
      '&cacheHitRate=0.8&cacheTtl=1h&batchShare=0.5',
  );
  await expect(page.getByRole('tab', { name: 'Per-request cost' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Input tokens')).toHaveValue('250,000');
  await expect(page.getByLabel('Cache lifetime')).toHaveValue('1h');

  // Claude Haiku 5.5 on Bedrock (global), tokenizer factor 1.3: the call is 250,000 × 1.3 = 325,000 input tokens, a
  // 100,000 × 1.3 = 130,000-token prefix and 2,000 × 1.3 = 2,600 output tokens. 325,000 > 100,000, so every token
  // bills at the tier: $0.50 in, $2.50 out, $0.05 read, $1 1-hour write (per million).
  //   list        = 325,000 × $0.50/M + 2,600 × $2.50/M = $0.1625 + $0.0065 = $0.169
  //   cached call = 195,000 × $0.50/M + 130,000 × (0.8 × $0.05 + 0.2 × $1)/M + $0.0065
  //               = $0.0975 + 130,000 × $0.24/M + $0.0065 = $0.0975 + $0.0312 + $0.0065 = $0.1352
  //   no batch SKU (batch discount none): the half sent through batch bills the same, so per call $0.1352
  await page.getByLabel('Search name, id or key').fill('claude');
  await expect(quoteRow(page, haiku55)).toBeVisible();
  expect(await perCallUsd(page, haiku55)).toBeCloseTo(0.1352, 12);
  await expect(quoteRow(page, haiku55).getByTestId('per-request-per-million')).toHaveText('$135,200');
  await expect(quoteRow(page, haiku55).getByTestId('per-request-notes')).toContainText(
    'Long-context tier: input above 100,000 tokens',
  );
  await expect(quoteRow(page, haiku55).getByTestId('per-request-notes')).toContainText(
    'Tokenizer ×1.3: 325,000 input tokens',
  );
  await expect(quoteRow(page, haiku55).getByTestId('per-request-notes')).toContainText('No batch discount');
  await expect(page.getByTestId('per-request-tiers')).toContainText(
    '1 model bills this call at the long-context tier',
  );

  // A 2,000-token prefix is under Claude Haiku 4.5's 4,096 minimum: never cached, so the call bills at list.
  //   list = 250,000 × $1/M + 2,000 × $5/M = $0.25 + $0.01 = $0.26; half batched at 50 % off: $0.13 + $0.065 = $0.195
  await page.getByLabel('Cached prefix').fill('2000');
  const haiku = 'bedrock:claude-haiku-4.5@global';
  await expect(quoteRow(page, haiku).getByTestId('per-request-notes')).toContainText(
    'Prefix 2,000 tokens, under the 4,096 minimum: not cached',
  );
  expect(await perCallUsd(page, haiku)).toBeCloseTo(0.195, 12);

  // The link on the screen reopens the calculator with the same inputs.
  const link = await page.getByLabel('Link to this calculation').inputValue();
  expect(link).toContain('cachedPrefixTokens=2000');
  await page.goto(link);
  // The field still has focus after the fill above (the link changes only the hash), so it shows the bare number.
  await expect(page.getByLabel('Cached prefix')).toHaveValue('2000');
  await expect(page.getByLabel('Input tokens')).toHaveValue('250,000');
});

test('the token counter counts gpt-tokenizer’s own test vector and fills a slice', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto('per-request');
  const sample = 'Hello, World! How are you today? 🌍';
  const o200k = gptTokenizerVector('o200k_base', sample);
  const cl100k = gptTokenizerVector('cl100k_base', sample);

  await page.getByRole('button', { name: 'Count the tokens of a prompt…' }).click();
  await page.getByLabel('Sample prompt').fill(sample);
  await page.getByLabel('Sample answer').fill(sample);
  const o200kRow = page.locator('[data-testid="token-family"][data-family="openai-o200k"]');
  const cl100kRow = page.locator('[data-testid="token-family"][data-family="openai-cl100k"]');
  // The tokenizers load when the counter opens: a minute is a hang guard for a loaded machine, not a speed check.
  await expect(o200kRow.getByTestId('token-prompt')).toHaveText(String(o200k.length), { timeout: 60_000 });
  await expect(cl100kRow.getByTestId('token-prompt')).toHaveText(String(cl100k.length), { timeout: 60_000 });
  await expect(o200kRow).toContainText('o200k_base (gpt-tokenizer), exact');
  // Families without a shipped tokenizer are the o200k_base count times their factor, and say so.
  await expect(page.locator('[data-testid="token-family"][data-family^="factor:"]').first()).toContainText(
    /o200k_base × [\d.]+ \(gpt-tokenizer\), estimate/,
  );

  const slice = await page.getByLabel('Slice to fill').locator('option:checked').textContent();
  await o200kRow.getByRole('button', { name: /^Fill .* counts$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'now has' })).toContainText(
    `${o200k.length} input and ${o200k.length} output tokens`,
  );
  await planner.openTab('Traffic mix');
  await expect(page.getByRole('textbox', { name: `Input tokens for ${slice}` })).toHaveValue(
    String(o200k.length),
  );
});

test('make this a slice adds the call to the Traffic mix, and undo takes it back', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.goto(
    'per-request?inputTokens=1800&outputTokens=300&cachedPrefixTokens=1200&cacheHitRate=0.7',
  );
  await page.getByLabel('Slice name').fill('Quote bot');
  await page.getByRole('button', { name: 'Add to the Traffic mix' }).click();
  await planner.openTab('Traffic mix');
  await expect(page.getByRole('textbox', { name: 'Input tokens for Quote bot' })).toHaveValue('1,800');
  await expect(page.getByRole('textbox', { name: 'Cached prefix tokens for Quote bot' })).toHaveValue(
    '1,200',
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('textbox', { name: 'Input tokens for Quote bot' })).toHaveCount(0);
});

test('the calculator with its token counter open has no serious accessibility violations', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('per-request');
  await page.getByRole('button', { name: 'Count the tokens of a prompt…' }).click();
  await page.getByLabel('Sample prompt').fill('Summarise this ticket in one line.');
  await expect(
    page.locator('[data-testid="token-family"]').first().getByTestId('token-prompt'),
  ).not.toHaveText('loading…');
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${theme}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
    expect(serious, serious.join('\n')).toEqual([]);
  }
});
