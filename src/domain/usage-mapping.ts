/**
 * Which catalog row a model named in a usage file is: by the row's price-list key, its id or its name, after
 * the spellings files use (`bedrock/` and other provider prefixes, an in-region Bedrock model's region, OpenAI's
 * dated snapshots). Only per-token rows are candidates: a bill of tokens is priced per token.
 */
import { isPerTokenModel } from './call-cost';
import type { Model } from './scenario-schema';
import type { UsageRecord } from './usage-records';

/** The model a file names, where it was bought and in which region. */
export type UsageModelRef = Pick<UsageRecord, 'model' | 'platform' | 'region'>;

/** A stable key for a model reference (`usageModelKey` of the same model, platform and region are equal). */
export function usageModelKey(ref: UsageModelRef): string {
  return JSON.stringify([ref.model, ref.platform, ref.region]);
}

/** The spellings of a file's model name to look up, most specific first. */
export function modelNameCandidates(ref: UsageModelRef): string[] {
  const name = ref.model;
  if (!name) return [];
  const out: string[] = [];
  const add = (candidate: string) => {
    if (candidate && !out.includes(candidate)) out.push(candidate);
  };
  const bare = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  for (const candidate of [name, bare]) {
    if (ref.region) add(`bedrock/${ref.region}/${candidate}`);
    add(candidate);
    // OpenAI's dated snapshots (`gpt-4o-mini-2024-07-18`) are priced as their model.
    add(candidate.replace(/-\d{4}-\d{2}-\d{2}$/, ''));
  }
  return out;
}

/**
 * The catalog row for a file's model, or null: a user's choice in `overrides` (by the file's model name) first,
 * then the first candidate spelling that is some per-token row's `priceKey`, `id` or name (case-insensitive),
 * rows on the reference's platform before others, catalog order after that.
 */
export function mapUsageModel(
  ref: UsageModelRef,
  catalog: readonly Model[],
  overrides: ReadonlyMap<string, string> = new Map(),
): Model | null {
  const perToken = catalog.filter(isPerTokenModel);
  const chosen = ref.model === null ? undefined : overrides.get(ref.model);
  if (chosen !== undefined) return perToken.find((model) => model.id === chosen) ?? null;
  const ordered = [
    ...perToken.filter((model) => model.platform === ref.platform),
    ...perToken.filter((model) => model.platform !== ref.platform),
  ];
  for (const candidate of modelNameCandidates(ref)) {
    const lower = candidate.toLowerCase();
    const found =
      ordered.find((model) => model.priceKey === candidate) ??
      ordered.find((model) => model.id === candidate) ??
      ordered.find((model) => model.name.toLowerCase() === lower);
    if (found) return found;
  }
  return null;
}
