import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/scenario-schema';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeTwoSliceScenario } from '../factories/two-slice-scenario';

// makeTwoSliceScenario: "cheap" scores 50, "dear" 90 in the catalog; hard's bar is 80, main's 0. "All on cheap"
// serves hard with cheap, below its bar.

function currentScenario(): Scenario {
  const scenario = usePlannerStore.getState().scenario;
  if (!scenario) throw new Error('no scenario loaded');
  return scenario;
}

function withEvaluation() {
  return {
    ...makeTwoSliceScenario(),
    schemaVersion: 3 as const,
    evaluations: [{ model: 'cheap', slice: 'hard', score: 85, source: 'our eval' }],
  };
}

describe('EvaluationsSection', () => {
  it('adds an evaluation, takes a typed score, and the verdicts follow it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    const section = screen.getByRole('region', { name: 'Your own evaluations' });
    expect(screen.getByTestId('strategy-misses-all-cheap')).toHaveTextContent('1 below bar Hard');

    await user.click(within(section).getByRole('button', { name: 'Add an evaluation' }));
    // The first free pair: cheap on main, starting at its catalog score.
    expect(currentScenario().evaluations).toEqual([{ model: 'cheap', slice: 'main', score: 50 }]);

    await user.selectOptions(within(section).getByLabelText('Slice of evaluation 1'), 'Hard');
    expect(currentScenario().evaluations[0]?.slice).toBe('hard');
    const score = within(section).getByLabelText('Your score of Cheap model on Hard');
    await user.clear(score);
    await user.type(score, '85');
    expect(currentScenario().evaluations).toEqual([{ model: 'cheap', slice: 'hard', score: 85 }]);
    // Cheap now scores 85 ≥ 80 on hard: every bar is met.
    expect(screen.getByTestId('strategy-misses-all-cheap')).toHaveTextContent('All met');
  });

  it('refuses a negative score with a message next to the field and keeps the last valid one', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, withEvaluation());
    const score = screen.getByLabelText('Your score of Cheap model on Hard');
    await user.clear(score);
    await user.type(score, '-3');
    expect(score).toHaveAttribute('aria-invalid', 'true');
    expect(currentScenario().evaluations[0]?.score).toBe(85);
  });

  it('marks the evaluated score "your eval" in the quality card', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, {
      ...withEvaluation(),
      evaluations: [{ model: 'cheap', slice: 'hard', score: 60 }],
    });
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Hard: Cheap model scores 60 (your eval), below the bar of 80',
    );
    await user.click(screen.getByRole('button', { name: /Remove your evaluation of Cheap model on Hard/ }));
    expect(currentScenario().evaluations).toEqual([]);
    expect(screen.getByTestId('quality-card')).toHaveTextContent(
      'Hard: Cheap model scores 50, below the bar of 80',
    );
    // The removal can be undone.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(currentScenario().evaluations).toHaveLength(1);
  });

  it('imports a CSV, and lists every problem of a bad one without applying anything', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    const input = screen.getByLabelText('Import CSV');

    const bad = new File(['model,slice,score\ncheap,hard,85\nnope,hard,x\n'], 'bad.csv', {
      type: 'text/csv',
    });
    await user.upload(input, bad);
    const problems = await screen.findByRole('list', { name: 'Problems in bad.csv' });
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'row 3, model: unknown model id "nope"',
      'row 3, score: must be a number from 0 to 100 (found "x")',
    ]);
    expect(currentScenario().evaluations).toEqual([]);

    const good = new File(['Slice,Model,Score,Source\nhard,cheap,85,our eval\n'], 'good.csv', {
      type: 'text/csv',
    });
    await user.upload(input, good);
    expect(await screen.findByText('Imported 1 evaluation from good.csv.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Problems in bad.csv' })).toBeNull();
    expect(currentScenario().evaluations).toEqual([
      { model: 'cheap', slice: 'hard', score: 85, source: 'our eval' },
    ]);
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it('refuses a file over 20 MB unread, saying its size, and imports nothing', async () => {
    const user = userEvent.setup();
    renderWithScenario(<StrategiesPanel />, makeTwoSliceScenario());
    // A file that says it holds 21 MB (its text is never asked for).
    const huge = new File(['model,slice,score\n'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    huge.text = () => Promise.reject(new Error('the text of a refused file was read'));
    await user.upload(screen.getByLabelText('Import CSV'), huge);
    const problems = await screen.findByRole('list', { name: 'Problems in huge.csv' });
    expect(within(problems).getByRole('listitem')).toHaveTextContent(
      'the file is 21.0 MB; the most this planner reads is 20 MB',
    );
    expect(currentScenario().evaluations).toEqual([]);
  });
});
