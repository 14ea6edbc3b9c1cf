/**
 * When an analysis fails off the page (the worker crashed, ran out of memory), each screen says what could not
 * be computed and why, in place of the result, and the rest of the screen keeps working.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OptimisePanel } from '../../src/features/optimise/optimise-panel';
import { SensitivitySection } from '../../src/features/uncertainty/sensitivity-section';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';
import type * as AnalysisClient from '../../src/workers/analysis-client';

vi.mock('../../src/workers/analysis-client', async (importOriginal) => ({
  ...(await importOriginal<typeof AnalysisClient>()),
  computeAnalysis: () => Promise.reject(new Error('the analysis worker failed: out of memory')),
}));

describe('an analysis that fails', () => {
  it('is named with its reason on the Optimise screen, section by section', async () => {
    renderWithScenario(<OptimisePanel />, makeSmallScenario());
    const failure = await screen.findByText(
      'The optimised assignment could not be computed: the analysis worker failed: out of memory.',
    );
    expect(failure).toHaveAttribute('role', 'alert');
    // A failure is one line: it keeps none of the room the assignment's table would have taken.
    expect(failure.parentElement!.style.minHeight).toBe('');
    expect(
      await screen.findByText('The growth could not be sought: the analysis worker failed: out of memory.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Optimised assignment' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
    // What needs no analysis still works: the slice can be chosen.
    expect(screen.getAllByLabelText('Slice')[0]).toBeEnabled();
  });

  it('is named with its reason in the sensitivity section', async () => {
    renderWithScenario(<SensitivitySection />, makeSmallScenario());
    expect(
      await screen.findByText(
        'The sensitivity could not be computed: the analysis worker failed: out of memory.',
      ),
    ).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Swing where no range (±)')).toBeEnabled();
  });
});
