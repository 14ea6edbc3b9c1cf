import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FiguresProvider } from '../../src/app/figures-provider';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { updateSlice } from '../../src/state/scenario-edits';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

function dearRow() {
  return within(screen.getByRole('table')).getByRole('row', { name: /All on dear/ });
}

describe('FiguresProvider', () => {
  it('keeps the last figures on screen while an edit’s are computed, then shows them', async () => {
    renderWithScenario(
      <FiguresProvider>
        <SummaryPanel />
      </FiguresProvider>,
      makeSmallScenario(),
    );
    // All on dear: 1,000,000 requests × (1,000 × $3 + 100 × $15) / 1M = $4,500 a month.
    expect(within(dearRow()).getByText('$4,500')).toBeInTheDocument();
    act(() => {
      usePlannerStore
        .getState()
        .edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, requestsPerMonth: 2_000_000 }));
    });
    // The edit is in the store at once; its figures are computed in later tasks.
    expect(usePlannerStore.getState().scenario?.traffic[0]?.requestsPerMonth).toBe(2_000_000);
    expect(within(dearRow()).getByText('$4,500')).toBeInTheDocument();
    // Twice the requests: $9,000 a month.
    expect(await within(dearRow()).findByText('$9,000')).toBeInTheDocument();
  });

  it('shows only the last of several quick edits', async () => {
    renderWithScenario(
      <FiguresProvider>
        <SummaryPanel />
      </FiguresProvider>,
      makeSmallScenario(),
    );
    act(() => {
      for (const requests of [3_000_000, 4_000_000, 500_000])
        usePlannerStore
          .getState()
          .edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, requestsPerMonth: requests }));
    });
    // 500,000 requests: $2,250 a month on dear.
    expect(await within(dearRow()).findByText('$2,250')).toBeInTheDocument();
    expect(within(dearRow()).queryByText('$13,500')).not.toBeInTheDocument();
  });
});
