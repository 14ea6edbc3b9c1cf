import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../../../src/domain/monte-carlo';
import type { MonteCarloProgress } from '../../../src/domain/monte-carlo';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  fingerprintScenario,
  hashText,
  monteCarloKeys,
  monteCarloQueryOptions,
} from '../../../src/queries/monte-carlo-queries';
import { computeMonteCarlo } from '../../../src/workers/monte-carlo-client';
import { runMonteCarloInChunks } from '../../../src/workers/monte-carlo-runner';
import { makeSmallScenario } from '../../factories/small-scenario';

/** The small scenario with requests given as a range, so samples differ. */
function makeScenario(likely = 1_000_000): Scenario {
  const document = JSON.parse(JSON.stringify(makeSmallScenario())) as {
    schemaVersion: number;
    traffic: Record<string, unknown>[];
  };
  document.schemaVersion = 2;
  document.traffic[0]!['requestsPerMonth'] = { low: likely / 2, likely, high: likely * 2 };
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}

describe('fingerprintScenario', () => {
  it('is the same for equal scenarios and differs when an input changes', () => {
    expect(fingerprintScenario(makeScenario()).fingerprint).toBe(
      fingerprintScenario(makeScenario()).fingerprint,
    );
    expect(fingerprintScenario(makeScenario(2_000_000)).fingerprint).not.toBe(
      fingerprintScenario(makeScenario()).fingerprint,
    );
    expect(hashText('a')).not.toBe(hashText('b'));
    expect(hashText('')).toMatch(/^[0-9a-f]{14}$/);
  });

  it('keys a run by fingerprint, samples and seed', () => {
    const scenario = makeScenario();
    const options = monteCarloQueryOptions(scenario, { samples: 500, seed: 3 });
    expect(options.queryKey).toEqual(monteCarloKeys.run(fingerprintScenario(scenario).fingerprint, 500, 3));
  });
});

describe('runMonteCarloInChunks', () => {
  it('gives the result of runMonteCarlo, reporting progress between slices', async () => {
    const scenario = makeScenario();
    const progress: MonteCarloProgress[] = [];
    // A slice of 0 ms gives way after every step of 25 samples.
    const result = await runMonteCarloInChunks(
      scenario,
      { samples: 200, seed: 5 },
      { onProgress: (p) => progress.push(p), sliceMs: 0 },
    );
    expect(result).toEqual(runMonteCarlo(scenario, { samples: 200, seed: 5 }));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => p.samplesDone)).toEqual(
      [...progress.map((p) => p.samplesDone)].sort((a, b) => a - b),
    );
  });

  it('stops with an AbortError when its signal aborts', async () => {
    const controller = new AbortController();
    const run = runMonteCarloInChunks(
      makeScenario(),
      { samples: 100_000, seed: 1 },
      {
        signal: controller.signal,
        sliceMs: 0,
        onProgress: (p) => {
          if (p.samplesDone >= 100) controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('monte carlo queries without a Worker', () => {
  it('compute on the page in slices and fill the query cache', async () => {
    expect(typeof Worker).toBe('undefined');
    const scenario = makeScenario();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const result = await client.fetchQuery(monteCarloQueryOptions(scenario, { samples: 300, seed: 2 }));
    expect(result).toEqual(runMonteCarlo(scenario, { samples: 300, seed: 2 }));
  });

  it('cancel a run when the signal aborts', async () => {
    const controller = new AbortController();
    const scenario = makeScenario();
    const run = computeMonteCarlo(
      scenario,
      fingerprintScenario(scenario).text,
      { samples: 100_000, seed: 1 },
      {
        signal: controller.signal,
      },
    );
    setTimeout(() => controller.abort(), 5);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
