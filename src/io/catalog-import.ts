/**
 * Importing a model catalog from a file, in any of the three formats the planner reads, told apart by content:
 * our native catalog JSON (a list of catalog entries), CSV with a header row, or LiteLLM's
 * `model_prices_and_context_window.json`.
 */
import { z } from 'zod';
import { modelSchema } from '../domain/scenario-schema';
import type { Model } from '../domain/scenario-schema';
import { fromZodIssues } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';
import { formatNumber } from '../format/format';
import { hasCatalogCsvHeader, readCatalogCsvRows, splitCsvRows } from './catalog-csv';
import {
  checkImportSize,
  describeDuplicateKeys,
  findDuplicateKeys,
  isJsonObject,
  parseJsonBody,
  stripByteOrderMark,
} from './json-text';
import { convertLitellmCatalog, isLitellmCatalog } from './litellm-catalog';

export { catalogToCsv } from './catalog-csv';

export type CatalogFormat = 'native' | 'csv' | 'litellm';

export type CatalogImportOptions = {
  /** The file's name, for the models' source label and to tell JSON from CSV by extension. */
  fileName?: string;
  /** The import date, YYYY-MM-DD: the `asOf` of models whose file carries no date (LiteLLM's). */
  importedAt: string;
};

export type CatalogImportResult =
  | {
      ok: true;
      models: Model[];
      format: CatalogFormat;
      imported: number;
      /** Entries left out, every reason counted (so `skipped − unpriced` is the other skipped entries). */
      skipped: number;
      /** Entries left out (LiteLLM only: non-chat modes, missing prices, `sample_spec` …), in file order. */
      skippedKeys: string[];
      /** Of the skipped entries, those priced 0 for both input and output (LiteLLM only). */
      unpriced: number;
      /** Their keys, in file order (a subset of `skippedKeys`). */
      unpricedKeys: string[];
      /** Of the skipped entries, those with a figure past the scenario's limits (LiteLLM only). */
      beyondLimits: number;
      /** Their keys, in file order (a subset of `skippedKeys`). */
      beyondLimitKeys: string[];
      /** Of the skipped entries, those the file writes twice, or with a field written twice (LiteLLM only). */
      writtenTwice: number;
      /** Their keys, in file order (a subset of `skippedKeys`). */
      writtenTwiceKeys: string[];
    }
  | { ok: false; issues: ValidationIssue[] };

const FORMAT_NAMES: Record<CatalogFormat, string> = {
  native: 'native catalog',
  csv: 'CSV',
  litellm: 'LiteLLM',
};

const UNRECOGNISED =
  'not a recognised catalog: expected a JSON list of catalog entries, a CSV file whose header row names catalog ' +
  "columns (id, name, provider, platform, inputPerMTok, …), or LiteLLM's model_prices_and_context_window.json";

function fail(message: string): CatalogImportResult {
  return { ok: false, issues: [{ path: '', message }] };
}

function succeed(
  format: CatalogFormat,
  models: Model[],
  skippedKeys: string[] = [],
  unpricedKeys: string[] = [],
  beyondLimitKeys: string[] = [],
  writtenTwiceKeys: string[] = [],
): CatalogImportResult {
  if (models.length === 0) {
    return fail(
      skippedKeys.length > 0
        ? `no usable models: ${skippedKeys.length === 1 ? 'the only entry was' : `all ${formatNumber(skippedKeys.length)} entries were`} skipped`
        : 'the catalog holds no models',
    );
  }
  return {
    ok: true,
    models,
    format,
    imported: models.length,
    skipped: skippedKeys.length,
    skippedKeys,
    unpriced: unpricedKeys.length,
    unpricedKeys,
    beyondLimits: beyondLimitKeys.length,
    beyondLimitKeys,
    writtenTwice: writtenTwiceKeys.length,
    writtenTwiceKeys,
  };
}

/** The last part of a path: `/tmp/prices.json` → `prices.json`. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * A native catalog: every entry checked with the scenario's model schema; duplicate ids are errors, and so is a
 * field written twice in an entry.
 */
function parseNativeCatalog(entries: unknown[], body: string): CatalogImportResult {
  const duplicates = findDuplicateKeys(body);
  if (duplicates.length > 0)
    return { ok: false, issues: describeDuplicateKeys(duplicates.map((path) => ['catalog', ...path])) };
  // reportInput lets a wrong type read "must be a number" rather than "is required".
  const parsed = z.array(modelSchema).safeParse(entries, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: fromZodIssues(
        parsed.error.issues.map((issue) => ({ ...issue, path: ['catalog', ...issue.path] })),
      ),
    };
  }
  const issues: ValidationIssue[] = [];
  const firstIndexOfId = new Map<string, number>();
  parsed.data.forEach((model, index) => {
    const first = firstIndexOfId.get(model.id);
    if (first === undefined) firstIndexOfId.set(model.id, index);
    else
      issues.push({
        path: `catalog[${index}].id`,
        message: `duplicate model id ${JSON.stringify(model.id)} (also catalog[${first}])`,
      });
  });
  return issues.length > 0 ? { ok: false, issues } : succeed('native', parsed.data);
}

function parseJsonCatalog(body: string, options: CatalogImportOptions): CatalogImportResult {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  const { value } = parsed;
  if (Array.isArray(value)) return parseNativeCatalog(value, body);
  if (isLitellmCatalog(value)) {
    const fileName = options.fileName === undefined ? undefined : baseName(options.fileName);
    const converted = convertLitellmCatalog(value, body, {
      importedAt: options.importedAt,
      ...(fileName === undefined ? {} : { fileName }),
    });
    return succeed(
      'litellm',
      converted.models,
      converted.skippedKeys,
      converted.unpricedKeys,
      converted.beyondLimitKeys,
      converted.writtenTwiceKeys,
    );
  }
  if (isJsonObject(value) && Object.hasOwn(value, 'schemaVersion')) {
    return fail(
      'this is a scenario file, not a catalog: a native catalog is a JSON list of catalog entries (a scenario\'s "catalog")',
    );
  }
  return fail(UNRECOGNISED);
}

function parseCsvCatalog(body: string): CatalogImportResult {
  const { rows, issues, delimiter } = splitCsvRows(body);
  const header = rows.find((cells) => cells.some((cell) => cell.trim() !== ''));
  if (header === undefined) return fail('the file is empty');
  if (!hasCatalogCsvHeader(header)) return fail(UNRECOGNISED);
  if (issues.length > 0) return { ok: false, issues };
  const parsed = readCatalogCsvRows(rows, delimiter);
  return parsed.ok ? succeed('csv', parsed.value) : parsed;
}

/**
 * Reads a catalog file's text, whatever its format, into models ready for a scenario's `catalog`.
 *
 * Detection: a `.csv` name means CSV; otherwise text starting with `[` is a native catalog, text starting with
 * `{` is LiteLLM's price file (recognised by its entries' fields), a `.json` name means JSON, and anything else
 * is read as CSV. Text over 20 MB is refused before parsing. Native and CSV files are all-or-nothing: every
 * problem is reported with its place (`catalog[3].pricing.inputPerMTok: must be 0 or more`,
 * `row 4 (id "x"): inputPerMTok: must be a number`). LiteLLM entries that are not priced chat or completion
 * models are skipped and counted instead (see `convertLitellmCatalog`). A file that yields no model is an error.
 */
export function parseCatalogText(text: string, options: CatalogImportOptions): CatalogImportResult {
  const sizeIssue = checkImportSize(text);
  if (sizeIssue) return { ok: false, issues: [sizeIssue] };
  const body = stripByteOrderMark(text);
  const extension = options.fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === 'csv') return parseCsvCatalog(body);
  const firstCharacter = body.trimStart().charAt(0);
  if (firstCharacter === '[' || firstCharacter === '{' || extension === 'json')
    return parseJsonCatalog(body, options);
  if (body.trim() === '') return fail('the file is empty');
  return parseCsvCatalog(body);
}

function countEntries(count: number): string {
  return `${formatNumber(count)} entr${count === 1 ? 'y' : 'ies'}`;
}

/**
 * The one line that reports an import: `Imported 9 models from CSV format; skipped 0 entries.`; for LiteLLM, the
 * entries without a price apart from the others skipped:
 * `Imported 2,143 models from LiteLLM format; 83 entries had no price; skipped 57 other entries.`, and, when
 * some are, the entries with a figure past the planner's limits counted apart:
 * `…; 83 entries had no price; 2 entries had a figure past the planner's limits; skipped 55 other entries.`, and
 * the entries written twice likewise (`…; 1 entry was written twice; …`).
 */
export function summarizeCatalogImport(result: CatalogImportResult): string {
  if (!result.ok) {
    const count = result.issues.length;
    return `Could not import the catalog: ${formatNumber(count)} problem${count === 1 ? '' : 's'} found.`;
  }
  const models = `${formatNumber(result.imported)} model${result.imported === 1 ? '' : 's'}`;
  const imported = `Imported ${models} from ${FORMAT_NAMES[result.format]} format`;
  if (result.format !== 'litellm') return `${imported}; skipped ${countEntries(result.skipped)}.`;
  const unpriced = `${countEntries(result.unpriced)} had no price`;
  const beyondLimits =
    result.beyondLimits > 0
      ? `; ${countEntries(result.beyondLimits)} had a figure past the planner's limits`
      : '';
  const writtenTwice =
    result.writtenTwice > 0
      ? `; ${countEntries(result.writtenTwice)} ${result.writtenTwice === 1 ? 'was' : 'were'} written twice`
      : '';
  const others = result.skipped - result.unpriced - result.beyondLimits - result.writtenTwice;
  return `${imported}; ${unpriced}${beyondLimits}${writtenTwice}; skipped ${formatNumber(others)} other entr${others === 1 ? 'y' : 'ies'}.`;
}
