import { describe, expect, it } from 'vitest';
import { createCallLink, isCallFragment, readCallFragment } from '../../../src/io/call-link';
import type { CallInputs } from '../../../src/io/call-link';

const CALL: CallInputs = {
  inputTokens: 3000,
  cachedPrefixTokens: 2000,
  outputTokens: 500,
  reasoningTokens: 1200,
  cacheHitRate: 0.9,
  cacheTtl: '1h',
  batchShare: 0.25,
};

describe('calculator links', () => {
  it('carry every input and read back the same', () => {
    const link = createCallLink(CALL, 'https://planner.example/app/#catalog');
    expect(link).toBe(
      'https://planner.example/app/#per-request?inputTokens=3000&cachedPrefixTokens=2000&outputTokens=500' +
        '&reasoningTokens=1200&cacheHitRate=0.9&cacheTtl=1h&batchShare=0.25',
    );
    expect(isCallFragment(new URL(link).hash)).toBe(true);
    expect(readCallFragment(new URL(link).hash)).toEqual({ ok: true, value: CALL });
  });

  it('give the slice’s defaults to what a link leaves out', () => {
    expect(readCallFragment('#per-request?inputTokens=800&outputTokens=40')).toEqual({
      ok: true,
      value: {
        inputTokens: 800,
        outputTokens: 40,
        cachedPrefixTokens: 0,
        reasoningTokens: 0,
        cacheHitRate: 0,
        cacheTtl: '5m',
        batchShare: 0,
      },
    });
  });

  it('refuse every bad field by name, with the traffic slice’s own rule', () => {
    const read = readCallFragment(
      '#per-request?inputTokens=-5&outputTokens=1e3&cacheHitRate=1.5&cacheTtl=2h&batchShare=0x1&tokens=9',
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual(
      expect.arrayContaining([
        { path: 'inputTokens', message: expect.stringMatching(/0/) },
        { path: 'cacheHitRate', message: 'must be between 0 and 1' },
        { path: 'cacheTtl', message: 'must be "5m" or "1h"' },
        { path: 'batchShare', message: 'must be a number' },
        { path: 'tokens', message: 'unknown field' },
      ]),
    );
    expect(read.issues.map((issue) => issue.path)).not.toContain('outputTokens');
  });

  it('require the input and output tokens', () => {
    const read = readCallFragment('#per-request?cachedPrefixTokens=10');
    expect(read.ok ? [] : read.issues).toEqual([
      { path: 'inputTokens', message: 'is required' },
      { path: 'outputTokens', message: 'is required' },
    ]);
  });

  it('are told apart from other fragments', () => {
    expect(isCallFragment('#per-request')).toBe(false);
    expect(isCallFragment('#share=abc')).toBe(false);
    expect(readCallFragment('#catalog').ok).toBe(false);
  });
});
