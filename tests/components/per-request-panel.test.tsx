import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PerRequestPanel } from '../../src/features/catalog/per-request-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeLargeCatalogScenario } from '../factories/large-catalog';
import { makeSmallScenario } from '../factories/small-scenario';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

/** The figures of the table row for `modelId`. */
function rowOf(modelId: string) {
  const row = screen
    .getAllByTestId('per-request-row')
    .find((element) => element.getAttribute('data-model-id') === modelId);
  if (!row) throw new Error(`no row for ${modelId}`);
  return {
    perCall: within(row).getByTestId('per-request-per-call'),
    perMillion: within(row).getByTestId('per-request-per-million'),
    notes: within(row).getByTestId('per-request-notes'),
  };
}

function modelOrder(): (string | null)[] {
  return screen.getAllByTestId('per-request-row').map((row) => row.getAttribute('data-model-id'));
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('PerRequestPanel', () => {
  it('prices the call on every model, cheapest first', async () => {
    window.history.replaceState(null, '', '/#per-request?inputTokens=1000&outputTokens=100');
    renderWithScenario(<PerRequestPanel />, makeSmallScenario());
    expect(screen.getByLabelText('Input tokens')).toHaveValue('1,000');
    expect(screen.getByLabelText('Output tokens')).toHaveValue('100');
    // cheap: 1,000 × $1/M + 100 × $2/M = $0.0012 a call, $1,200 a million; dear: $0.003 + $0.0015 = $0.0045.
    expect(modelOrder()).toEqual(['cheap', 'dear']);
    expect(rowOf('cheap').perCall).toHaveTextContent('$0.0012');
    expect(rowOf('cheap').perMillion).toHaveTextContent('$1,200');
    expect(rowOf('dear').perCall).toHaveTextContent('$0.0045');
    // No prefix, no batch, no tier: the base prices.
    expect(rowOf('dear').notes).toHaveTextContent('Base prices');

    // Output 1,000: dear = $0.003 + 1,000 × $15/M = $0.018.
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Output tokens'));
    await user.type(screen.getByLabelText('Output tokens'), '1000');
    expect(rowOf('dear').perCall).toHaveTextContent('$0.018');
    await user.click(screen.getByRole('button', { name: /^Per call/ }));
    expect(modelOrder()).toEqual(['dear', 'cheap']);
  });

  it('says which field of a bad link is wrong and keeps the default call', () => {
    window.history.replaceState(null, '', '/#per-request?inputTokens=1000&outputTokens=100&cacheHitRate=2');
    renderWithScenario(<PerRequestPanel />, makeSmallScenario());
    expect(screen.getByRole('alert')).toHaveTextContent('cacheHitRate: must be between 0 and 1');
    expect(screen.getByLabelText('Input tokens')).toHaveValue('3,000');
  });

  it('offers a link that carries the inputs', async () => {
    renderWithScenario(<PerRequestPanel />, makeSmallScenario());
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Reasoning tokens'));
    await user.type(screen.getByLabelText('Reasoning tokens'), '250');
    const link = (screen.getByLabelText('Link to this calculation') as HTMLInputElement).value;
    expect(link).toContain('#per-request?inputTokens=3000&cachedPrefixTokens=2000&outputTokens=500');
    expect(link).toContain('reasoningTokens=250');
  });

  it('filters with the catalog’s filters', async () => {
    renderWithScenario(<PerRequestPanel />, makeTwoSliceScenario());
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Provider'), 'Beta Labs');
    expect(modelOrder()).toEqual(['dear']);
    expect(screen.getByTestId('per-request-count')).toHaveTextContent('1 of 2 per-token models');
  });

  it('makes the call a traffic slice in one undoable edit', async () => {
    window.history.replaceState(
      null,
      '',
      '/#per-request?inputTokens=1200&outputTokens=80&cachedPrefixTokens=500',
    );
    renderWithScenario(<PerRequestPanel />, makeSmallScenario());
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Slice name'));
    await user.type(screen.getByLabelText('Slice name'), 'FAQ bot');
    await user.click(screen.getByRole('button', { name: 'Add to the Traffic mix' }));
    const added = usePlannerStore.getState().scenario?.traffic.at(-1);
    expect(added).toMatchObject({
      name: 'FAQ bot',
      requestsPerMonth: 100_000,
      inputTokens: 1200,
      outputTokens: 80,
      cachedPrefixTokens: 500,
    });
    expect(screen.getByText(/Added “FAQ bot” to the Traffic mix/)).toBeInTheDocument();
    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().scenario?.traffic.map((slice) => slice.id)).toEqual(['main']);
  });

  it('says why a slice is refused', async () => {
    // "mixed" routes each slice by name and has no fallback: a new slice has no route.
    renderWithScenario(<PerRequestPanel />, makeTwoSliceScenario());
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add to the Traffic mix' }));
    expect(screen.getByText(/The slice was not applied/)).toBeInTheDocument();
    expect(usePlannerStore.getState().scenario?.traffic).toHaveLength(2);
  });

  it('counts a prompt per family and fills a slice with one click', async () => {
    renderWithScenario(<PerRequestPanel />, makeTwoSliceScenario());
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Count the tokens of a prompt…' }));
    // gpt-tokenizer's test plan: "Hello, World! How are you today? 🌍" is 11 o200k_base tokens.
    await user.click(screen.getByLabelText('Sample prompt'));
    await user.paste('Hello, World! How are you today? 🌍');
    await user.click(screen.getByLabelText('Sample answer'));
    await user.paste('hello');
    const o200k = screen
      .getAllByTestId('token-family')
      .find((row) => row.getAttribute('data-family') === 'openai-o200k');
    if (!o200k) throw new Error('no o200k_base row');
    expect(await within(o200k).findByText('11')).toBeInTheDocument();
    expect(within(o200k).getByTestId('token-answer')).toHaveTextContent('1');
    expect(o200k).toHaveTextContent('o200k_base (gpt-tokenizer), exact');
    // The models of this catalog (provider Acme and Beta Labs) are counted as o200k_base × their factor, 1.
    expect(screen.getByText('Acme, tokenizer factor ×1')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Slice to fill'), 'hard');
    await user.click(
      within(o200k).getByRole('button', { name: /^Fill Hard with the OpenAI GPT-4o.* counts$/ }),
    );
    expect(usePlannerStore.getState().scenario?.traffic[1]).toMatchObject({
      inputTokens: 11,
      outputTokens: 1,
    });
    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().scenario?.traffic[1]).toMatchObject({
      inputTokens: 2000,
      outputTokens: 400,
    });
  });

  it('renders only the rows in view of a 10,000-model catalog', async () => {
    renderWithScenario(<PerRequestPanel />, makeLargeCatalogScenario(10_000));
    expect(screen.getByTestId('per-request-count')).toHaveTextContent('10,000 of 10,000 per-token models');
    const rendered = screen.getAllByTestId('per-request-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Cost per call' })).toHaveAttribute('aria-rowcount', '10001');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search name, id or key'), 'generated model 9997');
    expect(screen.getByTestId('per-request-count')).toHaveTextContent('1 of 10,000 per-token models');
    expect(modelOrder()).toEqual(['generated-9997']);
  });
});
