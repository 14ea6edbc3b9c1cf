import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { RunwayPanel } from '../../src/features/runway/runway-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';
import { fieldMessage } from './field-message';

// One template with round figures, so the hand calculations below do not depend on the shipped file.
vi.mock('../../data/credit-pools.json', () => ({
  default: [
    {
      pool: {
        id: 'bedrock-poc',
        name: 'Bedrock POC',
        amount: 25_000,
        startMonth: 0,
        expiresAfterMonths: 12,
        appliesTo: ['bedrock'],
      },
      minAmount: 10_000,
      maxAmount: 50_000,
      howObtained: 'partner-filed',
      source: { label: 'test', asOf: '2026' },
    },
  ],
}));

function getBurnDownTable(strategyName: string) {
  return screen.getByRole('table', { name: `Credits and cash: ${strategyName}: data` });
}

function getPool(name: string) {
  return screen.getByRole('group', { name });
}

/** The small scenario plus a model on Mistral's own API ($2 in / $6 out) and a strategy that uses it. */
function makeDirectApiScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    catalog: [
      ...scenario.catalog,
      {
        id: 'direct',
        name: 'Direct model',
        provider: 'Mistral AI',
        platform: 'mistral',
        pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 6 },
      },
    ],
    strategies: [
      ...scenario.strategies,
      { id: 'direct-api', name: 'Direct API', kind: 'single', model: 'direct' },
    ],
  };
}

describe('RunwayPanel', () => {
  it('gives the headline figures for the focused strategy', () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    // Focus defaults to the cheapest, All on cheap ($1,200 a month). The $10,000 pool pays months 0–7
    // ($9,600) and $400 of month 8; $800 of month 8 and $1,200 in each of months 9–11 come from cash:
    // $4,400. Cash ends month t at 100,000 − 10,000·(t+1) − AI paid in cash: 9,200 in month 8, −2,000 in 9.
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('Sep 2027');
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('9 months');
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('cash runs out in Oct 2027');
    expect(screen.getByTestId('runway-credits-used')).toHaveTextContent('$10,000');
    expect(screen.getByTestId('runway-credits-expired')).toHaveTextContent('$0');
    expect(screen.getByTestId('runway-cash-ai')).toHaveTextContent('$4,400');
  });

  it('says plainly when cash is already below zero at the end of the first month', () => {
    const scenario = makeSmallScenario();
    scenario.finance = { cashOnHand: 5_000, otherMonthlyBurn: 10_000 };
    renderWithScenario(<RunwayPanel />, scenario);
    // Jan 2027 closes at 5,000 − 10,000 = −5,000 (the pool pays the AI): no whole month of runway.
    const runway = screen.getByTestId('runway-cash');
    expect(runway).toHaveTextContent(/^Less than a month/);
    expect(runway).toHaveTextContent('cash runs out in the first month (Jan 2027)');
    expect(runway).not.toHaveTextContent('0 months');
    expect(screen.getByRole('status', { name: 'Cash runs out soon' })).toHaveTextContent(
      'Cash runs out in the first month with All on cheap (Jan 2027).The first month already closes below zero',
    );
  });

  it('tabulates pool balances, credits drawn and cash behind the burn-down chart', () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    const table = getBurnDownTable('All on cheap');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'Pool balance', 'Credits drawn', 'AI paid in cash', 'Cash at month end']);
    // Mar 2027 (month 2): 10,000 − 3 · 1,200 = $6,400 left; cash 100,000 − 3 · 10,000 = $70,000.
    expect(readRow(table, 'Mar 2027')).toEqual(['$6,400', '$1,200', '$0', '$70,000']);
    // Sep 2027 (month 8): the last $400 of credits, $800 from cash; cash 100,000 − 90,000 − 800 = $9,200.
    expect(readRow(table, 'Sep 2027')).toEqual(['$0', '$400', '$800', '$9,200']);
  });

  it('follows the strategy select', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Strategy' }), 'All on dear');
    expect(usePlannerStore.getState().focusStrategyId).toBe('all-dear');
    // Dear, $4,500 a month: $10,000 pays months 0–1 and $1,000 of month 2 (Mar 2027).
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('Mar 2027');
    expect(getBurnDownTable('All on dear')).toBeInTheDocument();
  });

  it('adds a pool from a template, which moves the month credits run out later', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Strategy' }), 'All on dear');
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('Mar 2027');

    expect(await screen.findByTestId('template-range-bedrock-poc')).toHaveTextContent('$10K–$50K');
    expect(screen.getByText('Covers bedrock spend only')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Add Bedrock POC' }));

    expect(usePlannerStore.getState().scenario?.credits.map((pool) => pool.id)).toEqual([
      'pool',
      'bedrock-poc',
    ]);
    // The POC ends first (month 12), so it is drawn first; together $35,000 pay $4,500 a month for months 0–6
    // ($31,500) and $3,500 of month 7: cash pays in Aug 2027.
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('Aug 2027');
    expect(getPool('Bedrock POC')).toBeInTheDocument();
    // A programme's pool takes the keyboard at its amount: the programme's figure is typical, the award is yours.
    await waitFor(() => expect(within(getPool('Bedrock POC')).getByLabelText(/^Amount/)).toHaveFocus());
  });

  it('warns about credits that expire unused: how much, which pool, when', () => {
    const scenario = makeSmallScenario();
    scenario.credits = [
      { id: 'pool', name: 'Pool', amount: 10_000, expiresAfterMonths: 3, appliesTo: ['bedrock'] },
    ];
    renderWithScenario(<RunwayPanel />, scenario);
    // Cheap draws 3 · $1,200 = $3,600 in Jan–Mar 2027; $6,400 expires at the end of Mar 2027.
    const warning = screen.getByTestId('warning-expired');
    expect(warning).toHaveAttribute('role', 'status');
    expect(warning).toHaveTextContent('$6,400 of credits expire unused with All on cheap.');
    expect(warning).toHaveTextContent('Pool: $6,400 left at the end of Mar 2027');
    expect(screen.getByTestId('runway-credits-expired')).toHaveTextContent('$6,400');
  });

  it('warns when cash runs out within six months and when a pool starts after it', () => {
    const scenario = makeSmallScenario();
    scenario.finance = { cashOnHand: 50_000, otherMonthlyBurn: 10_000 };
    scenario.credits = [
      ...(scenario.credits ?? []),
      { id: 'early', name: 'Early top-up', amount: 1_000, startMonth: 3, appliesTo: ['bedrock'] },
      { id: 'late', name: 'Late grant', amount: 1_000, startMonth: 5, appliesTo: ['bedrock'] },
    ];
    renderWithScenario(<RunwayPanel />, scenario);
    // All on cheap: the first pool pays its $1,200 a month through month 7, so cash falls by the $10,000 burn:
    // 40,000, 30,000, 20,000, 10,000, 0, then −10,000 in month 5 (Jun 2027): out within six months.
    const cashSoon = screen.getByRole('status', { name: 'Cash runs out soon' });
    expect(cashSoon).toHaveTextContent('Cash runs out in 5 months with All on cheap (out in Jun 2027).');
    expect(cashSoon).toHaveClass('notice--warn');
    // The late grant starts in month 5, when cash is already gone; the top-up in month 3 is in time.
    const late = screen.getByRole('status', { name: 'Credits that start after cash runs out' });
    expect(late).toHaveTextContent(
      'A credit pool starts in or after the month cash runs out (Jun 2027) with All on cheap.',
    );
    expect(
      within(late)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Late grant: starts Jun 2027']);
  });

  it('shows neither warning when cash lasts beyond six months', () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    // Cash runs out in month 9 (see the headline test) and the only pool starts in month 0.
    expect(screen.queryByRole('status', { name: 'Cash runs out soon' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('status', { name: 'Credits that start after cash runs out' }),
    ).not.toBeInTheDocument();
  });

  it('warns about AI spend on a platform no pool covers, paid in cash', async () => {
    renderWithScenario(<RunwayPanel />, makeDirectApiScenario());
    expect(screen.queryByTestId('warning-uncovered')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Strategy' }), 'Direct API');
    // 1,000 · 2e-6 + 100 · 6e-6 = $0.0026 a request, $2,600 a month, $31,200 over 12 months, all on mistral.
    const warning = screen.getByTestId('warning-uncovered');
    expect(warning).toHaveAttribute('role', 'status');
    expect(warning).toHaveTextContent('$31,200 of AI spend over 12 months is paid in cash');
    expect(warning).toHaveTextContent('no credit pool covers mistral ($31,200)');
    // The bedrock pool is never needed, so credits do not "run out".
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('Beyond Dec 2027');
    expect(screen.getByTestId('runway-cash-ai')).toHaveTextContent('$31,200');
  });

  it('changes the runway when finances change', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('9 months');

    const cash = screen.getByLabelText('Cash on hand');
    await userEvent.clear(cash);
    await userEvent.type(cash, '50000');
    expect(usePlannerStore.getState().scenario?.finance.cashOnHand).toBe(50_000);
    // 50,000 − 10,000 · (t + 1): month 4 ends at 0 (not below), month 5 at −10,000 → 5 months, out in Jun 2027.
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('5 months');
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('cash runs out in Jun 2027');

    const revenue = screen.getByLabelText('Monthly revenue');
    await userEvent.clear(revenue);
    await userEvent.type(revenue, '12000');
    // Revenue $12,000 beats the $10,000 burn; the $4,400 of AI paid in cash never takes 50,000 below 0.
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('Beyond 12 months');

    const growth = screen.getByLabelText('Revenue growth');
    await userEvent.clear(growth);
    await userEvent.type(growth, '5');
    expect(usePlannerStore.getState().scenario?.finance.revenueGrowth).toBeCloseTo(0.05, 12);
  });

  it('shows a message for invalid input and keeps the scenario unchanged', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    const pool = getPool('Pool');

    const amount = within(pool).getByLabelText('Amount');
    await userEvent.clear(amount);
    await userEvent.type(amount, '-5');
    expect(within(pool).getByRole('alert')).toHaveTextContent('Amount must be 0 or more');
    expect(usePlannerStore.getState().scenario?.credits[0]?.amount).toBe(10_000);

    const expiry = within(pool).getByRole('checkbox', { name: 'Never expires' });
    await userEvent.click(expiry);
    expect(usePlannerStore.getState().scenario?.credits[0]?.expiresAfterMonths).toBe(12);
    const months = within(pool).getByLabelText('Expires after');
    await userEvent.clear(months);
    await userEvent.type(months, '0');
    expect(within(pool).getByText(fieldMessage('Expires after must be 1 or more'))).toBeVisible();
    expect(usePlannerStore.getState().scenario?.credits[0]?.expiresAfterMonths).toBe(12);

    await userEvent.click(within(pool).getByRole('checkbox', { name: 'bedrock' }));
    expect(
      within(pool).getByText(/Eligible platforms was not applied: .*must name at least one platform/),
    ).toBeVisible();
    expect(usePlannerStore.getState().scenario?.credits[0]?.appliesTo).toEqual(['bedrock']);

    const growth = screen.getByLabelText('Revenue growth');
    await userEvent.clear(growth);
    // Pasted at once: typed key by key, "-1" and "-15" would be valid growth rates on the way.
    await userEvent.paste('-150');
    expect(screen.getByText(fieldMessage('Revenue growth must be greater than −100 %'))).toBeVisible();
    expect(usePlannerStore.getState().scenario?.finance.revenueGrowth).toBe(0);
  });

  it('edits a pool: platforms, start month, name', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    const pool = getPool('Pool');
    await userEvent.click(within(pool).getByRole('checkbox', { name: 'All platforms (*)' }));
    expect(usePlannerStore.getState().scenario?.credits[0]?.appliesTo).toEqual(['bedrock', '*']);

    await userEvent.selectOptions(within(pool).getByLabelText('Starts'), 'Mar 2027');
    expect(usePlannerStore.getState().scenario?.credits[0]?.startMonth).toBe(2);
    // Before it starts the pool holds its amount but the table says when it starts.
    expect(readRow(getBurnDownTable('All on cheap'), 'Jan 2027')[0]).toBe('starts Mar 2027');

    await userEvent.type(within(pool).getByLabelText('Name'), ' A');
    expect(usePlannerStore.getState().scenario?.credits[0]?.name).toBe('Pool A');
    expect(getPool('Pool A')).toBeInTheDocument();
  });

  it('adds a custom pool, removes a pool and undoes the removal', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    await userEvent.click(screen.getByRole('button', { name: 'Add a custom pool' }));
    expect(usePlannerStore.getState().scenario?.credits.map((p) => p.name)).toEqual(['Pool', 'Custom pool']);
    // The new pool's name takes the keyboard, selected: what is typed replaces "Custom pool".
    const name = within(getPool('Custom pool')).getByLabelText('Name');
    await waitFor(() => expect(name).toHaveFocus());
    expect([(name as HTMLInputElement).selectionStart, (name as HTMLInputElement).selectionEnd]).toEqual([
      0,
      'Custom pool'.length,
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Pool' }));
    expect(usePlannerStore.getState().scenario?.credits.map((p) => p.name)).toEqual(['Custom pool']);
    const status = screen.getByText('Removed Pool.').closest('[role="status"]') as HTMLElement;
    await userEvent.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(usePlannerStore.getState().scenario?.credits.map((p) => p.name)).toEqual(['Pool', 'Custom pool']);
    expect(screen.queryByText('Removed Pool.')).not.toBeInTheDocument();
  });

  it('says when there are no pools', async () => {
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    await userEvent.click(screen.getByRole('button', { name: 'Remove Pool' }));
    expect(screen.getByTestId('runway-credits-end')).toHaveTextContent('No credit pools');
    // With no pool, all of cheap's $14,400 is paid in cash on bedrock.
    expect(screen.getByTestId('warning-uncovered')).toHaveTextContent(
      'no credit pool covers bedrock ($14,400)',
    );
  });
});
