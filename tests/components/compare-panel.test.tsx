import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { planScenario } from '../../src/domain/plan-scenario';
import { ComparePanel } from '../../src/features/compare/compare-panel';
import { buildSpendSeries } from '../../src/features/compare/compare-series';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';
import { makeTwoSliceScenario as makeBarScenario } from '../factories/two-slice-scenario';

/** The table behind a chart, found by its caption ("<title>: data"). */
function getChartTable(title: string | RegExp) {
  const name = typeof title === 'string' ? `${title}: data` : title;
  return screen.getByRole('table', { name });
}

/** The small scenario plus a second slice: 100,000 requests of 500 input + 50 output tokens. */
function makeTwoSliceScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    traffic: [
      ...scenario.traffic,
      { id: 'side', name: 'Side traffic', requestsPerMonth: 100_000, inputTokens: 500, outputTokens: 50 },
    ],
  };
}

describe('ComparePanel', () => {
  it('tabulates monthly spend per strategy, months labelled from the start month', () => {
    const scenario = makeSmallScenario();
    scenario.traffic[0] = { ...scenario.traffic[0]!, monthlyGrowth: 0.1 };
    renderWithScenario(<ComparePanel />, scenario);
    const table = getChartTable('Monthly spend per strategy');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'All on dear', 'All on cheap']);
    // Mar 2027 is month 2: 1,000,000 · 1.1² = 1,210,000 requests.
    // Dear: 1,210,000 · $0.0045 = $5,445; cheap: 1,210,000 · $0.0012 = $1,452.
    expect(readRow(table, 'Mar 2027')).toEqual(['$5,445', '$1,452']);
    expect(readRow(table, 'Jan 2027')).toEqual(['$4,500', '$1,200']);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 12);
  });

  it('leaves a hidden strategy out of the spend chart and its table, keeping the others’ colours', () => {
    renderWithScenario(<ComparePanel />, makeSmallScenario());
    act(() => usePlannerStore.getState().setStrategyHidden('all-dear', true));
    const table = getChartTable('Monthly spend per strategy');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'All on cheap']);
    // The words describe the line drawn (1,000,000 × (1,000 × $1/M + 100 × $2/M) = $1,200 a month, $14,400 a
    // year), naming the hidden strategy only as hidden.
    expect(
      screen.getByText(
        'All on cheap costs least over the first 12 months ($14,400). Monthly spend goes from $1,200 in Jan 2027 ' +
          'to $1,200 in Dec 2027. Hidden from this chart (show them again in the Summary): All on dear.',
      ),
    ).toBeInTheDocument();
    // All on cheap keeps the second colour and line style, as when both are shown.
    const plan = planScenario(makeSmallScenario());
    if (!plan.ok) throw new Error('the small scenario plans');
    const series = buildSpendSeries(plan.value.result, null, new Set(['all-dear']));
    expect(series.map((s) => [s.name, s.colorIndex])).toEqual([['All on cheap', 1]]);
  });

  it('still crowns the cheapest strategy when it is hidden from the chart, then names the cheapest shown', () => {
    renderWithScenario(<ComparePanel />, makeSmallScenario());
    act(() => usePlannerStore.getState().setStrategyHidden('all-cheap', true));
    // The Summary crowns All on cheap ($14,400); the chart draws All on dear alone: 1,000,000 × (1,000 × $3/M +
    // 100 × $15/M) = $4,500 a month, $54,000 a year. The words must not crown All on dear.
    expect(
      screen.getByText(
        'All on cheap (hidden from this chart) costs least over the first 12 months ($14,400). Of the ' +
          'strategies shown, All on dear costs least ($54,000). Monthly spend of All on dear goes from $4,500 in ' +
          'Jan 2027 to $4,500 in Dec 2027. Hidden from this chart (show them again in the Summary): All on cheap.',
      ),
    ).toBeInTheDocument();
  });

  it('words the cheapest shown as the crown is worded when a cheaper one shown breaks a bar', () => {
    // Two-slice figures (see the factory): All on cheap $1,900 a month but misses Hard's bar, Mixed $4,200 (the
    // crown), All on dear 1,000,000 × $0.0045 + 250,000 × $0.012 = $7,500 a month, $90,000 a year.
    const scenario = makeBarScenario();
    scenario.strategies = [
      ...scenario.strategies,
      { id: 'all-dear', name: 'All on dear', kind: 'single', model: 'dear' },
    ];
    renderWithScenario(<ComparePanel />, scenario);
    act(() => usePlannerStore.getState().setStrategyHidden('mixed', true));
    expect(
      screen.getByText(
        new RegExp(
          '^Mixed \\(hidden from this chart\\) costs least over the first 12 months of the strategies that meet ' +
            'every quality bar and limit \\(\\$50,400\\); All on cheap costs less \\(\\$22,800\\) but breaks a bar or ' +
            'limit\\. Of the strategies shown that meet every quality bar and limit, All on dear costs least ' +
            '\\(\\$90,000\\); All on cheap costs less \\(\\$22,800\\) but breaks a bar or limit\\.',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('names the cheapest strategy in the chart summary', () => {
    renderWithScenario(<ComparePanel />, makeSmallScenario());
    // Cheap: 12 · $1,200 = $14,400 in the first year.
    expect(screen.getByText(/All on cheap costs least over the first 12 months \(\$14,400\)/)).toBeVisible();
  });

  it('names first the cheapest strategy meeting every bar, then a cheaper one that misses a bar, as such', () => {
    // The two-slice factory's scenario: the hard slice has a bar of 80, which the cheap model (50) misses.
    renderWithScenario(<ComparePanel />, makeBarScenario());
    // Mixed: $4,200 × 12 = $50,400; all on cheap: $1,900 × 12 = $22,800, the hard slice's bar missed.
    expect(screen.getByText(/^Mixed costs least/)).toHaveTextContent(
      'Mixed costs least over the first 12 months of the strategies that meet every quality bar and limit ' +
        '($50,400); All on cheap costs less ($22,800) but breaks a bar or limit.',
    );
  });

  it('splits the focused strategy by slice or by model, and follows the strategy select', async () => {
    renderWithScenario(<ComparePanel />, makeTwoSliceScenario());
    // Focus defaults to the cheapest. Side on cheap: 500·1e-6 + 50·2e-6 = $0.0006 · 100,000 = $60 a month.
    let table = getChartTable('All on cheap: spend by slice');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'Main traffic', 'Side traffic', 'Total']);
    expect(readRow(table, 'Jan 2027')).toEqual(['$1,200', '$60.00', '$1,260']);

    await userEvent.click(screen.getByRole('button', { name: 'By model' }));
    table = getChartTable('All on cheap: spend by model');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'Cheap model', 'Total']);
    expect(readRow(table, 'Jan 2027')).toEqual(['$1,260', '$1,260']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Strategy' }), 'All on dear');
    expect(usePlannerStore.getState().focusStrategyId).toBe('all-dear');
    table = getChartTable('All on dear: spend by model');
    // Dear: $4,500 for main + 100,000 · (500·3e-6 + 50·15e-6) = $225 for side.
    expect(readRow(table, 'Jan 2027')).toEqual(['$4,725', '$4,725']);

    await userEvent.click(screen.getByRole('button', { name: 'By slice' }));
    table = getChartTable('All on dear: spend by slice');
    expect(readRow(table, 'Jan 2027')).toEqual(['$4,500', '$225', '$4,725']);
  });

  it('shows batch and caching savings, and explains negative caching savings', () => {
    const scenario = makeSmallScenario();
    scenario.catalog[0] = {
      ...scenario.catalog[0]!,
      pricing: {
        kind: 'per-token',
        inputPerMTok: 1,
        outputPerMTok: 2,
        cacheWritePerMTok: 1.25,
        cacheReadPerMTok: 0.1,
        batchDiscount: 0.5,
      },
    };
    scenario.traffic[0] = {
      ...scenario.traffic[0]!,
      cachedPrefixTokens: 800,
      cacheHitRate: 0.1,
      batchShare: 0.5,
    };
    renderWithScenario(<ComparePanel />, scenario);
    // One call on cheap: list = 1000·1e-6 + 100·2e-6 = $0.0012.
    // Cached input = 200·1e-6 + 800·(0.1·0.1e-6 + 0.9·1.25e-6) = $0.001108, + output $0.0002 = $0.001308:
    // caching saves 0.0012 − 0.001308 = −$0.000108 a call, −$108 a month, −$1,296 over 12 months.
    // Batch: 0.001308 · 0.5 · 0.5 = $0.000327 a call, $327 a month, $3,924 a year. Spend $981 a month, $11,772.
    expect(screen.getByTestId('savings-list')).toHaveTextContent('$14,400');
    // The tiles say the period they add up (the small scenario's whole plan, 12 months).
    expect(screen.getByTestId('savings-period')).toHaveTextContent(
      'Over the whole plan (Jan 2027 to Dec 2027, 12 months)',
    );
    expect(screen.getByText('Caching costs')).toBeVisible();
    expect(screen.getByTestId('savings-caching')).toHaveTextContent('$1,296');
    expect(screen.getByTestId('savings-batch')).toHaveTextContent('$3,924');
    expect(screen.getByTestId('savings-spend')).toHaveTextContent('$11,772');
    expect(screen.getByRole('status')).toHaveTextContent(
      /Caching costs All on cheap \$1,296 more than it saves/,
    );
    const table = getChartTable('Caching and batch savings per month');
    expect(readRow(table, 'Jan 2027')).toEqual(['$1,200', '−$108', '$327', '$981']);
  });

  it('totals every strategy: spend, savings, credits and cash', () => {
    renderWithScenario(<ComparePanel />, makeSmallScenario());
    const table = screen.getByRole('table', { name: /Totals per strategy/ });
    // Dear: $4,500 · 12 = $54,000, nothing saved; the $10,000 pool pays part, $44,000 from cash.
    expect(readRow(table, 'All on dear')).toEqual([
      '$54,000',
      '$54,000',
      '$54,000',
      '$0',
      '$0',
      '$10,000',
      '$0',
      '$44,000',
    ]);
    // Cheap: $1,200 · 12 = $14,400; $10,000 from credits, $4,400 from cash.
    const cheap = within(table).getByRole('rowheader', { name: /All on cheap/ });
    expect(cheap).toHaveTextContent('Cheapest');
    expect(readRow(table, /All on cheap/)).toEqual([
      '$14,400',
      '$14,400',
      '$14,400',
      '$0',
      '$0',
      '$10,000',
      '$0',
      '$4,400',
    ]);
  });
});

describe('ComparePanel: totals in full', () => {
  it('writes every total in full, a million and more too, so that a column reads figure against figure', () => {
    const small = makeSmallScenario();
    // 100 times the traffic: dear $450,000 a month, $5,400,000 over 12 months; cheap $1,440,000.
    renderWithScenario(<ComparePanel />, {
      ...small,
      traffic: small.traffic.map((slice) => ({ ...slice, requestsPerMonth: slice.requestsPerMonth * 100 })),
    });
    const table = screen.getByRole('table', { name: /Totals per strategy/ });
    expect(readRow(table, 'All on dear')[0]).toBe('$5,400,000');
    expect(readRow(table, /All on cheap/)[0]).toBe('$1,440,000');
  });
});

describe('ComparePanel: what a plan breaks, beside its totals', () => {
  it('flags a call too long for its model’s window beside the strategy’s totals', () => {
    const scenario = makeSmallScenario();
    // 300,000 + the slice's output tokens cannot fit a 200,000-token window: "All on cheap" is still priced.
    renderWithScenario(<ComparePanel />, {
      ...scenario,
      catalog: scenario.catalog.map((model) =>
        model.id === 'cheap' ? { ...model, contextWindow: 200_000 } : model,
      ),
      traffic: scenario.traffic.map((slice) => ({ ...slice, inputTokens: 300_000, cachedPrefixTokens: 0 })),
    });
    const badge = within(screen.getByTestId('compare-constraints-all-cheap')).getByText(
      '1 over context window',
    );
    expect(badge.getAttribute('title')).toMatch(
      /^Main traffic: a [\d,]+-token call does not fit Cheap model's 200,000-token window, on 100% of requests$/,
    );
    expect(screen.queryByTestId('compare-constraints-all-dear')).not.toBeInTheDocument();
  });
});
