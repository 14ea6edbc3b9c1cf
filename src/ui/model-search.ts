/**
 * Finding models by what a person remembers of them: words of the name, id, price key and provider
 * (`matchesSearch`, the catalog's search), and for a model picker also the platform, region and price
 * (`matchesModelQuery`).
 */
import type { Model } from '../domain/scenario-schema';

/** Separators a model's name or key may use between words: `claude-sonnet-4-5`, `llama3.3`, `v1:0`, `a/b`. */
const SEPARATORS = /[\s\-_.:/,—–()]+/;

/** Lower-cased words of a text, split at any separator: "Claude Sonnet 4.5" → claude, sonnet, 4, 5. */
export function tokenizeSearchText(text: string): string[] {
  return text
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word !== '');
}

type SearchIndex = { words: string[]; compact: string };

const searchIndexes = new WeakMap<Model, SearchIndex>();

function indexForSearch(model: Model): SearchIndex {
  let index = searchIndexes.get(model);
  if (index === undefined) {
    const fields = [model.name, model.id, model.priceKey ?? '', model.provider];
    const words = fields.flatMap(tokenizeSearchText);
    index = { words, compact: fields.map((field) => tokenizeSearchText(field).join('')).join(' ') };
    searchIndexes.set(model, index);
  }
  return index;
}

/**
 * Does the model match every word of `query`? Name, id, price key and provider are searched, lower-cased, with
 * `-`, `_`, `.`, `:`, `/` and spaces all read as separators, so "sonnet 4.5" finds `claude-sonnet-4-5-20250929`
 * and "Claude Sonnet 4.5 — Bedrock". A query word matches the start of a word of the model ("4" finds "4o"),
 * or, from three characters on, any part of a field written without separators ("gpt4o" finds `gpt-4o`).
 */
export function matchesSearch(model: Model, query: string): boolean {
  return makeSearchMatcher(query)(model);
}

/** `matchesSearch` for one query over many models: the query is split into words once. */
export function makeSearchMatcher(query: string): (model: Model) => boolean {
  const wanted = tokenizeSearchText(query);
  return wanted.length === 0 ? () => true : (model) => matchesWords(wanted, indexForSearch(model));
}

function matchesWords(wanted: readonly string[], { words, compact }: SearchIndex): boolean {
  return wanted.every(
    (word) => words.some((own) => own.startsWith(word)) || (word.length >= 3 && compact.includes(word)),
  );
}

const pickerIndexes = new WeakMap<Model, SearchIndex>();

function indexForPicker(model: Model): SearchIndex {
  let index = pickerIndexes.get(model);
  if (index === undefined) {
    const base = indexForSearch(model);
    const extra = [model.platform, model.region ?? ''].flatMap(tokenizeSearchText);
    index = { words: [...base.words, ...extra], compact: `${base.compact} ${extra.join(' ')}` };
    pickerIndexes.set(model, index);
  }
  return index;
}

/** A price bound in a picker query: `<1`, `<=0.5`, `≤$2`, `>3` (USD per million input tokens). */
const PRICE_BOUND = /^(<=|>=|<|>|≤|≥)\$?(\d+(?:\.\d+)?|\.\d+)$/;
/** A bound's operator with spaces after it (`> 10`, `<= $0.5`), as people also type it. */
const SPACED_OPERATOR = /(<=|>=|<|>|≤|≥)\s+(?=\$?\.?\d)/g;

type PriceBound = { compare: '<' | '<=' | '>' | '>='; usdPerMTok: number };

function readPriceBound(part: string): PriceBound | null {
  const match = PRICE_BOUND.exec(part);
  if (!match?.[1] || match[2] === undefined) return null;
  const operator = match[1] === '≤' ? '<=' : match[1] === '≥' ? '>=' : match[1];
  return { compare: operator as PriceBound['compare'], usdPerMTok: Number(match[2]) };
}

function meetsPriceBound(model: Model, bound: PriceBound): boolean {
  if (model.pricing.kind !== 'per-token') return false;
  const price = model.pricing.inputPerMTok;
  switch (bound.compare) {
    case '<':
      return price < bound.usdPerMTok;
    case '<=':
      return price <= bound.usdPerMTok;
    case '>':
      return price > bound.usdPerMTok;
    case '>=':
      return price >= bound.usdPerMTok;
  }
}

/**
 * A model picker's search: every word must match as in `matchesSearch`, over the name, id, price key, provider,
 * platform and region ("sonnet bedrock eu"), and a price bound (`<1`, `<=0.5`, `>3`) keeps the per-token models
 * whose input price, USD per million tokens, meets it (`> 10` with a space reads as `>10`).
 */
export function matchesModelQuery(model: Model, query: string): boolean {
  const words: string[] = [];
  for (const part of query.replace(SPACED_OPERATOR, '$1').trim().split(/\s+/)) {
    if (part === '') continue;
    const bound = readPriceBound(part);
    if (bound) {
      if (!meetsPriceBound(model, bound)) return false;
    } else words.push(...tokenizeSearchText(part));
  }
  return matchesWords(words, indexForPicker(model));
}
