import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  MAX_SHARE_JSON_CHARS,
  MAX_SHARE_LINK_CHARS,
  createShareLink,
  decompressShareText,
  isShareFragment,
  readShareFragment,
} from '../../../src/io/share-link';
import { makeSmallScenario } from '../../factories/small-scenario';
import { buildQuadraticSharePayload } from '../../factories/share-link-bomb';

function scenario() {
  const validated = validateScenario(makeSmallScenario());
  if (!validated.ok) throw new Error('fixture invalid');
  return validated.value;
}

describe('share links', () => {
  it('round-trips a scenario through the fragment', () => {
    const link = createShareLink(scenario(), 'https://planner.example/app#compare');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://planner.example/app#share=')).toBe(true);
    const hash = new URL(link.url).hash;
    expect(isShareFragment(hash)).toBe(true);
    expect(readShareFragment(hash)).toEqual({ ok: true, value: scenario() });
  });

  it('says a cut-short link is damaged', () => {
    const link = createShareLink(scenario(), 'https://planner.example/');
    if (!link.ok) throw new Error('expected a link');
    const cut = new URL(link.url).hash.slice(0, 60);
    const opened = readShareFragment(cut);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.issues[0]?.message).toMatch(/damaged/);
  });

  it('reports every problem of a link carrying an invalid scenario, with paths', () => {
    const bad = { ...makeSmallScenario(), horizonMonths: 500 };
    const opened = readShareFragment(`#share=${compressToEncodedURIComponent(JSON.stringify(bad))}`);
    expect(opened).toEqual({
      ok: false,
      issues: [{ path: 'horizonMonths', message: 'must be between 1 and 120' }],
    });
  });

  it('refuses to create a link too large to paste, and to open an oversized one', () => {
    const big = scenario();
    big.catalog = Array.from({ length: 3000 }, (_, i) => ({
      ...big.catalog[0]!,
      id: `model-${i}-${Math.sin(i).toString(36)}`,
      name: `Model number ${i} ${Math.cos(i).toString(36)}`,
    }));
    const link = createShareLink(big, 'https://planner.example/');
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.message).toMatch(/too large for a link/);
    expect(MAX_SHARE_LINK_CHARS).toBe(100_000);
    const opened = readShareFragment(`#share=${'A'.repeat(2_000_001)}`);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.issues[0]?.message).toMatch(/too large/);
  });

  it('keeps __proto__ ids as data, never as prototypes', () => {
    const input = makeSmallScenario();
    input.traffic[0]!.id = '__proto__';
    const json = JSON.stringify(input);
    const opened = readShareFragment(`share=${compressToEncodedURIComponent(json)}`);
    expect(opened.ok && opened.value.traffic[0]?.id).toBe('__proto__');
    expect(({} as Record<string, unknown>)['requestsPerMonth']).toBeUndefined();
  });
});

describe('decompressShareText', () => {
  it('reads back what lz-string wrote, any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .array(fc.constantFrom('{"id":"a",', '"name":"é😀",', '1.5,', '[]'), { maxLength: 300 })
            .map((parts) => parts.join('')),
        ),
        (text) => {
          const payload = compressToEncodedURIComponent(text);
          expect(decompressShareText(payload, 1e6)).toBe(decompressFromEncodedURIComponent(payload));
        },
      ),
      { seed: 15, numRuns: 300 },
    );
  });

  it('expands the hand-written quadratic payload as lz-string does', () => {
    // 100 codes: 1 + (2 + 3 + … + 101) = 5,151 characters of "a".
    const payload = buildQuadraticSharePayload(100);
    expect(decompressFromEncodedURIComponent(payload)).toBe('a'.repeat(5151));
    expect(decompressShareText(payload, 1e6)).toBe('a'.repeat(5151));
  });

  it('stops as soon as the text passes the limit, so a small link never builds a huge text', () => {
    // 7,000 codes expand to 1 + (2 + … + 7,001) ≈ 24.5 million characters from a link of about 13,000.
    const payload = buildQuadraticSharePayload(7000);
    expect(payload.length).toBeLessThan(20_000);
    expect(decompressShareText(payload, MAX_SHARE_JSON_CHARS)).toBe('too-large');
    expect(decompressShareText(buildQuadraticSharePayload(100), 5150)).toBe('too-large');
    const opened = readShareFragment(`#share=${payload}`);
    expect(opened).toEqual({
      ok: false,
      issues: [{ path: '', message: 'this share link is too large to open: it expands to more than 20 MB' }],
    });
  });

  it('says a payload is damaged when it ends early or names a code not yet made', () => {
    expect(decompressShareText('', 100)).toBeNull();
    expect(decompressShareText(buildQuadraticSharePayload(50).slice(0, 20), 1e6)).toBeNull();
  });
});
