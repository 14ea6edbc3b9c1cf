import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { PERSIST_VERSION, decodePersisted } from '../../../src/io/persisted-envelope';
import type { DecodeResult } from '../../../src/io/persisted-envelope';
import { adoptDecoded, decodeForTransfer } from '../../../src/io/persisted-transfer';
import { serializeModelCompact, serializeScenario } from '../../../src/io/scenario-file';
import { encodePersisted } from '../../../src/state/persistence';
import { makeLargeCatalogScenario } from '../../factories/large-catalog';
import { AWKWARD_IDS, scenarioInputArbitrary } from '../../factories/scenario-arbitrary';
import { makeSmallScenario } from '../../factories/small-scenario';

/**
 * Where two values differ: a value, an object's prototype (a null-prototype record against a plain object) or
 * its own keys and their order. Vitest's toStrictEqual cannot say it for records holding a key "constructor"
 * (it compares `a.constructor` with `b.constructor`, which are then two copies of one entry).
 */
function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? [] : [`${path}: ${String(a)} ≠ ${String(b)}`];
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return [`${path}: another prototype`];
  const keys = Reflect.ownKeys(a);
  const otherKeys = Reflect.ownKeys(b);
  if (keys.join('\u0000') !== otherKeys.join('\u0000'))
    return [`${path}: keys ${keys.join()} ≠ ${otherKeys.join()}`];
  return keys.flatMap((key) =>
    differences(
      (a as Record<PropertyKey, unknown>)[key],
      (b as Record<PropertyKey, unknown>)[key],
      `${path}.${String(key)}`,
    ),
  );
}

/** The worker's path without the thread: decoded there, copied between threads as postMessage does, adopted. */
function throughWorker(text: string): DecodeResult | null {
  return adoptDecoded(structuredClone(decodeForTransfer(text)));
}

/** Both paths agree on `text`, and the texts the worker wrote are those the page would write for its models. */
function expectSameDecode(text: string): DecodeResult {
  const inPlace = decodePersisted(text);
  const transferred = decodeForTransfer(text);
  expect(differences(throughWorker(text), inPlace)).toEqual([]);
  if (inPlace.ok && transferred.ok) {
    expect(transferred.modelTexts).toEqual(
      inPlace.state.library.map((entry) => entry.scenario.catalog.map(serializeModelCompact)),
    );
  }
  return inPlace;
}

function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/persisted/${name}`, import.meta.url), 'utf8');
}

/** The first scenario of a frozen fixture, as saved. */
function savedScenario(name: string): unknown {
  return (JSON.parse(readFixture(name)) as { library: { scenario: unknown }[] }).library[0]!.scenario;
}

/** A scenario as its file writes it, with `changes` on top. */
function document(input: ScenarioInput = makeSmallScenario(), changes: Record<string, unknown> = {}) {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return { ...(JSON.parse(serializeScenario(validated.value)) as Record<string, unknown>), ...changes };
}

function envelope(library: { id: string; scenario: unknown }[], rest: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: PERSIST_VERSION,
    revision: 4,
    library,
    activeId: library[0]?.id,
    ui: { theme: 'dark', priceUnit: 'per-thousand' },
    ...rest,
  });
}

/** The small scenario with a slice and an assignment keyed by ids a plain object would read from its prototype. */
function awkwardIds(): ScenarioInput {
  const input = makeSmallScenario();
  const slice = input.traffic[0]!;
  input.traffic = AWKWARD_IDS.map((id) => ({ ...slice, id, name: `Slice ${id}` }));
  const routes = Object.create(null) as Record<string, string>;
  for (const id of AWKWARD_IDS) routes[id] = input.catalog[0]!.id;
  input.strategies = [{ id: 'constructor', name: 'Assigned', kind: 'assign', routes }];
  return input;
}

describe('a saved library decoded in a worker opens exactly as decoded on the page', () => {
  it('every frozen fixture of an older version', () => {
    for (const name of ['v1.json', 'v2.json', 'v2-ranges.json', 'v3.json']) {
      expect(expectSameDecode(readFixture(name)).ok, name).toBe(true);
    }
  });

  it('a library with ranges, a broken scenario, a display currency, awkward ids and a 2,500-model catalog', () => {
    const decoded = expectSameDecode(
      envelope([
        { id: 'ranges', scenario: savedScenario('v2-ranges.json') },
        { id: 'broken', scenario: document(makeSmallScenario(), { horizonMonths: -1 }) },
        {
          id: 'euro',
          scenario: document(makeSmallScenario(), {
            displayCurrency: { currency: 'EUR', perUsd: 0.92, setOn: '2026-12-02' },
          }),
        },
        { id: '__proto__', scenario: document(awkwardIds()) },
        { id: 'large', scenario: document(makeLargeCatalogScenario(2500)) },
      ]),
    );
    expect(decoded.ok && decoded.state.library.map((entry) => entry.id)).toEqual([
      'ranges',
      'euro',
      '__proto__',
      'large',
    ]);
    expect(decoded.ok && decoded.dropped).toEqual([
      'broken (“Small test scenario”): horizonMonths: must be between 1 and 120',
    ]);
    // The worker's assignment keeps its awkward keys as keys of its own, not of a prototype.
    const strategy = decoded.ok ? decoded.state.library[2]!.scenario.strategies[0]! : null;
    expect(strategy?.kind === 'assign' && Object.getPrototypeOf(strategy.routes)).toBeNull();
  });

  it('a library holding one id twice: both open, the second under a fresh id, reported alike', () => {
    const decoded = expectSameDecode(
      envelope([
        { id: 'x', scenario: document(makeSmallScenario(), { name: 'One' }) },
        { id: 'x', scenario: document(makeSmallScenario(), { name: 'Two' }) },
      ]),
    );
    expect(decoded.ok && decoded.repaired).toEqual([
      { name: 'Two', sharedWith: 'One', oldId: 'x', newId: 'scenario-1' },
    ]);
  });

  it('saved data that cannot be opened is refused with the same reason', () => {
    const texts = [
      '{oops',
      '[1, 2]',
      '{"scenario": {}}',
      '{"version": 99, "library": []}',
      '{"version": 3, "library": "none"}',
      envelope([]),
      envelope([{ id: 'broken', scenario: { name: 'Broken', schemaVersion: 3 } }]),
    ];
    for (const text of texts) expect(expectSameDecode(text).ok, text).toBe(false);
  });

  it('a save written by this build round-trips alike', () => {
    const small = validateScenario(makeSmallScenario());
    if (!small.ok) throw new Error('fixture invalid');
    const text = encodePersisted(
      {
        library: [
          { id: 'a', scenario: small.value },
          { id: 'b', scenario: { ...small.value, name: 'Second' } },
        ],
        activeId: 'b',
        ui: { theme: 'light', priceUnit: 'per-million' },
      },
      12,
    );
    const decoded = expectSameDecode(text);
    expect(decoded.ok && [decoded.revision, decoded.state.activeId]).toEqual([12, 'b']);
  });

  it('any library: generated scenarios (some broken), repeated ids, any saved version, active id and ui', () => {
    const entry = fc.record({
      id: fc.constantFrom('scenario-1', 'scenario-2', 'x', '__proto__', 'constructor'),
      scenario: scenarioInputArbitrary(),
      broken: fc.constantFrom(false, false, false, true),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 0, maxLength: 4 }),
        fc.constantFrom(1, 2, 3),
        fc.option(fc.constantFrom('scenario-1', 'x', 'missing')),
        fc.constantFrom('light', 'dark', 'system', 'sepia'),
        fc.option(fc.nat({ max: 1000 })),
        (entries, version, activeId, theme, revision) => {
          const library = entries.map(({ id, scenario, broken }) => ({
            id,
            scenario: broken ? { ...scenario, catalog: 'none' } : scenario,
          }));
          const text = JSON.stringify(
            version === 1
              ? { version, scenario: library[0]?.scenario, ui: { theme, priceUnit: 'per-million' } }
              : { version, revision, library, activeId, ui: { theme, priceUnit: 'per-thousand' } },
          );
          expectSameDecode(text);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('adopting a decode made in a worker', () => {
  it('refuses a copy whose texts do not match its models, so the page decodes the text itself', () => {
    const text = envelope([{ id: 'a', scenario: document() }]);
    const transferred = decodeForTransfer(text);
    if (!transferred.ok) throw new Error(transferred.message);
    expect(adoptDecoded({ ...structuredClone(transferred), modelTexts: [] })).toBeNull();
    expect(adoptDecoded({ ...structuredClone(transferred), modelTexts: [['{}']] })).toBeNull();
  });

  it('refuses a copy whose scenario no longer passes the cross-field checks', () => {
    const transferred = structuredClone(decodeForTransfer(envelope([{ id: 'a', scenario: document() }])));
    if (!transferred.ok) throw new Error(transferred.message);
    const scenario = transferred.state.library[0]!.scenario;
    scenario.catalog = [];
    transferred.modelTexts = [[]];
    expect(adoptDecoded(transferred)).toBeNull();
  });
});
