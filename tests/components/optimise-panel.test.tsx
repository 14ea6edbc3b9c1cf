/**
 * The Optimise screen on the small scenario (tests/factories/small-scenario.ts): one slice of 1,000,000
 * requests/month, 1,000 input + 100 output tokens; "cheap" costs $0.0012 a request ($1,200 a month), "dear"
 * $0.0045 ($4,500 a month); 12 months; cash $100,000, other burn $10,000/month, a $10,000 Bedrock pool.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { OptimisePanel } from '../../src/features/optimise/optimise-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { chooseModel, readMoney, readRow, waitForResults } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';

/** Sums of monthly figures carry float noise ($54,000.00000000001): compare to a millionth of a dollar. */
const MONEY_DIGITS = 6;

function getAssignmentTable() {
  return screen.getByRole('table', { name: 'Optimised model per slice' });
}

/** The small scenario with only the dear strategy, so the optimised one has something to save. */
function makeDearOnlyScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return { ...scenario, strategies: scenario.strategies.filter((strategy) => strategy.id === 'all-dear') };
}

/** The small scenario plus a self-hosted model ($1 a unit-hour, 60,000 tokens a minute) and a cascade. */
function makeBreakEvenScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    catalog: [
      ...scenario.catalog,
      {
        id: 'self',
        name: 'Self-hosted model',
        provider: 'Acme',
        platform: 'self-hosted',
        pricing: { kind: 'capacity', hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 },
        quality: 50,
      },
    ],
    strategies: [
      ...scenario.strategies,
      {
        id: 'cascade',
        name: 'Cheap then dear',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear'], escalation: [0.1] } },
        fallback: 'dear',
      },
    ],
  };
}

describe('OptimisePanel: the optimised assignment', () => {
  it('shows the model, cost per request and monthly cost of each slice, and the saving', async () => {
    renderWithScenario(<OptimisePanel />, makeDearOnlyScenario());
    await waitForResults();
    // Bar 0: cheap at $0.0012 a request, $1,200 in Jan 2027, $14,400 over 12 months.
    expect(readRow(getAssignmentTable(), 'Main traffic')).toEqual([
      '0',
      'Cheap model (bedrock)',
      '50',
      '$0.001200',
      '$1,200',
      '$14,400',
    ]);
    // All on dear: 12 · $4,500 = $54,000; saving $54,000 − $14,400 = $39,600.
    expect(readMoney('optimised-spend')).toBeCloseTo(14_400, MONEY_DIGITS);
    expect(readMoney('cheapest-spend')).toBeCloseTo(54_000, MONEY_DIGITS);
    expect(readMoney('optimised-saving')).toBeCloseTo(39_600, MONEY_DIGITS);
  });

  it('keeps the assignment as a strategy, once', async () => {
    const user = userEvent.setup();
    renderWithScenario(<OptimisePanel />, makeDearOnlyScenario());
    await waitForResults();
    await user.click(screen.getByRole('button', { name: 'Keep as a strategy' }));
    await waitForResults();

    const { scenario, focusStrategyId } = usePlannerStore.getState();
    const kept = scenario?.strategies.find((strategy) => strategy.id === 'optimised');
    expect(kept).toMatchObject({ name: 'Optimised assignment', kind: 'assign', fallback: 'cheap' });
    expect(kept?.kind === 'assign' && { ...kept.routes }).toEqual({ main: 'cheap' });
    expect(focusStrategyId).toBe('optimised');
    expect(screen.getByRole('status')).toHaveTextContent('Added “Optimised assignment” to the strategies.');
    expect(screen.getByRole('button', { name: 'Keep as a strategy' })).toBeDisabled();
    expect(screen.getByText('Already kept as “Optimised assignment”.')).toBeInTheDocument();
  });

  it('says when a slice cannot meet its bar', async () => {
    const scenario = makeSmallScenario();
    renderWithScenario(<OptimisePanel />, {
      ...scenario,
      traffic: scenario.traffic.map((slice) => ({ ...slice, qualityBar: 95 })),
    });
    await waitForResults();
    expect(screen.getByTestId('optimise-constraints')).toHaveTextContent(
      'Main traffic: Dear model scores 90, below the bar of 95, on 100% of requests',
    );
    expect(readRow(getAssignmentTable(), 'Main traffic')[1]).toBe('Dear model (bedrock)Below bar');
  });
});

describe('OptimisePanel: results for the scenario on screen', () => {
  it('says it is computing, then shows the assignment; after an edit, only the edited scenario’s figures', async () => {
    renderWithScenario(<OptimisePanel />, makeDearOnlyScenario());
    const section = screen.getByRole('region', { name: 'Optimised assignment' });
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(
      within(section)
        .getAllByRole('status')
        .map((status) => status.textContent),
    ).toContain('Computing the optimised assignment…');
    expect(screen.getByRole('button', { name: 'Keep as a strategy' })).toBeDisabled();
    await waitForResults();
    // Cheap at 1,000,000 requests: $1,200 a month, $14,400 over 12 months.
    expect(readMoney('optimised-spend')).toBeCloseTo(14_400, MONEY_DIGITS);

    // Twice the requests: $2,400 a month. The old $14,400 is gone at once, not shown for the new scenario.
    act(() => {
      usePlannerStore.getState().edit((scenario) => ({
        ...scenario,
        traffic: scenario.traffic.map((slice) => ({ ...slice, requestsPerMonth: 2_000_000 })),
      }));
    });
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('optimised-spend')).not.toBeInTheDocument();
    await waitForResults();
    expect(readMoney('optimised-spend')).toBeCloseTo(28_800, MONEY_DIGITS);
  });
});

describe('OptimisePanel: cost against quality', () => {
  it('tables every model of the slice and lists the frontier', async () => {
    renderWithScenario(<OptimisePanel />, makeSmallScenario());
    await waitForResults();
    const data = screen.getByRole('table', { name: 'Cost per request and quality: Main traffic: data' });
    expect(readRow(data, 'Cheap model (bedrock)')).toEqual(['$0.001200', '50', 'Yes', 'Yes']);
    expect(readRow(data, 'Dear model (bedrock)')).toEqual(['$0.004500', '90', 'Yes', 'Yes']);
    const frontier = screen.getByRole('table', {
      name: 'Models on the cost–quality frontier for Main traffic',
    });
    expect(
      within(frontier)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Cheap model (bedrock)cheapest at bar', 'Dear model (bedrock)']);
  });
});

describe('OptimisePanel: long tables', () => {
  it('shows the first 40 slices of the assignment, and all of them on request, by keyboard too', async () => {
    const user = userEvent.setup();
    const scenario = makeDearOnlyScenario();
    const slice = scenario.traffic[0]!;
    renderWithScenario(<OptimisePanel />, {
      ...scenario,
      traffic: Array.from({ length: 45 }, (_, i) => ({ ...slice, id: `s${i}`, name: `Slice ${i + 1}` })),
    });
    await waitForResults();
    const table = getAssignmentTable();
    // A header row and the first 40 slices (a screenful first, the rest once that is drawn); each slice's
    // figures are in the page once shown.
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 40));
    expect(within(table).getByRole('rowheader', { name: 'Slice 40' })).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: 'Slice 41' })).not.toBeInTheDocument();
    expect(screen.getByText('The first 40 of 45 slices shown.')).toBeInTheDocument();

    const showAll = screen.getByRole('button', { name: 'Show all 45 slices' });
    expect(showAll).toHaveAttribute('aria-expanded', 'false');
    expect(showAll).toHaveAttribute('aria-controls', table.id);
    showAll.focus();
    await user.keyboard('{Enter}');
    await waitForResults();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 45);
    // Slice 45 costs what every slice does: 1,000,000 requests at $0.0012 (cheap meets the bar of 0) = $1,200.
    expect(readRow(table, 'Slice 45')[4]).toBe('$1,200');
    const showFirst = screen.getByRole('button', { name: 'Show the first 40 only' });
    expect(showFirst).toHaveAttribute('aria-expanded', 'true');
    expect(showFirst).toHaveFocus();
    await user.click(showFirst);
    await waitForResults();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 40);
  });
});

describe('OptimisePanel: break-even points', () => {
  it('gives the volume at which the self-hosted model beats the per-token one', async () => {
    const user = userEvent.setup();
    renderWithScenario(<OptimisePanel />, makeBreakEvenScenario());
    await waitForResults();
    // One unit costs $1 · 730 = $730 a month; against cheap ($0.0012): 730 / 0.0012 = 608,333.3 → 608,334.
    expect(screen.getByTestId('break-even-volume')).toHaveTextContent('608,334');
    expect(
      screen.getByText(/becomes cheaper than Cheap model \(bedrock\) from 608,334 requests a month/),
    ).toBeVisible();
    // Against dear ($0.0045): 730 / 0.0045 = 162,222.2 → 162,223.
    const perToken = screen.getByRole('combobox', { name: 'Per-token model' });
    expect(perToken).toHaveValue('Cheapest meeting the bar: Cheap model (bedrock)');
    await chooseModel(user, perToken, 'Dear model');
    await waitForResults();
    expect(screen.getByTestId('break-even-volume')).toHaveTextContent('162,223');
    expect(perToken).toHaveValue('Dear model (bedrock) · quality 90');
  });

  it('picks the models to compare with the searchable picker, by keyboard too', async () => {
    const user = userEvent.setup();
    renderWithScenario(<OptimisePanel />, makeBreakEvenScenario());
    await waitForResults();
    const capacity = screen.getByRole('combobox', { name: 'Capacity model' });
    expect(capacity).toHaveValue('Self-hosted model (self-hosted) · quality 50 · capacity');
    // The capacity picker lists capacity-billed models only; the per-token one, per-token models only.
    await user.click(capacity);
    expect(
      within(screen.getByRole('listbox', { name: 'Capacity model' }))
        .getAllByRole('option')
        .map((option) => option.querySelector('.model-select__name')?.textContent),
    ).toEqual(['Self-hosted model']);
    await user.keyboard('{Escape}');

    // Search "dear", take it with Enter; then back to the cheapest meeting the bar with the arrow keys.
    const perToken = screen.getByRole('combobox', { name: 'Per-token model' });
    await user.click(perToken);
    const list = screen.getByRole('listbox', { name: 'Per-token model' });
    expect(within(list).getAllByRole('option')).toHaveLength(3);
    expect(screen.getByText('2 of 2 models')).toBeInTheDocument();
    await user.type(perToken, 'dear');
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    await waitForResults();
    expect(perToken).toHaveValue('Dear model (bedrock) · quality 90');
    expect(screen.getByTestId('break-even-volume')).toHaveTextContent('162,223');

    perToken.focus();
    await user.keyboard('{ArrowDown}');
    expect(perToken).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{PageUp}{Enter}');
    await waitForResults();
    expect(perToken).toHaveValue('Cheapest meeting the bar: Cheap model (bedrock)');
    expect(screen.getByTestId('break-even-volume')).toHaveTextContent('608,334');
  });

  it('lays the capacity options side by side, each commitment term at its own rate', async () => {
    const scenario = makeBreakEvenScenario();
    scenario.catalog.push({
      id: 'self-6m',
      name: 'Self-hosted, 6-month term',
      provider: 'Acme',
      platform: 'self-hosted',
      pricing: { kind: 'capacity', hourlyPerUnit: 0.8, tokensPerMinutePerUnit: 60000, commitmentMonths: 6 },
      quality: 50,
    });
    renderWithScenario(<OptimisePanel />, scenario);
    await waitForResults();
    const table = screen.getByRole('table', { name: /Every capacity option for Main traffic/ });
    // 1,000,000 requests × 1,100 tokens a month at peak 2 need ceil(1.1e9 / 43,800 · 2 / 60,000) = 1 unit every
    // month of the 12: $1 · 730 · 12 = $8,760 on demand; $0.80 · 730 · 12 = $7,008 on the 6-month term. Per
    // token on cheap: $0.0012 · 1,000,000 · 12 = $14,400. Break-even: 730 / 0.0012 → 608,334 and
    // 584 / 0.0012 → 486,667 requests a month.
    expect(readRow(table, 'Self-hosted model (self-hosted)')).toEqual([
      'No commitment',
      '$1.00',
      '608,334 requests/month',
      '$8,760',
      '$14,400',
    ]);
    expect(readRow(table, 'Self-hosted, 6-month term (self-hosted)')).toEqual([
      '6 months',
      '$0.80',
      '486,667 requests/month',
      '$7,008',
      '$14,400',
    ]);
  });

  it('gives each cascade its break-even escalation rate', async () => {
    renderWithScenario(<OptimisePanel />, makeBreakEvenScenario());
    await waitForResults();
    const table = screen.getByRole('table', { name: 'Break-even escalation rate of each cascade route' });
    // e* = 1 − 0.0012 / 0.0045 = 73.3 %; now 10 %.
    const row = readRow(table, 'Cheap then dearMain traffic');
    expect(row).toEqual([
      'Cheap model → Dear model',
      '10%',
      '73.3%',
      'Cheaper than Dear model alone while escalation stays below 73.3%.',
    ]);
  });

  it('says so when the catalog has no capacity-billed model', async () => {
    renderWithScenario(<OptimisePanel />, makeSmallScenario());
    await waitForResults();
    expect(screen.getByText(/The catalog has no capacity-billed model/)).toBeInTheDocument();
    expect(screen.getByText('No cascade strategy routes a slice in this scenario.')).toBeInTheDocument();
  });
});

describe('OptimisePanel: goal seeking', () => {
  it('finds the growth cash can carry for the chosen months', async () => {
    const user = userEvent.setup();
    renderWithScenario(<OptimisePanel />, makeSmallScenario());
    await waitForResults();
    // 12 months: even with traffic all but gone, $10,000 of burn a month empties $100,000 after 10 months.
    expect(screen.getByTestId('growth-answer')).toHaveTextContent('Not even shrinking traffic gets there');
    // 9 months: the AI spend of months 0–8 may reach $20,000: 1,200 · ((1 + g)^9 − 1) / g = 20,000 at g ≈ 14.8 %.
    const months = screen.getByLabelText('Cash must last');
    await user.clear(months);
    await user.type(months, '9');
    await waitForResults();
    expect(screen.getByTestId('growth-answer')).toHaveTextContent(
      'Up to 14.8% a month, and cash still lasts 9 months.',
    );

    // A value the field refuses leaves the last valid answer on screen, said to be for 9 months.
    await user.clear(months);
    await user.type(months, '99');
    expect(screen.getByText('For cash lasting 9 months, the last valid value:')).toBeInTheDocument();
    expect(screen.getByTestId('growth-answer')).toHaveTextContent('cash still lasts 9 months.');
    await user.clear(months);
    await user.type(months, '9');
    expect(screen.queryByText(/the last valid value/)).not.toBeInTheDocument();
  });

  it('finds the credits that keep cash positive through the chosen month', async () => {
    const user = userEvent.setup();
    renderWithScenario(<OptimisePanel />, makeSmallScenario());
    await waitForResults();
    // Through Dec 2027 (12 months): credits pay AI spend only and burn alone runs cash out in Nov 2027.
    expect(screen.getByTestId('credits-answer')).toHaveTextContent('cash runs out in Nov 2027');
    // Through Oct 2027 (10 months): month 9 closes at −$2,000, and $2,000 of AI spend was paid in cash by then.
    await user.selectOptions(screen.getByLabelText('Cash lasts through'), 'Oct 2027');
    await waitForResults();
    expect(readMoney('credits-needed')).toBeCloseTo(2000, MONEY_DIGITS);
    await user.selectOptions(screen.getByLabelText('Credits pay for'), 'bedrock only');
    await waitForResults();
    expect(screen.getByTestId('credits-answer')).toHaveTextContent('$2,000 more credits on bedrock');
    // Through Sep 2027 (9 months): cash already lasts.
    await user.selectOptions(screen.getByLabelText('Cash lasts through'), 'Sep 2027');
    await waitForResults();
    expect(screen.getByTestId('credits-answer')).toHaveTextContent('No extra credits');
  });
});

describe('OptimisePanel with your own evaluations', () => {
  it('uses and marks the evaluated score: a bar of 60 that cheap meets only by your eval', async () => {
    // The small scenario's "cheap" scores 50 in the catalog, "dear" 90. With a bar of 60 only dear qualifies
    // ($4,500 a month); your eval of 70 for cheap on this slice lets it serve the slice at $1,200.
    const scenario = makeSmallScenario();
    renderWithScenario(<OptimisePanel />, {
      ...scenario,
      schemaVersion: 3,
      traffic: scenario.traffic.map((slice) => ({ ...slice, qualityBar: 60 })),
      evaluations: [{ model: 'cheap', slice: scenario.traffic[0]!.id, score: 70, source: 'our eval' }],
    });
    await waitForResults();
    const row = within(getAssignmentTable()).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Cheap model');
    expect(within(row).getByText('your eval')).toHaveAttribute('title', 'Your evaluation: our eval');
    expect(row).toHaveTextContent('70');
  });
});
