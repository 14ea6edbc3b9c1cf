import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeUnprintableJson, writeJsonStream } from '../../../src/cli/json-stream';

function collect(value: unknown): string[] {
  const chunks: string[] = [];
  writeJsonStream(value, (chunk) => chunks.push(chunk));
  return chunks;
}

describe('writeJsonStream', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, then a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), (value) => {
        expect(collect(value).join('')).toBe(`${escapeUnprintableJson(JSON.stringify(value, null, 2))}\n`);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('leaves out undefined fields and writes undefined list items as null, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(collect(value).join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('hands out a large result in chunks of about 64K characters, never one string', () => {
    // 3 strategies × 5,000 months of ~60 characters each: about 1 MB of text.
    const value = {
      strategies: Array.from({ length: 3 }, (_, s) => ({
        id: `s${s}`,
        months: Array.from({ length: 5000 }, (_, month) => ({
          month,
          spend: month * 1.5,
          byModel: { m: 1 },
        })),
      })),
    };
    const chunks = collect(value);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70_000);
    expect(chunks.join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('escapes the C1 controls and bidi overrides JSON.stringify leaves raw, keeping the same strings', () => {
    const name = 'a\u009b31m\u202eb\u0085c\u2028d';
    const text = collect({ name }).join('');
    expect(text).toBe('{\n  "name": "a\\u009b31m\\u202eb\\u0085c\\u2028d"\n}\n');
    expect((JSON.parse(text) as { name: string }).name).toBe(name);
  });
});
