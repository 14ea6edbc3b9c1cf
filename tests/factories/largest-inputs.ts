/**
 * The largest files the planner accepts, for benchmarks: a scenario file whose catalog is grown until the file is
 * just under the 20 MB import limit, and its catalog alone as a native catalog file.
 */
import { validateScenario } from '../../src/domain/validate-scenario';
import { MAX_IMPORT_BYTES } from '../../src/io/json-text';
import { serializeCatalog, serializeScenario } from '../../src/io/scenario-file';
import { createLargeScenario } from './large-scenario';

export type LargestInputs = { scenarioText: string; catalogText: string; modelCount: number };

/** Builds both texts (a few seconds): the scenario's catalog holds as many models as fit in 97 % of 20 MB. */
export function createLargestInputs(): LargestInputs {
  const probe = validateScenario(createLargeScenario({ modelCount: 1000 }));
  if (!probe.ok) throw new Error('the large scenario is invalid');
  const perModel = serializeScenario(probe.value).length / 1000;
  const modelCount = Math.floor((MAX_IMPORT_BYTES * 0.97) / perModel);
  const largest = validateScenario(createLargeScenario({ modelCount }));
  if (!largest.ok) throw new Error('the largest scenario is invalid');
  return {
    scenarioText: serializeScenario(largest.value),
    catalogText: serializeCatalog(largest.value.catalog),
    modelCount,
  };
}
