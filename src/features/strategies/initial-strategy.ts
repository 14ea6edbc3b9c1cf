import { findCheapestPerTokenModel } from '../../domain/model-ranking';
import { makeQualityLookup } from '../../domain/quality';
import { pickCheapestMeetingBar } from '../../domain/routes';
import type { CascadeRoute, Scenario, Slice, Strategy, StrategyKind } from '../../domain/scenario-schema';
import { makeUniqueId } from '../../domain/ids';

export const STRATEGY_KINDS: readonly { kind: StrategyKind; label: string; description: string }[] = [
  { kind: 'single', label: 'Single model', description: 'Every request on one model.' },
  { kind: 'assign', label: 'Model per slice', description: 'Each slice on a model you pick.' },
  {
    kind: 'cascade',
    label: 'Cascade',
    description: 'Try a cheap model first; a share of requests escalates to the next step and pays again.',
  },
  {
    kind: 'router',
    label: 'Classifier router',
    description: 'An optional classifier call, then each slice split between models by share.',
  },
  {
    kind: 'cheapest-meeting-bar',
    label: 'Cheapest meeting each bar',
    description: 'Per slice, the cheapest per-token model whose quality meets the bar. No settings.',
  },
];

export function describeKind(kind: StrategyKind): string {
  return STRATEGY_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

function makeRecord<T>(slices: readonly Slice[], valueOf: (slice: Slice) => T): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const slice of slices) record[slice.id] = valueOf(slice);
  return record;
}

/**
 * A new strategy of `kind` with sensible starting routes: every slice on the cheapest model that meets its
 * quality bar (a cascade tries the cheapest model overall first and escalates 20 % to that one), the fallback
 * on the cheapest model overall. Returns a message instead when the catalog cannot support it.
 */
export function makeNewStrategy(scenario: Scenario, kind: StrategyKind): Strategy | string {
  const id = makeUniqueId(
    kind,
    scenario.strategies.map((s) => s.id),
  );
  const count = scenario.strategies.filter((s) => s.kind === kind).length;
  const name = `New ${describeKind(kind).toLowerCase()}${count > 0 ? ` ${count + 1}` : ''}`;
  if (kind === 'cheapest-meeting-bar') return { id, name, kind };

  const cheapest = findCheapestPerTokenModel(scenario) ?? scenario.catalog[0];
  if (!cheapest) return 'Add a model to the catalog first.';
  const qualityOf = makeQualityLookup(scenario);
  const barModel = (slice: Slice) =>
    pickCheapestMeetingBar(slice, scenario.catalog, scenario.options, qualityOf)?.model.id ?? cheapest.id;

  switch (kind) {
    case 'single':
      return { id, name, kind, model: cheapest.id };
    case 'assign':
      return { id, name, kind, routes: makeRecord(scenario.traffic, barModel), fallback: cheapest.id };
    case 'cascade':
      return {
        id,
        name,
        kind,
        routes: makeRecord(scenario.traffic, (slice): CascadeRoute => {
          const target = barModel(slice);
          return target === cheapest.id
            ? { steps: [target], escalation: [] }
            : { steps: [cheapest.id, target], escalation: [0.2] };
        }),
        fallback: cheapest.id,
      };
    case 'router':
      return {
        id,
        name,
        kind,
        classifier: null,
        routes: makeRecord(scenario.traffic, (slice) => {
          const shares = Object.create(null) as Record<string, number>;
          shares[barModel(slice)] = 1;
          return shares;
        }),
        fallback: cheapest.id,
      };
  }
}
