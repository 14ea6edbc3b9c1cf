import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import type { Plan } from '../../../src/domain/plan-scenario';
import { simulate } from '../../../src/domain/simulate';
import type { SimulationResult } from '../../../src/domain/simulate';
import { catalogToCsv, parseCatalogText } from '../../../src/io/catalog-import';
import { formatMonthlyCsv } from '../../../src/io/results-csv';
import { parseScenarioText } from '../../../src/io/scenario-file';
import { runCli, USAGE } from '../../../src/cli/run-cli';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const designText = fixture('design-example.json');
const litellmText = fixture('litellm-sample.json');

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI over an in-memory file system. */
function run(argv: string[], files: Record<string, string> = {}): Run {
  const contents = new Map(Object.entries({ 'design.json': designText, ...files }));
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile(path) {
      const text = contents.get(path);
      if (text === undefined)
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    today: () => '2027-03-14',
  });
  return { code, stdout, stderr };
}

function planOf(document: unknown): Plan {
  const result = planScenario(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The printed JSON without each strategy's `constraints`, to compare with `simulate`'s result. */
function withoutConstraints(printed: unknown): unknown {
  const output = printed as { strategies: Record<string, unknown>[] };
  return {
    ...output,
    strategies: output.strategies.map((strategy) => {
      const copy = { ...strategy };
      delete copy.constraints;
      return copy;
    }),
  };
}

function expectFailure(result: Run, errorLines: string[]) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(errorLines.map((line) => `${line}\n`).join(''));
}

function designDocument(): Record<string, unknown> & { traffic: Record<string, unknown>[] } {
  return JSON.parse(designText) as Record<string, unknown> & { traffic: Record<string, unknown>[] };
}

describe('runCli output', () => {
  it('prints the simulation as full-precision JSON by default', () => {
    const result = run(['design.json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const printed = JSON.parse(result.stdout) as SimulationResult;
    const parsed = parseScenarioText(designText);
    if (!parsed.ok) throw new Error('design example should be valid');
    expect(withoutConstraints(printed)).toEqual(simulate(parsed.value));
    expect(run(['design.json', '--format', 'json']).stdout).toBe(result.stdout);
  });

  it('prints the JSON shape DESIGN.md documents', () => {
    const printed = JSON.parse(run(['design.json']).stdout) as SimulationResult;
    expect(printed).toMatchObject({ scenario: 'EU support assistant', horizonMonths: 24 });
    const cascade = printed.strategies.find((s) => s.id === 'cascade')!;
    expect(Object.keys(cascade)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'totals',
        'creditsExhaustedMonth',
        'runwayMonths',
        'unmetQuality',
        'months',
      ]),
    );
    expect(Object.keys(cascade.totals)).toEqual(
      expect.arrayContaining([
        'spend',
        'listSpend',
        'firstYearSpend',
        'savings',
        'creditsUsed',
        'creditsExpired',
        'cashSpentOnAI',
      ]),
    );
    const month = cascade.months[0]!;
    expect(Object.keys(month)).toEqual(
      expect.arrayContaining([
        'month',
        'spend',
        'listSpend',
        'bySlice',
        'byModel',
        'byPlatform',
        'creditsDrawn',
        'cashEnd',
      ]),
    );
    expect(month.creditsDrawn).toEqual({ activate: expect.any(Number) as number });
  });

  it('prints a readable table with totals and months, money rounded to cents', () => {
    const result = run(['design.json', '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('EU support assistant: 24 months from Jan 2027');
    expect(lines).toContain('All on Sonnet (all-sonnet, single)');
    // See tests/unit/io/results-csv.test.ts for the hand calculation of month 0.
    expect(result.stdout).toMatch(
      /^ {2}Jan 2027 +\$1,895\.40 +\$4,800\.00 +\$1,884\.00 +\$1,020\.60 +\$1,895\.40 +\$0\.00 +\$1,380,000\.00$/m,
    );
    expect(result.stdout).toMatch(/^ {2}Spend, first 12 months +\$[\d,]+\.\d\d$/m);
    expect(result.stdout).toMatch(/^ {2}Spend, whole horizon \(24 months\) +\$[\d,]+\.\d\d$/m);
    expect(result.stdout).toMatch(/^ {2}Credits expired unused +\$[\d,]+\.\d\d$/m);
    expect(result.stdout).toMatch(/^ {2}Credits run out +(Oct 2028|Beyond Dec 2028)$/m);
    // runwayMonths 12: cash lasts 12 whole months (Jan–Dec 2027) and runs out in the 13th, Jan 2028.
    expect(result.stdout).toMatch(/^ {2}Runway +12 months \(cash runs out in Jan 2028\)$/m);
    expect(result.stdout).not.toMatch(/\d\.\d{3}/);
  });

  it('says when credits or cash last the horizon, and when there are no pools', () => {
    const document = designDocument();
    document.credits = [];
    document.finance = { cashOnHand: 1e9 };
    const result = run(['s.json', '--format=table'], { 's.json': JSON.stringify(document) });
    expect(result.stdout).toMatch(/^ {2}Credits run out +No credit pools$/m);
    expect(result.stdout).toMatch(/^ {2}Runway +Beyond 24 months$/m);
  });

  it('shows the fixed costs each strategy pays and its slices served outside their allowed regions', () => {
    const result = run(['s.json', '--format', 'table'], { 's.json': fixture('fixed-costs-scenario.json') });
    expect(result.code).toBe(0);
    const [onEu, onUs] = result.stdout.split('\nOn the US model (on-us, single)\n');
    // Tokens cost $2 a month (1,000 × (1,000 × $1/M + 500 × $2/M)). Knowledge Bases: $100 from month 1,
    // +10 %/month → 0 + 100 + 110 = $210, paid by both; Logging: $10 × 3 = $30, on-us only.
    expect(onEu).toMatch(/^ {2}Fixed costs \(in spend\) +\$210\.00$/m);
    expect(onEu).toMatch(/^ {4}Knowledge Bases \(kb\) +\$210\.00$/m);
    expect(onEu).not.toContain('Logging');
    expect(onEu).toMatch(/^ {2}Constraints +All met$/m);
    expect(onEu).toMatch(
      /^ {2}Feb 2027 +\$102\.00 +\$102\.00 +\$0\.00 +\$0\.00 +\$100\.00 +\$0\.00 +\$102\.00 +\$896\.00$/m,
    );
    expect(onUs).toMatch(/^ {2}Fixed costs \(in spend\) +\$240\.00$/m);
    expect(onUs).toMatch(/^ {4}Knowledge Bases \(kb\) +\$210\.00$/m);
    expect(onUs).toMatch(/^ {4}Logging \(logs\) +\$30\.00$/m);
    expect(onUs).toMatch(
      /^ {2}Constraints broken +Outside region: EU customer data: Model in the US serves us, outside eu, on 100% of requests$/m,
    );
    expect(onUs).toMatch(
      /^ {2}Mar 2027 +\$122\.00 +\$122\.00 +\$0\.00 +\$0\.00 +\$120\.00 +\$0\.00 +\$122\.00 +\$754\.00$/m,
    );
  });

  it('lists every constraint a strategy breaks in the JSON, worded as the app words it', () => {
    const result = run(['s.json'], { 's.json': fixture('fixed-costs-scenario.json') });
    const output = JSON.parse(result.stdout) as { strategies: { id: string; constraints: unknown[] }[] };
    expect(output.strategies.map((s) => [s.id, s.constraints])).toEqual([
      ['on-eu', []],
      [
        'on-us',
        [
          {
            sliceId: 'eu-data',
            kind: 'region',
            modelId: 'm-us',
            share: 1,
            detail: 'Model in the US serves us, outside eu, on 100% of requests',
          },
        ],
      ],
    ]);
  });

  it('flags a prompt too long for its model’s window, with the share of requests that make the call', () => {
    const document = designDocument();
    // 40,000 + 40 tokens do not fit Mistral Small's 32,000-token window, which the router sends 80 % of bulk.
    document.traffic[0]!.inputTokens = 40_000;
    document.traffic[0]!.cachedPrefixTokens = 0;
    const result = run(['long.json'], { 'long.json': JSON.stringify(document) });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      strategies: {
        id: string;
        constraints: { kind: string; modelId: string; share: number; detail: string }[];
      }[];
    };
    const router = output.strategies.find((s) => s.id === 'router')!;
    expect(router.constraints.filter((c) => c.modelId === 'bedrock:mistral-small')).toEqual([
      expect.objectContaining({ kind: 'context', share: 0.8 }),
    ]);
    const table = run(['long.json', '--format', 'table'], { 'long.json': JSON.stringify(document) }).stdout;
    expect(table).toContain(
      "Over context window: Bulk classify / route / extract: a 40,040-token call does not fit Mistral Small's 32,000-token window, on 80% of requests",
    );
  });

  it('prints offRegion and byFixedCost in full precision in the JSON', () => {
    const result = run(['s.json'], { 's.json': fixture('fixed-costs-scenario.json') });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      strategies: { id: string; offRegion: string[]; months: { byFixedCost: Record<string, number> }[] }[];
    };
    expect(output.strategies.map((s) => [s.id, s.offRegion])).toEqual([
      ['on-eu', []],
      ['on-us', ['eu-data']],
    ]);
    // Knowledge Bases 100 · 1.1 = 110.00000000000001 in month 2: unrounded, as the engine computes it.
    expect(output.strategies[1]!.months.map((m) => m.byFixedCost)).toEqual([
      { kb: 0, logs: 10 },
      { kb: 100, logs: 10 },
      { kb: 100 * 1.1, logs: 10 },
    ]);
    expect(output.strategies[0]!.months[0]!.byFixedCost).toEqual({ kb: 0 });
  });

  it('leaves the fixed-costs lines and column out when a strategy pays none', () => {
    const result = run(['design.json', '--format', 'table']);
    expect(result.stdout).not.toContain('Fixed costs');
    expect(result.stdout).not.toContain('Constraints broken');
  });

  it('prints the monthly CSV', () => {
    const result = run(['design.json', '--format', 'csv']);
    expect(result.code).toBe(0);
    const { scenario, result: simulation } = planOf(JSON.parse(designText));
    expect(result.stdout).toBe(formatMonthlyCsv(simulation, scenario));
  });

  it('escapes control characters in names it prints to a terminal', () => {
    const document = designDocument();
    document.name = 'Evil\u001b[2J name\nsecond line';
    const result = run(['s.json', '--format', 'table'], { 's.json': JSON.stringify(document) });
    expect(result.stdout.split('\n')[0]).toBe(
      'Evil\\u{1b}[2J name\\u{a}second line: 24 months from Jan 2027',
    );
    expect(result.stdout).not.toContain('\u001b');
  });

  /** The design example with a strategy named with a clear-screen, a window title, C1 CSI and a bidi override. */
  function hostileNames() {
    const document = designDocument() as ReturnType<typeof designDocument> & {
      strategies: Record<string, unknown>[];
    };
    document.strategies[0]!.name = 'A\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eB\u0085';
    return { 's.json': JSON.stringify(document) };
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('escapes C0, C1 and bidi controls in table output', () => {
    const result = run(['s.json', '--format', 'table'], hostileNames());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}B\\u{85}');
    expect(result.stdout).not.toMatch(RAW_CONTROLS);
  });

  it('escapes C0, C1 and bidi controls in CSV output, rows still one per line', () => {
    const result = run(['s.json', '--format', 'csv'], hostileNames());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'all-sonnet,A\\u{1b}[2J\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}B\\u{85},0,',
    );
    expect(result.stdout).not.toMatch(RAW_CONTROLS);
    // Header plus 6 strategies × 24 months.
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1 + 6 * 24);
  });

  it('escapes C1 and bidi controls in JSON output as \\u escapes, so the name reads back exactly', () => {
    const result = run(['s.json'], hostileNames());
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROLS);
    expect(result.stdout).toContain('"name": "A\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202eB\\u0085"');
    const printed = JSON.parse(result.stdout) as { strategies: { name: string }[] };
    expect(printed.strategies[0]!.name).toBe('A\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eB\u0085');
  });

  it('prints usage for --help and -h, whatever else is given', () => {
    for (const argv of [['--help'], ['-h'], ['design.json', '--format', 'xml', '--help']]) {
      expect(run(argv)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    }
  });
});

describe('runCli --catalog', () => {
  const designCatalog = parseCatalogText(
    JSON.stringify((JSON.parse(designText) as { catalog: unknown }).catalog),
    {
      importedAt: '2027-03-14',
    },
  );
  if (!designCatalog.ok) throw new Error('design catalog should import');

  it('replaces the catalog with a CSV one before validation and reports the import on stderr', () => {
    const cheaper = designCatalog.models.map((model) =>
      model.id === 'bedrock:claude-sonnet' && model.pricing.kind === 'per-token'
        ? { ...model, pricing: { ...model.pricing, inputPerMTok: 1.5, outputPerMTok: 7.5 } }
        : model,
    );
    const result = run(['design.json', '--catalog', 'models.csv'], { 'models.csv': catalogToCsv(cheaper) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('Imported 4 models from CSV format; skipped 0 entries.\n');
    const document = JSON.parse(designText) as Record<string, unknown>;
    document.catalog = cheaper;
    expect(withoutConstraints(JSON.parse(result.stdout))).toEqual(simulate(planOf(document).scenario));
    const original = JSON.parse(run(['design.json']).stdout) as {
      strategies: { totals: { spend: number } }[];
    };
    const replaced = JSON.parse(result.stdout) as typeof original;
    expect(replaced.strategies[0]!.totals.spend).toBeLessThan(original.strategies[0]!.totals.spend);
  });

  it('accepts a scenario without a catalog of its own, fed from LiteLLM prices', () => {
    const scenario = {
      schemaVersion: 1,
      name: 'LiteLLM models',
      horizonMonths: 2,
      traffic: [
        { id: 'chat', name: 'Chat', requestsPerMonth: 1000000, inputTokens: 1000, outputTokens: 100 },
      ],
      strategies: [
        { id: 'gpt', name: 'GPT-4o', kind: 'single', model: 'gpt-4o' },
        { id: 'proto', name: 'Proto', kind: 'single', model: '__proto__' },
      ],
    };
    const result = run(['s.json', '--catalog', 'prices.json'], {
      's.json': JSON.stringify(scenario),
      'prices.json': litellmText,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'Imported 19 models from LiteLLM format; 2 entries had no price; skipped 19 other entries.\n',
    );
    const printed = JSON.parse(result.stdout) as { strategies: { months: { spend: number }[] }[] };
    // gpt-4o: 1M × (1000 × $2.50/M + 100 × $10/M) = 1M × $0.0035 = $3,500 (no caching or batch share set).
    expect(printed.strategies[0]!.months[0]!.spend).toBeCloseTo(3500, 6);
    // __proto__: 1M × (1000 × $0.10/M + 100 × $0.40/M) = $140.
    expect(printed.strategies[1]!.months[0]!.spend).toBeCloseTo(140, 6);
  });

  it('reports references the new catalog breaks, after the import summary, with nothing on stdout', () => {
    const result = run(['design.json', '--catalog', 'prices.json'], { 'prices.json': litellmText });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Imported 19 models from LiteLLM format; 2 entries had no price; skipped 19 other entries.',
    );
    expect(lines).toContain('error: strategies[0].model: unknown model id "bedrock:claude-sonnet"');
  });

  it('reports catalog problems with the catalog file name', () => {
    expectFailure(
      run(['design.json', '--catalog', 'bad.csv'], {
        'bad.csv': 'id,platform,inputPerMTok,outputPerMTok\nx,p,abc,1\n',
      }),
      ['error: bad.csv: row 2 (id "x"): inputPerMTok: must be a number'],
    );
  });

  it('reports a broken scenario and a broken catalog together', () => {
    const result = run(['s.json', '--catalog', 'c.json'], { 's.json': '{', 'c.json': '[]' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: s\.json: not valid JSON: /);
    expect(lines[1]).toBe('error: c.json: the catalog holds no models');
  });
});

describe('runCli errors', () => {
  it('reports a missing or unreadable file', () => {
    expectFailure(run(['missing.json']), ['error: missing.json: file not found']);
    expectFailure(run(['design.json', '--catalog', 'nope.csv']), ['error: nope.csv: file not found']);
    let stderr = '';
    const code = runCli(['dir'], {
      readFile() {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
      },
      stdout: () => {
        throw new Error('nothing may reach stdout');
      },
      stderr: (text) => (stderr += text),
      today: () => '2027-03-14',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('error: dir: is a directory, not a file\n');
  });

  it('reports JSON syntax errors', () => {
    const result = run(['s.json'], { 's.json': '{"schemaVersion": 1,' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: s\.json: not valid JSON: .+\n$/);
  });

  it('lists every validation problem, one per line, with its path', () => {
    const document = designDocument();
    document.traffic[0]!.cacheHitRate = 1.5;
    document.traffic[0]!.batchShare = -1;
    expectFailure(run(['s.json'], { 's.json': JSON.stringify(document) }), [
      'error: traffic[0].cacheHitRate: must be between 0 and 1',
      'error: traffic[0].batchShare: must be between 0 and 1',
    ]);
  });

  it('refuses results that overflow', () => {
    const document = designDocument();
    document.traffic[0]!.requestsPerMonth = 1e12;
    document.traffic[0]!.monthlyGrowth = 10;
    const result = run(['s.json'], { 's.json': JSON.stringify(document) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: traffic\[0\]: its spend overflows by month \d+/);
  });

  it.each([
    [[], ['error: no scenario file given (see --help)']],
    [['a.json', 'b.json'], ['error: one scenario file expected, got 2: a.json, b.json']],
    [['design.json', '--verbose'], ['error: unknown option "--verbose" (see --help)']],
    [['design.json', '--format', 'xml'], ['error: unknown format "xml" (use json, table or csv)']],
    [['design.json', '--format'], ['error: --format needs a value']],
    [['design.json', '--catalog', '--format', 'csv'], ['error: --catalog needs a value']],
    [['design.json', '--format=csv', '--format', 'json'], ['error: --format is given more than once']],
  ])('refuses bad arguments %j', (argv, errors) => {
    expectFailure(run(argv), errors);
  });

  it('escapes control characters in error lines, keeping one problem per line', () => {
    const document = designDocument();
    document.traffic.push({ ...document.traffic[0]!, id: 'x' }, { ...document.traffic[0]!, id: 'x' });
    document.traffic[2]!.id = 'x\u001b[31m\nforged line';
    document.traffic[1]!.id = 'x\u001b[31m\nforged line';
    const result = run(['s.json'], { 's.json': JSON.stringify(document) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: traffic[2].id: duplicate slice id "x\\u{1b}[31m\\u{a}forged line"',
    );
    expect(result.stderr).not.toContain('\u001b');
    expect(
      result.stderr
        .trimEnd()
        .split('\n')
        .every((line) => line.startsWith('error: ')),
    ).toBe(true);
  });

  it('treats arguments after -- as file names', () => {
    expectFailure(run(['--', '--help.json']), ['error: --help.json: file not found']);
  });
});
