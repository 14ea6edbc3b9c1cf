/**
 * The analysis worker: runs the Optimise and Uncertainty screens' analyses (`analysis-tasks.ts`) off the page's
 * thread. The catalog, the largest part of a scenario, arrives once per catalog in parts (`putCatalogPart`), so
 * the page never copies it in one long task; the rest of the scenario arrives once per scenario (`putScenario`);
 * each run then sends only the two ids, its name and its arguments.
 * A run waits one turn of the message queue before it computes, so that a cancel sent after it (a newer
 * scenario) stops it before it starts.
 */
import { expose } from 'comlink';
import type { Model, Scenario } from '../domain/scenario-schema';
import { giveWay } from './give-way';
import { restoreScenario, runNamedAnalysis } from './analysis-tasks';
import type { AnalysisName } from './analysis-tasks';

type HeldCatalog = { id: number; models: Model[] };
type HeldScenario = { id: number; rest: Omit<Scenario, 'catalog'> };

/** The catalog runs use: only the latest is held. */
let held: HeldCatalog | null = null;
/** The scenario (but its catalog) runs use: only the latest is held. */
let heldScenario: HeldScenario | null = null;
/** The catalog being received, part by part. */
let receiving: HeldCatalog | null = null;
/** Runs received and not yet finished, and those of them cancelled. */
const pending = new Set<number>();
const cancelled = new Set<number>();

function createAbortError(): Error {
  return new DOMException('The analysis was cancelled', 'AbortError');
}

const api = {
  /** One part of catalog `catalogId`, from `offset`; the catalog is used once its last part (of `total`) is in. */
  putCatalogPart(catalogId: number, offset: number, total: number, models: Model[]): void {
    if (offset === 0 || receiving?.id !== catalogId) receiving = { id: catalogId, models: [] };
    receiving.models.push(...models);
    if (receiving.models.length >= total) {
      held = receiving;
      receiving = null;
    }
  },
  /** The scenario `scenarioId` but its catalog, for the runs that follow. */
  putScenario(scenarioId: number, rest: Omit<Scenario, 'catalog'>): void {
    heldScenario = { id: scenarioId, rest };
  },
  /** Runs the analysis `name` on scenario `scenarioId` with catalog `catalogId`. */
  async run(
    runId: number,
    catalogId: number,
    scenarioId: number,
    name: AnalysisName,
    args: readonly unknown[],
  ): Promise<unknown> {
    // Taken now: a newer catalog's part or scenario, queued behind this run, must not change what it uses.
    const catalog = held?.id === catalogId ? held.models : null;
    const rest = heldScenario?.id === scenarioId ? heldScenario.rest : null;
    pending.add(runId);
    try {
      await giveWay();
      if (cancelled.has(runId)) throw createAbortError();
      if (!catalog) throw new Error('the analysis worker does not have the scenario’s catalog');
      if (!rest) throw new Error('the analysis worker does not have the scenario');
      return runNamedAnalysis(restoreScenario({ ...rest, catalog }), name, args);
    } finally {
      pending.delete(runId);
      cancelled.delete(runId);
    }
  },
  /** Stops a run that has not started computing; nothing happens to one that has. */
  cancel(runId: number): void {
    if (pending.has(runId)) cancelled.add(runId);
  },
};

export type AnalysisWorkerApi = typeof api;

expose(api);
