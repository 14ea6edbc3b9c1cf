import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  MAX_SHARE_LINK_CHARS,
  createShareLink,
  isShareFragment,
  readShareFragment,
} from '../../../src/io/share-link';
import { makeSmallScenario } from '../../factories/small-scenario';

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
