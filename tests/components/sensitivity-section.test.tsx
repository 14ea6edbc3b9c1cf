/**
 * The sensitivity section on the small scenario (tests/factories/small-scenario.ts): one slice of 1,000,000
 * requests a month, 1,000 input + 100 output tokens; "All on cheap" costs $0.0012 a request ($1,200 a month,
 * $14,400 in 12 months), "All on dear" $0.0045 ($4,500 a month, $54,000). The tests read the chart's table.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { SensitivitySection } from '../../src/features/uncertainty/sensitivity-section';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { waitForResults } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';

function getTable(metricName: string, strategyName: string) {
  return screen.getByRole('table', { name: `What moves the ${metricName}: ${strategyName}: data` });
}

/** Every body row as its cells' text, the row header first. */
function readRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

async function focusDear() {
  await userEvent.selectOptions(screen.getByLabelText('Strategy'), 'all-dear');
  await waitForResults();
}

/** The small scenario with three slices like its one, so more than twelve inputs move the spend. */
function makeThreeSliceScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  const slice = scenario.traffic[0]!;
  return {
    ...scenario,
    traffic: [
      slice,
      { ...slice, id: 'second', name: 'Second traffic' },
      { ...slice, id: 'third', name: 'Third traffic' },
    ],
  };
}

describe('SensitivitySection', () => {
  it('opens on the focused strategy (the cheapest) with requests moving its 12-month spend most', async () => {
    renderWithScenario(<SensitivitySection />, makeSmallScenario());
    await waitForResults();
    const table = getTable('12-month spend', 'All on cheap');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Input', 'Range', 'Low value → 12-month spend', 'High value → 12-month spend', 'Swing']);
    // 800,000 × $0.0012 × 12 = $11,520; 1,200,000 × $0.0012 × 12 = $17,280; swing $5,760.
    expect(readRows(table)[0]).toEqual([
      'Main traffic · requests per month',
      '±20%',
      '800,000 → $11,520',
      '1,200,000 → $17,280',
      '$5,760',
    ]);
  });

  it('writes money above a million in full in the tooltip’s words and the table', async () => {
    const scenario = makeSmallScenario();
    scenario.traffic = [{ ...scenario.traffic[0]!, requestsPerMonth: 100_000_000 }];
    renderWithScenario(<SensitivitySection />, scenario);
    await waitForResults();
    // All on cheap, $0.0012 a request: 80,000,000 × $0.0012 × 12 = $1,152,000; 120,000,000 → $1,728,000.
    expect(readRows(getTable('12-month spend', 'All on cheap'))[0]).toEqual([
      'Main traffic · requests per month',
      '±20%',
      '80,000,000 → $1,152,000',
      '120,000,000 → $1,728,000',
      '$576,000',
    ]);
  });

  it('follows the strategy select, which also focuses the strategy everywhere', async () => {
    renderWithScenario(<SensitivitySection />, makeSmallScenario());
    await waitForResults();
    await focusDear();
    await waitForResults();
    expect(usePlannerStore.getState().focusStrategyId).toBe('all-dear');
    const rows = readRows(getTable('12-month spend', 'All on dear'));
    // Requests: $43,200 / $64,800 (swing $21,600); input tokens 800 / 1,200 → $0.0039 / $0.0051 a request →
    // $46,800 / $61,200 ($14,400); output tokens 80 / 120 → $0.0042 / $0.0048 → $50,400 / $57,600 ($7,200).
    expect(rows.slice(0, 3)).toEqual([
      ['Main traffic · requests per month', '±20%', '800,000 → $43,200', '1,200,000 → $64,800', '$21,600'],
      ['Main traffic · input tokens', '±20%', '800 → $46,800', '1,200 → $61,200', '$14,400'],
      ['Main traffic · output tokens', '±20%', '80 → $50,400', '120 → $57,600', '$7,200'],
    ]);
    // Growth of 0 swings by ±1 point: 4,500 × (1 − 0.99^12)/0.01 = $51,127; 4,500 × (1.01^12 − 1)/0.01 = $57,071.
    expect(rows[3]).toEqual([
      'Main traffic · monthly growth',
      '±20%',
      '−1% → $51,127',
      '1% → $57,071',
      '$5,944',
    ]);
    // Only those four move spend; cash on hand, burn, hit rate, reasoning tokens… are listed as not moving it.
    // The quality bar is not among them: it is a policy, never swung, and the screen says so.
    expect(rows).toHaveLength(4);
    expect(screen.getByText('8 inputs do not move the 12-month spend')).toBeInTheDocument();
    expect(screen.queryByText(/quality bar;/)).toBeNull();
    expect(
      screen.getByText('Quality bars are not swung: a bar is your policy, not an uncertainty.'),
    ).toBeInTheDocument();
  });

  it('switches to cash runway, with the finances on top', async () => {
    renderWithScenario(<SensitivitySection />, makeSmallScenario());
    await waitForResults();
    await focusDear();
    await waitForResults();
    await userEvent.click(screen.getByRole('button', { name: 'Cash runway' }));
    await waitForResults();
    expect(screen.getByRole('button', { name: 'Cash runway' })).toHaveAttribute('aria-pressed', 'true');
    const rows = readRows(getTable('cash runway', 'All on dear'));
    // Cash $80,000: 70,000, 60,000, 46,500, then −14,500 a month → below zero in month 6; $120,000 → month 8.
    // Burn $8,000 → month 8, $12,000 → month 6. Requests ±20 % → 8 / 7 months (see the domain tests). Burn
    // comes first: it moves cash at the end of month 11 by $48,000 (±$2,000 × 12), cash on hand by $40,000.
    expect(rows).toEqual([
      ['Finance · other monthly burn', '±20%', '$8,000 → 8 months', '$12,000 → 6 months', '2 months'],
      ['Finance · cash on hand', '±20%', '$80,000 → 6 months', '$120,000 → 8 months', '2 months'],
      ['Main traffic · requests per month', '±20%', '800,000 → 8 months', '1,200,000 → 7 months', '1 month'],
    ]);
    expect(screen.getByText(/cash lasts 7 months under All on dear/)).toBeInTheDocument();
  });

  it('shows cash at the end of the horizon for inputs whose ends both outlast it', async () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.finance.cashOnHand = 200_000;
    renderWithScenario(<SensitivitySection />, document);
    await waitForResults();
    await focusDear();
    await waitForResults();
    await userEvent.click(screen.getByRole('button', { name: 'Cash runway' }));
    await waitForResults();
    // Only cash on hand moves the runway: $160,000 → out in month 11, $240,000 → beyond 12 months.
    expect(readRows(getTable('cash runway', 'All on dear'))).toEqual([
      ['Finance · cash on hand', '±20%', '$160,000 → 11 months', '$240,000 → beyond 12 months', '1 month'],
    ]);
    // Cash lasts the horizon at both ends of the rest. At the likely values $36,000 is left after month 11
    // (see the domain tests); burn $8,000 / $12,000 leaves $60,000 / $12,000; requests 800,000 / 1,200,000
    // leave $46,800 / $25,200; input tokens 800 / 1,200 leave $43,200 / $28,800.
    const rows = readRows(getTable('cash at the end of the horizon', 'All on dear'));
    expect(rows.slice(0, 3)).toEqual([
      ['Finance · other monthly burn', '±20%', '$8,000 → $60,000', '$12,000 → $12,000', '$48,000'],
      ['Main traffic · requests per month', '±20%', '800,000 → $46,800', '1,200,000 → $25,200', '$21,600'],
      ['Main traffic · input tokens', '±20%', '800 → $43,200', '1,200 → $28,800', '$14,400'],
    ]);
    // Burn is no longer listed among the inputs that move nothing.
    expect(screen.queryByText(/other monthly burn;|other monthly burn\./)).toBeNull();
  });

  it('shows the top 12 inputs by cash at the end of the horizon, and all on request', async () => {
    const document = JSON.parse(JSON.stringify(makeThreeSliceScenario()));
    document.finance.cashOnHand = 10_000_000;
    renderWithScenario(<SensitivitySection />, document);
    await waitForResults();
    await focusDear();
    await waitForResults();
    await userEvent.click(screen.getByRole('button', { name: 'Cash runway' }));
    await waitForResults();
    // $10M outlasts 12 months whatever one input does: no input moves the runway…
    expect(screen.getByRole('status')).toHaveTextContent(
      "Cash lasts beyond 12 months under All on dear at both ends of every input's range.",
    );
    // …but cash at the end moves with 3 slices × (requests, input, output tokens, growth), cash and burn: 14.
    const table = () => getTable('cash at the end of the horizon', 'All on dear');
    expect(readRows(table())).toHaveLength(12);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 14 inputs that move the cash at the end of the horizon' }),
    );
    await waitForResults();
    expect(readRows(table())).toHaveLength(14);
  });

  it('applies a wider swing to inputs without a range and keeps a given range', async () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.traffic[0].outputTokens = { low: 50, likely: 100, high: 300 };
    renderWithScenario(<SensitivitySection />, document);
    await waitForResults();
    await focusDear();
    await waitForResults();
    const swing = screen.getByLabelText('Swing where no range (±)');
    await userEvent.clear(swing);
    await userEvent.type(swing, '50');
    await waitForResults();
    const rows = readRows(getTable('12-month spend', 'All on dear'));
    // Requests ±50 %: 500,000 / 1,500,000 × $0.0045 × 12 = $27,000 / $81,000.
    expect(rows[0]).toEqual([
      'Main traffic · requests per month',
      '±50%',
      '500,000 → $27,000',
      '1,500,000 → $81,000',
      '$54,000',
    ]);
    // Output tokens keep their own range: 50 / 300 → $0.00375 / $0.0075 a request → $45,000 / $90,000.
    expect(rows[1]).toEqual([
      'Main traffic · output tokens',
      'Your range',
      '50 → $45,000',
      '300 → $90,000',
      '$45,000',
    ]);
  });

  it('refuses a swing outside 1–100 % and keeps the last valid one', async () => {
    renderWithScenario(<SensitivitySection />, makeSmallScenario());
    await waitForResults();
    const swing = screen.getByLabelText('Swing where no range (±)');
    await userEvent.clear(swing);
    // "0", "0." and "0.5" (0.005) are all below 1 %: none of them is applied.
    await userEvent.type(swing, '0.5');
    await waitForResults();
    expect(screen.getByRole('alert')).toHaveTextContent('must be between 1 % and 100 %');
    // Still ±20 %: the cheap strategy's requests row is unchanged.
    expect(readRows(getTable('12-month spend', 'All on cheap'))[0]?.[2]).toBe('800,000 → $11,520');
  });

  it('lists only the inputs that move the figure, without "Show all" when 12 or fewer do', async () => {
    renderWithScenario(<SensitivitySection />, makeThreeSliceScenario());
    await waitForResults();
    await focusDear();
    await waitForResults();
    // Three slices × (requests, input tokens, output tokens, growth) = 12 move spend; nothing else does.
    expect(readRows(getTable('12-month spend', 'All on dear'))).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
    expect(
      screen.getByText('Showing 12 of the 12 inputs that move the 12-month spend, largest swing first.'),
    ).toBeInTheDocument();
  });

  it('offers "Show all" when more than 12 inputs move the figure', async () => {
    const document = JSON.parse(JSON.stringify(makeThreeSliceScenario()));
    // Give each slice a cache on the dear model: its prefix tokens and hit rate then move spend too.
    for (const slice of document.traffic) {
      slice.cachedPrefixTokens = 500;
      slice.cacheHitRate = 0.5;
    }
    document.catalog[1].pricing.cacheReadPerMTok = 0.3;
    renderWithScenario(<SensitivitySection />, document);
    await waitForResults();
    await focusDear();
    await waitForResults();
    const table = () => getTable('12-month spend', 'All on dear');
    // Per slice: requests, input, output, prefix, hit rate, growth = 6 × 3 = 18 move spend.
    expect(readRows(table())).toHaveLength(12);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 18 inputs that move it' }));
    await waitForResults();
    expect(readRows(table())).toHaveLength(18);
    await userEvent.click(screen.getByRole('button', { name: 'Show the top 12' }));
    await waitForResults();
    expect(readRows(table())).toHaveLength(12);
  });
});
