/**
 * The app's path from scenario to figures (`selectPlan` on the store's validated scenario) and the CLI's
 * (`planScenario` on the document) give the same plan or the same issues.
 */
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import { validateScenario } from '../../../src/domain/validate-scenario';
import type { Scenario, ScenarioInput } from '../../../src/domain/scenario-schema';
import { selectPlan } from '../../../src/state/selectors';
import { makeSmallScenario } from '../../factories/small-scenario';

function toValidScenario(input: ScenarioInput): Scenario {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error('test scenario is invalid');
  return validated.value;
}

function withEdit(edit: (scenario: ScenarioInput) => void): ScenarioInput {
  const scenario = makeSmallScenario();
  edit(scenario);
  return scenario;
}

describe('selectPlan', () => {
  it.each([
    [
      'traffic growth',
      withEdit((s) => {
        s.horizonMonths = 120;
        s.traffic[0]!.requestsPerMonth = 1e12;
        s.traffic[0]!.monthlyGrowth = 10;
      }),
    ],
    ['finance', withEdit((s) => (s.finance = { ...s.finance, monthlyRevenue: 1e12, revenueGrowth: 10 }))],
  ])('refuses %s overflow with the issues planScenario gives', (_name, input) => {
    const app = selectPlan(toValidScenario(input));
    const cli = planScenario(input);
    expect(cli.ok).toBe(false);
    expect(app.ok).toBe(false);
    if (app.ok || cli.ok) return;
    expect(app.issues).toEqual(cli.issues);
  });

  it('gives the same result as planScenario for a scenario that fits, once per scenario object', () => {
    const input = makeSmallScenario();
    const scenario = toValidScenario(input);
    const app = selectPlan(scenario);
    const cli = planScenario(input);
    expect(app.ok && cli.ok).toBe(true);
    if (!app.ok || !cli.ok) return;
    expect(app.value.result).toEqual(cli.value.result);
    expect(selectPlan(scenario)).toBe(app);
  });
});
