/**
 * Catalog entries for tests that work on models directly (catalog views, diffs, imports): every field filled in
 * with the schema's own defaults, so a test spells out only what it is about.
 */
import { modelSchema } from '../../src/domain/scenario-schema';
import type { Model, PerTokenPricing } from '../../src/domain/scenario-schema';

/**
 * A per-token model on Bedrock from "Acme" with the given prices (USD per million tokens) and every other field at
 * its default (no caching, no batch, no region, quality 0, no price key); `extra` overrides any model field.
 */
export function makePerTokenModel(
  id: string,
  prices: Pick<PerTokenPricing, 'inputPerMTok' | 'outputPerMTok'> & Partial<Omit<PerTokenPricing, 'kind'>>,
  extra: Partial<Model> = {},
): Model {
  const model = modelSchema.parse({
    id,
    name: id,
    provider: 'Acme',
    platform: 'bedrock',
    pricing: { kind: 'per-token', ...prices },
  });
  return { ...model, ...extra };
}
