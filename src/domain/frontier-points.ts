/**
 * A slice's cost-against-quality points as the analysis worker sends them: columns (typed arrays) and each
 * point's position in the catalog, read in place. A point object is made only when asked for (`at`) and kept,
 * so a chart that draws a few hundred of 10,000 models makes a few hundred objects, and asking twice gives the
 * same object.
 */
import type { ParetoPoint } from './pareto';
import type { Model } from './scenario-schema';

/** The bits of a point's `flags`. */
export const ON_FRONTIER = 1;
export const MEETS_BAR = 2;

export type FrontierColumns = {
  /** Each point's model, as its position in the scenario's catalog. */
  modelIndex: Int32Array;
  costPerRequest: Float64Array;
  quality: Float64Array;
  /** `ON_FRONTIER` and `MEETS_BAR` bits. */
  flags: Uint8Array;
};

export class FrontierPoints implements Iterable<ParetoPoint> {
  readonly length: number;
  private readonly made: (ParetoPoint | undefined)[];

  constructor(
    private readonly columns: FrontierColumns,
    private readonly catalog: readonly Model[],
  ) {
    this.length = columns.modelIndex.length;
    this.made = new Array<ParetoPoint | undefined>(this.length);
  }

  costAt(index: number): number {
    return this.columns.costPerRequest[index] ?? NaN;
  }

  qualityAt(index: number): number {
    return this.columns.quality[index] ?? NaN;
  }

  onFrontierAt(index: number): boolean {
    return ((this.columns.flags[index] ?? 0) & ON_FRONTIER) !== 0;
  }

  /** The point at `index`, with the catalog's own model object. */
  at(index: number): ParetoPoint {
    let point = this.made[index];
    if (point === undefined) {
      const flags = this.columns.flags[index] ?? 0;
      point = {
        model: this.catalog[this.columns.modelIndex[index] ?? -1] as ParetoPoint['model'],
        costPerRequest: this.costAt(index),
        quality: this.qualityAt(index),
        onFrontier: (flags & ON_FRONTIER) !== 0,
        meetsBar: (flags & MEETS_BAR) !== 0,
      };
      this.made[index] = point;
    }
    return point;
  }

  /** Every point, in catalog order (each made if it is not yet). */
  *[Symbol.iterator](): Iterator<ParetoPoint> {
    for (let index = 0; index < this.length; index++) yield this.at(index);
  }
}
