import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenBoundary } from '../../src/app/screen-boundary';
import { serializeScenario } from '../../src/io/scenario-file';
import { usePlannerStore, useScenario } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';
import { captureDownloads } from '../factories/capture-downloads';

/** A screen that throws while the scenario's name is "Breaks", as a chart once did on a model of quality 1e7. */
function FragileScreen() {
  const scenario = useScenario();
  if (scenario.name === 'Breaks') throw new RangeError('Maximum call stack size exceeded');
  return <p>Figures for {scenario.name}</p>;
}

function renderScreens(name: string) {
  return renderWithScenario(
    <>
      <ScreenBoundary label="Optimise">
        <FragileScreen />
      </ScreenBoundary>
      <p>The summary</p>
    </>,
    { ...makeSmallScenario(), name },
  );
}

afterEach(() => vi.restoreAllMocks());

describe('ScreenBoundary', () => {
  it('shows what failed in place of the screen, keeps the scenario and the rest of the page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderScreens('Breaks');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'The Optimise screen could not be shown: Maximum call stack size exceeded.',
    );
    expect(screen.getByText('The summary')).toBeInTheDocument();
    expect(usePlannerStore.getState().scenario?.name).toBe('Breaks');
  });

  it('exports the scenario as it is, from the failed screen', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    renderScreens('Breaks');
    const { names: downloads, blobs } = captureDownloads();
    await user.click(screen.getByRole('button', { name: 'Export this scenario' }));
    expect(downloads).toEqual(['Breaks.scenario.json']);
    expect(await blobs[0]!.text()).toBe(serializeScenario(usePlannerStore.getState().scenario!));
  });

  it('tries the screen again after an edit to the scenario', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderScreens('Breaks');
    expect(screen.queryByText(/Figures for/)).toBeNull();
    act(() => {
      usePlannerStore.getState().edit((scenario) => ({ ...scenario, name: 'Fixed' }));
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Figures for Fixed')).toBeInTheDocument();
  });

  it('shows the screen itself when nothing throws', () => {
    renderScreens('Fine');
    expect(screen.getByText('Figures for Fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
