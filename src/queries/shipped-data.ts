/**
 * Query options for the data shipped in `data/`: each file is a lazily loaded module, fetched on demand and
 * validated before it reaches the app.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Scenario } from '../domain/scenario-schema';
import { formatIssue, validateScenario } from '../domain/validate-scenario';

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
