import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  PERSIST_VERSION,
  decodePersisted,
  migrations,
  repairDuplicateIds,
} from '../../../src/io/persisted-envelope';
import { serializeScenario } from '../../../src/io/scenario-file';
import { encodePersisted } from '../../../src/state/persistence';
import { makeSmallScenario } from '../../factories/small-scenario';
import { makeLibraryState, makeValidSmallScenario } from '../../factories/saved-library';

function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/persisted/${name}`, import.meta.url), 'utf8');
}

describe('saved state', () => {
  it('round-trips through encode and decode', () => {
    const state = makeLibraryState();
    state.ui = { theme: 'dark', priceUnit: 'per-thousand' };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded).toEqual({ ok: true, state, revision: 0, dropped: [], repaired: [] });
  });

  it('keeps hidden strategies and the folded Summary, reads them as unset when absent or damaged', () => {
    const state = makeLibraryState();
    state.ui = {
      theme: 'light',
      priceUnit: 'per-million',
      hiddenStrategyIds: ['all-dear'],
      summaryCollapsed: true,
    };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded.ok && decoded.state.ui).toEqual(state.ui);
    const envelope = JSON.parse(encodePersisted(state)) as { ui: Record<string, unknown> };
    envelope.ui = {
      theme: 'dark',
      priceUnit: 'per-million',
      hiddenStrategyIds: 'all-dear',
      summaryCollapsed: 'yes',
    };
    const damaged = decodePersisted(JSON.stringify(envelope));
    expect(damaged.ok && damaged.state.ui).toEqual({ theme: 'dark', priceUnit: 'per-million' });
  });

  it('keeps a scenario’s display currency through a save, and opens saves without one in USD', () => {
    const state = makeLibraryState();
    const euro = {
      ...makeValidSmallScenario(),
      displayCurrency: { currency: 'EUR' as const, perUsd: 0.92, setOn: '2026-12-02' },
    };
    state.library[1] = { id: 'scenario-2', scenario: euro };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded.ok && decoded.state.library[1]?.scenario.displayCurrency).toEqual(euro.displayCurrency);
    expect(decoded.ok && decoded.state.library[0]?.scenario.displayCurrency).toBeUndefined();
    for (const name of ['v1.json', 'v2.json', 'v3.json']) {
      const old = decodePersisted(readFixture(name));
      expect(
        old.ok && old.state.library.every((entry) => entry.scenario.displayCurrency === undefined),
        name,
      ).toBe(true);
    }
  });

  it('keeps ids such as __proto__ through a save', () => {
    const input = makeSmallScenario();
    input.traffic[0]!.id = '__proto__';
    const validated = validateScenario(input);
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const decoded = decodePersisted(
      encodePersisted({
        library: [{ id: 'a', scenario: validated.value }],
        activeId: 'a',
        ui: { theme: 'light', priceUnit: 'per-million' },
      }),
    );
    expect(decoded.ok && decoded.state.library[0]?.scenario.traffic[0]?.id).toBe('__proto__');
    expect(({} as Record<string, unknown>)['requestsPerMonth']).toBeUndefined();
  });

  it('refuses data from a newer version, without a version, or not JSON, saying why', () => {
    expect(decodePersisted('{"version": 99, "scenario": {}}')).toEqual({
      ok: false,
      message: 'the saved data is from a newer version of the planner (version 99)',
    });
    expect(decodePersisted('{"scenario": {}}')).toEqual({
      ok: false,
      message: 'the saved data has no version',
    });
    expect(decodePersisted('{oops')).toEqual({ ok: false, message: 'the saved data is not valid JSON' });
    const invalid = decodePersisted(
      JSON.stringify({ version: PERSIST_VERSION, library: [{ id: 'x', scenario: { schemaVersion: 1 } }] }),
    );
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.message).toContain('catalog: is required');
  });

  it('has one migration per older version', () => {
    expect(migrations).toHaveLength(PERSIST_VERSION - 1);
  });

  it('opens every frozen fixture of an older version', () => {
    for (const name of ['v1.json', 'v2.json', 'v2-ranges.json', 'v3.json']) {
      const decoded = decodePersisted(readFixture(name));
      expect(decoded.ok, name).toBe(true);
    }
  });

  it('migrates version 1 to 2 exactly: the one scenario becomes a library of one', () => {
    const v1 = JSON.parse(readFixture('v1.json')) as Record<string, unknown>;
    expect(migrations[0]!(v1)).toEqual({
      version: 2,
      library: [{ id: 'scenario-1', scenario: v1['scenario'] }],
      activeId: 'scenario-1',
      ui: { theme: 'light', priceUnit: 'per-million' },
    });
  });

  it('migrates version 2 to 3 exactly: revision 0, scenarios (ranges included) untouched', () => {
    for (const name of ['v2.json', 'v2-ranges.json']) {
      const v2 = JSON.parse(readFixture(name)) as Record<string, unknown>;
      expect(migrations[1]!(v2), name).toEqual({
        version: 3,
        revision: 0,
        library: v2['library'],
        activeId: v2['activeId'],
        ui: v2['ui'],
      });
    }
  });

  it('opens version 2 ranges, written beside the fields, as the same scenario', () => {
    const decoded = decodePersisted(readFixture('v2-ranges.json'));
    if (!decoded.ok) throw new Error(decoded.message);
    const slice = decoded.state.library[0]!.scenario.traffic[0]!;
    expect(slice.requestsPerMonth).toBe(1_000_000);
    expect(slice.ranges?.requestsPerMonth).toEqual({ low: 500_000, high: 2_000_000 });
    expect(decoded.state.library[0]!.scenario.finance.ranges?.cashOnHand).toEqual({
      low: 80_000,
      high: 120_000,
    });
  });

  it('saves scenarios with the scenario file’s field names (ranges written in place of the number)', () => {
    const decoded = decodePersisted(readFixture('v2-ranges.json'));
    if (!decoded.ok) throw new Error(decoded.message);
    const envelope = JSON.parse(encodePersisted(decoded.state, 4)) as {
      revision: number;
      library: { id: string; scenario: unknown }[];
    };
    expect(envelope.revision).toBe(4);
    expect(envelope.library[0]!.scenario).toEqual(
      JSON.parse(serializeScenario(decoded.state.library[0]!.scenario)),
    );
    expect(JSON.stringify(envelope.library[0]!.scenario)).toContain(
      '"requestsPerMonth":{"low":500000,"likely":1000000,"high":2000000}',
    );
    const again = decodePersisted(encodePersisted(decoded.state, 4));
    expect(again.ok && again.state).toEqual(decoded.state);
  });
});

describe('repairing saved data', () => {
  const a = () => makeValidSmallScenario();
  const named = (name: string) => ({ ...makeValidSmallScenario(), name });

  it('gives the second scenario of an id the first free id and reports it, dropping none', () => {
    const first = { id: 'scenario-1', scenario: named('First') };
    const second = { id: 'scenario-1', scenario: named('Second') };
    const third = { id: 'scenario-2', scenario: named('Third') };
    expect(repairDuplicateIds([first, second, third])).toEqual({
      // scenario-1 and scenario-2 are taken, so the second "scenario-1" becomes scenario-3.
      library: [first, { id: 'scenario-3', scenario: second.scenario }, third],
      repaired: [{ name: 'Second', sharedWith: 'First', oldId: 'scenario-1', newId: 'scenario-3' }],
    });
    // Ids of entries that did not open are not handed out either.
    expect(repairDuplicateIds([first, second], ['scenario-2']).library.map((e) => e.id)).toEqual([
      'scenario-1',
      'scenario-3',
    ]);
    expect(repairDuplicateIds([first, third])).toEqual({ library: [first, third], repaired: [] });
  });

  it('opens both scenarios of a save holding one id twice, the second under a new id', () => {
    const scenario = JSON.parse(serializeScenario(a())) as Record<string, unknown>;
    const decoded = decodePersisted(
      JSON.stringify({
        version: 3,
        revision: 7,
        library: [
          { id: 'x', scenario: { ...scenario, name: 'One' } },
          { id: 'x', scenario: { ...scenario, name: 'Two' } },
        ],
        activeId: 'x',
        ui: { theme: 'dark', priceUnit: 'per-million' },
      }),
    );
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.library.map((e) => [e.id, e.scenario.name])).toEqual([
      ['x', 'One'],
      ['scenario-1', 'Two'],
    ]);
    expect(decoded.state.activeId).toBe('x');
    expect(decoded.repaired).toEqual([{ name: 'Two', sharedWith: 'One', oldId: 'x', newId: 'scenario-1' }]);
    expect(decoded.dropped).toEqual([]);
  });
});
