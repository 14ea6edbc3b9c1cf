import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { CatalogPanel } from '../../src/features/catalog/catalog-panel';
import { makeSmallScenario } from '../factories/small-scenario';
import { renderWithScenario } from '../factories/render-with-store';

const TODAY = '2026-12-02';

/** The small scenario plus imported-looking rows: regions, reasoning, windows, dated sources, one unscored. */
function makeFilterScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    catalog: [
      ...scenario.catalog.map((model) => ({ ...model, source: { label: 'hand', asOf: '2026-10-08' } })),
      {
        id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
        name: 'Claude Sonnet 4.5 — Bedrock, global',
        provider: 'Anthropic',
        platform: 'bedrock',
        region: 'global',
        reasoning: true,
        contextWindow: 200_000,
        priceKey: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
        pricing: { kind: 'per-token', inputPerMTok: 3, outputPerMTok: 15 },
        source: { label: 'LiteLLM', asOf: '2026-07-24' },
      },
      {
        id: 'us.meta.llama3-3-70b-instruct-v1:0',
        name: 'Llama 3.3 70B — Bedrock, us',
        provider: 'Meta',
        platform: 'bedrock',
        region: 'us',
        openWeight: true,
        contextWindow: 128_000,
        quality: 60,
        pricing: { kind: 'per-token', inputPerMTok: 0.72, outputPerMTok: 0.72 },
        source: { label: 'LiteLLM', asOf: '2026-07-24' },
      },
    ],
  };
}

function readRowNames(): string[] {
  return within(screen.getByRole('table', { name: 'Models' }))
    .getAllByTestId('catalog-row')
    .map((row) => row.querySelector('th span')?.textContent ?? '');
}

function getRow(name: string): HTMLElement {
  const row = within(screen.getByRole('table', { name: 'Models' }))
    .getAllByTestId('catalog-row')
    .find((candidate) => candidate.querySelector('th span')?.textContent === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('CatalogPanel: filters and search', () => {
  it('finds "sonnet 4.5" however the key spells it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel today={TODAY} />, makeFilterScenario());
    await user.type(screen.getByLabelText('Search name, id or key'), 'sonnet 4.5');
    expect(readRowNames()).toEqual(['Claude Sonnet 4.5 — Bedrock, global']);
    await user.clear(screen.getByLabelText('Search name, id or key'));
    await user.type(screen.getByLabelText('Search name, id or key'), 'llama3.3');
    expect(readRowNames()).toEqual(['Llama 3.3 70B — Bedrock, us']);
  });

  it('filters by region, reasoning, open weight, context window and input price', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel today={TODAY} />, makeFilterScenario());
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('4 of 4 models');

    await user.selectOptions(screen.getByLabelText('Region'), 'us');
    expect(readRowNames()).toEqual(['Llama 3.3 70B — Bedrock, us']);
    await user.selectOptions(screen.getByLabelText('Region'), '');

    await user.selectOptions(screen.getByLabelText('Reasoning'), 'yes');
    expect(readRowNames()).toEqual(['Claude Sonnet 4.5 — Bedrock, global']);
    await user.selectOptions(screen.getByLabelText('Reasoning'), 'any');

    await user.selectOptions(screen.getByLabelText('Open weight'), 'yes');
    expect(readRowNames()).toEqual(['Llama 3.3 70B — Bedrock, us']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    // The small scenario's two models have no window (unlimited): they stay.
    await user.type(screen.getByLabelText('Context at least (tokens)'), '150000');
    expect(readRowNames()).toEqual(['Cheap model', 'Dear model', 'Claude Sonnet 4.5 — Bedrock, global']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByLabelText('Context at least (tokens)')).toHaveValue(null);

    // Input ≤ $1 per 1M tokens: cheap ($1) and Llama ($0.72).
    await user.type(screen.getByLabelText(/^Input at most/), '1');
    expect(readRowNames()).toEqual(['Cheap model', 'Llama 3.3 70B — Bedrock, us']);
    // The limit is read in the unit shown: $1 per 1K tokens is $1,000 per 1M, so every row passes; $0.001 per
    // 1K is $1 per 1M again.
    await user.click(screen.getByRole('button', { name: 'per 1K tokens' }));
    expect(readRowNames()).toHaveLength(4);
    await user.clear(screen.getByLabelText(/^Input at most/));
    await user.type(screen.getByLabelText(/^Input at most/), '0.001');
    expect(readRowNames()).toEqual(['Cheap model', 'Llama 3.3 70B — Bedrock, us']);
  });
});

describe('CatalogPanel: price age and quality', () => {
  it('shows each price’s age, flags those over 90 days and counts them above the table', () => {
    renderWithScenario(<CatalogPanel today={TODAY} />, makeFilterScenario());
    // 2026-10-08 → 2026-12-02: 55 days; 2026-07-24 → 2026-12-02: 131 days.
    expect(within(getRow('Cheap model')).getByText(/as of 2026-10-08 · 55 days/)).toBeInTheDocument();
    expect(within(getRow('Cheap model')).queryByText('over 90 days')).not.toBeInTheDocument();
    const llama = getRow('Llama 3.3 70B — Bedrock, us');
    expect(within(llama).getByText(/as of 2026-07-24 · 131 days/)).toBeInTheDocument();
    expect(within(llama).getByText('over 90 days')).toBeInTheDocument();
    expect(screen.getByTestId('catalog-stale-count')).toHaveTextContent(
      '2 prices are more than 90 days old (as of 2026-12-02)',
    );
  });

  it('shows "no quality score" for an unscored model, and crowns only a scored, priced model Cheapest', () => {
    renderWithScenario(<CatalogPanel today={TODAY} />, makeFilterScenario());
    const sonnet = getRow('Claude Sonnet 4.5 — Bedrock, global');
    expect(within(sonnet).getByText('no quality score')).toBeInTheDocument();
    // Llama (0.72 + 0.72) is cheaper than Cheap (1 + 2) and scored.
    expect(within(getRow('Llama 3.3 70B — Bedrock, us')).getByText('Cheapest')).toBeInTheDocument();
    expect(screen.getAllByText('Cheapest')).toHaveLength(1);
  });

  it('crowns no row when the filters leave one model: the cheapest of one says nothing', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel today={TODAY} />, makeFilterScenario());
    await user.type(screen.getByLabelText('Search name, id or key'), 'llama');
    await waitFor(() => expect(screen.getAllByTestId('catalog-row')).toHaveLength(1));
    expect(screen.queryByText('Cheapest')).not.toBeInTheDocument();
  });
});
