import { screen, within } from '@testing-library/react';
import shippedCatalog from '../../data/catalog.json';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Model, ScenarioInput } from '../../src/domain/scenario-schema';
import { CatalogPanel } from '../../src/features/catalog/catalog-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

/** The small scenario whose "dear" row records the LiteLLM key it was built from (its id is ours, not LiteLLM's). */
function makeKeyedScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    catalog: scenario.catalog.map((model) =>
      model.id === 'dear' ? { ...model, priceKey: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' } : model,
    ),
  };
}

function entry(input: number, output: number, provider = 'bedrock_converse') {
  return {
    input_cost_per_token: input,
    output_cost_per_token: output,
    litellm_provider: provider,
    mode: 'chat',
  };
}

const LITELLM = JSON.stringify({
  sample_spec: { mode: 'chat' },
  // dear's key: input $3 → $6 per 1M tokens.
  'us.anthropic.claude-sonnet-4-5-20250929-v1:0': entry(6e-6, 1.5e-5),
  'global.anthropic.claude-sonnet-4-5-20250929-v1:0': entry(3e-6, 1.5e-5),
  'us.meta.llama3-3-70b-instruct-v1:0': entry(7.2e-7, 7.2e-7, 'bedrock'),
  'gpt-5-mini': entry(2.5e-7, 2e-6, 'openai'),
  'ollama/free': entry(0, 0, 'ollama'),
  'ollama/free-2': entry(0, 0, 'ollama'),
});

function readCatalog(): Model[] {
  return usePlannerStore.getState().scenario?.catalog ?? [];
}

async function importLitellm() {
  const user = userEvent.setup();
  renderWithScenario(<CatalogPanel today="2026-12-02" />, makeKeyedScenario());
  await user.click(screen.getByRole('button', { name: 'Import catalog…' }));
  const dialog = screen.getByRole('region', { name: 'Import a catalog' });
  await user.upload(
    within(dialog).getByLabelText('Catalog file to import'),
    new File([LITELLM], 'model_prices_and_context_window.json', { type: 'application/json' }),
  );
  await within(dialog).findByRole('radio', { name: /^Update prices/ });
  return { user, dialog };
}

describe('Catalog import: update prices by price key', () => {
  it('matches the row by its LiteLLM key, says what each strategy would spend, and applies as one undo step', async () => {
    const { user, dialog } = await importLitellm();
    expect(within(dialog).getByRole('radio', { name: /^Update prices/ })).toBeChecked();
    expect(within(dialog).getByTestId('import-unpriced')).toHaveTextContent(
      '2 entries had no price (0 in and out) and were not imported; 1 other entry',
    );
    expect(within(dialog).getByTestId('import-count-matched')).toHaveTextContent('1');
    // All on dear: 12 × 1,000,000 × (1,000 × $3/M + 100 × $15/M) = $54,000; at $6 input, $90,000.
    const row = within(dialog).getByTestId('import-impact-row');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('All on dear');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['$54,000', '$90,000', '+$36,000 (+66.7%)']);
    const before = readCatalog();
    await user.click(within(dialog).getByRole('button', { name: 'Apply price updates' }));
    const dear = readCatalog().find((model) => model.id === 'dear');
    expect(dear).toMatchObject({ name: 'Dear model', quality: 90, pricing: { inputPerMTok: 6 } });
    expect(readCatalog()).toHaveLength(2);
    usePlannerStore.getState().undo();
    expect(readCatalog()).toEqual(before);
  });
});

describe('Catalog import: add models', () => {
  it('offers the models we lack in a searchable list, selects all shown, and adds only those', async () => {
    const { user, dialog } = await importLitellm();
    await user.click(within(dialog).getByRole('radio', { name: /^Add models/ }));
    const list = within(dialog).getByRole('group', { name: /Models to add/ });
    // dear's key is already ours: three models to pick from, readable names first.
    expect(within(list).getAllByRole('checkbox')).toHaveLength(3);
    expect(within(list).getByText('Claude Sonnet 4.5 — Bedrock, global')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /^Add 0 models/ })).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Search the file’s models'), 'sonnet 4.5');
    expect(within(list).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Select all 1 shown' }));
    await user.clear(within(dialog).getByLabelText('Search the file’s models'));
    await user.click(within(list).getByRole('checkbox', { name: /GPT-5 mini — OpenAI/ }));
    expect(within(dialog).getByTestId('picker-count')).toHaveTextContent('3 of 3 shown · 2 selected');
    // Adding models moves no single-model strategy.
    expect(within(dialog).getByTestId('import-impact-none')).toHaveTextContent(
      'No strategy’s 12-month spend changes.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Add 2 models' }));
    const added = readCatalog().slice(2);
    // Both keys are rows of the shipped catalog, so they arrive with its GPQA Diamond scores and their source.
    const shippedScore = (key: string) => shippedCatalog.find((model) => model.priceKey === key)?.quality;
    expect(
      added.map((model) => [
        model.name,
        model.provider,
        model.platform,
        model.quality,
        model.qualitySource?.benchmark,
      ]),
    ).toEqual([
      [
        'Claude Sonnet 4.5 — Bedrock, global',
        'Anthropic',
        'bedrock',
        shippedScore('global.anthropic.claude-sonnet-4-5-20250929-v1:0'),
        'GPQA Diamond',
      ],
      ['GPT-5 mini — OpenAI', 'OpenAI', 'openai', shippedScore('gpt-5-mini'), 'GPQA Diamond'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Added 2 models from model_prices_and_context_window.json',
    );
    // Both are scored, so the table shows no "no quality score" for them.
    expect(screen.queryAllByText('no quality score')).toHaveLength(0);
  });
});

describe('Catalog import: replace', () => {
  it('lists what is dropped and what each strategy would spend, keeping the models strategies use', async () => {
    const { user, dialog } = await importLitellm();
    await user.click(within(dialog).getByRole('radio', { name: /^Replace the catalog/ }));
    // cheap is used by "All on cheap": kept; dear too; nothing dropped.
    expect(within(dialog).queryByTestId('import-dropped')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('import-impact-none')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Replace the catalog' }));
    expect(readCatalog().map((model) => model.id)).toEqual([
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'us.meta.llama3-3-70b-instruct-v1:0',
      'gpt-5-mini',
      'cheap',
      'dear',
    ]);
  });
});
