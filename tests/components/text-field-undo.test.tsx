import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useUndoShortcuts } from '../../src/app/use-undo-shortcuts';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

describe('text typed into a field', () => {
  it('makes one undo step of a word typed letter by letter, and another field starts its own', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    const notes = screen.getByLabelText('Notes for Main traffic');
    await user.type(notes, 'peak in Q4');
    const state = usePlannerStore.getState();
    expect(state.scenario?.traffic[0]?.notes).toBe('peak in Q4');
    // Ten letters, ten commits: one step.
    expect(state.past).toHaveLength(1);
    act(() => state.undo());
    expect(usePlannerStore.getState().scenario?.traffic[0]?.notes ?? '').toBe('');
    expect(notes).toHaveValue('');

    await user.type(screen.getByLabelText('Name for Main traffic'), ' (EU)');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.name).toBe('Main traffic (EU)');
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('keeps a slice name on one line: Enter adds nothing, and a pasted line break becomes a space', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    const name = screen.getByRole('textbox', { name: 'Name for Main traffic' });
    await user.type(name, '{Enter}');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.name).toBe('Main traffic');
    await user.clear(name);
    await user.paste('Support\r\n  chat');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.name).toBe('Support chat');
    expect(name).toHaveValue('Support chat');
  });

  it('makes one undo step of a slice’s allowed regions typed letter by letter', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    const regions = screen.getByRole('textbox', { name: 'Allowed regions for Main traffic' });
    await user.type(regions, 'eu, us');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.regions).toEqual(['eu', 'us']);
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('makes a new undo step when the field is left and typed in again, however quickly', async () => {
    const user = userEvent.setup();
    function WithShortcuts() {
      useUndoShortcuts();
      return <TrafficPanel />;
    }
    renderWithScenario(<WithShortcuts />, makeSmallScenario());
    const notes = screen.getByLabelText('Notes for Main traffic');
    await user.type(notes, 'peak');
    await user.tab();
    await user.type(notes, ' Q4');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.notes).toBe('peak Q4');
    // Two visits to the field, two steps: undo takes back the second only.
    expect(usePlannerStore.getState().past).toHaveLength(2);
    act(() => usePlannerStore.getState().undo());
    expect(notes).toHaveValue('peak');
  });
});
