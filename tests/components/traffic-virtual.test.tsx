import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario-schema';
import { TrafficPanel, VIRTUAL_SLICES_ABOVE } from '../../src/features/traffic/traffic-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

/** The two-slice scenario with `count` slices: copies of its first, named Slice 1, Slice 2, … */
function withSlices(count: number): Scenario {
  const scenario = makeTwoSliceScenario();
  const first = scenario.traffic[0]!;
  const traffic = Array.from({ length: count }, (_, i) => ({
    ...first,
    id: `s${i + 1}`,
    name: `Slice ${i + 1}`,
  }));
  // The assignment routes the new ids through its fallback: the cheap model.
  const strategies = scenario.strategies.map((strategy) =>
    strategy.kind === 'assign' ? { ...strategy, routes: {}, fallback: 'cheap' } : strategy,
  );
  return { ...scenario, traffic, strategies } as Scenario;
}

function drawnSlices(): number {
  return document.querySelectorAll('[data-slice-row]').length;
}

describe('TrafficPanel with a long traffic mix', () => {
  it('draws every slice of a short mix', () => {
    renderWithScenario(<TrafficPanel />, withSlices(VIRTUAL_SLICES_ABOVE));
    expect(drawnSlices()).toBe(VIRTUAL_SLICES_ABOVE);
    expect(screen.queryByRole('region', { name: /Traffic slices/ })).not.toBeInTheDocument();
  });

  it('draws only the slices in view of a 60-slice mix, in a labelled scroll box, and edits them', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, withSlices(60));
    const box = screen.getByRole('region', { name: 'Traffic slices, 60: scroll to see them all' });
    // 720 px of view at 112 px a slice, and six either side: far fewer than 60.
    expect(drawnSlices()).toBeGreaterThan(0);
    expect(drawnSlices()).toBeLessThan(40);
    const requests = within(box).getByLabelText('Requests per month for Slice 1');
    await user.clear(requests);
    await user.type(requests, '42');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.requestsPerMonth).toBe(42);
    // The shares table lists the first 40 slices, and the rest on request.
    await waitFor(() => expect(screen.getByTestId('share-tokens-39')).toBeInTheDocument());
    expect(screen.queryByTestId('share-tokens-40')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all 60 slices' }));
    await waitFor(() => expect(screen.getByTestId('share-tokens-59')).toBeInTheDocument());
  });
});
