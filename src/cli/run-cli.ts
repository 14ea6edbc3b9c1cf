/**
 * The command line, as a function of its arguments and its I/O so it can be tested without a process:
 * `simulate <scenario.json> [--catalog <file>] [--format json|table|csv] [--samples N] [--seed S]
 * [--currency USD|EUR|GBP --rate R]`.
 */
import { DEFAULT_MONTE_CARLO_SAMPLES, runMonteCarlo } from '../domain/monte-carlo';
import type { MonteCarloOptions } from '../domain/monte-carlo';
import { planScenario } from '../domain/plan-scenario';
import { DISPLAY_CURRENCIES, displayCurrencySchema } from '../domain/scenario-schema';
import type { DisplayCurrency } from '../domain/scenario-schema';
import { moneyDisplayOf } from '../format/format';
import { findBrokenConstraintsByStrategy } from '../domain/plan-constraints';
import { toConstraintRecords } from '../format/constraint-text';
import { formatIssue } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';
import { parseCatalogText, summarizeCatalogImport } from '../io/catalog-import';
import { isJsonObject, parseJsonText } from '../io/json-text';
import { formatMonthlyCsv } from '../io/results-csv';
import { formatMonteCarloTable, formatResultTable } from './result-table';
import { writeJsonStream } from './json-stream';
import { toPrintableCsv, toPrintableText } from './terminal-text';

export type CliIo = {
  /** The file's text; throws (with a Node-style `code` when known) if it cannot be read. */
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today as YYYY-MM-DD: the date stamped on models imported from a file that carries none. */
  today(): string;
};

const FORMATS = ['json', 'table', 'csv'] as const;
type OutputFormat = (typeof FORMATS)[number];

type CliOptions = {
  scenarioPath: string;
  catalogPath: string | undefined;
  format: OutputFormat;
  /** Monte Carlo settings when --samples or --seed is given. */
  monteCarlo: MonteCarloOptions | undefined;
  /** `--currency` and `--rate` as given (checked once today's date is known), or undefined. */
  currency: { code: string | undefined; rate: string | undefined } | undefined;
};

/** The most samples the command line draws (memory grows with samples × months × strategies). */
export const MAX_CLI_SAMPLES = 100_000;
/** The seed used when --samples is given without --seed. */
export const DEFAULT_CLI_SEED = 1;
const MAX_SEED = 2 ** 32 - 1;

type Flag = '--catalog' | '--format' | '--samples' | '--seed' | '--currency' | '--rate';
const FLAGS: readonly Flag[] = ['--catalog', '--format', '--samples', '--seed', '--currency', '--rate'];

export const USAGE = `Usage: npm run simulate -- <scenario.json> [--catalog <file>] [--format json|table|csv]
                             [--samples N] [--seed S] [--currency USD|EUR|GBP --rate R]

Validates a scenario file, runs every strategy over its horizon and prints the result.

Options:
  --catalog <file>   Replace the scenario's catalog with the models in <file>, before validation:
                     a native catalog (a JSON list of catalog entries), a CSV file with a header row
                     (id, name, provider, platform, inputPerMTok, outputPerMTok, ...), or LiteLLM's
                     model_prices_and_context_window.json. The format is detected from the content.
  --format <format>  json  (default) the full result, money in full precision, with each
                           strategy's broken constraints ("constraints")
                     table a readable summary and monthly table per strategy, rounded to cents,
                           with fixed costs and every constraint the strategy breaks
                     csv   one row per strategy per month, rounded to cents, with a column per
                           credit pool and per fixed cost, and the off-region slices
  --samples <N>      Also run Monte Carlo with N samples (1 to 100,000; 2,000 when only --seed is
                     given): every input written as a range {"low", "likely", "high"} is drawn from a
                     triangular distribution, and each strategy gets P10, P50 and P90 of its monthly,
                     12-month and whole-horizon spend, of the month credits run out and of its runway.
                     json adds a "monteCarlo" field, table a percentile table; csv leaves it out.
  --seed <S>         Seed of the Monte Carlo draws, a whole number from 0 to 4294967295 (default 1):
                     the same file, samples and seed always give the same figures.
  --currency <code>  Show the table's and the CSV's money in USD, EUR or GBP (default: the scenario's
                     "displayCurrency", else USD). JSON stays in USD, at full precision.
  --rate <R>         How many units of --currency one US dollar buys (0.92 for EUR), dated today;
                     required with EUR or GBP, 1 with USD.
  -h, --help         Show this help.

Inputs may be files, pipes or devices; each is read up to 20 MB. Control characters in names are shown
escaped in every format (JSON as \\u escapes, which read back to the same text).

Exit status: 0 on success; 1 on invalid input, with one error per line on stderr and nothing on stdout;
1 when the output cannot be written (a full disk, a closed pipe), with one line on stderr.
`;

function isFlag(value: string): value is Flag {
  return (FLAGS as readonly string[]).includes(value);
}

function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

/** Parses the arguments: options, or the help request, or every problem with them. */
function parseArguments(argv: readonly string[]): CliOptions | 'help' | { errors: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const errors: string[] = [];
  const positionals: string[] = [];
  const values = new Map<Flag, string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    if (!isFlag(flag)) {
      errors.push(`unknown option ${JSON.stringify(flag)} (see --help)`);
      continue;
    }
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i];
    if (value === undefined || value === '') {
      errors.push(`${flag} needs a value`);
    } else if (values.has(flag)) {
      errors.push(`${flag} is given more than once`);
    } else {
      values.set(flag, value);
    }
  }
  const format = values.get('--format') ?? 'json';
  if (!isOutputFormat(format))
    errors.push(`unknown format ${JSON.stringify(format)} (use json, table or csv)`);
  if (positionals.length === 0) errors.push('no scenario file given (see --help)');
  if (positionals.length > 1)
    errors.push(`one scenario file expected, got ${positionals.length}: ${positionals.join(', ')}`);
  const monteCarlo = readMonteCarloOptions(values.get('--samples'), values.get('--seed'), errors);
  if (errors.length > 0 || !isOutputFormat(format)) return { errors };
  const currencyCode = values.get('--currency');
  const rate = values.get('--rate');
  const currency =
    currencyCode === undefined && rate === undefined ? undefined : { code: currencyCode, rate };
  return {
    scenarioPath: positionals[0]!,
    catalogPath: values.get('--catalog'),
    format,
    monteCarlo,
    currency,
  };
}

/**
 * The display currency of `--currency` and `--rate`, the rate dated `today`, or every problem with them: an
 * unknown code, a missing, unreadable or non-positive rate, a rate without a currency, USD at a rate other
 * than 1 (the same rules as a scenario's `displayCurrency`).
 */
function readDisplayCurrency(
  given: NonNullable<CliOptions['currency']>,
  today: string,
): { ok: true; value: DisplayCurrency } | { ok: false; errors: string[] } {
  const { code, rate } = given;
  if (code === undefined) return { ok: false, errors: ['--rate needs --currency (USD, EUR or GBP)'] };
  if (!(DISPLAY_CURRENCIES as readonly string[]).includes(code.toUpperCase()))
    return { ok: false, errors: [`--currency must be USD, EUR or GBP, not ${JSON.stringify(code)}`] };
  const currency = code.toUpperCase();
  if (rate === undefined && currency !== 'USD')
    return {
      ok: false,
      errors: [`--rate is required with --currency ${currency}: how many ${currency} one US dollar buys`],
    };
  const perUsd = rate === undefined ? 1 : /^\d+(\.\d+)?$|^\.\d+$/.test(rate) ? Number(rate) : Number.NaN;
  if (Number.isNaN(perUsd))
    return {
      ok: false,
      errors: [`--rate must be a plain decimal number such as 0.92, not ${JSON.stringify(rate)}`],
    };
  const parsed = displayCurrencySchema.safeParse({ currency, perUsd, setOn: today });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `--rate: ${issue.message}`),
  };
}

/** A whole number written in plain decimal digits, or undefined. */
function readWholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The Monte Carlo settings of `--samples` and `--seed`, or undefined when neither is given. */
function readMonteCarloOptions(
  samplesText: string | undefined,
  seedText: string | undefined,
  errors: string[],
): MonteCarloOptions | undefined {
  if (samplesText === undefined && seedText === undefined) return undefined;
  const samples = samplesText === undefined ? DEFAULT_MONTE_CARLO_SAMPLES : readWholeNumber(samplesText);
  const seed = seedText === undefined ? DEFAULT_CLI_SEED : readWholeNumber(seedText);
  if (samples === undefined || samples < 1 || samples > MAX_CLI_SAMPLES)
    errors.push(`--samples must be a whole number from 1 to 100,000, not ${JSON.stringify(samplesText)}`);
  if (seed === undefined || seed > MAX_SEED)
    errors.push(`--seed must be a whole number from 0 to ${MAX_SEED}, not ${JSON.stringify(seedText)}`);
  if (samples === undefined || seed === undefined) return undefined;
  return { samples, seed };
}

/** Why a file could not be read, in words. */
function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a file through `io`, or reports why it could not. */
function readInput(io: CliIo, path: string, errors: string[]): string | undefined {
  try {
    return io.readFile(path);
  } catch (error) {
    errors.push(`${path}: ${describeReadError(error)}`);
    return undefined;
  }
}

function prefixIssues(issues: readonly ValidationIssue[], prefix: string): string[] {
  return issues.map((issue) => `${prefix}${formatIssue(issue)}`);
}

function writeErrors(io: CliIo, errors: readonly string[]): number {
  for (const error of errors) io.stderr(`error: ${toPrintableText(error)}\n`);
  return 1;
}

/**
 * Runs the command line: reads the scenario file (and the `--catalog` file, whose models replace the scenario's
 * catalog before validation, with a one-line import summary on stderr), validates and simulates it with
 * `planScenario`, and prints the result as JSON (full precision), a table or CSV; with `--samples` or `--seed`,
 * also Monte Carlo over the file's ranged inputs (`runMonteCarlo`), as JSON's `monteCarlo` field or a
 * percentile table (CSV leaves it out, with a note on stderr). Returns the exit code:
 * 0 on success; 1 on any invalid input, with one `error: …` line per problem on stderr and nothing on stdout.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const options = parseArguments(argv);
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if ('errors' in options) return writeErrors(io, options.errors);

  const errors: string[] = [];
  const displayCurrency = options.currency && readDisplayCurrency(options.currency, io.today());
  if (displayCurrency && !displayCurrency.ok) return writeErrors(io, displayCurrency.errors);
  const scenarioText = readInput(io, options.scenarioPath, errors);
  const catalogText =
    options.catalogPath === undefined ? undefined : readInput(io, options.catalogPath, errors);
  if (errors.length > 0) return writeErrors(io, errors);

  const document = parseJsonText(scenarioText ?? '');
  if (!document.ok) errors.push(...prefixIssues(document.issues, `${options.scenarioPath}: `));
  if (options.catalogPath !== undefined && catalogText !== undefined) {
    const imported = parseCatalogText(catalogText, { fileName: options.catalogPath, importedAt: io.today() });
    if (imported.ok) {
      io.stderr(`${toPrintableText(summarizeCatalogImport(imported))}\n`);
      // A document that is not an object is refused by validation below; there is no catalog to replace.
      if (document.ok && isJsonObject(document.value)) document.value.catalog = imported.models;
    } else {
      errors.push(...prefixIssues(imported.issues, `${options.catalogPath}: `));
    }
  }
  if (errors.length > 0 || !document.ok) return writeErrors(io, errors);

  const plan = planScenario(document.value);
  if (!plan.ok) return writeErrors(io, prefixIssues(plan.issues, ''));
  const { scenario, result } = plan.value;
  // Money in the table and CSV: --currency and --rate, else the scenario's own display currency.
  const display = displayCurrency ? displayCurrency.value : moneyDisplayOf(scenario);
  if (displayCurrency && options.format === 'json')
    io.stderr('note: JSON stays in USD at full precision; --currency applies to table and csv\n');
  // CSV is one row per strategy per month: Monte Carlo percentiles have no place in it.
  const monteCarlo =
    options.monteCarlo && options.format !== 'csv' ? runMonteCarlo(scenario, options.monteCarlo) : undefined;
  switch (options.format) {
    case 'json': {
      const constraintsByStrategy = findBrokenConstraintsByStrategy(scenario);
      const strategies = result.strategies.map((strategy) => ({
        ...strategy,
        constraints: toConstraintRecords(constraintsByStrategy.get(strategy.id) ?? [], scenario),
      }));
      const json = { ...result, strategies, ...(monteCarlo ? { monteCarlo } : {}) };
      writeJsonStream(json, (chunk) => io.stdout(chunk));
      break;
    }
    case 'table':
      io.stdout(formatResultTable(result, scenario, display));
      if (monteCarlo) io.stdout(`\n${formatMonteCarloTable(monteCarlo, scenario, display)}`);
      break;
    case 'csv':
      if (options.monteCarlo) io.stderr('note: --format csv leaves out Monte Carlo (use json or table)\n');
      io.stdout(toPrintableCsv(formatMonthlyCsv(result, scenario, display)));
      break;
  }
  return 0;
}
