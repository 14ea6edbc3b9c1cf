import type { Slice } from '../../domain/scenario-schema';
import { makeUniqueId } from '../../domain/ids';

/** A new traffic slice with modest, editable defaults and an id no other slice uses. */
export function makeNewSlice(takenIds: Iterable<string>): Slice {
  const id = makeUniqueId('new-slice', takenIds);
  return {
    id,
    name: id === 'new-slice' ? 'New slice' : `New slice ${id.slice('new-slice-'.length)}`,
    requestsPerMonth: 100_000,
    inputTokens: 1_000,
    outputTokens: 200,
    cachedPrefixTokens: 0,
    cacheHitRate: 0,
    batchShare: 0,
    qualityBar: 0,
    monthlyGrowth: 0,
    regions: null,
    cacheTtl: '5m',
    reasoningTokens: 0,
  };
}
