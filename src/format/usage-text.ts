/**
 * Words for an imported usage file's reconciliation, shared by the app and the command line: what each gap line
 * means, the token classes, and the grouping choices.
 */
import type { GapLine } from '../domain/usage-reconcile';
import type { TokenClass, UsageGroupBy } from '../domain/usage-records';
import { USD_DISPLAY, formatMoneyExact, formatPrice } from './format';

export const TOKEN_CLASS_NAMES: Record<TokenClass, string> = {
  input: 'uncached input',
  cacheRead: 'cache reads',
  cacheWrite5m: '5-minute cache writes',
  cacheWrite1h: '1-hour cache writes',
  output: 'output',
};

export const GROUP_BY_NAMES: Record<UsageGroupBy, string> = {
  model: 'model',
  tag: 'tag',
  project: 'project',
  apiKey: 'API key',
};

/** A signed amount to the cent: +$0.33, −$4.95, and $0.00 for less than half a cent either way. */
export function formatSignedMoney(usd: number): string {
  const text = formatMoneyExact(Math.abs(usd), USD_DISPLAY);
  if (Math.abs(usd) < 0.005) return text;
  return usd < 0 ? `−${text}` : `+${text}`;
}

/** USD per million tokens from a cost and a token count, or null without tokens. */
function perMTok(usd: number, tokens: number): string | null {
  return tokens > 0 ? `${formatPrice((usd / tokens) * 1e6)}/MTok` : null;
}

/** One gap line in words, with its amount: what makes the bill differ from the plan by that much. */
export function describeGapLine(line: GapLine): string {
  const amount = formatSignedMoney(line.amount);
  switch (line.kind) {
    case 'price': {
      const changed = line.classes
        .filter((cls) => Math.abs(cls.billed - cls.catalog) > 1e-9)
        .map((cls) => {
          const billed = perMTok(cls.billed, cls.tokens);
          const catalog = perMTok(cls.catalog, cls.tokens);
          return billed && catalog
            ? `${TOKEN_CLASS_NAMES[cls.tokenClass]} billed at ${billed}, the catalog's ${catalog}`
            : `${TOKEN_CLASS_NAMES[cls.tokenClass]} billed ${formatMoneyExact(cls.billed, USD_DISPLAY)}, the catalog's ${formatMoneyExact(cls.catalog, USD_DISPLAY)}`;
        });
      return changed.length > 0
        ? `${amount} prices differ from the catalog: ${changed.join('; ')}`
        : `${amount} the bill prices the tokens differently from the catalog (a changed price, a discount or a tier)`;
    }
    case 'cache':
      return `${amount} the plan's cache assumption: one cache TTL per slice, the average prefix against the model's minimum, the long-context tier on the average call`;
    case 'options':
      return `${amount} batch or caching is switched off in the scenario`;
    case 'unpriced':
      return `${amount} cost the catalog cannot price: a model no row matches, usage that is not tokens, or cost billed to no model`;
  }
}
