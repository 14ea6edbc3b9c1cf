import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { UncertaintyPanel } from '../../src/features/uncertainty/uncertainty-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

/**
 * The small scenario (one slice of 1,000,000 requests a month: $1,200 a month on "cheap", $4,500 on "dear"; a
 * $10,000 bedrock pool; $100,000 cash, $10,000 other burn) with requests given as a range.
 */
function makeRangedScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    schemaVersion: 2,
    traffic: [
      {
        ...scenario.traffic[0]!,
        requestsPerMonth: { low: 500_000, likely: 1_000_000, high: 2_000_000 },
      } as unknown as ScenarioInput['traffic'][number],
    ],
  };
}

function getPercentileTable() {
  return screen.getByRole('table', { name: /^Percentiles by strategy/ });
}

/** The cells of a strategy's row in the percentile table. */
function readPercentileRow(name: string): string[] {
  const row = within(getPercentileTable()).getByRole('rowheader', { name }).closest('tr')!;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

async function waitForResult(samples = '2,000') {
  await screen.findByText(`${samples} samples, seed 1.`);
}

describe('UncertaintyPanel: Monte Carlo', () => {
  it('says plainly when no input has a range, and shows the point estimate at every percentile', async () => {
    renderWithScenario(<UncertaintyPanel />, makeSmallScenario());
    expect(screen.getByText(/No input has a range yet/)).toBeInTheDocument();
    expect(screen.getByText(/"low": 1500000, "likely": 2000000, "high": 3000000/)).toBeInTheDocument();
    // While it runs, a status says so.
    expect(screen.getAllByRole('status').some((s) => /Running/.test(s.textContent ?? ''))).toBe(true);
    await waitForResult();
    // All on cheap, every sample the same: 12 × $1,200 = $14,400; the $10,000 pool pays months 0–7 and runs
    // out in month 8 (Sep 2027); cash: 100,000 − 9 × 10,000 − $800 = $9,200 after month 8, below zero in
    // month 9 (Oct 2027), a runway of 9 months.
    expect(readPercentileRow('All on cheap')).toEqual([
      '$14,400',
      '$14,400',
      '$14,400',
      'Sep 2027',
      'Sep 2027',
      'Sep 2027',
      'Oct 2027 9 months',
      'Oct 2027 9 months',
      'Oct 2027 9 months',
    ]);
    // All on dear: 12 × $4,500 = $54,000; the pool pays months 0–1 and runs out in month 2 (Mar 2027).
    expect(readPercentileRow('All on dear').slice(0, 4)).toEqual([
      '$54,000',
      '$54,000',
      '$54,000',
      'Mar 2027',
    ]);
  });

  it('lists the inputs with a range, and spreads the figures', async () => {
    renderWithScenario(<UncertaintyPanel />, makeRangedScenario());
    const inputs = screen.getByRole('table', { name: 'Inputs with a range' });
    const row = within(inputs).getByRole('rowheader', { name: 'Main traffic · requests per month' });
    expect(
      within(row.closest('tr')!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['500,000', '1,000,000', '2,000,000']);
    await waitForResult();
    // Spend is proportional to requests, which range from 0.5M to 2M: the 12-month spend of All on cheap
    // lies between 12 × $600 = $7,200 and 12 × $2,400 = $28,800, and its P10 < P50 < P90.
    const [p10, p50, p90] = screen
      .getAllByTestId(/^mc-spend-p(10|50|90)-1$/)
      .map((cell) => Number(cell.querySelector('[data-value]')!.getAttribute('data-value')));
    expect(p10).toBeGreaterThan(7_200);
    expect(p10).toBeLessThan(p50!);
    expect(p50).toBeLessThan(p90!);
    expect(p90).toBeLessThan(28_800);
  });

  it('reruns with the samples and seed typed, and the same seed gives the same figures', async () => {
    renderWithScenario(<UncertaintyPanel />, makeRangedScenario());
    await waitForResult();
    const readP50 = () => screen.getByTestId('mc-spend-p50-1').textContent;
    const first = readP50();

    const samples = screen.getByTestId('monte-carlo-samples');
    await userEvent.clear(samples);
    await userEvent.type(samples, '500');
    await screen.findByText('500 samples, seed 1.');

    const seed = screen.getByTestId('monte-carlo-seed');
    await userEvent.clear(seed);
    await userEvent.type(seed, '2');
    await screen.findByText('500 samples, seed 2.');
    const withSeed2 = readP50();

    await userEvent.clear(seed);
    await userEvent.type(seed, '1');
    await userEvent.clear(samples);
    await userEvent.type(samples, '2000');
    await waitForResult();
    expect(readP50()).toBe(first);
    expect(withSeed2).not.toBe(first);
  });

  it('reports how far a run has got', async () => {
    renderWithScenario(<UncertaintyPanel />, makeRangedScenario());
    const samples = screen.getByTestId('monte-carlo-samples');
    await userEvent.clear(samples);
    await userEvent.type(samples, '20000');
    // Runs give way every few milliseconds and report the samples done so far.
    expect(await screen.findByText(/^Running 20,000 samples: [\d,]+ done$/)).toBeInTheDocument();
    await waitForResult('20,000');
  });

  it('refuses a sample count outside 100 to 20,000 with a message', async () => {
    renderWithScenario(<UncertaintyPanel />, makeSmallScenario());
    const samples = screen.getByTestId('monte-carlo-samples');
    await userEvent.clear(samples);
    await userEvent.type(samples, '50000');
    expect(screen.getByText(/must be between 100 and 20,000/)).toBeInTheDocument();
    // The values valid on the way (5, 50, 500, 5,000) do not stay: the refused text puts back the 2,000 from
    // before, which is what runs.
    await waitForResult('2,000');
    expect(samples).toHaveValue('50000');
  });

  it('gives the chance credits last past a chosen month', async () => {
    renderWithScenario(<UncertaintyPanel />, makeSmallScenario());
    await waitForResult();
    const month = screen.getByRole('combobox', { name: 'Chance credits last past' });
    // Without ranges, All on cheap runs out in Sep 2027 in every sample: credits last past Aug 2027 in
    // all of them and past Sep 2027 in none.
    await userEvent.selectOptions(month, 'Aug 2027');
    const table = () => screen.getByRole('table', { name: /^Chance credits last past/ });
    const readChance = (name: string) =>
      within(within(table()).getByRole('rowheader', { name }).closest('tr')!).getByRole('cell').textContent;
    expect(readChance('All on cheap')).toBe('100%');
    expect(readChance('All on dear')).toBe('0%');
    await userEvent.selectOptions(month, 'Sep 2027');
    expect(readChance('All on cheap')).toBe('0%');
  });

  it('draws the fan chart for the focused strategy, with its table', async () => {
    renderWithScenario(<UncertaintyPanel />, makeSmallScenario());
    await waitForResult();
    // Focus starts on the cheapest strategy.
    expect(
      screen.getByRole('table', { name: 'Monthly spend across samples: All on cheap: data' }),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Strategy in the chart' }),
      'All on dear',
    );
    expect(usePlannerStore.getState().focusStrategyId).toBe('all-dear');
    const table = screen.getByRole('table', { name: 'Monthly spend across samples: All on dear: data' });
    const row = within(table).getByRole('rowheader', { name: 'Jan 2027' }).closest('tr')!;
    // Every sample the point estimate: $4,500 in every column.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['$4,500', '$4,500', '$4,500', '$4,500']);
  });

  it('says when there are no credit pools', async () => {
    renderWithScenario(<UncertaintyPanel />, { ...makeSmallScenario(), credits: [] });
    await waitForResult();
    expect(screen.getByText(/No credit pools in this scenario/)).toBeInTheDocument();
    expect(readPercentileRow('All on cheap')[3]).toBe('No credit pools');
  });

  it('follows edits to the scenario', async () => {
    renderWithScenario(<UncertaintyPanel />, makeSmallScenario());
    await waitForResult();
    usePlannerStore.getState().edit((scenario) => ({
      ...scenario,
      traffic: scenario.traffic.map((slice) => ({ ...slice, requestsPerMonth: 2_000_000 })),
    }));
    // Twice the requests: 12 × $2,400 = $28,800 for All on cheap.
    await waitFor(() => expect(readPercentileRow('All on cheap')[0]).toBe('$28,800'));
  });
});
