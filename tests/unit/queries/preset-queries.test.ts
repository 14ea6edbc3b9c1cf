import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  parsePresetIndex,
  presetIndexQueryOptions,
  presetScenarioQueryOptions,
} from '../../../src/queries/shipped-data';

function makeClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

describe('preset queries', () => {
  it('loads the index and every preset it lists, each validated', async () => {
    const client = makeClient();
    const index = await client.fetchQuery(presetIndexQueryOptions());
    expect(index.map((p) => p.id)).toEqual([
      'eu-support-assistant',
      'multilingual-b2c-saas',
      'code-assistant',
      'evaluation-bake-off',
    ]);
    for (const preset of index) {
      const scenario = await client.fetchQuery(presetScenarioQueryOptions(preset.file));
      expect(scenario.schemaVersion).toBe(3);
      expect(scenario.strategies.length).toBeGreaterThan(0);
    }
  });

  it('refuses a file that is not a shipped preset', async () => {
    const client = makeClient();
    await expect(client.fetchQuery(presetScenarioQueryOptions('index.json'))).rejects.toThrow(
      /not a shipped preset/,
    );
    await expect(client.fetchQuery(presetScenarioQueryOptions('../default-scenario.json'))).rejects.toThrow(
      /not a shipped preset/,
    );
  });

  it('reports every problem of a broken index with its path', () => {
    expect(() => parsePresetIndex([{ id: 'a', file: '../x.json', name: '' }], 'index.json')).toThrow(
      /index\.json is invalid: \[0\]\.file: .*; \[0\]\.name: .*; \[0\]\.description/,
    );
  });
});
