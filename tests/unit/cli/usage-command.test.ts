import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isUsageCommand, runUsageCommand } from '../../../src/cli/usage-command';
import type { UsageCliIo } from '../../../src/cli/usage-command';
import { parseScenarioText } from '../../../src/io/scenario-file';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'planner-usage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The shipped default scenario with a test row for GPT-4o mini, which the OpenAI fixtures bill and the shipped catalog
 * does not price (no OpenAI page in our sources gives its prices), at the prices the fixtures were billed at.
 */
const defaultScenarioText = (() => {
  const scenario = JSON.parse(readFileSync(join(root, 'data/default-scenario.json'), 'utf8')) as {
    catalog: unknown[];
  };
  const row = JSON.parse(
    readFileSync(join(root, 'tests/fixtures/usage/openai-gpt-4o-mini.catalog-row.json'), 'utf8'),
  ) as unknown;
  return JSON.stringify({ ...scenario, catalog: [...scenario.catalog, row] });
})();

/** The command with files read from the repository and output collected. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: UsageCliIo = {
    openFile: (path) => new Blob([readFileSync(join(root, path))]).stream(),
    readFile: (path) => readFileSync(join(root, path), 'utf8'),
    writeFile: (path, text) => written.set(path, text),
    shippedCatalog: () => readFileSync(join(root, 'data/catalog.json'), 'utf8'),
    defaultScenario: () => defaultScenarioText,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  };
  const code = await runUsageCommand(argv, io);
  return { code, stdout, stderr, written };
}

type JsonReport = {
  months: string[];
  slices: { id: string; model: string; requestsPerMonth: number }[];
  unmapped: { model: string }[];
  reconcile: { month: string; billed: number | null; plan: number; gap: number | null }[];
  backtest: { month: string; spend: { strategyId: string; spend: number }[] }[];
};

describe('npm run simulate -- --usage', () => {
  it('is chosen by --usage', () => {
    expect(isUsageCommand(['--usage', 'x.csv'])).toBe(true);
    expect(isUsageCommand(['--usage=x.csv'])).toBe(true);
    expect(isUsageCommand(['scenario.json'])).toBe(false);
  });

  it('prints slices, reconciliation and back-test as JSON in full precision, rows it could not read on stderr', async () => {
    const result = await run('--usage', 'tests/fixtures/usage/aws-cur-bedrock.csv');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('aws-cur, 20 rows read, 1 could not be read');
    expect(result.stderr).toContain('warning: tests/fixtures/usage/aws-cur-bedrock.csv line 9:');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.months).toEqual(['2026-09', '2026-10']);
    expect(report.slices.map((slice) => slice.model)).toEqual([
      'bedrock:claude-sonnet-4.5@us',
      'bedrock:nova-lite@us',
      'bedrock:claude-haiku-4.5@global',
    ]);
    expect(report.unmapped.map((entry) => entry.model)).toEqual(['Guardrails', 'acme.mystery-v1:0']);
    // September: $184.80 + $4.20 + $20 priced, $2.75 not.
    expect(report.reconcile[0]!.plan).toBeCloseTo(209, 9);
    expect(report.reconcile[0]!.gap).toBeCloseTo(2.75, 9);
    expect(report.backtest[0]!.spend[0]).toMatchObject({ strategyId: 'today' });
  });

  it('maps a model the user names, reads several files together and prints tables', async () => {
    const result = await run(
      '--usage',
      'tests/fixtures/usage/openai-usage.jsonl',
      '--usage',
      'tests/fixtures/usage/openai-costs.csv',
      '--format',
      'table',
      '--group-by',
      'project',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('proj_support · GPT-4o mini — OpenAI API (test row)');
    expect(result.stdout).toContain('Back-test: each month under every strategy');
    expect(result.stdout).toMatch(/2026-09: billed \$10\.05, plan \$10\.05/);

    const mapped = await run(
      '--usage',
      'tests/fixtures/usage/aws-cur-bedrock.csv',
      '--map',
      'acme.mystery-v1:0=bedrock:nova-lite@us',
    );
    const report = JSON.parse(mapped.stdout) as JsonReport;
    expect(report.unmapped.map((entry) => entry.model)).toEqual(['Guardrails']);
  });

  it('writes the derived scenario, which reads back as a valid scenario starting after the last month', async () => {
    const result = await run(
      '--usage',
      'tests/fixtures/usage/litellm-spend.csv',
      '--write-scenario',
      'out.json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('wrote the derived scenario to out.json');
    const scenario = parseScenarioText(result.written.get('out.json')!);
    expect(scenario.ok && scenario.value.startMonth).toBe('2026-11');
    expect(scenario.ok && scenario.value.strategies[0]!.name).toBe('Today');
  });

  it('exits 1 with a message on bad input', async () => {
    const unknown = await run('--usage', 'tests/fixtures/small-scenario.json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: tests\/fixtures\/small-scenario\.json: this is not a usage file/);
    expect(unknown.stdout).toBe('');
    const flags = await run('--usage', 'x.csv', '--group-by', 'colour', '--tokens-per-request', '0');
    expect(flags.code).toBe(1);
    expect(flags.stderr).toContain('--group-by: "colour" is not model, tag, project or api-key');
    expect(flags.stderr).toContain('--tokens-per-request: must be a number greater than 0');
  });
});

describe('the usage command in a real process', () => {
  it('streams a file from disk and writes the scenario file', () => {
    const out = join(scratch, 'derived.json');
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        '--usage',
        'tests/fixtures/usage/bedrock-invocations.jsonl',
        '--write-scenario',
        out,
      ],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ months: ['2026-09', '2026-10'] });
    expect(parseScenarioText(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('exits 1 when the file does not exist', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', '--usage', 'no-such-file.csv'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: no-such-file\.csv: /);
  });
});
