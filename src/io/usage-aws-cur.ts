/**
 * AWS Cost and Usage Report 2.0 (Data Exports, CSV): the Amazon Bedrock line items. Each inference request is
 * billed as one line item per token type, told apart by `line_item_usage_type`
 * (`…-input-tokens`, `…-output-tokens`, `…-cache-read-input-token-count`, `…-cache-write-input-token-count`); the
 * region code leads the usage type (`USE1-…`) and the tier is a word in it (`batch`). See docs/usage-formats.md.
 */
import { monthOfIsoDate } from '../domain/usage-records';
import type { CostClass, TokenClass, UsageRow } from '../domain/usage-records';
import { emptyTokens } from '../domain/usage-records';
import { geoOfModelId, readNumber, readText } from './usage-text';
import type { RowOutcome } from './usage-text';

export const CUR_REQUIRED_COLUMNS = [
  'line_item_usage_type',
  'line_item_usage_amount',
  'line_item_usage_start_date',
] as const;

/** AWS's region codes as they lead a usage type. */
const REGION_CODES: ReadonlyMap<string, string> = new Map([
  ['USE1', 'us-east-1'],
  ['USE2', 'us-east-2'],
  ['USW1', 'us-west-1'],
  ['USW2', 'us-west-2'],
  ['UGW1', 'us-gov-west-1'],
  ['UGE1', 'us-gov-east-1'],
  ['CAN1', 'ca-central-1'],
  ['SAE1', 'sa-east-1'],
  ['EU', 'eu-west-1'],
  ['EUW2', 'eu-west-2'],
  ['EUW3', 'eu-west-3'],
  ['EUC1', 'eu-central-1'],
  ['EUC2', 'eu-central-2'],
  ['EUN1', 'eu-north-1'],
  ['EUS1', 'eu-south-1'],
  ['EUS2', 'eu-south-2'],
  ['APN1', 'ap-northeast-1'],
  ['APN2', 'ap-northeast-2'],
  ['APN3', 'ap-northeast-3'],
  ['APS1', 'ap-southeast-1'],
  ['APS2', 'ap-southeast-2'],
  ['APS3', 'ap-south-1'],
  ['APS4', 'ap-southeast-3'],
  ['APS5', 'ap-south-2'],
  ['APS6', 'ap-southeast-4'],
]);

/** Line item types that are usage; credits, refunds, taxes and fees are not. */
const USAGE_LINE_TYPES = new Set(['usage', 'discountedusage', 'savingsplancoveredusage']);

/** The token class a Bedrock usage type bills, or null for a usage type that is not tokens. */
export function tokenClassOfUsageType(usageType: string): TokenClass | null {
  const type = usageType.toLowerCase();
  if (type.includes('cache-read')) return 'cacheRead';
  if (type.includes('cache-write')) return /(^|[-_])1h([-_]|$)/.test(type) ? 'cacheWrite1h' : 'cacheWrite5m';
  if (/output-?tokens?|outputtokencount/.test(type)) return 'output';
  if (/input-?tokens?|inputtokencount/.test(type)) return 'input';
  return null;
}

/** The AWS region a usage type names by its leading code (`USE1-…` → `us-east-1`); null when none. */
export function regionOfUsageType(usageType: string): string | null {
  const code = usageType.split('-')[0]!.toUpperCase();
  return REGION_CODES.get(code) ?? null;
}

/** The model id a resource names: the last segment of an ARN (`…:inference-profile/us.anthropic.claude-…`). */
function modelOfResource(resource: string | null): string | null {
  if (!resource) return null;
  const last = resource.split('/').pop()!;
  return last.includes('.') ? last : null;
}

/** The value of `key` in a CUR 2.0 map column (JSON text such as `{"model":"Claude Sonnet 4.5"}`). */
function readMapColumn(text: string | null, key: string): string | null {
  if (!text || !text.trim().startsWith('{')) return null;
  try {
    const map: unknown = JSON.parse(text);
    if (typeof map === 'object' && map !== null) return readText((map as Record<string, unknown>)[key]);
  } catch {
    return null;
  }
  return null;
}

/** The cost-allocation tags of a row (`resource_tags` map), as `key=value` pairs joined by `; `; null when none. */
function tagsOf(text: string | null): string | null {
  if (!text || !text.trim().startsWith('{')) return null;
  try {
    const map: unknown = JSON.parse(text);
    if (typeof map !== 'object' || map === null) return null;
    const pairs = Object.entries(map as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string' && value !== '')
      .map(([key, value]) => `${key}=${String(value)}`)
      .sort();
    return pairs.length > 0 ? pairs.join('; ') : null;
  } catch {
    return null;
  }
}

/** Tokens per usage unit from `pricing_unit` (`1K tokens` → 1,000); 1 when the unit is tokens or not given. */
function tokensPerUnit(unit: string | null): number {
  if (!unit) return 1;
  if (/\b1\s*k\b|1,000|thousand/i.test(unit)) return 1000;
  if (/\b1\s*m\b|1,000,000|million/i.test(unit)) return 1e6;
  return 1;
}

/** One CUR row (cells by lower-cased column name) as usage. */
export function readCurRecord(cells: ReadonlyMap<string, string>): RowOutcome {
  const cell = (name: string) => readText(cells.get(name));
  const product = `${cell('line_item_product_code') ?? ''} ${cell('product_servicecode') ?? ''} ${cell('product_product_name') ?? ''}`;
  const usageType = cell('line_item_usage_type');
  if (!usageType) return { problem: 'line_item_usage_type: is empty' };
  const tokenClass = tokenClassOfUsageType(usageType);
  const isBedrock = /bedrock/i.test(product) || (product.trim() === '' && tokenClass !== null);
  if (!isBedrock) return { skip: 'not Amazon Bedrock' };
  const lineType = (cell('line_item_line_item_type') ?? 'Usage').toLowerCase();
  if (!USAGE_LINE_TYPES.has(lineType)) return { skip: `line item type ${lineType}` };

  const dateText = cell('line_item_usage_start_date');
  const month = dateText ? monthOfIsoDate(dateText) : null;
  if (!month) return { problem: `line_item_usage_start_date: "${dateText ?? ''}" is not a date` };
  const amount = readNumber(cells.get('line_item_usage_amount') ?? '');
  if (amount === null || amount < 0) return { problem: 'line_item_usage_amount: must be a number ≥ 0' };
  const costText = cells.get('line_item_unblended_cost');
  const cost = costText === undefined || costText.trim() === '' ? null : readNumber(costText);
  if (costText !== undefined && costText.trim() !== '' && cost === null) {
    return { problem: 'line_item_unblended_cost: must be a number' };
  }

  const model =
    modelOfResource(cell('line_item_resource_id')) ??
    readMapColumn(cell('product'), 'model') ??
    cell('product_model') ??
    cell('product_model_id') ??
    usageType.split('-').slice(1, 2)[0] ??
    null;
  const geo = model ? geoOfModelId(model) : undefined;
  const region =
    geo ??
    regionOfUsageType(usageType) ??
    cell('product_region_code') ??
    readMapColumn(cell('product'), 'region');

  const tokens = emptyTokens();
  if (tokenClass) tokens[tokenClass] = amount * tokensPerUnit(cell('pricing_unit'));
  const row: UsageRow = {
    month,
    model,
    platform: 'bedrock',
    region,
    groups: { tag: tagsOf(cell('resource_tags')), project: cell('line_item_usage_account_id'), apiKey: null },
    batch: /(^|[-_])batch([-_]|$)/i.test(usageType),
    requests: null,
    tokens,
    cost,
    costClass: (tokenClass ?? 'other') satisfies CostClass,
  };
  return { rows: [row] };
}
