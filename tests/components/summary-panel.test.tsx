import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { readSavedUi, usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

describe('SummaryPanel', () => {
  it('shows each strategy with this month, 12-month spend and marks the cheapest', () => {
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    const table = screen.getByRole('table');
    // All on dear: $4,500 a month, $54,000 a year; all on cheap: $1,200 and $14,400 (see small-scenario.ts).
    const dear = within(table).getByRole('row', { name: /All on dear/ });
    expect(within(dear).getByText('$4,500')).toBeInTheDocument();
    expect(within(dear).getByText('$54,000')).toBeInTheDocument();
    const cheap = within(table).getByRole('row', { name: /All on cheap/ });
    expect(within(cheap).getByText('Cheapest')).toBeInTheDocument();
    // Saves $54,000 − $14,400 = $39,600 against the dearest.
    expect(within(cheap).getByText('$39,600')).toBeInTheDocument();
  });

  it('crowns the cheapest strategy that meets every bar, not a cheaper one that misses a bar', async () => {
    // All on cheap: $1,900 a month, but the hard slice's bar of 80 is missed (cheap scores 50); mixed: $4,200 a
    // month, every bar met (see two-slice-scenario.ts). The POC estimate recommends mixed on spend too.
    renderWithScenario(<SummaryPanel />, makeTwoSliceScenario());
    const table = screen.getByRole('table');
    const allCheap = within(table).getByRole('row', { name: /All on cheap/ });
    const mixed = within(table).getByRole('row', { name: /Mixed/ });
    expect(within(mixed).getByText('Cheapest')).toBeInTheDocument();
    expect(within(allCheap).queryByText('Cheapest')).not.toBeInTheDocument();
    expect(within(allCheap).getByText(/below bar/)).toBeInTheDocument();
    // Folded: "Cheapest: Mixed, $4,200 in Jan 2027, $50,400 12-month spend" ($4,200 × 12 = $50,400).
    await userEvent.setup().click(screen.getByRole('button', { name: 'Collapse to one line' }));
    expect(screen.getByTestId('summary-line')).toHaveTextContent(
      /^Cheapest: Mixed, \$4,200 in Jan 2027, \$50,400 12-month spend/,
    );
  });

  it('says what a strategy lets expire unused under the month its credits run out', () => {
    // The $10,000 pool now expires after 3 months. All on cheap draws 3 × $1,200 = $3,600 of it: $6,400
    // expires. All on dear draws $4,500 + $4,500 + $1,000 and leaves nothing to expire.
    const scenario = makeSmallScenario();
    renderWithScenario(<SummaryPanel />, {
      ...scenario,
      credits: [{ ...scenario.credits![0]!, expiresAfterMonths: 3 }],
    });
    const cheap = screen.getByRole('row', { name: /All on cheap/ });
    expect(within(cheap).getByTestId('summary-credits-expired')).toHaveTextContent(
      /^\$6,400 expire unused in Pool$/,
    );
    const dear = screen.getByRole('row', { name: /All on dear/ });
    expect(within(dear).queryByTestId('summary-credits-expired')).not.toBeInTheDocument();
  });

  it('says which credits expire, and when none of them covers the strategy’s spend, that they could not help', () => {
    // As above, plus $5,000 for "gcp" only, expiring after 2 months: no strategy spends on gcp, so it all expires.
    // All on cheap: $6,400 + $5,000 = $11,400 in both pools. All on dear: its $10,000 pool is spent, so only the
    // gcp pool's $5,000 expires, and it covers nothing All on dear spends on.
    const scenario = makeSmallScenario();
    renderWithScenario(<SummaryPanel />, {
      ...scenario,
      credits: [
        { ...scenario.credits![0]!, expiresAfterMonths: 3 },
        { id: 'gcp', name: 'Elsewhere', amount: 5_000, appliesTo: ['gcp'], expiresAfterMonths: 2 },
      ],
    });
    const cheap = screen.getByRole('row', { name: /All on cheap/ });
    expect(within(cheap).getByTestId('summary-credits-expired')).toHaveTextContent(
      /^\$11,400 expire unused in Pool and Elsewhere$/,
    );
    const dear = screen.getByRole('row', { name: /All on dear/ });
    expect(within(dear).getByTestId('summary-credits-expired')).toHaveTextContent(
      /^\$5,000 expire unused in Elsewhere, which covers none of its spend$/,
    );
  });

  it('labels months from the start month and gives credits-exhausted month and runway', () => {
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    // Cheap: $10,000 of credits pay $1,200/month for 8 months (9,600), month 9 (Sep 2027) needs cash.
    const cheap = screen.getByRole('row', { name: /All on cheap/ });
    expect(within(cheap).getByTestId('summary-credits-end')).toHaveTextContent('Sep 2027');
    // Cash ends month t at 100,000 − 10,000·(t+1) − AI paid in cash. Cheap pays $800 in cash in month 8
    // (credits have $400 left), $1,200 from month 9: month 8 ends at 9,200, month 9 at −2,000 → 9 months.
    expect(within(cheap).getByTestId('summary-runway')).toHaveTextContent(
      '9 months (cash runs out in Oct 2027)',
    );
    // Dear: credits pay months 0–1 and $1,000 of month 2; month 2 ends at 66,500, then −14,500 a month:
    // 52,000, 37,500, 23,000, 8,500, −6,000 in month 7 → 7 months.
    const dear = screen.getByRole('row', { name: /All on dear/ });
    expect(within(dear).getByTestId('summary-credits-end')).toHaveTextContent('Mar 2027');
    expect(within(dear).getByTestId('summary-runway')).toHaveTextContent(
      '7 months (cash runs out in Aug 2027)',
    );
  });

  it('links the period and currency it states to the scenario settings', () => {
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    expect(screen.getByRole('link', { name: 'Change the period or currency' })).toHaveAttribute(
      'href',
      '#strategies?settings',
    );
  });

  it('focuses the strategy a user selects', async () => {
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    await userEvent.click(screen.getByRole('button', { name: 'All on dear' }));
    expect(usePlannerStore.getState().focusStrategyId).toBe('all-dear');
    expect(screen.getByRole('button', { name: 'All on dear' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('SummaryPanel: nothing priced silently', () => {
  it('flags a strategy whose prompts do not fit its model’s window, though it still shows its cost', () => {
    const scenario = makeSmallScenario();
    renderWithScenario(<SummaryPanel />, {
      ...scenario,
      catalog: scenario.catalog.map((model) => ({ ...model, contextWindow: 200_000 })),
      traffic: scenario.traffic.map((slice) => ({ ...slice, inputTokens: 300_000, cachedPrefixTokens: 0 })),
    });
    const dear = screen.getByRole('row', { name: /All on dear/ });
    expect(within(dear).getByText('1 over context window')).toBeInTheDocument();
    expect(within(dear).getByTestId('summary-first-year')).toBeInTheDocument();
  });

  it('collapses to one line naming the cheapest strategy, and opens again', async () => {
    const user = userEvent.setup();
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    const collapse = screen.getByRole('button', { name: 'Collapse to one line' });
    expect(collapse).toHaveAttribute('aria-expanded', 'true');
    await user.click(collapse);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // All on cheap: $1,200 in Jan 2027, $14,400 over 12 months, cash for 9 months (see above).
    expect(screen.getByTestId('summary-line')).toHaveTextContent(
      'Cheapest: All on cheap, $1,200 in Jan 2027, $14,400 12-month spend; cash runway 9 months (cash runs out in Oct 2027)',
    );
    const open = screen.getByRole('button', { name: 'Show summary table' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await user.click(open);
    expect(screen.getByRole('table')).toBeInTheDocument();
  });

  it('starts folded on a phone until the user opens it, and the choice is saved', async () => {
    // jsdom has no matchMedia: a phone's, for this test.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(max-width: 700px)',
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    try {
      const user = userEvent.setup();
      renderWithScenario(<SummaryPanel />, makeSmallScenario());
      expect(usePlannerStore.getState().isSummaryCollapsed).toBeNull();
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      expect(screen.getByTestId('summary-line')).toHaveTextContent(/^Cheapest: All on cheap/);
      expect(readSavedUi(usePlannerStore.getState())).not.toHaveProperty('summaryCollapsed');
      await user.click(screen.getByRole('button', { name: 'Show summary table' }));
      expect(screen.getByRole('table')).toBeInTheDocument();
      // Chosen: open stays open on this phone next time.
      expect(readSavedUi(usePlannerStore.getState())).toMatchObject({ summaryCollapsed: false });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hides a strategy from the summary and shows it again', async () => {
    const user = userEvent.setup();
    renderWithScenario(<SummaryPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Hide All on dear from the summary and charts' }));
    expect(screen.queryByRole('row', { name: /All on dear/ })).not.toBeInTheDocument();
    const cheap = screen.getByRole('row', { name: /All on cheap/ });
    expect(usePlannerStore.getState().hiddenStrategyIds).toEqual(['all-dear']);
    // With the dearest hidden, all on cheap is the dearest shown: it saves nothing against itself ("—"), where
    // it saved $54,000 − $14,400 = $39,600 against all on dear.
    expect(within(cheap).getByTestId('summary-savings')).toHaveTextContent('—');
    await user.click(screen.getByRole('button', { name: 'Show All on dear again' }));
    expect(screen.getByRole('row', { name: /All on dear/ })).toBeInTheDocument();
    expect(
      within(screen.getByRole('row', { name: /All on cheap/ })).getByTestId('summary-savings'),
    ).toHaveTextContent('$39,600');
    expect(usePlannerStore.getState().hiddenStrategyIds).toEqual([]);
  });
});
