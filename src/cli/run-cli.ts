/**
 * The command line, as a function of its arguments and its I/O so it can be tested without a process:
 * `simulate <scenario.json> [--catalog <file>] [--format json|table|csv]`.
 */
import { planScenario } from '../domain/plan-scenario';
import { formatIssue } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';
import { parseCatalogText, summarizeCatalogImport } from '../io/catalog-import';
import { isJsonObject, parseJsonText } from '../io/json-text';
import { formatMonthlyCsv } from '../io/results-csv';
import { formatResultTable } from './result-table';
import { toPrintableText } from './terminal-text';

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

type CliOptions = { scenarioPath: string; catalogPath: string | undefined; format: OutputFormat };

export const USAGE = `Usage: npm run simulate -- <scenario.json> [--catalog <file>] [--format json|table|csv]

Validates a scenario file, runs every strategy over its horizon and prints the result.

Options:
  --catalog <file>   Replace the scenario's catalog with the models in <file>, before validation:
                     a native catalog (a JSON list of catalog entries), a CSV file with a header row
                     (id, name, provider, platform, inputPerMTok, outputPerMTok, ...), or LiteLLM's
                     model_prices_and_context_window.json. The format is detected from the content.
  --format <format>  json  (default) the full result, money in full precision
                     table a readable summary and monthly table per strategy, rounded to cents
                     csv   one row per strategy per month, rounded to cents
  -h, --help         Show this help.

Exit status: 0 on success; 1 on invalid input, with one error per line on stderr and nothing on stdout.
`;

function isOutputFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

/** Parses the arguments: options, or the help request, or every problem with them. */
function parseArguments(argv: readonly string[]): CliOptions | 'help' | { errors: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const errors: string[] = [];
  const positionals: string[] = [];
  const values = new Map<'--catalog' | '--format', string>();
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
    if (flag !== '--catalog' && flag !== '--format') {
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
  if (errors.length > 0 || !isOutputFormat(format)) return { errors };
  return { scenarioPath: positionals[0]!, catalogPath: values.get('--catalog'), format };
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
 * `planScenario`, and prints the result as JSON (full precision), a table or CSV. Returns the exit code:
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
  switch (options.format) {
    case 'json':
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      break;
    case 'table':
      io.stdout(formatResultTable(result, scenario));
      break;
    case 'csv':
      io.stdout(formatMonthlyCsv(result, scenario));
      break;
  }
  return 0;
}
