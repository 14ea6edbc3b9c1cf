import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { RunwayPanel } from '../../src/features/runway/runway-panel';
import { renderWithScenario } from '../factories/render-with-store';
import { readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';
import { reportElementSize } from './reported-size';

vi.mock('../../data/credit-pools.json', () => ({ default: [] }));

reportElementSize(676, 350);

/**
 * The small scenario with $10,000 of cash, $6,000 of revenue a month and no other burn, and two one-month costs
 * no pool covers (the pool pays bedrock only): $25,000 in Feb 2027 and $30,000 in Jul 2027.
 */
function makeTwiceShortScenario(): ScenarioInput {
  return {
    ...makeSmallScenario(),
    finance: { cashOnHand: 10_000, otherMonthlyBurn: 0, monthlyRevenue: 6_000 },
    fixedCosts: [
      { id: 'launch', name: 'Launch', platform: 'other', monthlyAmount: 25_000, startMonth: 1, endMonth: 2 },
      { id: 'audit', name: 'Audit', platform: 'other', monthlyAmount: 30_000, startMonth: 6, endMonth: 7 },
    ],
  };
}

describe('Credits and cash on the Credits and runway screen', () => {
  it('marks every month cash runs out, and says so, when it comes back above zero and runs out again', async () => {
    renderWithScenario(<RunwayPanel />, makeTwiceShortScenario());
    // All on cheap ($1,200 of AI a month, paid by the $10,000 pool until $400 of month 8): cash closes Jan at
    // 10,000 + 6,000 = 16,000; Feb at 16,000 + 6,000 − 25,000 = −3,000 (runs out); Mar 3,000, then +6,000 a month
    // to 21,000 in Jun; Jul 21,000 + 6,000 − 30,000 = −3,000 (runs out again); Aug 3,000. The pool's last $400
    // pays part of Sep's $1,200: Sep 3,000 + 6,000 − 800 = 8,200, then + 4,800 a month: Dec 22,600.
    const chart = screen.getByRole('figure', { name: 'Credits and cash: All on cheap' });
    expect(chart).toHaveTextContent(
      'Cash runs out in Feb 2027, comes back above zero and runs out again in Jul 2027; each month it runs out is marked. It is above zero again from Aug 2027 and ends the horizon at $22,600.',
    );
    const plot = await screen.findByRole('application', { name: /Credit balances and cash over 12 months/ });
    for (const marker of ['Cash runs out', 'Cash runs out again', 'Credits run out'])
      expect(within(plot).getByText(marker)).toBeInTheDocument();
    // The headline still gives the runway to the first time: 1 month.
    expect(screen.getByTestId('runway-cash')).toHaveTextContent('1 month');
  });

  it('tabulates cash above a million in full, to the dollar', () => {
    renderWithScenario(<RunwayPanel />, {
      ...makeSmallScenario(),
      finance: { cashOnHand: 2_000_000, otherMonthlyBurn: 40_648.25 },
    });
    const table = screen.getByRole('table', { name: 'Credits and cash: All on cheap: data' });
    // The pool pays All on cheap's $1,200 of AI in Jan and Feb: cash 2,000,000 − 40,648.25 = 1,959,351.75, then
    // 1,918,703.50, shown to the dollar (not "$1.96M" and "$1.92M", which hide the $40,648 between them).
    expect(readRow(table, 'Jan 2027')).toEqual(['$8,800', '$1,200', '$0', '$1,959,352']);
    expect(readRow(table, 'Feb 2027')).toEqual(['$7,600', '$1,200', '$0', '$1,918,704']);
  });
});
