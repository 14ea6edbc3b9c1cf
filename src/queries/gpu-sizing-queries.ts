/**
 * Query options for the self-hosting sizer's shipped tables (data/gpu-instances.json and
 * data/model-architectures.json): lazy modules, validated before they reach the app.
 */
import { queryOptions } from '@tanstack/react-query';
import { parseGpuInstanceTable, parseModelArchitectures } from '../io/gpu-sizing-data';

export const gpuSizingKeys = {
  all: ['gpu-sizing'] as const,
  tables: () => [...gpuSizingKeys.all, 'tables'] as const,
};

/** The instance table and the prefilled architectures; they never change while the app runs. */
export function gpuSizingTablesQueryOptions() {
  return queryOptions({
    queryKey: gpuSizingKeys.tables(),
    queryFn: async () => {
      const [instances, architectures] = await Promise.all([
        import('../../data/gpu-instances.json'),
        import('../../data/model-architectures.json'),
      ]);
      return {
        instances: parseGpuInstanceTable(instances.default),
        architectures: parseModelArchitectures(architectures.default),
      };
    },
    staleTime: Infinity,
  });
}
