/**
 * The real tokenizers the token counter uses, each loaded on demand as its own chunk (a dynamic import), so that
 * none of them weighs on the first screen. Each counts text as the model family's API counts it, without the
 * begin- and end-of-text markers a chat template adds.
 */
import { queryOptions } from '@tanstack/react-query';

/** The tokenizers shipped by npm packages that the counter can run in the browser. */
export const TOKENIZER_IDS = ['o200k_base', 'cl100k_base', 'llama3', 'mistral-v1'] as const;
export type TokenizerId = (typeof TOKENIZER_IDS)[number];

/** Counts the tokens of a text. */
export type Tokenizer = { id: TokenizerId; count: (text: string) => number };

/** The package and the tokenizer's name, as the counter names its method. */
export const TOKENIZER_NAMES: Record<TokenizerId, { name: string; packageName: string }> = {
  o200k_base: { name: 'o200k_base', packageName: 'gpt-tokenizer' },
  cl100k_base: { name: 'cl100k_base', packageName: 'gpt-tokenizer' },
  llama3: { name: 'Llama 3 tokenizer', packageName: 'llama3-tokenizer-js' },
  'mistral-v1': { name: 'Mistral SentencePiece v1', packageName: 'mistral-tokenizer-js' },
};

/** Special-token markers in pasted text (`<|endoftext|>`) count as the text they are, never as control tokens. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Loads one tokenizer's package (a separate chunk per tokenizer). */
export async function loadTokenizer(id: TokenizerId): Promise<Tokenizer> {
  switch (id) {
    case 'o200k_base': {
      const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
      return { id, count: (text) => countTokens(text, PLAIN_TEXT) };
    }
    case 'cl100k_base': {
      const { countTokens } = await import('gpt-tokenizer/encoding/cl100k_base');
      return { id, count: (text) => countTokens(text, PLAIN_TEXT) };
    }
    case 'llama3': {
      const { default: llama3 } = await import('llama3-tokenizer-js');
      return { id, count: (text) => llama3.encode(text, { bos: false, eos: false }).length };
    }
    case 'mistral-v1': {
      const { default: mistral } = await import('mistral-tokenizer-js');
      return { id, count: (text) => (text === '' ? 0 : mistral.encode(text, false).length) };
    }
  }
}

export const tokenizerKeys = {
  all: ['tokenizer'] as const,
  one: (id: TokenizerId) => [...tokenizerKeys.all, id] as const,
};

/** One tokenizer, loaded once and kept for the session. */
export function tokenizerQueryOptions(id: TokenizerId) {
  return queryOptions({
    queryKey: tokenizerKeys.one(id),
    queryFn: () => loadTokenizer(id),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
