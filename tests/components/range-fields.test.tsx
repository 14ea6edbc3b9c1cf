import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Scenario, ScenarioInput, Strategy } from '../../src/domain/scenario-schema';
import { RunwayPanel } from '../../src/features/runway/runway-panel';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { serializeScenario } from '../../src/io/scenario-file';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { chooseModel } from '../factories/screen-queries';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';
import { fieldMessage } from './field-message';

vi.mock('../../data/credit-pools.json', () => ({ default: [] }));

type FileDocument = {
  traffic: Record<string, unknown>[];
  strategies: { id: string; routes?: Record<string, unknown> }[];
  finance: Record<string, unknown>;
};

/**
 * The two-slice scenario plus a third model, a cascade on "main" (cheap, then dear for 20 %) and a router
 * splitting "main" 70 / 30 between cheap and dear. Other monthly burn is 10,000.
 */
function makeRangeScenario(): ScenarioInput {
  const base = makeTwoSliceScenario();
  return {
    ...base,
    catalog: [
      ...base.catalog,
      {
        id: 'mid',
        name: 'Mid model',
        provider: 'Acme',
        platform: 'bedrock',
        pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 6 },
        quality: 70,
      },
    ],
    strategies: [
      ...base.strategies,
      {
        id: 'escalate',
        name: 'Escalate',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear'], escalation: [0.2] } },
        fallback: 'dear',
      },
      {
        id: 'split',
        name: 'Split',
        kind: 'router',
        routes: { main: { cheap: 0.7, dear: 0.3 } },
        fallback: 'dear',
      },
    ],
  };
}

function currentScenario(): Scenario {
  const scenario = usePlannerStore.getState().scenario;
  if (!scenario) throw new Error('no scenario loaded');
  return scenario;
}

function findStrategy(id: string): Strategy {
  const strategy = currentScenario().strategies.find((s) => s.id === id);
  if (!strategy) throw new Error(`no strategy ${id}`);
  return strategy;
}

/** The scenario as the file would be written, read back as plain JSON. */
function writtenFile(): FileDocument {
  return JSON.parse(serializeScenario(currentScenario())) as FileDocument;
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.type(input, text);
}

describe('ranges on the Traffic mix', () => {
  it('adds a range at the likely value ±20 %, edits its ends, writes it in place, and removes it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeRangeScenario());
    const add = screen.getByRole('button', { name: 'Add range to Requests per month for Main traffic' });
    expect(add).toHaveAttribute('aria-pressed', 'false');
    await user.click(add);
    // 1,000,000 ± 20 %: 800,000 to 1,200,000.
    expect(currentScenario().traffic[0]?.ranges).toEqual({
      requestsPerMonth: { low: 800_000, high: 1_200_000 },
    });
    const remove = screen.getByRole('button', {
      name: 'Remove range from Requests per month for Main traffic',
    });
    expect(remove).toBe(add); // the same toggle, now pressed
    expect(remove).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('800K–1.2M')).toBeInTheDocument();
    // Added by the user, so opened: its marker says so.
    expect(
      screen.getByRole('button', { name: 'Requests per month for Main traffic: range 800K–1.2M' }),
    ).toHaveAttribute('aria-expanded', 'true');
    const low = screen.getByLabelText('Low requests per month for Main traffic');
    expect(low).toHaveFocus();
    expect(low).toHaveValue('800000'); // bare while focused, ready to edit

    const high = screen.getByLabelText('High requests per month for Main traffic');
    await retype(user, high, '1500000');
    expect(currentScenario().traffic[0]?.ranges?.requestsPerMonth).toEqual({ low: 800_000, high: 1_500_000 });
    expect(currentScenario().traffic[0]?.requestsPerMonth).toBe(1_000_000);
    expect(writtenFile().traffic[0]?.requestsPerMonth).toEqual({
      low: 800_000,
      likely: 1_000_000,
      high: 1_500_000,
    });
    expect(writtenFile().traffic[1]?.requestsPerMonth).toBe(250_000);

    await user.click(remove);
    expect(currentScenario().traffic[0]).not.toHaveProperty('ranges');
    expect(writtenFile().traffic[0]?.requestsPerMonth).toBe(1_000_000);
    expect(remove).toHaveFocus();
    expect(remove).toHaveAccessibleName('Add range to Requests per month for Main traffic');
    expect(screen.queryByLabelText('Low requests per month for Main traffic')).not.toBeInTheDocument();
  });

  it('offers a range on each of the eight numbers of every slice', () => {
    renderWithScenario(<TrafficPanel />, makeRangeScenario());
    for (const label of [
      'Requests per month',
      'Input tokens',
      'Output tokens',
      'Cached prefix tokens',
      'Cache hit rate',
      'Batch share',
      'Quality bar',
      'Monthly growth',
    ])
      for (const slice of ['Main traffic', 'Hard'])
        expect(
          screen.getByRole('button', { name: `Add range to ${label} for ${slice}` }),
        ).toBeInTheDocument();
  });

  it('keeps invalid ends on screen with their message and out of the store', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: 'Add range to Cache hit rate for Hard' }));
    // A hit rate of 0 gets one point either side, kept inside 0..1: 0 to 1 %.
    expect(currentScenario().traffic[1]?.ranges?.cacheHitRate).toEqual({ low: 0, high: 0.01 });
    const high = screen.getByLabelText('High cache hit rate for Hard');
    expect(high).toHaveValue('1');
    await user.clear(high);
    await user.paste('150');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'High cache hit rate for Hard must be between 0 and 100 %',
    );
    expect(high).toHaveAttribute('aria-invalid', 'true');
    expect(currentScenario().traffic[1]?.ranges?.cacheHitRate).toEqual({ low: 0, high: 0.01 });

    await user.click(screen.getByRole('button', { name: 'Add range to Output tokens for Hard' }));
    const low = screen.getByLabelText('Low output tokens for Hard');
    await user.clear(low);
    await user.paste('500');
    // 400 output tokens is the likely value: a low of 500 is above it.
    expect(
      screen.getByText(fieldMessage('Low output tokens for Hard must be at most the likely value (400)')),
    ).toBeVisible();
    expect(currentScenario().traffic[1]?.ranges?.outputTokens).toEqual({ low: 320, high: 480 });
  });

  it('widens the range to take a likely value typed outside it, in one undo step, and says so', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: 'Add range to Input tokens for Main traffic' }));
    const steps = usePlannerStore.getState().past.length;
    const likely = screen.getByLabelText('Input tokens for Main traffic');
    // Typed key by key ("2", "20", "200", "2000"): the range that was there (800–1,200) is widened to the final
    // value, not to the 2 on the way.
    await retype(user, likely, '2000');
    expect(currentScenario().traffic[0]?.inputTokens).toBe(2000);
    expect(currentScenario().traffic[0]?.ranges?.inputTokens).toEqual({ low: 800, high: 2000 });
    expect(screen.getByText('Range widened to 800–2,000 to take it (Ctrl+Z undoes)')).toBeVisible();
    expect(likely).toHaveAccessibleDescription(/Range widened to 800–2,000/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(writtenFile().traffic[0]?.inputTokens).toEqual({ low: 800, likely: 2000, high: 2000 });
    expect(usePlannerStore.getState().past).toHaveLength(steps + 1);
    act(() => usePlannerStore.getState().undo());
    expect(currentScenario().traffic[0]?.inputTokens).toBe(1000);
    expect(currentScenario().traffic[0]?.ranges?.inputTokens).toEqual({ low: 800, high: 1200 });
    expect(screen.queryByText(/Range widened/)).not.toBeInTheDocument();
  });

  it('widens a money range from what a spreadsheet user types ($150K against $80K–$110K)', async () => {
    const user = userEvent.setup();
    renderWithScenario(<RunwayPanel />, makeRangeScenario());
    const burn = screen.getByLabelText('Other monthly burn');
    await retype(user, burn, '95,000');
    await user.click(screen.getByRole('button', { name: 'Add range to Other monthly burn' }));
    await retype(user, screen.getByLabelText('Low other monthly burn'), '$80k');
    await retype(user, screen.getByLabelText('High other monthly burn'), '110k');
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 80_000, high: 110_000 });
    await retype(user, burn, '$150K');
    expect(currentScenario().finance.otherMonthlyBurn).toBe(150_000);
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 80_000, high: 150_000 });
    expect(screen.getByText(/^Range widened to \$80,000–\$150,000/)).toHaveAttribute('role', 'status');
    await user.tab();
    expect(burn).toHaveValue('150,000');
  });

  it('takes back a widened range with the value when the text typed on is refused', async () => {
    const user = userEvent.setup();
    renderWithScenario(<RunwayPanel />, makeRangeScenario());
    const burn = screen.getByLabelText('Other monthly burn');
    await retype(user, burn, '95,000');
    await user.click(screen.getByRole('button', { name: 'Add range to Other monthly burn' }));
    await retype(user, screen.getByLabelText('Low other monthly burn'), '80000');
    await retype(user, screen.getByLabelText('High other monthly burn'), '110000');
    // "$150K" widens the range to take it; "$150Kx" is refused, and the burn and its range are as they were.
    await retype(user, burn, '$150K');
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 80_000, high: 150_000 });
    await user.type(burn, 'x');
    expect(screen.getByRole('alert')).toHaveTextContent('Other monthly burn must be a number');
    expect(currentScenario().finance.otherMonthlyBurn).toBe(95_000);
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 80_000, high: 110_000 });
    expect(screen.queryByText(/Range widened/)).not.toBeInTheDocument();
    // Emptied, the field starts again from what it holds: $150K and the range that takes it stay when "x" is
    // refused after it.
    await retype(user, burn, '$150K');
    await user.clear(burn);
    await user.type(burn, 'x');
    expect(currentScenario().finance.otherMonthlyBurn).toBe(150_000);
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 80_000, high: 150_000 });
  });

  it('makes one undo step of a range end typed keystroke by keystroke', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: 'Add range to Requests per month for Hard' }));
    const steps = usePlannerStore.getState().past.length;
    await retype(user, screen.getByLabelText('High requests per month for Hard'), '400000');
    expect(currentScenario().traffic[1]?.ranges?.requestsPerMonth).toEqual({ low: 200_000, high: 400_000 });
    expect(usePlannerStore.getState().past).toHaveLength(steps + 1);
    act(() => usePlannerStore.getState().undo());
    expect(currentScenario().traffic[1]?.ranges?.requestsPerMonth).toEqual({ low: 200_000, high: 300_000 });
    expect(screen.getByLabelText('High requests per month for Hard')).toHaveValue('300,000');
  });
});

describe('ranges on the Strategies screen', () => {
  it('gives a cascade escalation rate a range, edits it, and drops it with its step', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: /^Escalate/ }));
    await user.click(
      screen.getByRole('button', { name: 'Add range to Escalation from step 1 to step 2 for Main traffic' }),
    );
    // 20 % ± 20 %: 16 % to 24 %.
    expect(plain(findStrategy('escalate'))).toMatchObject({
      routes: { main: { escalation: [0.2], escalationRanges: [{ low: 0.16, high: 0.24 }] } },
    });
    expect(screen.getByText('16–24%')).toBeInTheDocument();
    const low = screen.getByLabelText('Low escalation from step 1 to step 2 for Main traffic');
    expect(low).toHaveFocus();
    await retype(user, low, '10');
    const high = screen.getByLabelText('High escalation from step 1 to step 2 for Main traffic');
    await retype(user, high, '15');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'High escalation from step 1 to step 2 for Main traffic must be at least the likely value (20%)',
    );
    const strategies = writtenFile().strategies;
    expect(strategies.find((s) => s.id === 'escalate')?.routes).toEqual({
      main: { steps: ['cheap', 'dear'], escalation: [{ low: 0.1, likely: 0.2, high: 0.24 }] },
    });

    await user.click(screen.getByRole('button', { name: 'Remove step 2 for Main traffic' }));
    expect(plain(findStrategy('escalate'))).toEqual(
      expect.objectContaining({ routes: { main: { steps: ['cheap'], escalation: [] } } }),
    );
  });

  it('gives a router share a range, moves it with a swapped model, and drops it with the model', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: /^Split/ }));
    await user.click(
      screen.getByRole('button', { name: 'Add range to Share of Cheap model for Main traffic' }),
    );
    // 70 % ± 20 %: 56 % to 84 %.
    expect(plain(findStrategy('split'))).toMatchObject({
      shareRanges: { main: { cheap: { low: 0.56, high: 0.84 } } },
    });
    expect(writtenFile().strategies.find((s) => s.id === 'split')?.routes).toEqual({
      main: { cheap: { low: 0.56, likely: 0.7, high: 0.84 }, dear: 0.3 },
    });

    // Cheap swapped for Mid: the share and its range go with it.
    await chooseModel(user, screen.getByLabelText('Model 1 for Main traffic'), 'Mid model');
    expect(plain(findStrategy('split'))).toMatchObject({
      routes: { main: { mid: 0.7, dear: 0.3 } },
      shareRanges: { main: { mid: { low: 0.56, high: 0.84 } } },
    });

    // Mid taken out: the split is a draft until it sums to 100 %, then goes in without the range.
    await user.click(screen.getByRole('button', { name: 'Remove Mid model from Main traffic' }));
    await retype(user, screen.getByLabelText('Share of Dear model for Main traffic'), '100');
    const split = findStrategy('split');
    expect(plain(split)).toMatchObject({ routes: { main: { dear: 1 } } });
    expect(split).not.toHaveProperty('shareRanges');
  });

  it('drops a slice’s share ranges when it goes back to the fallback', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: /^Split/ }));
    await user.click(
      screen.getByRole('button', { name: 'Add range to Share of Dear model for Main traffic' }),
    );
    await user.click(screen.getByRole('button', { name: 'Use fallback for Main traffic' }));
    const split = findStrategy('split');
    expect(split.kind === 'router' && Object.keys(split.routes)).toEqual([]);
    expect(split).not.toHaveProperty('shareRanges');
  });
});

describe('ranges on Credits and runway', () => {
  it('gives a finance figure a range, refuses an inverted end, writes it in place, and removes it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<RunwayPanel />, makeRangeScenario());
    await user.click(screen.getByRole('button', { name: 'Add range to Other monthly burn' }));
    // 10,000 ± 20 %.
    expect(currentScenario().finance.ranges).toEqual({ otherMonthlyBurn: { low: 8_000, high: 12_000 } });
    expect(screen.getByText('$8,000–$12,000')).toBeInTheDocument();
    const high = screen.getByLabelText('High other monthly burn');
    await retype(user, high, '9000');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'High other monthly burn must be at least the likely value ($10,000)',
    );
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 8_000, high: 12_000 });
    await retype(user, high, '15000');
    expect(writtenFile().finance.otherMonthlyBurn).toEqual({ low: 8_000, likely: 10_000, high: 15_000 });

    await user.click(screen.getByRole('button', { name: 'Add range to Revenue growth' }));
    // 0 % growth: one point either side.
    expect(currentScenario().finance.ranges?.revenueGrowth).toEqual({ low: -0.01, high: 0.01 });

    await user.click(screen.getByRole('button', { name: 'Remove range from Other monthly burn' }));
    await user.click(screen.getByRole('button', { name: 'Remove range from Revenue growth' }));
    expect(currentScenario().finance).not.toHaveProperty('ranges');
    expect(writtenFile().finance.otherMonthlyBurn).toBe(10_000);
  });
});

describe('ranges that come with the scenario', () => {
  it('are closed on Credits and runway, as a field without one is, their marker showing the ends', async () => {
    const user = userEvent.setup();
    const scenario = makeRangeScenario();
    // A range that comes with the scenario, as the shipped default gives other burn one.
    scenario.finance = {
      cashOnHand: 100_000,
      otherMonthlyBurn: 10_000,
      ranges: { otherMonthlyBurn: { low: 8_000, high: 12_500 } },
    };
    renderWithScenario(<RunwayPanel />, scenario);
    const marker = screen.getByRole('button', { name: 'Other monthly burn: range $8,000–$12,500' });
    expect(marker).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('Low other monthly burn')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Range of other monthly burn' })).not.toBeInTheDocument();
    // The fields without a range show just their toggle, closed alike.
    expect(screen.getByRole('button', { name: 'Add range to Cash on hand' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );

    await user.click(marker);
    expect(marker).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('group', { name: 'Range of other monthly burn' })).toBeInTheDocument();
    expect(screen.getByLabelText('Low other monthly burn')).toHaveValue('8,000');
    expect(screen.getByLabelText('High other monthly burn')).toHaveValue('12,500');

    // Closing hides the ends and keeps the range.
    await user.click(marker);
    expect(marker).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('Low other monthly burn')).not.toBeInTheDocument();
    expect(currentScenario().finance.ranges?.otherMonthlyBurn).toEqual({ low: 8_000, high: 12_500 });
  });

  it('are closed on the Traffic mix, with no row of ends until one is opened', async () => {
    const user = userEvent.setup();
    const scenario = makeRangeScenario();
    scenario.traffic = [
      { ...scenario.traffic[0]!, ranges: { requestsPerMonth: { low: 900_000, high: 1_500_000 } } },
      ...scenario.traffic.slice(1),
    ];
    renderWithScenario(<TrafficPanel />, scenario);
    const marker = screen.getByRole('button', {
      name: 'Requests per month for Main traffic: range 900K–1.5M',
    });
    expect(marker).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Range: low / high')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Low requests per month for Main traffic')).not.toBeInTheDocument();

    await user.click(marker);
    expect(screen.getByText('Range: low / high')).toBeInTheDocument();
    expect(screen.getByLabelText('Low requests per month for Main traffic')).toHaveValue('900,000');
  });
});
