/**
 * Version 1 and 2 scenarios open as version 3 by changing nothing but their version, and give the very figures
 * version 2 of the engine gave. `tests/fixtures/v2/figures-at-v2.json` was written by the version-2 engine (the
 * commit before schema version 3) from the two version-2 documents beside it; it is frozen.
 */
import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import { SCHEMA_VERSION } from '../../../src/domain/scenario-schema';
import { readShareFragment } from '../../../src/io/share-link';
import { decodePersisted } from '../../../src/state/persistence';
import { simulate } from '../../../src/domain/simulate';
import type { SimulationResult } from '../../../src/domain/simulate';

type JsonObject = Record<string, unknown>;

function fixture(name: string): JsonObject {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/v2/${name}.json`, import.meta.url), 'utf8'),
  ) as JsonObject;
}

const FROZEN = fixture('figures-at-v2') as Record<string, unknown>;
const NAMES = ['default-scenario', 'code-assistant'] as const;

/** The figures the frozen file holds, read off a result. */
function figuresOf(result: SimulationResult) {
  return result.strategies.map((s) => ({
    id: s.id,
    totals: s.totals,
    creditsExhaustedMonth: s.creditsExhaustedMonth,
    runwayMonths: s.runwayMonths,
    unmetQuality: s.unmetQuality,
    monthlySpend: s.months.map((m) => m.spend),
    cashEnd: s.months.map((m) => m.cashEnd),
  }));
}

function planOf(document: unknown) {
  const plan = planScenario(document);
  if (!plan.ok) throw new Error(plan.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return plan.value;
}

/** The document with every version-3 field written out at its default. */
function withVersion3Defaults(document: JsonObject): JsonObject {
  const copy = structuredClone(document) as {
    catalog: { pricing: JsonObject & { kind: string } }[];
    traffic: JsonObject[];
  } & JsonObject;
  copy['schemaVersion'] = 3;
  copy['fixedCosts'] = [];
  for (const model of copy.catalog) {
    Object.assign(model, { region: null, tokenizerFactor: 1, reasoning: false });
    if (model.pricing.kind === 'per-token') {
      Object.assign(model.pricing, {
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      });
    } else {
      Object.assign(model.pricing, { commitmentMonths: 0 });
    }
  }
  for (const slice of copy.traffic)
    Object.assign(slice, { regions: null, cacheTtl: '5m', reasoningTokens: 0 });
  return copy;
}

describe('a version-2 scenario under schema version 3', () => {
  for (const name of NAMES) {
    const document = fixture(name);

    it(`${name}: opens as version ${SCHEMA_VERSION} with the figures version 2 gave, bit for bit`, () => {
      expect(document['schemaVersion']).toBe(2);
      const { scenario, result } = planOf(document);
      expect(scenario.schemaVersion).toBe(3);
      expect(figuresOf(result)).toEqual(FROZEN[name]);
      for (const strategy of result.strategies) {
        expect(strategy.offRegion).toEqual([]);
        for (const month of strategy.months) expect(month.byFixedCost).toEqual({});
      }
    });

    it(`${name}: gives the same figures with its version set to 3, and with every version-3 default written out`, () => {
      expect(figuresOf(planOf({ ...document, schemaVersion: 3 }).result)).toEqual(FROZEN[name]);
      expect(figuresOf(planOf(withVersion3Defaults(document)).result)).toEqual(FROZEN[name]);
    });

    it(`${name}: opens from a share link made by version 2 with the same figures`, () => {
      const fragment = `#share=${compressToEncodedURIComponent(JSON.stringify(document))}`;
      const opened = readShareFragment(fragment);
      if (!opened.ok) throw new Error('the link did not open');
      expect(opened.value.schemaVersion).toBe(3);
      expect(figuresOf(simulate(opened.value))).toEqual(FROZEN[name]);
    });

    it(`${name}: opens from saved state written by version 2 with the same figures`, () => {
      const saved = JSON.stringify({
        version: 2,
        library: [{ id: 'scenario-1', scenario: document }],
        activeId: 'scenario-1',
        ui: { theme: 'light', priceUnit: 'per-million' },
      });
      const decoded = decodePersisted(saved);
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.dropped).toEqual([]);
      const scenario = decoded.state.library[0]!.scenario;
      expect(scenario.schemaVersion).toBe(3);
      expect(figuresOf(simulate(scenario))).toEqual(FROZEN[name]);
    });
  }
});
