/**
 * Query options for the shipped model catalog (data/catalog.json): loaded on demand as a lazy module, each
 * entry validated with the scenario's model schema before it reaches the app.
 */
import { queryOptions } from '@tanstack/react-query';
import { modelSchema } from '../domain/scenario-schema';
import type { Model } from '../domain/scenario-schema';
import { formatIssue, formatPath, fromZodIssues } from '../domain/validate-scenario';

export const catalogKeys = {
  all: ['catalog'] as const,
  shipped: () => [...catalogKeys.all, 'shipped'] as const,
};

/**
 * Validates a shipped catalog (an array of catalog entries), failing loudly with every problem and its path:
 * shipped data is tested, so a failure here is a build defect.
 */
export function parseShippedCatalog(document: unknown, file: string): Model[] {
  if (!Array.isArray(document)) throw new Error(`${file} is invalid: must be a list of catalog entries`);
  const problems: string[] = [];
  const models: Model[] = [];
  const seenIds = new Set<string>();
  document.forEach((entry: unknown, index) => {
    const parsed = modelSchema.safeParse(entry);
    if (!parsed.success) {
      const located = parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] }));
      problems.push(...fromZodIssues(located).map(formatIssue));
      return;
    }
    if (seenIds.has(parsed.data.id))
      problems.push(`${formatPath([index])}.id: "${parsed.data.id}" is used twice`);
    seenIds.add(parsed.data.id);
    models.push(parsed.data);
  });
  if (problems.length > 0) throw new Error(`${file} is invalid: ${problems.join('; ')}`);
  return models;
}

/** The catalog shipped with the app, validated; it never changes while the app runs. */
export function shippedCatalogQueryOptions() {
  return queryOptions({
    queryKey: catalogKeys.shipped(),
    queryFn: async () => {
      const module = await import('../../data/catalog.json');
      return parseShippedCatalog(module.default, 'data/catalog.json');
    },
    staleTime: Infinity,
  });
}
