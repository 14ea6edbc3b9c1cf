/**
 * A scenario the CLI refuses (its figures pass $1e15, the most a plan may reach) shows the CLI's own messages in the app, in place
 * of figures, and no "∞", "NaN" or "Infinity" anywhere.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlanGate } from '../../src/app/plan-gate';
import { runCli } from '../../src/cli/run-cli';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { ComparePanel } from '../../src/features/compare/compare-panel';
import { RunwayPanel } from '../../src/features/runway/runway-panel';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

/** A trillion requests a month growing elevenfold a month pass $1e15 within a few months of 120. */
function makeOverflowingScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  scenario.horizonMonths = 120;
  scenario.traffic[0]!.requestsPerMonth = 1e12;
  scenario.traffic[0]!.monthlyGrowth = 10;
  return scenario;
}

/** The CLI's error lines for a scenario document, without their "error: " prefix. */
function runCliErrors(document: unknown): string[] {
  let stderr = '';
  const code = runCli(['s.json'], {
    readFile: () => JSON.stringify(document),
    stdout: () => {},
    stderr: (text) => (stderr += text),
    today: () => '2027-03-14',
  });
  expect(code).toBe(1);
  return stderr
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^error: /, ''));
}

function expectNoBrokenFigures(container: HTMLElement) {
  expect(container.textContent).not.toMatch(/∞|NaN|Infinity/);
}

describe('a scenario whose figures overflow', () => {
  const cliErrors = runCliErrors(makeOverflowingScenario());

  it('the CLI refuses it, naming the slice', () => {
    expect(cliErrors).toHaveLength(1);
    expect(cliErrors[0]).toMatch(/^traffic\[0\]: its spend overflows by month \d+ under "/);
    expect(cliErrors[0]).toContain('over $1,000,000,000,000,000');
  });

  it('the summary shows the message the CLI prints in place of figures', () => {
    const { container } = renderWithScenario(<SummaryPanel />, makeOverflowingScenario());
    const issues = screen.getByTestId('plan-issues');
    expect([...issues.querySelectorAll('li')].map((item) => item.textContent)).toEqual(cliErrors);
    expect(screen.queryByTestId('summary-table')).not.toBeInTheDocument();
    expectNoBrokenFigures(container);
  });

  it('a figures screen behind the gate shows the same issues, not its figures', () => {
    const { container } = renderWithScenario(
      <PlanGate>
        <ComparePanel />
      </PlanGate>,
      makeOverflowingScenario(),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(cliErrors[0]!);
    expectNoBrokenFigures(container);
  });

  it('the runway screen keeps its editors and shows the issues in place of the outlook', () => {
    const { container } = renderWithScenario(<RunwayPanel />, makeOverflowingScenario());
    expect(screen.getByRole('alert')).toHaveTextContent(cliErrors[0]!);
    expect(screen.getByRole('heading', { name: 'Credit pools' })).toBeInTheDocument();
    expectNoBrokenFigures(container);
  });

  it('the traffic and strategies screens stay usable and show no broken figures', () => {
    const traffic = renderWithScenario(<TrafficPanel />, makeOverflowingScenario());
    expectNoBrokenFigures(traffic.container);
    traffic.unmount();
    const strategies = renderWithScenario(<StrategiesPanel />, makeOverflowingScenario());
    expectNoBrokenFigures(strategies.container);
  });
});
