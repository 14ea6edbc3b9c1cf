import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { NumberField } from '../../src/ui/number-field';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

function Field({
  value,
  onCommit,
  schema = z.number().min(0, 'must be 0 or more'),
}: {
  value: number;
  onCommit: (value: number) => string | null;
  schema?: z.ZodType<number>;
}) {
  return <NumberField label="Tokens" value={value} schema={schema} onCommit={onCommit} />;
}

describe('NumberField', () => {
  it('drops a refusal once the store holds the typed value another way, and keeps the text as typed', async () => {
    const user = userEvent.setup();
    const refuse = vi.fn(() => 'was not applied: busy');
    const { rerender } = render(<Field value={5} onCommit={refuse} />);
    const input = screen.getByLabelText('Tokens');
    await user.clear(input);
    await user.type(input, '7.50');
    expect(screen.getByRole('alert')).toHaveTextContent('Tokens was not applied: busy');
    // Undo, another screen or an import brings 7.5 in: the refusal no longer holds.
    rerender(<Field value={7.5} onCommit={refuse} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(input).toHaveValue('7.50');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('keeps its own rule’s message when the store accepts a value that rule refuses', async () => {
    const user = userEvent.setup();
    const whole = z.number().int('must be a whole number');
    const { rerender } = render(<Field value={2} onCommit={() => null} schema={whole} />);
    const input = screen.getByLabelText('Tokens');
    await user.clear(input);
    await user.type(input, '2.5');
    expect(screen.getByRole('alert')).toHaveTextContent('Tokens must be a whole number');
    rerender(<Field value={2.5} onCommit={() => null} schema={whole} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Tokens must be a whole number');
    expect(input).toHaveValue('2.5');
  });

  it('replaces an empty or different text with an outside value and clears its message', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Field value={5} onCommit={() => null} />);
    const input = screen.getByLabelText('Tokens');
    await user.clear(input);
    expect(screen.getByRole('alert')).toHaveTextContent('Tokens is required');
    // An empty box is not "0": the outside value 0 is written in, and the message goes.
    rerender(<Field value={0} onCommit={() => null} />);
    expect(input).toHaveValue('0');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(input, 'x');
    expect(screen.getByRole('alert')).toHaveTextContent('Tokens must be a number');
    rerender(<Field value={9} onCommit={() => null} />);
    expect(input).toHaveValue('9');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a money amount with its cents once left, and bare while typed in', async () => {
    const user = userEvent.setup();
    function Amount() {
      const [value, setValue] = useState(350);
      return (
        <NumberField
          label="Monthly amount"
          value={value}
          money="amount"
          schema={z.number().min(0)}
          onCommit={(next) => {
            setValue(next);
            return null;
          }}
        />
      );
    }
    render(<Amount />);
    const input = screen.getByLabelText('Monthly amount');
    expect(input).toHaveValue('350');
    await user.clear(input);
    await user.type(input, '1350.4');
    await user.tab();
    expect(input).toHaveValue('1,350.40');
    // Back in the field, the bare number to edit, as in a spreadsheet cell.
    await user.click(input);
    expect(input).toHaveValue('1350.4');
  });

  it('shows a price with its cents always, so a whole dollar reads as its neighbours do', async () => {
    const user = userEvent.setup();
    render(
      <NumberField
        label="Input price"
        value={1}
        money="price"
        schema={z.number().min(0)}
        onCommit={() => null}
      />,
    );
    const input = screen.getByLabelText('Input price');
    // $1 beside a $0.10 reads "1.00"; a price with more digits keeps them all.
    expect(input).toHaveValue('1.00');
    await user.clear(input);
    await user.type(input, '0.000375');
    await user.tab();
    expect(input).toHaveValue('0.000375');
  });

  it('asks a percentage field for a percentage, and a decimal comma for a point', async () => {
    const user = userEvent.setup();
    render(
      <NumberField
        label="Batch share"
        value={0.2}
        percent
        schema={z.number().min(0).max(1)}
        onCommit={() => null}
      />,
    );
    const input = screen.getByLabelText('Batch share');
    await user.clear(input);
    await user.type(input, 'half');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Batch share must be a percentage (such as 25 or 12.5)',
    );
    await user.clear(input);
    await user.type(input, '12,5');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Batch share must use a point for decimals (12.5, not 12,5)',
    );
  });

  it('says that a percentage typed below 1 is read as typed, and how to type the share it may mean', async () => {
    const user = userEvent.setup();
    const commit = vi.fn(() => null);
    render(
      <NumberField
        label="Cache hits"
        value={0.5}
        schema={z.number().min(0).max(1)}
        onCommit={commit}
        percent
      />,
    );
    const input = screen.getByLabelText('Cache hits');
    await user.clear(input);
    await user.type(input, '0.25');
    // 0.25 typed is 0.25 %, the fraction 0.0025; a spreadsheet's 0.25 would be 25 %.
    expect(commit).toHaveBeenLastCalledWith(0.0025);
    expect(screen.getByRole('status')).toHaveTextContent('Read as 0.25 %; for 25 %, type 25');
    await user.clear(input);
    await user.type(input, '25');
    expect(commit).toHaveBeenLastCalledWith(0.25);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('leaves the plan as it was when the text typed is refused, not at a value typed on the way', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    const batch = screen.getByLabelText('Batch share for Main traffic');
    const before = usePlannerStore.getState().scenario?.traffic[0]?.batchShare;
    await user.clear(batch);
    // "1" (1 %) and "15" (15 %) are valid on the way; "150" (150 %) is refused.
    await user.type(batch, '150');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Batch share for Main traffic must be between 0 and 100 %',
    );
    expect(batch).toHaveValue('150');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.batchShare).toBe(before);
    // Typing on to a valid value commits it, and the whole burst is one undo step back to the value before.
    await user.type(batch, '{Backspace}');
    expect(usePlannerStore.getState().scenario?.traffic[0]?.batchShare).toBe(0.15);
    act(() => usePlannerStore.getState().undo());
    expect(usePlannerStore.getState().scenario?.traffic[0]?.batchShare).toBe(before);
  });

  it('makes one undo step of a number typed keystroke by keystroke', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    const requests = screen.getByLabelText('Requests per month for Main traffic');
    await user.clear(requests);
    await user.type(requests, '3000000');
    const state = usePlannerStore.getState();
    expect(state.scenario?.traffic[0]?.requestsPerMonth).toBe(3_000_000);
    // Clearing (refused: "is required") then 3, 30, … 3000000: seven commits, one step.
    expect(state.past).toHaveLength(1);
    act(() => state.undo());
    expect(usePlannerStore.getState().scenario?.traffic[0]?.requestsPerMonth).toBe(1_000_000);
    expect(requests).toHaveValue('1,000,000');
    // Another field starts its own step.
    const input = screen.getByLabelText('Input tokens for Main traffic');
    await user.type(input, '0');
    await user.click(requests);
    await user.type(requests, '0');
    expect(usePlannerStore.getState().past).toHaveLength(2);
  });
});
