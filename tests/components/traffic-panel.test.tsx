import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario-schema';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';
import { fieldMessage } from './field-message';

function currentScenario(): Scenario {
  const scenario = usePlannerStore.getState().scenario;
  if (!scenario) throw new Error('no scenario loaded');
  return scenario;
}

function assignRoutes(strategyId: string): Record<string, string> {
  const strategy = currentScenario().strategies.find((s) => s.id === strategyId);
  if (strategy?.kind !== 'assign') throw new Error(`${strategyId} is not an assign strategy`);
  return { ...strategy.routes };
}

function sliceIds(): string[] {
  return currentScenario().traffic.map((slice) => slice.id);
}

describe('TrafficPanel', () => {
  it('shows each slice as labelled fields and the month-0 tokens and shares', () => {
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    expect(screen.getByLabelText('Requests per month for Main traffic')).toHaveValue('1,000,000');
    expect(screen.getByLabelText('Cache hit rate for Hard')).toHaveValue('0');
    expect(screen.getByLabelText('Quality bar for Hard')).toHaveValue('80');
    // main: 1,000,000 × (1,000 + 100) = 1.1B tokens; hard: 250,000 × (2,000 + 400) = 600M.
    expect(screen.getByTestId('share-tokens-0')).toHaveTextContent('1.1B');
    expect(screen.getByTestId('share-tokens-1')).toHaveTextContent('600M');
    // Requests: 1,000,000 of 1,250,000 = 80 %, 250,000 = 20 %.
    expect(screen.getByTestId('share-requests-0')).toHaveTextContent('80%');
    expect(screen.getByTestId('share-requests-1')).toHaveTextContent('20%');
    // Spend under the strategy crowned cheapest, the cheapest meeting every bar: mixed, $4,200 (all-cheap costs
    // $1,900 but misses hard's bar of 80). Main on cheap $1,200 = 28.6 %, hard on dear $3,000 = 71.4 %.
    expect(screen.getByLabelText('Spend under strategy')).toHaveValue('mixed');
    expect(screen.getByTestId('share-spend-0')).toHaveTextContent('28.6%');
    expect(screen.getByTestId('share-spend-1')).toHaveTextContent('71.4%');
    expect(screen.getByTestId('share-total-spend')).toHaveTextContent('$4,200');
  });

  it('commits a valid edit as it is typed and updates the figures', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const requests = screen.getByLabelText('Requests per month for Main traffic');
    await user.clear(requests);
    await user.type(requests, '3000000');
    expect(currentScenario().traffic[0]?.requestsPerMonth).toBe(3_000_000);
    // Requests: 3,000,000 of 3,250,000 = 92.3 %; tokens 3,000,000 × 1,100 = 3.3B.
    expect(screen.getByTestId('share-requests-0')).toHaveTextContent('92.3%');
    expect(screen.getByTestId('share-tokens-0')).toHaveTextContent('3.3B');
    // Spend under mixed: main 3,000,000 × $0.0012 = $3,600, plus hard on dear $3,000 = $6,600.
    expect(screen.getByTestId('share-total-spend')).toHaveTextContent('$6,600');
  });

  it('takes a steep monthly growth but says what it compounds to, so 150 typed for 15 shows', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const growth = screen.getByLabelText('Monthly growth for Main traffic');
    await user.clear(growth);
    await user.type(growth, '150');
    expect(currentScenario().traffic[0]?.monthlyGrowth).toBe(1.5);
    // 2.5^12 = 59,604.6: a typo for 15 % is plain to see.
    expect(growth).toHaveAccessibleDescription(/150% a month is 59,605 times the volume in 12 months/);
    await user.clear(growth);
    await user.type(growth, '15');
    expect(growth).not.toHaveAccessibleDescription(/times the volume/);
  });

  it('keeps an invalid value on screen with its message and out of the store', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const requests = screen.getByLabelText('Requests per month for Main traffic');
    await user.clear(requests);
    await user.type(requests, '-5');
    expect(requests).toHaveValue('-5');
    expect(requests).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Requests per month for Main traffic must be 0 or more',
    );
    expect(currentScenario().traffic[0]?.requestsPerMonth).toBe(1_000_000);

    const hitRate = screen.getByLabelText('Cache hit rate for Hard');
    await user.clear(hitRate);
    // Pasted whole: typed key by key, "15" on the way would be a valid 15 %.
    await user.paste('150');
    expect(
      screen.getByText(fieldMessage(/Cache hit rate for Hard must be between 0 and 100 %/)),
    ).toBeInTheDocument();
    expect(currentScenario().traffic[1]?.cacheHitRate).toBe(0);
  });

  it('refuses a duplicate id with the store’s message and follows a valid rename through routes', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const id = screen.getByLabelText('Id for Main traffic');
    await user.clear(id);
    expect(screen.getByRole('alert')).toHaveTextContent('Id for Main traffic is required');
    await user.paste('hard');
    expect(id).toHaveValue('hard');
    expect(screen.getByRole('alert')).toHaveTextContent('duplicate slice id "hard"');
    expect(sliceIds()).toEqual(['main', 'hard']);

    await user.clear(id);
    await user.paste('primary');
    expect(sliceIds()).toEqual(['primary', 'hard']);
    expect(assignRoutes('mixed')).toEqual({ primary: 'cheap', hard: 'dear' });
    // The row kept its identity while its id changed: the field still has focus.
    expect(screen.getByLabelText('Id for Main traffic')).toHaveFocus();
  });

  it('adds a slice with defaults and a unique id, routed where a strategy has no fallback', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: 'Add slice' }));
    await user.click(screen.getByRole('button', { name: 'Add slice' }));
    expect(sliceIds()).toEqual(['main', 'hard', 'new-slice', 'new-slice-2']);
    const added = currentScenario().traffic[2];
    expect(added).toMatchObject({ name: 'New slice', requestsPerMonth: 100_000, inputTokens: 1000 });
    // "mixed" has no fallback, so the new slices start on the first slice's route.
    expect(assignRoutes('mixed')).toMatchObject({ 'new-slice': 'cheap', 'new-slice-2': 'cheap' });
    expect(screen.getByLabelText('Name for New slice 2')).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Added New slice 2 at the end.');
    // Its name is selected: what is typed replaces it.
    await user.keyboard('Search API');
    // Its id, made from its name, follows what is typed, and so do the routes; the field keeps focus.
    expect(screen.getByLabelText('Name for Search API')).toHaveFocus();
    await user.tab();
    expect(currentScenario().traffic[3]!.name).toBe('Search API');
    expect(sliceIds()).toEqual(['main', 'hard', 'new-slice', 'search-api']);
    expect(screen.getByLabelText('Id for Search API')).toHaveValue('search-api');
    expect(assignRoutes('mixed')).toMatchObject({ 'new-slice': 'cheap', 'search-api': 'cheap' });
    // An id chosen by hand stays when the name changes.
    const main = screen.getByLabelText('Name for Main traffic');
    await user.clear(main);
    await user.type(main, 'Main');
    expect(sliceIds()).toEqual(['main', 'hard', 'new-slice', 'search-api']);
  });

  it('duplicates a slice next to the original with its routes', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: 'Duplicate Main traffic' }));
    expect(sliceIds()).toEqual(['main', 'main-copy', 'hard']);
    expect(currentScenario().traffic[1]).toMatchObject({
      name: 'Main traffic (copy)',
      requestsPerMonth: 1_000_000,
    });
    expect(assignRoutes('mixed')).toEqual({ main: 'cheap', 'main-copy': 'cheap', hard: 'dear' });
  });

  it('removes a slice and its routes, says it can be undone, and undoes', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: 'Remove Main traffic' }));
    expect(sliceIds()).toEqual(['hard']);
    expect(assignRoutes('mixed')).toEqual({ hard: 'dear' });
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Removed Main traffic and its routes. You can undo this.');
    const undo = within(status).getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    await user.click(undo);
    expect(sliceIds()).toEqual(['main', 'hard']);
    expect(assignRoutes('mixed')).toEqual({ main: 'cheap', hard: 'dear' });
  });

  it('reorders with move buttons from the keyboard, focus following the moved slice', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    expect(screen.getByRole('button', { name: 'Move Main traffic up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Hard down' })).toBeDisabled();
    screen.getByRole('button', { name: 'Move Hard up' }).focus();
    await user.keyboard('{Enter}');
    expect(sliceIds()).toEqual(['hard', 'main']);
    // At the top "up" is disabled, so focus lands on the same slice's "down" button.
    expect(screen.getByRole('button', { name: 'Move Hard down' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Moved Hard to position 1 of 2.');
    await user.keyboard('{Enter}');
    expect(sliceIds()).toEqual(['main', 'hard']);
  });

  it('shows spend shares under the strategy the user picks', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    await user.selectOptions(screen.getByLabelText('Spend under strategy'), 'mixed');
    expect(usePlannerStore.getState().focusStrategyId).toBe('mixed');
    // Mixed: main $1,200 of $4,200 = 28.6 %; hard $3,000 = 71.4 %.
    expect(screen.getByTestId('share-spend-0')).toHaveTextContent('28.6%');
    expect(screen.getByTestId('share-spend-1')).toHaveTextContent('71.4%');
    expect(screen.getByTestId('share-total-spend')).toHaveTextContent('$4,200');
  });

  it('edits notes, removing the field when emptied', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const notes = screen.getByLabelText('Notes for Hard');
    await user.type(notes, 'Legal');
    expect(currentScenario().traffic[1]?.notes).toBe('Legal');
    await user.clear(notes);
    expect(currentScenario().traffic[1]).not.toHaveProperty('notes');
  });
});

/** The two-slice scenario with "dear" priced like Claude: caching with both lifetimes and a 1,024-token minimum. */
function makeCachingScenario() {
  const base = makeTwoSliceScenario();
  return {
    ...base,
    catalog: base.catalog.map((model) =>
      model.id === 'dear'
        ? {
            ...model,
            pricing: {
              kind: 'per-token' as const,
              inputPerMTok: 3,
              outputPerMTok: 15,
              cacheWritePerMTok: 3.75,
              cacheReadPerMTok: 0.3,
              cacheWrite1hPerMTok: 6,
              minCachePrefixTokens: 1024,
            },
          }
        : model,
    ),
    traffic: base.traffic.map((slice) =>
      slice.id === 'hard' ? { ...slice, cachedPrefixTokens: 800, cacheHitRate: 0.5 } : slice,
    ),
  };
}

describe('TrafficPanel: reasoning, cache lifetime, regions and caching notes', () => {
  it('edits reasoning tokens, the cache lifetime and the allowed regions of a slice', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const reasoning = screen.getByLabelText('Reasoning tokens per call for Hard');
    await user.clear(reasoning);
    await user.type(reasoning, '-5');
    expect(screen.getByText(fieldMessage(/Reasoning tokens per call for Hard must be/))).toBeInTheDocument();
    expect(reasoning).toHaveValue('-5');
    expect(currentScenario().traffic[1]?.reasoningTokens).toBe(0);
    await user.clear(reasoning);
    await user.type(reasoning, '3000');
    expect(currentScenario().traffic[1]?.reasoningTokens).toBe(3000);

    const lifetime = screen.getByRole('combobox', { name: 'Cache lifetime for Hard' });
    expect(lifetime).toHaveValue('5m');
    await user.selectOptions(lifetime, '1 hour');
    expect(currentScenario().traffic[1]?.cacheTtl).toBe('1h');

    const regions = screen.getByRole('textbox', { name: 'Allowed regions for Hard' });
    await user.type(regions, 'eu, eu-west-3,');
    expect(currentScenario().traffic[1]?.regions).toEqual(['eu', 'eu-west-3']);
    expect(regions).toHaveValue('eu, eu-west-3,');
    await user.clear(regions);
    expect(currentScenario().traffic[1]?.regions).toBeNull();
  });

  it('says when a prefix is below a model’s minimum, and where 1-hour writes start to pay', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeCachingScenario());
    const notes = screen.getByRole('list', { name: 'Caching notes for Hard' });
    expect(
      within(notes).getByText('800-token prefix is below Dear model’s 1,024-token minimum: never cached.'),
    ).toBeInTheDocument();
    // A prefix the model never caches gets no break-even: there is no hit rate to speak of.
    expect(within(notes).queryByText(/start to pay/)).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Caching notes for Main traffic' })).not.toBeInTheDocument();

    const prefix = screen.getByLabelText('Cached prefix tokens for Hard');
    await user.clear(prefix);
    await user.type(prefix, '1500');
    // Per prefix token now 0.5 × 0.30 + 0.5 × 3.75 = 2.025; 1-hour writes (6) match it at
    // (6 − 2.025) / (6 − 0.30) = 69.7 %.
    expect(
      within(screen.getByRole('list', { name: 'Caching notes for Hard' })).getByText(
        'On Dear model, 1-hour cache writes start to pay above a 69.7% hit rate.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/never cached/)).not.toBeInTheDocument();
  });
});

describe('TrafficPanel rows, each re-rendered only when its own slice changes', () => {
  it('keeps the other slices’ objects on an edit, and still shows undo, redo and moves in every row', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeTwoSliceScenario());
    const hardBefore = currentScenario().traffic[1];
    const requests = screen.getByLabelText('Requests per month for Main traffic');
    await user.clear(requests);
    await user.type(requests, '42');
    // The untouched slice is the very same object, so its memoised row is not rendered again.
    expect(currentScenario().traffic[1]).toBe(hardBefore);
    expect(screen.getByLabelText('Requests per month for Hard')).toHaveValue('250,000');

    // Undo brings the old value back into the edited row; redo takes it again.
    usePlannerStore.getState().undo();
    expect(await screen.findByDisplayValue('1,000,000')).toBe(
      screen.getByLabelText('Requests per month for Main traffic'),
    );
    usePlannerStore.getState().redo();
    expect(await screen.findByDisplayValue('42')).toBe(
      screen.getByLabelText('Requests per month for Main traffic'),
    );

    // A move changes both rows' positions: the first row's Up button is disabled, whichever slice it holds.
    await user.click(screen.getByRole('button', { name: 'Move Hard up' }));
    expect(sliceIds()).toEqual(['hard', 'main']);
    expect(screen.getByRole('button', { name: 'Move Hard up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Main traffic up' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Move Main traffic down' })).toBeDisabled();
    // The actions still act on the slice now in each row.
    await user.click(screen.getByRole('button', { name: 'Move Main traffic up' }));
    expect(sliceIds()).toEqual(['main', 'hard']);
  });

  it('shows the first 40 slices of the share table, every slice in its totals, and all rows on request', async () => {
    const user = userEvent.setup();
    const scenario = makeTwoSliceScenario();
    const slice = scenario.traffic[0]!;
    // 45 slices of 1,000,000 requests each: each is 1/45 = 2.2 % of the requests; all of them 45,000,000.
    renderWithScenario(<TrafficPanel />, {
      ...scenario,
      traffic: Array.from({ length: 45 }, (_, i) => ({ ...slice, id: `s${i}`, name: `Slice ${i + 1}` })),
      strategies: scenario.strategies.map((strategy) =>
        strategy.kind === 'assign'
          ? {
              ...strategy,
              routes: Object.fromEntries(
                Array.from({ length: 45 }, (_, i) => [
                  `s${i}`,
                  (strategy.routes as Record<string, string>)[slice.id]!,
                ]),
              ),
            }
          : strategy,
      ),
    });
    const table = screen.getByTestId('traffic-shares');
    // A header row, the first 40 slices (a screenful first, the rest once that is drawn) and the totals row.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 40 + 1));
    expect(within(table).queryByRole('rowheader', { name: 'Slice 41' })).not.toBeInTheDocument();
    expect(screen.getByTestId('share-requests-39')).toHaveTextContent('2.2%');
    const totals = within(table).getByRole('rowheader', { name: 'All slices' }).closest('tr')!;
    expect(totals).toHaveTextContent('45,000,000');
    const showAll = screen.getByRole('button', { name: 'Show all 45 slices' });
    expect(showAll).toHaveAttribute('aria-controls', table.id);
    await user.click(showAll);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 45 + 1));
    expect(screen.getByTestId('share-requests-44')).toHaveTextContent('2.2%');
  });

  it("shows the month's fixed costs as a row of their own, so that the rows add up to the total", () => {
    const scenario = makeTwoSliceScenario();
    renderWithScenario(<TrafficPanel />, {
      ...scenario,
      fixedCosts: [{ id: 'store', name: 'Vector store', platform: 'aws', monthlyAmount: 350.4 }],
    });
    const table = screen.getByTestId('traffic-shares');
    const fixed = within(table).getByRole('rowheader', { name: 'Fixed costs' }).closest('tr')!;
    expect(fixed).toHaveTextContent('$350');
    const total = within(table).getByRole('rowheader', { name: 'All slices and fixed costs' }).closest('tr')!;
    expect(total).toHaveTextContent('100%');
    // The slices' and the fixed costs' shares of spend add up to the whole.
    const shares = [...table.querySelectorAll('[data-testid^="share-spend-"]')].map((cell) =>
      Number(cell.getAttribute('data-value')),
    );
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
  });
});
