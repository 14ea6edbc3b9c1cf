import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioInput, Strategy } from '../../src/domain/scenario-schema';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { chooseModel } from '../factories/screen-queries';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

// Figures from makeTwoSliceScenario (see its comment): main $1,200 on cheap, $4,500 on dear; hard $700 on
// cheap, $3,000 on dear. "cheap" scores 50, "dear" 90; hard's bar is 80, main's 0.

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

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function createStrategy(user: ReturnType<typeof userEvent.setup>, kindLabel: string) {
  await user.selectOptions(screen.getByLabelText('Kind of new strategy'), kindLabel);
  await user.click(screen.getByRole('button', { name: 'Add strategy' }));
}

describe('StrategiesPanel', () => {
  it('lists every strategy with its first-month spend and the slices below their bar', () => {
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    expect(screen.getByTestId('strategy-spend-all-cheap')).toHaveTextContent('$1,900');
    expect(screen.getByTestId('strategy-spend-mixed')).toHaveTextContent('$4,200');
    // All on cheap serves Hard (bar 80) with a model scoring 50.
    expect(screen.getByTestId('strategy-misses-all-cheap')).toHaveTextContent('1 below bar Hard');
    expect(screen.getByTestId('strategy-misses-mixed')).toHaveTextContent('All met');
    // The first strategy is open; its quality card says why.
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Hard: Cheap model scores 50, below the bar of 80, on 100% of requests',
    );
  });

  it('opens the strategy picked in the summary (the focus) in the editor', () => {
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    expect(screen.getByLabelText('Strategy name')).toHaveValue('All on cheap');
    act(() => usePlannerStore.getState().setFocusStrategy('mixed'));
    expect(screen.getByLabelText('Strategy name')).toHaveValue('Mixed');
  });

  it.each([
    ['Single model', 'single', { kind: 'single', model: 'cheap' }, '$1,900'],
    // Each slice on the cheapest model meeting its bar: main → cheap, hard → dear: 1,200 + 3,000.
    [
      'Model per slice',
      'assign',
      { kind: 'assign', routes: { main: 'cheap', hard: 'dear' }, fallback: 'cheap' },
      '$4,200',
    ],
    // Hard tries cheap first and escalates 20 % to dear: 1,200 + 700 + 0.2 × 3,000 = $2,500.
    [
      'Cascade',
      'cascade',
      {
        kind: 'cascade',
        routes: {
          main: { steps: ['cheap'], escalation: [] },
          hard: { steps: ['cheap', 'dear'], escalation: [0.2] },
        },
        fallback: 'cheap',
      },
      '$2,500',
    ],
    [
      'Classifier router',
      'router',
      {
        kind: 'router',
        classifier: null,
        routes: { main: { cheap: 1 }, hard: { dear: 1 } },
        fallback: 'cheap',
      },
      '$4,200',
    ],
    ['Cheapest meeting each bar', 'cheapest-meeting-bar', { kind: 'cheapest-meeting-bar' }, '$4,200'],
  ])('creates a %s strategy with sensible routes and opens it', async (label, id, expected, spend) => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await createStrategy(user, label);
    expect(plain(findStrategy(id))).toMatchObject(expected);
    expect(screen.getByTestId(`strategy-spend-${id}`)).toHaveTextContent(spend);
    const name = screen.getByLabelText('Strategy name');
    expect(name).toHaveValue(findStrategy(id).name);
    expect(name).toHaveFocus();
    expect(screen.getByRole('button', { name: new RegExp(`^${findStrategy(id).name}`) })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('edits a cascade: escalation rate, add and remove steps', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await createStrategy(user, 'Cascade');
    const rate = screen.getByLabelText('Escalation from step 1 to step 2 for Hard');
    expect(rate).toHaveValue('20');
    await user.clear(rate);
    await user.type(rate, '50');
    expect(plain(findStrategy('cascade'))).toMatchObject({ routes: { hard: { escalation: [0.5] } } });
    // Hard: 700 + 0.5 × 3,000 = 2,200; with main's 1,200: $3,400.
    expect(screen.getByTestId('strategy-spend-cascade')).toHaveTextContent('$3,400');
    expect(screen.getByText('Step 2 · 50% of requests')).toBeInTheDocument();

    // Adding a step after "cheap" offers the next model up in quality, escalating 10 %.
    await user.click(screen.getByRole('button', { name: 'Add step for Main traffic' }));
    expect(plain(findStrategy('cascade'))).toMatchObject({
      routes: { main: { steps: ['cheap', 'dear'], escalation: [0.1] } },
    });
    await user.click(screen.getByRole('button', { name: 'Remove step 1 for Main traffic' }));
    expect(plain(findStrategy('cascade'))).toMatchObject({
      routes: { main: { steps: ['dear'], escalation: [] } },
    });

    // An escalation rate over 100 % stays in the box with its message and out of the store.
    await user.clear(rate);
    await user.paste('150');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Escalation from step 1 to step 2 for Hard must be between 0 and 100 %',
    );
    expect(plain(findStrategy('cascade'))).toMatchObject({ routes: { hard: { escalation: [0.5] } } });
  });

  it('keeps router shares that do not sum to 100 % on screen with an error, and commits once they do', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await createStrategy(user, 'Classifier router');
    await user.click(screen.getByRole('button', { name: 'Add model to Hard' }));
    expect(plain(findStrategy('router'))).toMatchObject({ routes: { hard: { dear: 1, cheap: 0 } } });

    const cheapShare = screen.getByLabelText('Share of Cheap model for Hard');
    await user.clear(cheapShare);
    await user.type(cheapShare, '30');
    expect(cheapShare).toHaveValue('30');
    expect(screen.getByTestId('router-sum-hard')).toHaveTextContent('Sum: 130%');
    expect(screen.getByRole('alert')).toHaveTextContent('Shares for Hard sum to 130%; they must sum to 100%');
    // Nothing reached the scenario.
    expect(plain(findStrategy('router'))).toMatchObject({ routes: { hard: { dear: 1, cheap: 0 } } });
    expect(screen.getByTestId('strategy-spend-router')).toHaveTextContent('$4,200');

    const dearShare = screen.getByLabelText('Share of Dear model for Hard');
    await user.clear(dearShare);
    await user.type(dearShare, '70');
    expect(plain(findStrategy('router'))).toMatchObject({ routes: { hard: { dear: 0.7, cheap: 0.3 } } });
    expect(screen.getByTestId('router-sum-hard')).toHaveTextContent('Sum: 100%');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Hard: 0.7 × 3,000 + 0.3 × 700 = 2,310; with main's 1,200: $3,510.
    expect(screen.getByTestId('strategy-spend-router')).toHaveTextContent('$3,510');
  });

  it('sets a router classifier and its tokens', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await createStrategy(user, 'Classifier router');
    await chooseModel(user, screen.getByLabelText('Classifier model'), 'Cheap model');
    expect(plain(findStrategy('router'))).toMatchObject({
      classifier: { model: 'cheap', inputTokens: 300, outputTokens: 5 },
    });
    const input = screen.getByLabelText('Classifier input tokens');
    await user.clear(input);
    await user.type(input, '1000');
    // Classifier: 1,000 × 1e-6 + 5 × 2e-6 = $0.00101 a request × 1,250,000 requests = $1,262.50, on top of $4,200.
    expect(screen.getByTestId('strategy-spend-router')).toHaveTextContent('$5,463');
    await chooseModel(user, screen.getByLabelText('Classifier model'), 'No classifier');
    expect(plain(findStrategy('router'))).toMatchObject({ classifier: null });
  });

  it('turns batch discounts on and off, and the spend follows', async () => {
    const user = userEvent.setup();
    const scenario: ScenarioInput = makeTwoSliceScenario();
    scenario.catalog[0]!.pricing = {
      kind: 'per-token',
      inputPerMTok: 1,
      outputPerMTok: 2,
      batchDiscount: 0.5,
    };
    scenario.traffic[0]!.batchShare = 0.5;
    renderWithScenario(<StrategiesPanel />, scenario);
    // Main on cheap with half its requests batched at 50 % off: 1,200 × (1 − 0.5 × 0.5) = 900; hard 700.
    expect(screen.getByTestId('strategy-spend-all-cheap')).toHaveTextContent('$1,600');
    const batch = screen.getByRole('switch', { name: 'Batch discounts' });
    expect(batch).toBeChecked();
    await user.click(batch);
    expect(currentScenario().options.batch).toBe(false);
    expect(batch).not.toBeChecked();
    expect(screen.getByTestId('strategy-spend-all-cheap')).toHaveTextContent('$1,900');
    await user.click(screen.getByRole('switch', { name: 'Prompt caching' }));
    expect(currentScenario().options.caching).toBe(false);
  });

  it('opens at the scenario settings, their first field focused, from the Summary’s link', () => {
    window.history.replaceState(null, '', '#strategies?settings');
    try {
      renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
      const settings = screen.getByRole('region', { name: 'Scenario settings' });
      expect(within(settings).getByLabelText('Scenario name')).toHaveFocus();
    } finally {
      window.history.replaceState(null, '', '#');
    }
  });

  it('edits scenario settings, refusing what the scenario cannot hold', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    const horizon = screen.getByLabelText('Horizon');
    await user.clear(horizon);
    await user.type(horizon, '0');
    expect(screen.getByRole('alert')).toHaveTextContent('Horizon must be between 1 and 120');
    expect(currentScenario().horizonMonths).toBe(12);
    await user.clear(horizon);
    await user.type(horizon, '36');
    expect(currentScenario().horizonMonths).toBe(36);

    const start = screen.getByLabelText('Start month (YYYY-MM)');
    await user.clear(start);
    expect(currentScenario()).not.toHaveProperty('startMonth');
    await user.paste('2027-13');
    expect(screen.getByRole('alert')).toHaveTextContent('startMonth: must be a month written YYYY-MM');
    expect(start).toHaveValue('2027-13');
    await user.clear(start);
    await user.paste('2028-03');
    expect(currentScenario().startMonth).toBe('2028-03');
    expect(screen.getByTestId('strategy-misses-all-cheap').closest('li')).toHaveTextContent('in Mar 2028');

    const peak = screen.getByLabelText('Peak-to-average traffic');
    await user.clear(peak);
    await user.type(peak, '3');
    expect(currentScenario().options.peakToAverage).toBe(3);

    const name = screen.getByLabelText('Scenario name');
    await user.clear(name);
    await user.type(name, 'Pilot');
    expect(currentScenario().name).toBe('Pilot');
  });

  it('lists quality-bar misses as routes change, and for cheapest-meeting-bar when no model qualifies', async () => {
    const user = userEvent.setup();
    const scenario = makeTwoSliceScenario();
    scenario.strategies.push({ id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' });
    renderWithScenario(<StrategiesPanel />, scenario);
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Every slice is served at or above its quality bar',
    );
    await chooseModel(user, screen.getByLabelText('Model for Hard'), 'Cheap model');
    expect(screen.getByTestId('strategy-misses-mixed')).toHaveTextContent('1 below bar Hard');
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Hard: Cheap model scores 50, below the bar of 80, on 100% of requests',
    );

    // Cheapest-meeting-bar picks cheap for main ($0.0012 a request) and dear for hard ($0.012).
    await user.click(screen.getByRole('button', { name: /^Auto/ }));
    expect(within(screen.getByTestId('cheapest-row-main')).getByText('Cheap model')).toBeInTheDocument();
    expect(screen.getByTestId('cheapest-cost-main')).toHaveTextContent('$0.0012');
    expect(screen.getByTestId('cheapest-cost-hard')).toHaveTextContent('$0.012');
    expect(screen.getByTestId('strategy-misses-auto')).toHaveTextContent('All met');
  });

  it('marks cheapest-meeting-bar slices no model can serve, as the engine reports them', () => {
    const scenario = makeTwoSliceScenario();
    scenario.traffic[1]!.qualityBar = 95;
    scenario.strategies = [{ id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' }];
    renderWithScenario(<StrategiesPanel />, scenario);
    expect(
      within(screen.getByTestId('cheapest-row-hard')).getByText('Below bar: none qualifies'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('strategy-misses-auto')).toHaveTextContent('1 below bar Hard');
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Hard: Dear model scores 90, below the bar of 95, on 100% of requests',
    );
  });

  it('refuses to drop a route that has no fallback, keeping the choice and its message', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    const mainModel = screen.getByLabelText('Model for Main traffic');
    await chooseModel(user, mainModel, 'Fallback (none set)');
    expect(mainModel).toHaveValue('Fallback (none set)');
    expect(screen.getByRole('alert')).toHaveTextContent('fallback: is required: slice "main" has no route');
    expect(plain(findStrategy('mixed'))).toMatchObject({ routes: { main: 'cheap' } });
    // With a fallback set, the slice can use it.
    await chooseModel(user, screen.getByLabelText('Fallback model'), 'Dear model');
    await chooseModel(user, mainModel, 'Fallback: Dear model');
    expect(plain(findStrategy('mixed'))).toEqual(
      expect.objectContaining({ routes: { hard: 'dear' }, fallback: 'dear' }),
    );
  });

  it('renames, duplicates and deletes (undoably) a strategy', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    const name = screen.getByLabelText('Strategy name');
    await user.clear(name);
    await user.type(name, 'Split');
    expect(findStrategy('mixed').name).toBe('Split');

    await user.click(screen.getByRole('button', { name: 'Duplicate Split' }));
    expect(currentScenario().strategies.map((s) => s.id)).toEqual(['all-cheap', 'mixed', 'mixed-copy']);
    expect(screen.getByLabelText('Strategy name')).toHaveValue('Split (copy)');

    await user.click(screen.getByRole('button', { name: 'Delete Split (copy)' }));
    expect(currentScenario().strategies.map((s) => s.id)).toEqual(['all-cheap', 'mixed']);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Deleted Split (copy). You can undo this.');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(currentScenario().strategies.map((s) => s.id)).toEqual(['all-cheap', 'mixed', 'mixed-copy']);
  });

  it('stays usable with a 2,000-model catalog: a picker that searches it and holds no option until opened', async () => {
    const user = userEvent.setup();
    const scenario = makeTwoSliceScenario();
    for (let i = 0; i < 2000; i++) {
      scenario.catalog.push({
        id: `bulk-${i}`,
        name: `Model ${String(i).padStart(4, '0')}`,
        provider: `Provider ${i % 40}`,
        platform: 'litellm',
        pricing: { kind: 'per-token', inputPerMTok: 5 + (i % 7), outputPerMTok: 20 },
        quality: 40 + (i % 50),
      });
    }
    renderWithScenario(<StrategiesPanel />, scenario);
    const picker = screen.getByRole('combobox', { name: 'Model' });
    expect(picker).toHaveValue('Cheap model (bedrock) · quality 50');
    expect(screen.queryByRole('listbox', { name: 'Model' })).not.toBeInTheDocument();
    await user.click(picker);
    await user.type(picker, 'model 1999');
    const listbox = screen.getByRole('listbox', { name: 'Model' });
    expect(within(listbox).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(plain(findStrategy('all-cheap'))).toMatchObject({ model: 'bulk-1999' });
    expect(picker).toHaveValue('Model 1999 (litellm) · quality 89');
  }, 20_000);

  it('applies one slice’s cascade to the other slices in one undo step', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await createStrategy(user, 'Cascade');
    const before = plain(findStrategy('cascade')) as { routes: Record<string, unknown> };
    const mainRoute = before.routes['main'];
    expect(before.routes['hard']).not.toEqual(mainRoute);
    const steps = usePlannerStore.getState().past.length;
    const [mainApply] = screen.getAllByText('Apply this route to other slices');
    await user.click(mainApply!);
    await user.click(screen.getByRole('button', { name: 'Apply Main traffic’s route to 1 slice' }));
    expect((plain(findStrategy('cascade')) as { routes: Record<string, unknown> }).routes['hard']).toEqual(
      mainRoute,
    );
    expect(
      screen.getByText('Main traffic’s route now applies to every slice. You can undo this.'),
    ).toBeInTheDocument();
    expect(usePlannerStore.getState().past).toHaveLength(steps + 1);
  });

  it('assigns one model to the slices ticked, in one undo step', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    const steps = usePlannerStore.getState().past.length;
    await user.click(screen.getByText('Assign one model to many slices'));
    const picker = screen.getByRole('combobox', { name: 'Model to assign' });
    await user.click(picker);
    await user.type(picker, 'Dear');
    await user.keyboard('{Enter}');
    // Both slices ticked at first; untick Hard, so only Main traffic moves to dear.
    await user.click(screen.getByRole('checkbox', { name: 'Hard' }));
    await user.click(screen.getByRole('button', { name: 'Assign to 1 slice' }));
    expect((plain(findStrategy('mixed')) as { routes: Record<string, string> }).routes).toEqual({
      main: 'dear',
      hard: 'dear',
    });
    expect(screen.getByText('Dear model now serves Main traffic. You can undo this.')).toBeInTheDocument();
    expect(usePlannerStore.getState().past).toHaveLength(steps + 1);
  });
});
