/**
 * The counter's tokenizers against each package's own test vectors: gpt-tokenizer's data/TestPlans.txt (every
 * o200k_base and cl100k_base sample), and the vectors in llama3-tokenizer-js's and mistral-tokenizer-js's
 * runTests, counted without the begin-of-text marker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/queries/tokenizer-queries';

type TestPlan = { encoding: string; sample: string; encoded: number[] };

/** gpt-tokenizer's own test plans: blocks of `EncodingName:`, `Sample:` and `Encoded:` lines. */
function readTestPlans(): TestPlan[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('gpt-tokenizer/package.json'));
  const text = readFileSync(join(root, 'data', 'TestPlans.txt'), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const encoding = /^EncodingName: (.*)$/m.exec(block)?.[1];
      const sample = /^Sample: (.*)$/m.exec(block)?.[1];
      const encoded = /^Encoded: (\[.*\])$/m.exec(block)?.[1];
      return encoding === undefined || sample === undefined || encoded === undefined
        ? null
        : { encoding, sample, encoded: JSON.parse(encoded) as number[] };
    })
    .filter((plan): plan is TestPlan => plan !== null);
}

describe('tokenizers', () => {
  const plans = readTestPlans();

  it.each(['o200k_base', 'cl100k_base'] as const)(
    '%s counts every sample of gpt-tokenizer’s test plans',
    async (id) => {
      const tokenizer = await loadTokenizer(id);
      const own = plans.filter((plan) => plan.encoding === id);
      expect(own.length).toBeGreaterThan(5);
      for (const plan of own) expect(tokenizer.count(plan.sample), plan.sample).toBe(plan.encoded.length);
    },
  );

  it('o200k_base counts "Hello, World! How are you today? 🌍" as 11 tokens', async () => {
    // TestPlans.txt: [13225, 11, 5922, 0, 3253, 553, 481, 4044, 30, 130321, 235]
    expect((await loadTokenizer('o200k_base')).count('Hello, World! How are you today? 🌍')).toBe(11);
  });

  it('counts special-token markers in pasted text as text', async () => {
    const tokenizer = await loadTokenizer('o200k_base');
    expect(tokenizer.count('<|endoftext|>')).toBeGreaterThan(1);
  });

  it('Llama 3 counts its package’s vectors without begin or end markers', async () => {
    const llama3 = await loadTokenizer('llama3');
    // llama3-tokenizer-js: "Hello world!" → [9906, 1917, 0]; "I" → [40] with { bos: false, eos: false }.
    expect(llama3.count('Hello world!')).toBe(3);
    expect(llama3.count('I')).toBe(1);
    expect(llama3.count('')).toBe(0);
  });

  it('Mistral v1 counts its package’s vectors without the begin marker', async () => {
    const mistral = await loadTokenizer('mistral-v1');
    // mistral-tokenizer-js runTests: "grabbed" → [1, 13300]; "\n" → [1, 28705, 13]; "🦙" → [1, 28705, 243, 162, 169, 156].
    expect(mistral.count('grabbed')).toBe(1);
    expect(mistral.count('\n')).toBe(2);
    expect(mistral.count('🦙')).toBe(5);
    expect(mistral.count('')).toBe(0);
  });
});
