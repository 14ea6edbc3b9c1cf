import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartFrame } from '../../src/charts/chart-frame';
import { moneyCell } from '../../src/charts/chart-table';
import { ScenarioSettings } from '../../src/features/strategies/scenario-settings';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

describe('Currency', () => {
  it('shows the summary in EUR at the rate typed, says so, and saves the rate with the scenario', async () => {
    const user = userEvent.setup();
    renderWithScenario(
      <>
        <SummaryPanel />
        <ScenarioSettings />
      </>,
      makeSmallScenario(),
    );
    expect(screen.getByTestId('money-display')).toHaveTextContent('Money in USD');
    await user.selectOptions(screen.getByLabelText('Show figures in'), 'EUR');
    // Chosen, the currency waits for its rate: every figure stays in USD meanwhile.
    expect(screen.getByText(/Figures stay in USD until you give the rate/)).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /All on dear/ })).getByText('$4,500')).toBeInTheDocument();
    expect(usePlannerStore.getState().scenario?.displayCurrency).toBeUndefined();
    const apply = screen.getByRole('button', { name: 'Show figures in EUR' });
    await user.click(apply);
    expect(screen.getByRole('alert')).toHaveTextContent('Exchange rate is needed: type the day’s rate first');
    await user.type(screen.getByLabelText('Exchange rate'), '0');
    await user.click(apply);
    expect(screen.getByRole('alert')).toHaveTextContent('Exchange rate must be more than 0');
    expect(usePlannerStore.getState().scenario?.displayCurrency).toBeUndefined();
    await user.clear(screen.getByLabelText('Exchange rate'));
    await user.type(screen.getByLabelText('Exchange rate'), '0.92');
    await user.click(apply);

    // All on dear: $4,500 a month × 0.92 = €4,140; $54,000 a year × 0.92 = €49,680.
    const dear = screen.getByRole('row', { name: /All on dear/ });
    expect(within(dear).getByText('€4,140')).toBeInTheDocument();
    expect(within(dear).getByText('€49,680')).toBeInTheDocument();
    expect(screen.getByTestId('money-display')).toHaveTextContent(
      /Money in EUR at 0\.92 per USD, set \d{4}-\d\d-\d\d/,
    );
    const saved = usePlannerStore.getState().scenario?.displayCurrency;
    expect(saved?.currency).toBe('EUR');
    expect(saved?.perUsd).toBe(0.92);

    // Once in EUR, the rate is edited in place: a rate of 0 is refused next to the field and leaves the last
    // good one.
    const rate = screen.getByLabelText('Exchange rate');
    expect(rate).toHaveValue('0.92');
    fireEvent.change(rate, { target: { value: '0' } });
    expect(screen.getByText(/must be more than 0/)).toBeInTheDocument();
    expect(usePlannerStore.getState().scenario?.displayCurrency?.perUsd).toBe(0.92);

    // Back to USD removes the field: the scenario is as it was.
    await user.selectOptions(screen.getByLabelText('Show figures in'), 'USD');
    expect(usePlannerStore.getState().scenario?.displayCurrency).toBeUndefined();
    expect(within(screen.getByRole('row', { name: /All on dear/ })).getByText('$4,500')).toBeInTheDocument();
  });

  it('leaves the figures as they were when choosing another currency is cancelled', async () => {
    const user = userEvent.setup();
    renderWithScenario(<ScenarioSettings />, {
      ...makeSmallScenario(),
      displayCurrency: { currency: 'EUR', perUsd: 0.92, setOn: '2026-12-01' },
    });
    // From EUR to GBP: the euro rate would be wrong for pounds, so GBP waits for its own.
    await user.selectOptions(screen.getByLabelText('Show figures in'), 'GBP');
    expect(screen.getByText(/Figures stay in EUR until you give the rate/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText('Show figures in')).toHaveValue('EUR');
    expect(usePlannerStore.getState().scenario?.displayCurrency).toEqual({
      currency: 'EUR',
      perUsd: 0.92,
      setOn: '2026-12-01',
    });
  });
});

describe('ChartFrame', () => {
  it('copies its table as tab-separated text and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const display = { currency: 'GBP' as const, perUsd: 0.79, setOn: '2026-12-02' };
    render(
      <ChartFrame
        title="Spend"
        summary="Spend per month."
        table={{ columns: ['Month', 'Spend'], rows: [['Jan 2027', moneyCell(12_345.5, display)]] }}
      >
        <div />
      </ChartFrame>,
    );
    // The table shows the rounded figure: 12,345.5 × 0.79 = £9,752.945 → £9,753.
    expect(screen.getByRole('cell', { name: '£9,753' })).toBeInTheDocument();
    // userEvent brings its own clipboard; a plain click reaches the page's.
    fireEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(await screen.findByText(/Copied the table \(2 columns, 1 row\)/)).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('Month\tSpend (GBP)\nJan 2027\t9752.945\n');
  });
});
