/**
 * Query options for the data shipped in `data/`: each file is a lazily loaded module, fetched on demand and
 * validated before it reaches the app.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Scenario } from '../domain/scenario-schema';
import { formatIssue, fromZodIssues, validateScenario } from '../domain/validate-scenario';
import { z } from 'zod';

export const shippedDataKeys = {
  all: ['shipped-data'] as const,
  defaultScenario: () => [...shippedDataKeys.all, 'default-scenario'] as const,
};

/** Validates a shipped scenario, failing loudly: shipped data is tested, so a failure here is a build defect. */
export function parseShippedScenario(document: unknown, file: string): Scenario {
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(`${file} is invalid: ${validated.issues.map(formatIssue).join('; ')}`);
  return validated.value;
}

export function defaultScenarioQueryOptions() {
  return queryOptions({
    queryKey: shippedDataKeys.defaultScenario(),
    queryFn: async () => {
      const module = await import('../../data/default-scenario.json');
      return parseShippedScenario(module.default, 'data/default-scenario.json');
    },
    staleTime: Infinity,
  });
}

/** One preset listed in `data/presets/index.json`. */
export type PresetEntry = { id: string; file: string; name: string; description: string };

const presetIndexSchema = z.array(
  z.strictObject({
    id: z.string().min(1),
    file: z.string().regex(/^[a-z0-9-]+\.json$/, 'must be a file name in data/presets'),
    name: z.string().min(1),
    description: z.string(),
  }),
);

/** Every preset scenario file, each a lazily loaded module (the index itself is loaded on its own). */
const presetModules = import.meta.glob<unknown>(['../../data/presets/*.json', '!**/index.json'], {
  import: 'default',
});

export const presetKeys = {
  all: [...shippedDataKeys.all, 'presets'] as const,
  index: () => [...presetKeys.all, 'index'] as const,
  preset: (file: string) => [...presetKeys.all, 'file', file] as const,
};

/** Validates the presets index, failing loudly with every problem and its path (a build defect). */
export function parsePresetIndex(document: unknown, file: string): PresetEntry[] {
  const parsed = presetIndexSchema.safeParse(document);
  if (!parsed.success) {
    throw new Error(`${file} is invalid: ${fromZodIssues(parsed.error.issues).map(formatIssue).join('; ')}`);
  }
  return parsed.data;
}

/** The list of shipped presets (name, one-line description, file), validated. */
export function presetIndexQueryOptions() {
  return queryOptions({
    queryKey: presetKeys.index(),
    queryFn: async () => {
      const module = await import('../../data/presets/index.json');
      return parsePresetIndex(module.default, 'data/presets/index.json');
    },
    staleTime: Infinity,
  });
}

/** One preset scenario (`file` as the index names it), loaded on demand and validated. */
export function presetScenarioQueryOptions(file: string) {
  return queryOptions({
    queryKey: presetKeys.preset(file),
    queryFn: async () => {
      const load = presetModules[`../../data/presets/${file}`];
      if (!load || file === 'index.json') throw new Error(`data/presets/${file} is not a shipped preset`);
      return parseShippedScenario(await load(), `data/presets/${file}`);
    },
    staleTime: Infinity,
  });
}
