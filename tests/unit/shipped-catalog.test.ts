import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelSchema } from '../../src/domain/scenario-schema';
import type { Model } from '../../src/domain/scenario-schema';
import {
  LITELLM_FILE,
  applyOverride,
  buildCatalog,
  buildEntry,
  litellmFields,
  parseRowsFile,
  readLitellmPrices,
  unreachableLongContext,
} from '../../scripts/catalog-build/build';
import type { RowSpec } from '../../scripts/catalog-build/row-spec';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const buildDir = path.join(dataDir, 'catalog-build');

const catalog = JSON.parse(readFileSync(path.join(dataDir, 'catalog.json'), 'utf8')) as Model[];
const prices = readLitellmPrices(readFileSync(path.join(buildDir, LITELLM_FILE), 'utf8'));
const rows: RowSpec[] = readdirSync(path.join(buildDir, 'rows'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) =>
    parseRowsFile(file, JSON.parse(readFileSync(path.join(buildDir, 'rows', file), 'utf8')) as unknown),
  );
const rowsById = new Map(rows.map((row) => [row.id, row]));

describe('data/catalog.json against the row specs', () => {
  it('is what the build writes from the rows and the copied price file', () => {
    const { entries, missingKeys } = buildCatalog(rows, prices);
    expect(missingKeys).toEqual([]);
    expect(catalog).toEqual(JSON.parse(JSON.stringify(entries)));
  });

  it('has valid entries with unique ids, each from a row spec', () => {
    const ids = new Set<string>();
    for (const entry of catalog) {
      expect(modelSchema.safeParse(entry).success, entry.id).toBe(true);
      expect(ids.has(entry.id), `duplicate id ${entry.id}`).toBe(false);
      ids.add(entry.id);
      expect(rowsById.has(entry.id), `${entry.id} has no row spec`).toBe(true);
    }
  });

  it('has no long-context tier at or above its context window (such a tier can never apply)', () => {
    const unreachable = catalog
      .map((entry) => [entry.id, unreachableLongContext(entry)] as const)
      .filter(([, why]) => why !== null);
    expect(unreachable).toEqual([]);
  });

  it('dates every row and sources every quality score', () => {
    for (const entry of catalog) {
      expect(entry.source?.asOf, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.qualitySource, entry.id).toBeDefined();
      expect(entry.qualitySource?.label, entry.id).not.toBe('');
    }
  });
});

describe('shipped rows that name a LiteLLM key', () => {
  const keyed = catalog.filter((entry) => entry.priceKey !== null);

  it('exist', () => {
    expect(keyed.length).toBeGreaterThan(0);
  });

  it.each(keyed.map((entry) => [entry.id, entry] as const))(
    '%s matches its LiteLLM entry but for the reviewed override',
    (id, entry) => {
      const row = rowsById.get(id)!;
      const converted = prices.byKey.get(entry.priceKey!);
      expect(converted, `key ${entry.priceKey} is not in ${LITELLM_FILE}`).toBeDefined();
      expect(litellmFields(entry)).toEqual(litellmFields(applyOverride(converted!, row.override)));
    },
  );

  it('override only what differs from LiteLLM, each with a reason', () => {
    for (const row of rows) {
      if (row.override === undefined) continue;
      expect(row.overrideReason, row.id).toBeTruthy();
      const converted = prices.byKey.get(row.litellmKey!)!;
      const { pricing = {}, ...rest } = row.override;
      for (const [field, value] of Object.entries(pricing)) {
        const current = (converted.pricing as Record<string, unknown>)[field];
        expect(value, `${row.id}: pricing.${field} overrides LiteLLM with the same value`).not.toEqual(
          current,
        );
      }
      for (const [field, value] of Object.entries(rest)) {
        expect(value, `${row.id}: ${field} overrides LiteLLM with the same value`).not.toEqual(
          (converted as Record<string, unknown>)[field],
        );
      }
    }
  });
});

describe('the build', () => {
  const row = (window: number | null, above: number): RowSpec =>
    parseRowsFile('test.json', [
      {
        id: 'test:tiered',
        litellmKey: null,
        name: 'Tiered',
        provider: 'Test',
        platform: 'test',
        region: null,
        source: { label: 'test', asOf: '2026-12-03' },
        model: {
          pricing: {
            kind: 'per-token',
            inputPerMTok: 3,
            outputPerMTok: 15,
            longContext: { aboveInputTokens: above, inputPerMTok: 6, outputPerMTok: 22.5 },
          },
          contextWindow: window,
        },
        retiresOn: null,
        quality: { score: 1, benchmark: 'GPQA Diamond', label: 'test', asOf: '2026-12-03' },
      },
    ])[0]!;

  it('refuses a long-context tier at or above the context window', () => {
    expect(() => buildEntry(row(200_000, 200_000), prices)).toThrow(/can never apply/);
    expect(() => buildEntry(row(200_000, 272_000), prices)).toThrow(/can never apply/);
  });

  it('takes a tier below the window, or with no window', () => {
    expect(buildEntry(row(1_000_000, 200_000), prices).pricing).toMatchObject({
      longContext: { aboveInputTokens: 200_000 },
    });
    expect(buildEntry(row(null, 200_000), prices).contextWindow).toBeNull();
  });
});
