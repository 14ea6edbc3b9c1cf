import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { renderWithScenario } from '../factories/render-with-store';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

/**
 * The two-slice scenario with "dear" served from "us", "cheap" with no region, and the "hard" slice allowed
 * only in "eu": every strategy sends hard outside its regions (cheap's region is unknown, dear's is us).
 */
function makeRegionScenario(): ScenarioInput {
  const base = makeTwoSliceScenario();
  return {
    ...base,
    catalog: base.catalog.map((model) => (model.id === 'dear' ? { ...model, region: 'us' } : model)),
    traffic: base.traffic.map((slice) => (slice.id === 'hard' ? { ...slice, regions: ['eu'] } : slice)),
  };
}

describe('Slices sent outside their allowed regions', () => {
  it('are flagged in the Summary beside the quality-bar badge', () => {
    renderWithScenario(<SummaryPanel />, makeRegionScenario());
    const mixed = screen.getByRole('row', { name: /Mixed/ });
    expect(within(mixed).getByText('1 outside region')).toBeInTheDocument();
  });

  it('are not flagged when the slice allows the model’s region', () => {
    const scenario = makeRegionScenario();
    renderWithScenario(<SummaryPanel />, {
      ...scenario,
      catalog: scenario.catalog.map((model) => ({ ...model, region: 'eu' })),
    });
    expect(screen.queryByText(/outside region/)).not.toBeInTheDocument();
  });

  it('are listed on the Strategies screen with the models and their regions', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeRegionScenario());
    expect(screen.getByTestId('strategy-misses-mixed')).toHaveTextContent(
      '1 outside region Hard: Dear model serves us, outside eu, on 100% of requests',
    );
    await user.click(screen.getByRole('button', { name: /^Mixed/ }));
    const list = screen.getByRole('list', { name: 'Constraints the plan breaks' });
    expect(list).toHaveTextContent(
      'Outside region Hard: Dear model serves us, outside eu, on 100% of requests',
    );
  });
});
