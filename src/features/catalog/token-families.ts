/**
 * Which tokenizer counts a prompt for each model of the catalog: a family's real tokenizer where an npm package
 * ships it (OpenAI's o200k_base and cl100k_base, Llama 3, Mistral's SentencePiece v1), else the reference
 * tokenizer's count times the model's `tokenizerFactor` (an estimate, named as one).
 */
import type { Model } from '../../domain/scenario-schema';
import type { TokenizerId } from '../../queries/tokenizer-queries';

/** The tokenizer that counts for families without a shipped tokenizer of their own. */
export const REFERENCE_TOKENIZER: TokenizerId = 'o200k_base';

export type TokenFamily = {
  id: string;
  label: string;
  /** The tokenizer counted with. */
  tokenizer: TokenizerId;
  /** Null: the family's own tokenizer counts exactly; a number: the reference count times this factor. */
  factor: number | null;
  /** The catalog's models in this family, in catalog order. */
  models: Model[];
};

type ExactFamily = { id: string; label: string; tokenizer: TokenizerId; matches: (model: Model) => boolean };

/** A model's provider, id and name, lower-cased with spaces as dashes: "Mistral 7B" → "mistral-7b". */
function describeForMatch(model: Model): string {
  return `${model.provider} ${model.id} ${model.name}`.toLowerCase().replace(/\s+/g, '-');
}

function isProvider(model: Model, provider: string): boolean {
  return model.provider.trim().toLowerCase() === provider;
}

const CL100K = /gpt-4(?![o.\d]|-?o)|gpt-3\.5|gpt-35/;

/** The families whose tokenizer the counter runs itself, most specific first. */
const EXACT_FAMILIES: readonly ExactFamily[] = [
  {
    id: 'openai-cl100k',
    label: 'OpenAI GPT-4 and GPT-3.5',
    tokenizer: 'cl100k_base',
    matches: (model) => isProvider(model, 'openai') && CL100K.test(describeForMatch(model)),
  },
  {
    id: 'openai-o200k',
    label: 'OpenAI GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss',
    tokenizer: 'o200k_base',
    matches: (model) => isProvider(model, 'openai'),
  },
  {
    id: 'llama3',
    label: 'Meta Llama 3, 3.1, 3.2, 3.3',
    tokenizer: 'llama3',
    matches: (model) => isProvider(model, 'meta') && /llama-?3(?!\d)/.test(describeForMatch(model)),
  },
  {
    id: 'mistral-v1',
    label: 'Mistral 7B, Mixtral 8x7B, Mistral Large and Small 2402',
    tokenizer: 'mistral-v1',
    matches: (model) =>
      isProvider(model, 'mistral ai') &&
      /mistral-7b|mixtral-8x7b|mistral-(large|small)-2402/.test(describeForMatch(model)),
  },
];

/** The exact family that counts for `model`, or null when it is counted by the reference tokenizer × its factor. */
function findExactFamily(model: Model): ExactFamily | null {
  return EXACT_FAMILIES.find((family) => family.matches(model)) ?? null;
}

/**
 * The counter's rows for `catalog`: every exact family (with no models when the catalog has none of it), then one
 * row per provider and tokenizer factor among the other models, in catalog order of their first model.
 */
export function groupTokenFamilies(catalog: readonly Model[]): TokenFamily[] {
  const exact = EXACT_FAMILIES.map((family): TokenFamily => ({
    id: family.id,
    label: family.label,
    tokenizer: family.tokenizer,
    factor: null,
    models: [],
  }));
  const estimated = new Map<string, TokenFamily>();
  for (const model of catalog) {
    const family = findExactFamily(model);
    if (family) {
      exact[EXACT_FAMILIES.indexOf(family)]?.models.push(model);
      continue;
    }
    const provider = model.provider.trim() || 'Other';
    const key = `${provider}\u0000${model.tokenizerFactor}`;
    let row = estimated.get(key);
    if (!row) {
      row = {
        id: `factor:${provider}:${model.tokenizerFactor}`,
        label: `${provider}, tokenizer factor ×${model.tokenizerFactor}`,
        tokenizer: REFERENCE_TOKENIZER,
        factor: model.tokenizerFactor,
        models: [],
      };
      estimated.set(key, row);
    }
    row.models.push(model);
  }
  return [...exact, ...estimated.values()];
}

/**
 * A family's count of a text from its tokenizer's count: exact as counted, or the reference count × factor.
 * Estimates are rounded to whole tokens.
 */
export function countForFamily(family: Pick<TokenFamily, 'factor'>, tokenizerCount: number): number {
  return family.factor === null ? tokenizerCount : Math.round(tokenizerCount * family.factor);
}
