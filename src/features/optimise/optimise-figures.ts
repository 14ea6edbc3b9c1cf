/**
 * Small view helpers of the Optimise screen: no money is computed here (the domain does that), only names,
 * lists and the words that go with the figures.
 */
import type { CascadeBreakEven } from '../../domain/break-even';
import type { AssignStrategy } from '../../domain/optimise';
import type { Model, Scenario, Strategy } from '../../domain/scenario-schema';
import { makeUniqueId } from '../../domain/ids';
import { formatPercent } from '../../format/format';

/** An existing assign strategy that routes every slice to the same model as `strategy`, if any. */
export function findSameAssignment(scenario: Scenario, strategy: AssignStrategy): Strategy | null {
  return (
    scenario.strategies.find(
      (existing) =>
        existing.kind === 'assign' &&
        scenario.traffic.every((slice) => {
          const routed = Object.hasOwn(existing.routes, slice.id)
            ? existing.routes[slice.id]
            : existing.fallback;
          return routed === strategy.routes[slice.id];
        }),
    ) ?? null
  );
}

/** The optimised strategy with an id and a name no other strategy of the scenario has. */
export function makeKeptStrategy(scenario: Scenario, strategy: AssignStrategy): AssignStrategy {
  const names = new Set(scenario.strategies.map((s) => s.name));
  let name = strategy.name;
  for (let n = 2; names.has(name); n++) name = `${strategy.name} ${n}`;
  return {
    ...strategy,
    id: makeUniqueId(
      'optimised',
      scenario.strategies.map((s) => s.id),
    ),
    name,
  };
}

/** Capacity-billed models of the catalog, each id once, in catalog order. */
export function listCapacityModels(catalog: readonly Model[]): Model[] {
  const seen = new Set<string>();
  return catalog.filter((model) => {
    if (model.pricing.kind !== 'capacity' || seen.has(model.id)) return false;
    seen.add(model.id);
    return true;
  });
}

/** A model for people: "Mistral Small (bedrock)". */
export function describeModel(model: Pick<Model, 'name' | 'platform'>): string {
  return `${model.name} (${model.platform})`;
}

/** What a cascade's break-even says, in one sentence. */
export function describeCascadeVerdict(entry: CascadeBreakEven): string {
  const last = entry.steps[entry.steps.length - 1]?.name ?? 'the last model';
  switch (entry.status) {
    case 'rate': {
      const rate = formatPercent(entry.breakEvenEscalation ?? 0);
      return entry.beatsLastStepNow
        ? `Cheaper than ${last} alone while escalation stays below ${rate}.`
        : `Dearer than ${last} alone: escalation must fall below ${rate} to save money.`;
    }
    case 'always':
      return `Cheaper than ${last} alone even if every request escalates.`;
    case 'never':
      return `Never cheaper than ${last} alone: the first model already costs as much per request.`;
    case 'capacity-step':
      return 'A step is capacity-billed, so it has no cost per request to compare.';
    case 'single-step':
      return 'One step only: nothing escalates.';
  }
}
