/**
 * The Optimise and Uncertainty analyses as react-query data, computed in the analysis worker. A result is keyed
 * by the scenario object it was computed for (each edit makes a new one) and the analysis's own arguments, so a
 * result is never shown for another scenario; a run no longer wanted (the scenario changed, the screen closed)
 * is cancelled. Results are deterministic for their key, so they never go stale.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scenario } from '../domain/scenario-schema';
import { computeAnalysis, identifyScenario } from '../workers/analysis-client';
import type { AnalysisArgs, AnalysisName, AnalysisResult } from '../workers/analysis-tasks';

export type { FrontierOnPage, OptimiseOutcome } from '../workers/analysis-tasks';

export const analysisKeys = {
  all: ['analysis'] as const,
  run: (name: AnalysisName, scenarioId: number, args: readonly unknown[]) =>
    [...analysisKeys.all, name, scenarioId, ...args] as const,
};

/** Query options for the analysis `name` of `scenario`. */
export function analysisQueryOptions<N extends AnalysisName>(
  scenario: Scenario,
  name: N,
  ...args: AnalysisArgs<N>
) {
  return queryOptions({
    queryKey: analysisKeys.run(name, identifyScenario(scenario), args),
    queryFn: ({ signal }): Promise<AnalysisResult<N>> => computeAnalysis(scenario, name, args, signal),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

/** The analysis `name` of `scenario`, computed off the page; pending until the result for this scenario is in. */
export function useAnalysis<N extends AnalysisName>(scenario: Scenario, name: N, ...args: AnalysisArgs<N>) {
  return useQuery(analysisQueryOptions(scenario, name, ...args));
}
