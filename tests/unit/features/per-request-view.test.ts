import { describe, expect, it } from 'vitest';
import { quoteCatalog } from '../../../src/domain/call-quote';
import { NO_FILTERS } from '../../../src/features/catalog/catalog-view';
import {
  CHEAPEST_FIRST,
  describeQuote,
  selectQuoteRows,
  toggleQuoteSort,
} from '../../../src/features/catalog/per-request-view';
import { makePerTokenModel } from '../../factories/model-builders';

const CALL = {
  inputTokens: 1000,
  cachedPrefixTokens: 600,
  outputTokens: 100,
  reasoningTokens: 0,
  cacheHitRate: 1,
  cacheTtl: '5m' as const,
  batchShare: 0,
};
const OPTIONS = { batch: true, caching: true };

const DEAR = makePerTokenModel('dear', { inputPerMTok: 10, outputPerMTok: 30 }, { provider: 'Zeta' });
const CHEAP = makePerTokenModel('cheap', { inputPerMTok: 1, outputPerMTok: 2 }, { provider: 'Alpha' });
const CACHED = makePerTokenModel(
  'cached',
  { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, minCachePrefixTokens: 1024 },
  { contextWindow: 1000, tokenizerFactor: 1.3, provider: 'Alpha' },
);
const CATALOG = [DEAR, CHEAP, CACHED];

describe('selectQuoteRows', () => {
  const { quotes } = quoteCatalog(CATALOG, CALL, OPTIONS);

  it('opens cheapest first and sorts both ways', () => {
    // cheap: 1,000 × $1/M + 100 × $2/M = $0.0012; dear: $0.01 + $0.003 = $0.013;
    // cached (× 1.3, 780-token prefix under 1,024, not cached): 1,300 × $3/M + 130 × $15/M = $0.00585.
    expect(selectQuoteRows(CATALOG, quotes, NO_FILTERS, CHEAPEST_FIRST).map((q) => q.index)).toEqual([
      1, 2, 0,
    ]);
    const dearest = toggleQuoteSort(CHEAPEST_FIRST, 'perCall');
    expect(dearest).toEqual({ key: 'perCall', direction: 'descending' });
    expect(selectQuoteRows(CATALOG, quotes, NO_FILTERS, dearest).map((q) => q.index)).toEqual([0, 2, 1]);
  });

  it('filters with the catalog’s filters', () => {
    const rows = selectQuoteRows(
      CATALOG,
      quotes,
      { ...NO_FILTERS, provider: 'Alpha' },
      {
        key: 'name',
        direction: 'ascending',
      },
    );
    expect(rows.map((q) => q.index)).toEqual([2, 1]);
  });
});

describe('describeQuote', () => {
  it('names the tokenizer factor, an uncached prefix and a window the call overflows', () => {
    const { quotes } = quoteCatalog(CATALOG, CALL, OPTIONS);
    const quote = quotes.find((q) => q.index === 2);
    if (!quote) throw new Error('no quote for the cached model');
    expect(describeQuote(quote, CACHED, CALL)).toEqual([
      'Tokenizer ×1.3: 1,300 input tokens',
      'Prefix 780 tokens, under the 1,024 minimum: not cached',
      // (1,000 + 100) × 1.3 = 1,430 tokens > 1,000.
      'Too long for its 1,000-token window',
    ]);
  });

  it('says no caching and nothing else on a plain model', () => {
    const { quotes } = quoteCatalog([CHEAP], CALL, OPTIONS);
    expect(describeQuote(quotes[0]!, CHEAP, CALL)).toEqual(['No prompt caching']);
  });
});
