import { expect, test } from '@playwright/test';
import { PlannerPage } from './page-models/planner-page';

const SMALL = 'tests/fixtures/small-scenario.json';

test('a catalog file shows what would change; applying only the price updates moves the summary by the hand-computed amount', async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  // All on dear: 1,000,000 × (1,000 × $3/M + 100 × $15/M) = $4,500; all on cheap: 1,000,000 × (1,000 × $1/M + 100 × $2/M) = $1,200.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);

  await planner.openTab('Pricing catalog');
  await page.getByRole('button', { name: 'Import catalog…' }).click();
  const dialog = page.getByRole('region', { name: 'Import a catalog' });
  // The file raises dear's input price from 3 to 6 and adds "spare"; "cheap" is not in it.
  await dialog.getByLabel('Catalog file to import').setInputFiles('tests/fixtures/catalog-price-update.csv');
  await expect(dialog.getByRole('status')).toContainText('Read 2 models from catalog-price-update.csv (CSV)');
  // The file prices dear (same id): "update prices" is offered first, with what each strategy would spend.
  await expect(dialog.getByRole('radio', { name: /^Update prices/ })).toBeChecked();
  await expect(dialog.getByTestId('import-count-matched')).toHaveText('1');
  const dear = dialog.getByTestId('import-price-change').filter({ hasText: 'Dear model' });
  await expect(dear.getByRole('row').filter({ hasText: 'Input' }).getByRole('cell')).toHaveText([
    'Input',
    '$3.00',
    '→ $6.00',
    '+100%',
  ]);
  await dialog.getByRole('radio', { name: /^Replace the catalog/ }).check();
  await expect(dialog.getByTestId('import-count-added')).toHaveText('1');
  await expect(dialog.getByTestId('import-count-price-changes')).toHaveText('1');
  await expect(dialog.getByTestId('import-count-other-changes')).toHaveText('0');
  await expect(dialog.getByTestId('import-count-missing')).toHaveText('1');
  await expect(dialog.getByTestId('import-count-unchanged')).toHaveText('0');
  // Nothing has changed yet.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);

  await dialog.getByRole('radio', { name: /^Update prices/ }).check();
  await dialog.getByRole('button', { name: 'Apply price updates' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Updated the prices of 1 model' })).toContainText(
    'from catalog-price-update.csv (Dear model); no model added or removed.',
  );
  // 1,000,000 × (1,000 × $6/M + 100 × $15/M) = 1,000,000 × $0.0075 = $7,500: $3,000 more.
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 7500);
  await planner.expectSummaryValue('All on cheap', 'summary-this-month', 1200);
  // "spare" was not added, "cheap" not removed.
  await expect(page.getByTestId('catalog-count')).toHaveText('2 of 2 models');

  await page.getByRole('button', { name: 'Undo' }).click();
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);
});

test("LiteLLM's price file: skipped entries are counted, and applying all keeps the models strategies use", async ({
  page,
}) => {
  const planner = new PlannerPage(page);
  await planner.goto('scenarios');
  await planner.importFixture(SMALL);
  await planner.openTab('Pricing catalog');
  await page.getByRole('button', { name: 'Import catalog…' }).click();
  const dialog = page.getByRole('region', { name: 'Import a catalog' });
  await dialog.getByLabel('Catalog file to import').setInputFiles('tests/fixtures/litellm-sample.json');
  // 19 priced chat or completion models; 21 entries skipped (embeddings, images, sample_spec, bad prices…, and
  // the 2 priced 0 in and out).
  await expect(dialog.getByRole('status')).toContainText(
    'Read 19 models from litellm-sample.json (LiteLLM price file); 21 entries skipped.',
  );
  await expect(dialog.getByTestId('import-unpriced')).toContainText('2 entries had no price');
  await dialog.getByRole('radio', { name: /^Replace the catalog/ }).check();
  await expect(dialog.getByTestId('import-count-added')).toHaveText('19');
  await expect(dialog.getByTestId('import-count-skipped')).toHaveText('21');
  await expect(dialog.getByTestId('import-count-missing')).toHaveText('2');
  await dialog.getByText('Added models (19)').click();
  // A name with markup is shown as text.
  await expect(dialog.getByRole('table', { name: 'Added models' })).toContainText(
    '<script>alert(1)</script>',
  );

  await dialog.getByRole('button', { name: 'Replace the catalog' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Catalog replaced' })).toContainText(
    'Kept 2 models your strategies use that the import lacks: Cheap model and Dear model.',
  );
  // 19 imported + cheap and dear, which the strategies still use; the figures are unchanged.
  await expect(page.getByTestId('catalog-count')).toHaveText('21 of 21 models');
  await planner.expectSummaryValue('All on dear', 'summary-this-month', 4500);
});
