/**
 * Small builders for hand-written test scenarios: every field has a plain default (one month, no discounts, no
 * credits, no cash), so a worked example spells out only what its hand calculation uses.
 */
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import type { Scenario } from '../../src/domain/scenario-schema';
import { simulate } from '../../src/domain/simulate';
import type { StrategyResult } from '../../src/domain/simulate';
import { formatIssue, validateScenario } from '../../src/domain/validate-scenario';

type ModelInput = ScenarioInput['catalog'][number];
type SliceInput = ScenarioInput['traffic'][number];
type PerTokenPricingInput = Extract<ModelInput['pricing'], { kind: 'per-token' }>;
type CapacityPricingInput = Extract<ModelInput['pricing'], { kind: 'capacity' }>;

/** A per-token model on `platform` with the given prices (USD per million tokens). */
export function createPerTokenModel(
  id: string,
  pricing: Omit<PerTokenPricingInput, 'kind'>,
  extra: Partial<Omit<ModelInput, 'id' | 'pricing'>> = {},
): ModelInput {
  return {
    id,
    name: id,
    provider: 'Test',
    platform: 'bedrock',
    pricing: { kind: 'per-token', ...pricing },
    ...extra,
  };
}

/** A capacity-billed model (provisioned throughput or self-hosting). */
export function createCapacityModel(
  id: string,
  pricing: Omit<CapacityPricingInput, 'kind'>,
  extra: Partial<Omit<ModelInput, 'id' | 'pricing'>> = {},
): ModelInput {
  return {
    id,
    name: id,
    provider: 'Test',
    platform: 'self-hosted',
    pricing: { kind: 'capacity', ...pricing },
    ...extra,
  };
}

/** A traffic slice; cache, batch, quality bar and growth default to 0. */
export function createSlice(
  id: string,
  volume: Pick<SliceInput, 'requestsPerMonth' | 'inputTokens' | 'outputTokens'>,
  extra: Partial<Omit<SliceInput, 'id'>> = {},
): SliceInput {
  return { id, name: id, ...volume, ...extra };
}

/** A scenario document: one month, no credits, no cash, unless `overrides` say otherwise. */
export function createScenarioInput(
  overrides: Partial<ScenarioInput> & Pick<ScenarioInput, 'catalog' | 'traffic' | 'strategies'>,
): ScenarioInput {
  return { schemaVersion: 1, name: 'Worked example', horizonMonths: 1, ...overrides };
}

/** Validates a document built for a test; throws with the issues if the test wrote an invalid one. */
export function createScenario(
  overrides: Partial<ScenarioInput> & Pick<ScenarioInput, 'catalog' | 'traffic' | 'strategies'>,
): Scenario {
  const result = validateScenario(createScenarioInput(overrides));
  if (!result.ok) throw new Error(`invalid test scenario:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

/** Simulates a scenario and returns the result of the strategy with `id`. */
export function simulateStrategyById(scenario: Scenario, id: string): StrategyResult {
  const found = simulate(scenario).strategies.find((strategy) => strategy.id === id);
  if (!found) throw new Error(`no strategy "${id}"`);
  return found;
}

/** The first month of a strategy's result (most worked examples run one month). */
export function getMonth(result: StrategyResult, month = 0): StrategyResult['months'][number] {
  const found = result.months[month];
  if (!found) throw new Error(`no month ${month}`);
  return found;
}
