/**
 * Seeded property tests of the self-hosting sizer: serving more requests at once, or longer contexts, never
 * needs less memory, and never lets a smaller instance fit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRECISIONS, estimateMemory, findGpusNeeded } from '../../src/domain/gpu-sizing';
import type { GpuInstance } from '../../src/domain/gpu-sizing';

const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

const modelArbitrary = fc.record({
  totalParamsB: fc.double({ min: 0.1, max: 2000, noNaN: true }),
  activeParamsB: fc.option(fc.double({ min: 0.1, max: 100, noNaN: true }), { nil: null }),
  layers: fc.integer({ min: 1, max: 200 }),
  kvHeads: fc.integer({ min: 1, max: 128 }),
  headDim: fc.integer({ min: 1, max: 512 }),
});
const precisionArbitrary = fc.constantFrom(...PRECISIONS);
const tokensArbitrary = fc.integer({ min: 0, max: 2_000_000 });
const concurrencyArbitrary = fc.integer({ min: 1, max: 1024 });

const instance: GpuInstance = {
  instance: 'test.8x',
  gpu: 'Test GPU',
  gpuCount: 8,
  memoryPerGpuGB: 80,
  bandwidthPerGpuGBps: 2000,
  precisions: [...PRECISIONS],
  region: 'us-east-1',
  onDemandHourly: 10,
  reserved1yHourly: null,
  reserved3yHourly: null,
  sources: {
    price: { label: 'test', asOf: '2026-12-02' },
    specs: { label: 'test', asOf: '2026-12-02' },
    bandwidth: { label: 'test', asOf: '2026-12-02' },
  },
};

describe('estimateMemory', () => {
  it('never needs less memory with more concurrency or a longer context', () => {
    fc.assert(
      fc.property(
        modelArbitrary,
        precisionArbitrary,
        tokensArbitrary,
        tokensArbitrary,
        concurrencyArbitrary,
        concurrencyArbitrary,
        (model, precision, contextA, contextB, concurrencyA, concurrencyB) => {
          const small = estimateMemory(model, {
            precision,
            contextTokens: Math.min(contextA, contextB),
            concurrency: Math.min(concurrencyA, concurrencyB),
          });
          const large = estimateMemory(model, {
            precision,
            contextTokens: Math.max(contextA, contextB),
            concurrency: Math.max(concurrencyA, concurrencyB),
          });
          expect(large.totalGB).toBeGreaterThanOrEqual(small.totalGB);
          expect(large.kvCacheGB).toBeGreaterThanOrEqual(small.kvCacheGB);
          expect(large.weightsGB).toBe(small.weightsGB);
          // More memory never fits on fewer GPUs.
          const gpusSmall = findGpusNeeded(instance, small.totalGB) ?? Infinity;
          const gpusLarge = findGpusNeeded(instance, large.totalGB) ?? Infinity;
          expect(gpusLarge).toBeGreaterThanOrEqual(gpusSmall);
        },
      ),
      settings,
    );
  });

  it('is the sum of its terms', () => {
    fc.assert(
      fc.property(
        modelArbitrary,
        precisionArbitrary,
        tokensArbitrary,
        concurrencyArbitrary,
        (model, precision, contextTokens, concurrency) => {
          const memory = estimateMemory(model, { precision, contextTokens, concurrency });
          expect(memory.totalGB).toBeCloseTo(memory.weightsGB + memory.kvCacheGB + memory.overheadGB, 6);
        },
      ),
      settings,
    );
  });
});
