import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../../../src/domain/monte-carlo';
import type { MonteCarloResult } from '../../../src/domain/monte-carlo';
import type { SimulationResult } from '../../../src/domain/simulate';
import { parseScenarioText } from '../../../src/io/scenario-file';
import { runCli, USAGE } from '../../../src/cli/run-cli';

const smallText = readFileSync(new URL('../../fixtures/small-scenario.json', import.meta.url), 'utf8');

/** The small fixture with 1,000,000 requests a month given as a range 0.5M – 1M – 2M. */
function makeRangedText(): string {
  const document = JSON.parse(smallText) as { schemaVersion: number; traffic: Record<string, unknown>[] };
  document.schemaVersion = 2;
  document.traffic[0]!['requestsPerMonth'] = { low: 500_000, likely: 1_000_000, high: 2_000_000 };
  return JSON.stringify(document);
}

type Run = { code: number; stdout: string; stderr: string };

function run(argv: string[]): Run {
  const files = new Map([
    ['small.json', smallText],
    ['ranged.json', makeRangedText()],
  ]);
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile(path) {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    today: () => '2027-03-14',
  });
  return { code, stdout, stderr };
}

function scenarioOf(text: string) {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

type Printed = SimulationResult & { monteCarlo?: MonteCarloResult };

describe('runCli --samples / --seed', () => {
  it('adds a monteCarlo field to the JSON: the engine result for that file, samples and seed', () => {
    const result = run(['ranged.json', '--samples', '300', '--seed', '42']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as Printed;
    const expected = runMonteCarlo(scenarioOf(makeRangedText()), { samples: 300, seed: 42 });
    // JSON has no Infinity or -0 to lose here: month percentiles beyond the horizon are already null.
    expect(printed.monteCarlo).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.monteCarlo?.strategies.map((s) => Object.keys(s.firstYearSpend))).toEqual([
      ['p10', 'p50', 'p90'],
      ['p10', 'p50', 'p90'],
    ]);
    expect(printed.strategies).toHaveLength(2);
  });

  it('leaves the JSON unchanged without --samples or --seed', () => {
    const printed = JSON.parse(run(['ranged.json']).stdout) as Printed;
    expect(printed.monteCarlo).toBeUndefined();
  });

  it('takes 2,000 samples when only --seed is given, and seed 1 when only --samples is', () => {
    const onlySeed = JSON.parse(run(['small.json', '--seed', '9']).stdout) as Printed;
    expect(onlySeed.monteCarlo).toMatchObject({ samples: 2000, seed: 9 });
    const onlySamples = JSON.parse(run(['small.json', '--samples=10']).stdout) as Printed;
    expect(onlySamples.monteCarlo).toMatchObject({ samples: 10, seed: 1 });
  });

  it('repeats for a seed', () => {
    const first = run(['ranged.json', '--samples', '200', '--seed', '5']).stdout;
    expect(run(['ranged.json', '--samples', '200', '--seed', '5']).stdout).toBe(first);
    expect(run(['ranged.json', '--samples', '200', '--seed', '6']).stdout).not.toBe(first);
  });

  it('prints a percentile table after the simulation table', () => {
    const result = run(['small.json', '--format', 'table', '--samples', '50']);
    expect(result.code).toBe(0);
    const table = result.stdout.slice(result.stdout.indexOf('Monte Carlo:'));
    expect(table).toContain('Monte Carlo: 50 samples, seed 1');
    expect(table).toContain('No input has a range, so every sample is the point estimate.');
    // No ranges: P10 = P50 = P90 = the point estimate. "All on cheap": 12 × $1,200 = $14,400; its $10,000
    // pool covers months 0–7 and runs out in month 8 (Sep 2027); cash runs out in month 9 (Oct 2027).
    const lines = table.split('\n');
    const cheap = lines.findIndex((line) => line.includes('All on cheap'));
    expect(lines[cheap]).toMatch(/Spend, first 12 months\s+\$14,400\.00\s+\$14,400\.00\s+\$14,400\.00$/);
    expect(lines[cheap + 2]).toMatch(/Credits run out\s+Sep 2027\s+Sep 2027\s+Sep 2027$/);
    expect(lines[cheap + 3]).toMatch(
      /Runway\s+9 months \(cash runs out in Oct 2027\)\s+9 months \(cash runs out in Oct 2027\)/,
    );
  });

  it('lists the ranged inputs in the table', () => {
    const table = run(['ranged.json', '--format', 'table', '--samples', '100']).stdout;
    expect(table).toContain('Main traffic · requests per month  low 500000, likely 1000000, high 2000000');
  });

  it('leaves Monte Carlo out of CSV, with a note on stderr', () => {
    const result = run(['ranged.json', '--format', 'csv', '--samples', '100']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(run(['ranged.json', '--format', 'csv']).stdout);
    expect(result.stderr).toBe('note: --format csv leaves out Monte Carlo (use json or table)\n');
  });

  it('refuses sample counts and seeds that are not whole numbers in range', () => {
    for (const [flag, value] of [
      ['--samples', '0'],
      ['--samples', '100001'],
      ['--samples', '2.5'],
      ['--samples', 'many'],
      ['--seed', '-1'],
      ['--seed', '4294967296'],
    ] as const) {
      const result = run(['small.json', flag, value]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`^error: ${flag} must be a whole number from`));
    }
  });

  it('documents the options in the usage text', () => {
    expect(USAGE).toContain('[--samples N] [--seed S]');
    expect(USAGE).toContain('--samples <N>');
    expect(USAGE).toContain('csv leaves it out');
  });
});
