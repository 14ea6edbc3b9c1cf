import { findTtlBreakEven, findUncachedPrefixes, uncachedPrefix } from '../../domain/caching-notes';
import { resolveRoutes } from '../../domain/routes';
import type { Model, Scenario } from '../../domain/scenario-schema';
import { formatNumber, formatPercent } from '../../format/format';

function nameModel(model: Model): string {
  return model.name.trim() || model.id;
}

/** A sentence under a slice: a warning (a prefix never cached) or a figure to plan with (a TTL break-even). */
export type CachingNote = { kind: 'uncached' | 'break-even'; text: string };

/**
 * What the Traffic mix says under each slice about its caching, by slice id: prefixes below a routed model's
 * minimum ("800-token prefix is below Claude Sonnet 4.5's 1,024-token minimum: never cached"), and on a routed
 * model with both cache lifetimes, the hit rate where the other lifetime costs the same.
 */
export function describeCachingNotes(scenario: Scenario): Map<string, CachingNote[]> {
  const notes = new Map<string, CachingNote[]>(scenario.traffic.map((slice) => [slice.id, []]));
  for (const note of findUncachedPrefixes(scenario)) {
    notes.get(note.sliceId)?.push({
      kind: 'uncached',
      text:
        `${formatNumber(note.prefixTokens)}-token prefix is below ${nameModel(note.model)}’s ` +
        `${formatNumber(note.minCachePrefixTokens)}-token minimum: never cached.`,
    });
  }
  const routes = scenario.strategies.map((strategy) => resolveRoutes(scenario, strategy));
  scenario.traffic.forEach((slice, index) => {
    if (slice.cachedPrefixTokens <= 0) return;
    const seen = new Set<Model>();
    for (const sliceRoutes of routes) {
      for (const { model } of sliceRoutes[index]?.legs ?? []) {
        if (seen.has(model)) continue;
        seen.add(model);
        // A prefix the model never caches has no hit rate to compare: the note above says so instead.
        if (uncachedPrefix(slice, model)) continue;
        const breakEven = findTtlBreakEven(slice, model);
        if (!breakEven) continue;
        notes.get(slice.id)?.push({
          kind: 'break-even',
          text: describeBreakEven(model, breakEven.otherTtl, breakEven.hitRate),
        });
      }
    }
  });
  return notes;
}

function describeBreakEven(model: Model, otherTtl: '5m' | '1h', hitRate: number | null): string {
  const name = nameModel(model);
  if (hitRate === null)
    return `On ${name}, no hit rate makes 5-minute and 1-hour cache writes cost the same for this slice.`;
  return otherTtl === '1h'
    ? `On ${name}, 1-hour cache writes start to pay above a ${formatPercent(hitRate)} hit rate.`
    : `On ${name}, 5-minute cache writes would need a ${formatPercent(hitRate)} hit rate to cost the same; below that, 1-hour writes pay.`;
}
