import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { ComparePanel } from '../../src/features/compare/compare-panel';
import { RunwayPanel } from '../../src/features/runway/runway-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { readMoney, readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';
import { fieldMessage } from './field-message';

function readFixedCosts() {
  return usePlannerStore.getState().scenario?.fixedCosts ?? [];
}

/** The small scenario (cheap $1,200, dear $4,500 a month) plus a $300-a-month vector store on Bedrock. */
function makeFixedCostScenario(strategies: string[] | null = null): ScenarioInput {
  return {
    ...makeSmallScenario(),
    schemaVersion: 3,
    fixedCosts: [
      { id: 'vectors', name: 'Vector store', platform: 'bedrock', monthlyAmount: 300, strategies },
    ],
  };
}

describe('Fixed costs editor (Credits and runway)', () => {
  it('adds a fixed cost and edits its platform, amount, window, growth and payers', async () => {
    const user = userEvent.setup();
    renderWithScenario(<RunwayPanel />, makeSmallScenario());
    expect(screen.getByText(/No fixed costs/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a fixed cost' }));
    expect(readFixedCosts()).toHaveLength(1);
    const row = screen.getByRole('group', { name: 'Fixed cost' });

    const name = within(row).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Knowledge Bases');
    const renamed = screen.getByRole('group', { name: 'Knowledge Bases' });

    const amount = within(renamed).getByLabelText('Monthly amount');
    await user.clear(amount);
    await user.type(amount, '-1');
    expect(within(renamed).getByText(fieldMessage('Monthly amount must be 0 or more'))).toBeInTheDocument();
    expect(amount).toHaveValue('-1');
    await user.clear(amount);
    await user.type(amount, '250');
    const growth = within(renamed).getByLabelText('Monthly growth');
    await user.clear(growth);
    await user.type(growth, '5');
    await user.selectOptions(within(renamed).getByRole('combobox', { name: 'First month' }), 'Mar 2027');
    await user.selectOptions(within(renamed).getByRole('combobox', { name: 'Last month' }), 'Aug 2027');
    expect(readFixedCosts()[0]).toMatchObject({
      name: 'Knowledge Bases',
      platform: 'bedrock',
      monthlyAmount: 250,
      monthlyGrowth: 0.05,
      startMonth: 2,
      endMonth: 8,
      strategies: null,
    });
    // A first month after the last one moves the last month with it: Oct 2027 to Oct 2027, one month.
    await user.selectOptions(within(renamed).getByRole('combobox', { name: 'First month' }), 'Oct 2027');
    expect(readFixedCosts()[0]).toMatchObject({ startMonth: 9, endMonth: 10 });
    expect(within(renamed).getByRole('combobox', { name: 'Last month' })).toHaveDisplayValue('Oct 2027');
    await user.selectOptions(within(renamed).getByRole('combobox', { name: 'First month' }), 'Mar 2027');
    await user.selectOptions(within(renamed).getByRole('combobox', { name: 'Last month' }), 'Aug 2027');

    await user.click(within(renamed).getByRole('checkbox', { name: 'Every strategy' }));
    await user.click(within(renamed).getByRole('checkbox', { name: 'All on dear' }));
    expect(readFixedCosts()[0]?.strategies).toEqual(['all-cheap']);

    await user.click(within(renamed).getByRole('button', { name: 'Remove Knowledge Bases' }));
    expect(readFixedCosts()).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(readFixedCosts()).toHaveLength(1);
  });

  it('shows the month’s fixed costs in the runway table', () => {
    renderWithScenario(<RunwayPanel />, makeFixedCostScenario());
    const table = screen.getByRole('table', { name: /Credits and cash: .*: data/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toContain('of which fixed costs');
    // All on cheap (the focus): $1,200 of tokens + $300 of vector store.
    expect(readRow(table, 'Jan 2027').slice(-5, -3)).toEqual(['$1,500', '$300']);
  });
});

describe('Fixed costs on the Compare screen', () => {
  it('stack apart from slices in the breakdown and have a column in the totals, for the strategies that pay them', () => {
    renderWithScenario(<ComparePanel />, makeFixedCostScenario(['all-cheap']));
    const breakdown = screen.getByRole('table', { name: 'All on cheap: spend by slice: data' });
    // $1,200 of main traffic + $300 of vector store = $1,500.
    expect(readRow(breakdown, 'Jan 2027')).toEqual(['$1,200', '$300', '$1,500']);
    // 12 months × $300 for all-cheap; all-dear does not pay it.
    expect(readMoney('compare-fixed-costs-all-cheap')).toBeCloseTo(3600, 6);
    expect(readMoney('compare-fixed-costs-all-dear')).toBe(0);
  });
});
