/**
 * `npm run simulate -- --usage <file> [--usage <file> …] [scenario.json] [--group-by model|tag|project|api-key]
 * [--map <file model>=<catalog id> …] [--tokens-per-request N] [--format json|table] [--write-scenario <out.json>]`:
 * imports usage files, derives slices and a Today strategy, reconciles each month with the files' own cost and
 * back-tests every strategy; `--write-scenario` writes the derived scenario. A function of its arguments and its
 * I/O, so it can be tested without a process.
 */
import { validateScenario, formatIssue } from '../domain/validate-scenario';
import type { Model, Scenario } from '../domain/scenario-schema';
import { DEFAULT_INPUT_TOKENS_PER_REQUEST, deriveUsagePlan } from '../domain/usage-plan';
import type { UsagePlan } from '../domain/usage-plan';
import { backtestUsage, reconcileUsage } from '../domain/usage-reconcile';
import type { BacktestMonth, ReconcileMonth } from '../domain/usage-reconcile';
import type { UsageGroupBy, UsageRecord } from '../domain/usage-records';
import { USD_DISPLAY, formatMoneyExact, formatNumber, formatPercent } from '../format/format';
import { describeGapLine, formatSignedMoney } from '../format/usage-text';
import { parseJsonText } from '../io/json-text';
import { serializeScenario } from '../io/scenario-file';
import { readUsageStream } from '../io/usage-stream';
import { toPrintableText } from './terminal-text';

export type UsageCliIo = {
  /** The file's bytes as a stream; throws if it cannot be opened. */
  openFile(path: string): ReadableStream<Uint8Array>;
  /** A scenario file's text (bounded like every scenario read). */
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  /** The shipped catalog's JSON text, searched after the scenario's catalog when mapping models. */
  shippedCatalog(): string;
  /** The shipped default scenario's JSON text, used when no scenario file is given. */
  defaultScenario(): string;
  stdout(text: string): void;
  stderr(text: string): void;
};

export const USAGE_COMMAND_HELP = `Usage: npm run simulate -- --usage <file> [--usage <file> ...] [scenario.json]
                             [--group-by model|tag|project|api-key] [--map <model>=<catalog id> ...]
                             [--tokens-per-request N] [--format json|table] [--write-scenario <out.json>]

Imports usage (an AWS Cost and Usage Report 2.0, Bedrock invocation logs, Anthropic's or OpenAI's usage
and cost reports, LiteLLM spend logs; see docs/usage-formats.md), derives traffic slices and a "Today"
strategy, reconciles each month with the files' own cost and back-tests every strategy of the scenario
(the shipped default when none is given). Several files are read together (a usage report and its cost
report). Rows that cannot be read are listed on stderr; the rest import.

Options:
  --usage <file>            A usage file (CSV, JSON or JSON lines; gzip is unpacked). Repeatable.
  --group-by <label>        Slices per model (default), or per tag, project or API key and model.
  --map <model>=<id>        Map a model named in the file to a catalog id. Repeatable.
  --tokens-per-request <N>  Input tokens per request where a file counts no requests (default 4000).
  --format <format>         json (default; money in full precision) or table (rounded to cents).
  --write-scenario <file>   Also write the derived scenario to <file>.

Exit status: 0 on success; 1 on invalid input, with one error per line on stderr.
`;

const GROUP_BY: Record<string, UsageGroupBy> = {
  model: 'model',
  tag: 'tag',
  project: 'project',
  'api-key': 'apiKey',
};

type UsageCommandOptions = {
  usagePaths: string[];
  scenarioPath: string | undefined;
  groupBy: UsageGroupBy;
  mapping: Map<string, string>;
  inputTokensPerRequest: number;
  format: 'json' | 'table';
  writeScenarioPath: string | undefined;
};

/** True when the arguments ask for a usage import. */
export function isUsageCommand(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--usage' || arg.startsWith('--usage='));
}

const VALUE_FLAGS = [
  '--usage',
  '--group-by',
  '--map',
  '--tokens-per-request',
  '--format',
  '--write-scenario',
];
const REPEATABLE = new Set(['--usage', '--map']);

function parseUsageArguments(argv: readonly string[]): UsageCommandOptions | 'help' | { errors: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const errors: string[] = [];
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    if (!VALUE_FLAGS.includes(flag)) {
      errors.push(`unknown option ${JSON.stringify(flag)} with --usage (see --usage --help)`);
      continue;
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '') {
      errors.push(`${flag} needs a value`);
      continue;
    }
    const list = values.get(flag) ?? [];
    if (list.length > 0 && !REPEATABLE.has(flag)) errors.push(`${flag} is given more than once`);
    list.push(value);
    values.set(flag, list);
  }
  if (positionals.length > 1) errors.push(`one scenario file at most, got ${positionals.length}`);
  const groupName = values.get('--group-by')?.[0] ?? 'model';
  const groupBy = GROUP_BY[groupName];
  if (!groupBy) errors.push(`--group-by: ${JSON.stringify(groupName)} is not model, tag, project or api-key`);
  const mapping = new Map<string, string>();
  for (const entry of values.get('--map') ?? []) {
    const equals = entry.lastIndexOf('=');
    if (equals <= 0 || equals === entry.length - 1)
      errors.push(`--map: ${JSON.stringify(entry)} is not <model>=<catalog id>`);
    else mapping.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  const perRequestText = values.get('--tokens-per-request')?.[0];
  const inputTokensPerRequest =
    perRequestText === undefined ? DEFAULT_INPUT_TOKENS_PER_REQUEST : Number(perRequestText);
  if (!(inputTokensPerRequest > 0) || !Number.isFinite(inputTokensPerRequest)) {
    errors.push('--tokens-per-request: must be a number greater than 0');
  }
  const format = values.get('--format')?.[0] ?? 'json';
  if (format !== 'json' && format !== 'table')
    errors.push(`unknown format ${JSON.stringify(format)} (use json or table)`);
  if (errors.length > 0 || !groupBy || (format !== 'json' && format !== 'table')) return { errors };
  return {
    usagePaths: values.get('--usage') ?? [],
    scenarioPath: positionals[0],
    groupBy,
    mapping,
    inputTokensPerRequest,
    format,
    writeScenarioPath: values.get('--write-scenario')?.[0],
  };
}

/** The base scenario and the catalog models are mapped against (the scenario's, then the shipped catalog's). */
function readBase(
  io: UsageCliIo,
  path: string | undefined,
): { scenario: Scenario; catalog: Model[] } | { errors: string[] } {
  const text = path === undefined ? io.defaultScenario() : io.readFile(path);
  const where = path ?? 'the default scenario';
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { errors: parsed.issues.map((issue) => `${where}: ${formatIssue(issue)}`) };
  const validated = validateScenario(parsed.value);
  if (!validated.ok) return { errors: validated.issues.map((issue) => `${where}: ${formatIssue(issue)}`) };
  const shipped = validateScenario({
    ...(parsed.value as object),
    catalog: JSON.parse(io.shippedCatalog()) as unknown,
  });
  const extra = shipped.ok ? shipped.value.catalog : [];
  return { scenario: validated.value, catalog: [...validated.value.catalog, ...extra] };
}

/** The report printed as JSON: money in full precision. */
function toJsonReport(plan: UsagePlan, reconcile: ReconcileMonth[], backtest: BacktestMonth[]) {
  return {
    months: plan.months,
    requestsEstimated: plan.requestsEstimated,
    slices: plan.slices.map(({ slice, model, regions }) => ({
      ...slice,
      model: model.id,
      fileRegions: regions,
    })),
    mappings: plan.mappings,
    unmapped: plan.unmapped,
    reconcile,
    backtest,
  };
}

function layOut(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The report as tables for people, money rounded to cents. */
function toTableReport(plan: UsagePlan, reconcile: ReconcileMonth[], backtest: BacktestMonth[]): string {
  const out: string[] = [];
  out.push(
    `Slices (${plan.months[0]} to ${plan.months[plan.months.length - 1]}; plan starts ${plan.scenario?.startMonth ?? '—'})`,
  );
  out.push(
    layOut([
      [
        'slice',
        'model',
        'requests/month',
        'growth',
        'input',
        'output',
        'cached prefix',
        'hit rate',
        'TTL',
        'batch',
      ],
      ...plan.slices.map(({ slice, model }) => [
        slice.name,
        model.id,
        formatNumber(Math.round(slice.requestsPerMonth)),
        formatPercent(slice.monthlyGrowth),
        formatNumber(Math.round(slice.inputTokens)),
        formatNumber(Math.round(slice.outputTokens)),
        formatNumber(Math.round(slice.cachedPrefixTokens)),
        formatPercent(slice.cacheHitRate),
        slice.cacheTtl,
        formatPercent(slice.batchShare),
      ]),
    ]),
  );
  if (plan.requestsEstimated)
    out.push('Some files count no requests: requests are estimated from input tokens.');
  for (const unmapped of plan.unmapped) {
    out.push(
      `Not in the catalog: ${unmapped.model} (${formatNumber(unmapped.tokens)} tokens, ${formatMoneyExact(unmapped.cost, USD_DISPLAY)}); map it with --map`,
    );
  }
  out.push('', 'Reconcile: the plan (Today) against the files’ cost');
  for (const month of reconcile) {
    out.push(
      '',
      `${month.month}: billed ${month.billed === null ? 'no cost in the file' : formatMoneyExact(month.billed, USD_DISPLAY)}, plan ${formatMoneyExact(month.plan, USD_DISPLAY)}${month.gap === null ? '' : `, gap ${formatSignedMoney(month.gap)}${month.billed ? ` (${formatPercent(month.gap / month.billed)})` : ''}`}`,
    );
    out.push(
      layOut([
        ['model', 'billed', 'plan', 'gap'],
        ...month.rows.map((row) => [
          row.name,
          row.billed === null ? '—' : formatMoneyExact(row.billed, USD_DISPLAY),
          formatMoneyExact(row.plan, USD_DISPLAY),
          row.gap === null ? '—' : formatSignedMoney(row.gap),
        ]),
      ]),
    );
    for (const row of month.rows)
      for (const line of row.lines) out.push(`  ${row.name}: ${describeGapLine(line)}`);
  }
  const strategies = backtest[0]?.spend ?? [];
  out.push('', 'Back-test: each month under every strategy');
  out.push(
    layOut([
      ['month', 'billed', ...strategies.map((strategy) => strategy.name)],
      ...backtest.map((month) => [
        month.month,
        month.billed === null ? '—' : formatMoneyExact(month.billed, USD_DISPLAY),
        ...month.spend.map((entry) => formatMoneyExact(entry.spend, USD_DISPLAY)),
      ]),
    ]),
  );
  return `${out.map((line) => line.split('\n').map(toPrintableText).join('\n')).join('\n')}\n`;
}

/** Runs the usage import; returns the exit code (0 success, 1 invalid input, one `error: …` line per problem). */
export async function runUsageCommand(argv: readonly string[], io: UsageCliIo): Promise<number> {
  const options = parseUsageArguments(argv);
  const fail = (errors: readonly string[]) => {
    for (const error of errors) io.stderr(`error: ${toPrintableText(error)}\n`);
    return 1;
  };
  if (options === 'help') {
    io.stdout(USAGE_COMMAND_HELP);
    return 0;
  }
  if ('errors' in options) return fail(options.errors);
  let base: ReturnType<typeof readBase>;
  try {
    base = readBase(io, options.scenarioPath);
  } catch (error) {
    return fail([
      `${options.scenarioPath ?? 'scenario'}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  if ('errors' in base) return fail(base.errors);

  const records: UsageRecord[] = [];
  for (const path of options.usagePaths) {
    let stream: ReadableStream<Uint8Array>;
    try {
      stream = io.openFile(path);
    } catch (error) {
      return fail([`${path}: ${error instanceof Error ? error.message : String(error)}`]);
    }
    const read = await readUsageStream(stream);
    if (!read.ok) return fail([`${path}: ${read.message}`]);
    const { problems, problemCount, rowsRead, format } = read.value;
    io.stderr(
      `${toPrintableText(path)}: ${format}, ${rowsRead} rows read${problemCount > 0 ? `, ${problemCount} could not be read` : ''}\n`,
    );
    for (const problem of problems)
      io.stderr(`warning: ${toPrintableText(`${path} line ${problem.line}: ${problem.message}`)}\n`);
    if (problemCount > problems.length)
      io.stderr(`warning: ${problemCount - problems.length} more rows could not be read\n`);
    records.push(...read.value.records);
  }

  const plan = deriveUsagePlan(records, base.scenario, base.catalog, {
    groupBy: options.groupBy,
    inputTokensPerRequest: options.inputTokensPerRequest,
    mapping: options.mapping,
  });
  if (!plan.scenario) return fail(plan.issues.map(formatIssue));
  const reconcile = reconcileUsage(plan);
  const backtest = backtestUsage(plan);
  if (options.writeScenarioPath !== undefined) {
    try {
      io.writeFile(options.writeScenarioPath, serializeScenario(plan.scenario));
    } catch (error) {
      return fail([
        `${options.writeScenarioPath}: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
    io.stderr(`wrote the derived scenario to ${toPrintableText(options.writeScenarioPath)}\n`);
  }
  if (options.format === 'json')
    io.stdout(`${JSON.stringify(toJsonReport(plan, reconcile, backtest), null, 2)}\n`);
  else io.stdout(toTableReport(plan, reconcile, backtest));
  return 0;
}
