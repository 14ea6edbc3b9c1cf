/**
 * Catalogs as CSV: one model per row, a header row naming catalog fields. Written by `catalogToCsv`, read by
 * `parseCatalogCsv`; a catalog written and read back is the same catalog.
 */
import Papa from 'papaparse';
import { modelSchema } from '../domain/scenario-schema';
import type { LongContext, Model } from '../domain/scenario-schema';
import { fromZodIssues } from '../domain/validate-scenario';
import type { ValidationIssue, ValidationResult } from '../domain/validate-scenario';
import { escapeCsvText, unescapeCsvText } from './csv-text';

/** Every column the CSV format knows, in the order `catalogToCsv` writes them. */
export const CATALOG_CSV_COLUMNS = [
  'id',
  'name',
  'provider',
  'platform',
  'inputPerMTok',
  'outputPerMTok',
  'cacheWritePerMTok',
  'cacheReadPerMTok',
  'batchDiscount',
  'contextWindow',
  'quality',
  'outputTokenFactor',
  'openWeight',
  'sourceLabel',
  'asOf',
  'kind',
  'hourlyPerUnit',
  'tokensPerMinutePerUnit',
  'minUnits',
  'sourceUrl',
  'notes',
  'region',
  'tokenizerFactor',
  'reasoning',
  'cacheWrite1hPerMTok',
  'minCachePrefixTokens',
  'batchCaching',
  'longContextAboveInputTokens',
  'longContextInputPerMTok',
  'longContextOutputPerMTok',
  'longContextCacheReadPerMTok',
  'longContextCacheWritePerMTok',
  'longContextCacheWrite1hPerMTok',
  'commitmentMonths',
  'priceKey',
  'retiresOn',
  'qualityBenchmark',
  'qualitySourceLabel',
  'qualityAsOf',
  'qualityUrl',
  'qualityAssumption',
] as const;

export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

/** Columns a header must have: every model needs an id and a platform. */
const REQUIRED_COLUMNS: readonly CatalogCsvColumn[] = ['id', 'platform'];
/** The long-context tier's columns, each with its field in `pricing.longContext`. */
const LONG_CONTEXT_COLUMNS = [
  ['longContextAboveInputTokens', 'aboveInputTokens'],
  ['longContextInputPerMTok', 'inputPerMTok'],
  ['longContextOutputPerMTok', 'outputPerMTok'],
  ['longContextCacheReadPerMTok', 'cacheReadPerMTok'],
  ['longContextCacheWritePerMTok', 'cacheWritePerMTok'],
  ['longContextCacheWrite1hPerMTok', 'cacheWrite1hPerMTok'],
] as const satisfies readonly (readonly [CatalogCsvColumn, keyof LongContext])[];
/** Tier cache prices, which may be left out (scaled from the base price) or explicitly null. */
const LONG_CONTEXT_CACHE_COLUMNS: readonly CatalogCsvColumn[] = [
  'longContextCacheReadPerMTok',
  'longContextCacheWritePerMTok',
  'longContextCacheWrite1hPerMTok',
];
/**
 * What a tier cache cell holds for an explicit null: an empty cell means "left out", which is not the same
 * (a left-out read price is the base one scaled; a null one means no caching above the threshold).
 */
const NULL_CELL = 'null';
const PER_TOKEN_COLUMNS: readonly CatalogCsvColumn[] = [
  'inputPerMTok',
  'outputPerMTok',
  'cacheWritePerMTok',
  'cacheReadPerMTok',
  'batchDiscount',
  'cacheWrite1hPerMTok',
  'minCachePrefixTokens',
  'batchCaching',
  ...LONG_CONTEXT_COLUMNS.map(([column]) => column),
];
const CAPACITY_COLUMNS: readonly CatalogCsvColumn[] = [
  'hourlyPerUnit',
  'tokensPerMinutePerUnit',
  'minUnits',
  'commitmentMonths',
];

/** A plain decimal or scientific number, nothing else: no "abc", no "1,5", no "0x10", no "Infinity". */
const STRICT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A number written with a decimal comma ("1,5", "0,000003", "2,5e-6"): one comma, no point. */
const DECIMAL_COMMA_NUMBER = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;

/**
 * A number cell as JavaScript reads it: in a file separated by semicolons (how spreadsheets in most of Europe
 * save CSV), a decimal comma is a decimal point: "1,5" → "1.5". Commas cannot separate thousands there, since
 * such a file writes none; anywhere else the cell is returned as it is.
 */
export function readDecimalComma(cell: string, delimiter: string): string {
  return delimiter === ';' && DECIMAL_COMMA_NUMBER.test(cell) ? cell.replace(',', '.') : cell;
}

/** The flattened columns of `qualitySource`, by field. */
const QUALITY_SOURCE_COLUMNS: Partial<Record<string, CatalogCsvColumn>> = {
  benchmark: 'qualityBenchmark',
  label: 'qualitySourceLabel',
  asOf: 'qualityAsOf',
  url: 'qualityUrl',
  assumption: 'qualityAssumption',
};

/** Where a zod path inside a model lands in the CSV. */
function columnOfModelPath(path: string): string {
  if (path === 'pricing' || path === 'pricing.kind') return 'kind';
  if (path === 'pricing.longContext') return 'longContextAboveInputTokens';
  if (path.startsWith('pricing.longContext.')) {
    const field = path.slice('pricing.longContext.'.length);
    return LONG_CONTEXT_COLUMNS.find(([, name]) => name === field)?.[0] ?? path;
  }
  if (path.startsWith('pricing.')) return path.slice('pricing.'.length);
  if (path === 'source.label') return 'sourceLabel';
  if (path === 'source.asOf') return 'asOf';
  if (path === 'source.url') return 'sourceUrl';
  if (path === 'qualitySource') return 'qualityAssumption';
  if (path.startsWith('qualitySource.'))
    return QUALITY_SOURCE_COLUMNS[path.slice('qualitySource.'.length)] ?? path;
  return path;
}

type RowReader = {
  /** The raw cell (empty string when the column is absent or the row is short). */
  cell(column: CatalogCsvColumn): string;
  /** Text as written, minus the spreadsheet text mark; undefined when empty. */
  text(column: CatalogCsvColumn): string | undefined;
  /** A strictly parsed number; undefined when empty or invalid (invalid cells are reported). */
  number(column: CatalogCsvColumn): number | undefined;
  /** `true` or `false` in any case; undefined when empty or invalid (invalid cells are reported). */
  boolean(column: CatalogCsvColumn): boolean | undefined;
  issues: { column: string; message: string }[];
};

function readRow(
  cells: readonly string[],
  columnIndex: ReadonlyMap<CatalogCsvColumn, number>,
  delimiter: string,
): RowReader {
  const issues: RowReader['issues'] = [];
  const cell = (column: CatalogCsvColumn) => {
    const index = columnIndex.get(column);
    return index === undefined ? '' : (cells[index] ?? '');
  };
  return {
    issues,
    cell,
    text(column) {
      const raw = cell(column);
      return raw === '' ? undefined : unescapeCsvText(raw);
    },
    number(column) {
      const raw = readDecimalComma(cell(column).trim(), delimiter);
      if (raw === '') return undefined;
      if (!STRICT_NUMBER.test(raw)) {
        issues.push({ column, message: 'must be a number' });
        return undefined;
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        issues.push({ column, message: 'must be a finite number' });
        return undefined;
      }
      return value;
    },
    boolean(column) {
      const raw = cell(column).trim().toLowerCase();
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      if (raw !== '') issues.push({ column, message: 'must be true or false' });
      return undefined;
    },
  };
}

/**
 * The long-context tier of a row: null when every tier cell is empty; otherwise the tier, a cache cell left
 * empty leaving its price out and a `null` cell making it an explicit null.
 */
function readLongContextCells(row: RowReader): Record<string, unknown> | null {
  if (LONG_CONTEXT_COLUMNS.every(([column]) => row.cell(column).trim() === '')) return null;
  const tier: Record<string, unknown> = {};
  for (const [column, field] of LONG_CONTEXT_COLUMNS) {
    const isNullCell = row.cell(column).trim().toLowerCase() === NULL_CELL;
    if (isNullCell && LONG_CONTEXT_CACHE_COLUMNS.includes(column)) {
      tier[field] = null;
      continue;
    }
    const value = row.number(column);
    if (value !== undefined) tier[field] = value;
  }
  return tier;
}

/** Turns one data row into a model candidate (validated afterwards by `modelSchema`). */
function buildCandidate(row: RowReader): unknown {
  const kindCell = row.cell('kind').trim().toLowerCase();
  let kind: 'per-token' | 'capacity' = 'per-token';
  if (kindCell === 'capacity') kind = 'capacity';
  else if (kindCell !== '' && kindCell !== 'per-token')
    row.issues.push({ column: 'kind', message: 'must be "per-token" or "capacity"' });

  const foreignColumns = kind === 'capacity' ? PER_TOKEN_COLUMNS : CAPACITY_COLUMNS;
  for (const column of foreignColumns) {
    if (row.cell(column).trim() !== '')
      row.issues.push({
        column,
        message:
          kind === 'capacity'
            ? 'only applies to per-token models (leave it empty on a capacity row)'
            : 'only applies to capacity-billed models (set kind to "capacity")',
      });
  }

  const pricing =
    kind === 'capacity'
      ? {
          kind,
          hourlyPerUnit: row.number('hourlyPerUnit'),
          tokensPerMinutePerUnit: row.number('tokensPerMinutePerUnit'),
          minUnits: row.number('minUnits'),
          commitmentMonths: row.number('commitmentMonths'),
        }
      : {
          kind,
          inputPerMTok: row.number('inputPerMTok'),
          outputPerMTok: row.number('outputPerMTok'),
          cacheWritePerMTok: row.number('cacheWritePerMTok') ?? null,
          cacheReadPerMTok: row.number('cacheReadPerMTok') ?? null,
          batchDiscount: row.number('batchDiscount') ?? null,
          cacheWrite1hPerMTok: row.number('cacheWrite1hPerMTok') ?? null,
          minCachePrefixTokens: row.number('minCachePrefixTokens'),
          batchCaching: row.boolean('batchCaching'),
          longContext: readLongContextCells(row),
        };

  const sourceLabel = row.text('sourceLabel');
  const asOf = row.text('asOf');
  const sourceUrl = row.text('sourceUrl');
  const notes = row.text('notes');
  const hasSource = sourceLabel !== undefined || asOf !== undefined || sourceUrl !== undefined;
  const qualityBenchmark = row.text('qualityBenchmark');
  const qualitySourceLabel = row.text('qualitySourceLabel');
  const qualityAsOf = row.text('qualityAsOf');
  const qualityUrl = row.text('qualityUrl');
  const qualityAssumption = row.boolean('qualityAssumption');
  const hasQualitySource =
    qualityBenchmark !== undefined ||
    qualitySourceLabel !== undefined ||
    qualityAsOf !== undefined ||
    qualityUrl !== undefined ||
    row.cell('qualityAssumption').trim() !== '';

  return {
    id: row.text('id'),
    name: row.text('name') ?? '',
    provider: row.text('provider') ?? '',
    platform: row.text('platform'),
    pricing,
    contextWindow: row.number('contextWindow') ?? null,
    quality: row.number('quality'),
    outputTokenFactor: row.number('outputTokenFactor'),
    openWeight: row.boolean('openWeight'),
    region: row.text('region') ?? null,
    tokenizerFactor: row.number('tokenizerFactor'),
    reasoning: row.boolean('reasoning'),
    // Absent optional fields are left out, not set to undefined: the model reads back key for key.
    ...(hasSource
      ? {
          source: {
            label: sourceLabel ?? '',
            asOf: asOf ?? '',
            ...(sourceUrl === undefined ? {} : { url: sourceUrl }),
          },
        }
      : {}),
    ...(notes === undefined ? {} : { notes }),
    priceKey: row.text('priceKey') ?? null,
    retiresOn: row.text('retiresOn') ?? null,
    ...(hasQualitySource
      ? {
          qualitySource: {
            benchmark: qualityBenchmark ?? '',
            label: qualitySourceLabel ?? '',
            asOf: qualityAsOf ?? '',
            ...(qualityUrl === undefined ? {} : { url: qualityUrl }),
            assumption: qualityAssumption,
          },
        }
      : {}),
  };
}

function describeRow(rowNumber: number, id: string | undefined): string {
  return id === undefined ? `row ${rowNumber}` : `row ${rowNumber} (id ${JSON.stringify(id)})`;
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Reads the header row: which column each known field is in, and what is wrong with the header. */
function readHeader(headerCells: readonly string[]): {
  columnIndex: Map<CatalogCsvColumn, number>;
  issues: ValidationIssue[];
} {
  const known = new Map<string, CatalogCsvColumn>(
    CATALOG_CSV_COLUMNS.map((column) => [column.toLowerCase(), column]),
  );
  const columnIndex = new Map<CatalogCsvColumn, number>();
  const issues: ValidationIssue[] = [];
  headerCells.forEach((raw, index) => {
    const name = raw.trim();
    const column = known.get(name.toLowerCase());
    if (column === undefined) {
      issues.push({
        path: 'header',
        message: `unknown column ${JSON.stringify(name)} (known columns: ${CATALOG_CSV_COLUMNS.join(', ')})`,
      });
    } else if (columnIndex.has(column)) {
      issues.push({ path: 'header', message: `column "${column}" appears twice` });
    } else {
      columnIndex.set(column, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columnIndex.has(column)) issues.push({ path: 'header', message: `missing column "${column}"` });
  }
  return { columnIndex, issues };
}

/** Whether a CSV header row names at least one catalog column: tells a catalog CSV from any other text. */
export function hasCatalogCsvHeader(headerCells: readonly string[]): boolean {
  const known = new Set(CATALOG_CSV_COLUMNS.map((column) => column.toLowerCase()));
  return headerCells.some((cell) => known.has(cell.trim().toLowerCase()));
}

/** Delimiters a catalog CSV may use, in order of preference. */
const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter, read from the first non-blank line: the header names columns, which never contain one, so the
 * first delimiter found there is the file's. Guessing from the whole file could be swayed by text in the cells.
 */
function findDelimiter(text: string): string {
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (line.trim() !== '') return DELIMITERS.find((delimiter) => line.includes(delimiter)) ?? ',';
    start = end + 1;
  }
  return ',';
}

/**
 * Splits CSV text into rows of cells (papaparse; comma, semicolon, tab or bar), with quoting errors as issues and
 * the delimiter found.
 */
export function splitCsvRows(text: string): {
  rows: string[][];
  issues: ValidationIssue[];
  delimiter: string;
} {
  const delimiter = findDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  const issues = parsed.errors.map((error) => ({
    path: error.row === undefined ? '' : `row ${error.row + 1}`,
    message: error.message,
  }));
  return { rows: parsed.data, issues, delimiter };
}

/**
 * Reads the rows of a catalog CSV (see `splitCsvRows`): a header row naming columns from `CATALOG_CSV_COLUMNS`
 * (any order, any case; `id` and `platform` required), then one model per row. Empty cells take the field's
 * default (no caching, no batch, unlimited context, quality 0, factor 1, not open-weight, kind per-token, region
 * null, tokenizer factor 1, not reasoning, no 1-hour write, minimum prefix 0, caching inside batch, no commitment,
 * no price key, no retirement day); `qualitySource` is present when any of its five `quality…` columns is filled
 * (`qualityAssumption` is always written for it, so a written source reads back even when its texts are empty);
 * the long-context tier is null when its six `longContext…` cells are all empty, and a tier cache cell left empty
 * leaves that price out (the engine scales the base one) where `null` makes it an explicit null. Numbers are
 * parsed strictly (with a decimal comma when `delimiter` is a semicolon: see `readDecimalComma`), booleans are
 * `true` or `false` in any case. Rows are numbered as a spreadsheet shows them (the header is row 1); blank rows are
 * ignored. Every problem is reported, e.g. `row 4 (id "x"): inputPerMTok: must be a number`; duplicate ids are
 * errors.
 */
export function readCatalogCsvRows(
  rows: readonly (readonly string[])[],
  delimiter = ',',
): ValidationResult<Model[]> {
  const headerAt = rows.findIndex((cells) => !isBlankRow(cells));
  if (headerAt < 0) return { ok: false, issues: [{ path: '', message: 'the file is empty' }] };
  const headerCells = rows[headerAt]!;
  const header = readHeader(headerCells);
  if (header.issues.length > 0) return { ok: false, issues: header.issues };

  const issues: ValidationIssue[] = [];
  const models: Model[] = [];
  const rowOfId = new Map<string, number>();
  for (let index = headerAt + 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const rowNumber = index + 1;
    const row = readRow(cells, header.columnIndex, delimiter);
    const where = describeRow(rowNumber, row.text('id'));
    if (cells.length > headerCells.length) {
      issues.push({
        path: where,
        message: `has ${cells.length} cells but the header has ${headerCells.length}`,
      });
      continue;
    }
    const parsed = modelSchema.safeParse(buildCandidate(row), { reportInput: true });
    const reported = new Set(row.issues.map((issue) => issue.column));
    for (const issue of row.issues)
      issues.push({ path: `${where}: ${issue.column}`, message: issue.message });
    if (!parsed.success) {
      for (const issue of fromZodIssues(parsed.error.issues)) {
        const column = columnOfModelPath(issue.path);
        if (!reported.has(column)) issues.push({ path: `${where}: ${column}`, message: issue.message });
      }
    } else if (row.issues.length === 0) {
      const firstRow = rowOfId.get(parsed.data.id);
      if (firstRow !== undefined) {
        issues.push({ path: `${where}: id`, message: `duplicate model id (also on row ${firstRow})` });
      } else {
        rowOfId.set(parsed.data.id, rowNumber);
        models.push(parsed.data);
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: models };
}

/** Reads a catalog CSV's text: `splitCsvRows`, then `readCatalogCsvRows`. */
export function parseCatalogCsv(text: string): ValidationResult<Model[]> {
  const split = splitCsvRows(text);
  return split.issues.length > 0 ? { ok: false, issues: split.issues } : readCatalogCsvRows(split.rows);
}

function formatNumberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A tier cache price: empty when left out, `null` when explicitly null. */
function formatTierCacheCell(value: number | null | undefined): string {
  return value === null ? NULL_CELL : formatNumberCell(value);
}

/** One model as CSV cells, in `CATALOG_CSV_COLUMNS` order. */
function toCsvCells(model: Model): string[] {
  const { pricing } = model;
  const perToken = pricing.kind === 'per-token' ? pricing : undefined;
  const capacity = pricing.kind === 'capacity' ? pricing : undefined;
  const longContext = perToken?.longContext ?? undefined;
  const cells: Record<CatalogCsvColumn, string> = {
    id: escapeCsvText(model.id),
    name: escapeCsvText(model.name),
    provider: escapeCsvText(model.provider),
    platform: escapeCsvText(model.platform),
    inputPerMTok: formatNumberCell(perToken?.inputPerMTok),
    outputPerMTok: formatNumberCell(perToken?.outputPerMTok),
    cacheWritePerMTok: formatNumberCell(perToken?.cacheWritePerMTok),
    cacheReadPerMTok: formatNumberCell(perToken?.cacheReadPerMTok),
    batchDiscount: formatNumberCell(perToken?.batchDiscount),
    contextWindow: formatNumberCell(model.contextWindow),
    quality: formatNumberCell(model.quality),
    outputTokenFactor: formatNumberCell(model.outputTokenFactor),
    openWeight: String(model.openWeight),
    sourceLabel: escapeCsvText(model.source?.label ?? ''),
    asOf: escapeCsvText(model.source?.asOf ?? ''),
    kind: pricing.kind,
    hourlyPerUnit: formatNumberCell(capacity?.hourlyPerUnit),
    tokensPerMinutePerUnit: formatNumberCell(capacity?.tokensPerMinutePerUnit),
    minUnits: formatNumberCell(capacity?.minUnits),
    sourceUrl: escapeCsvText(model.source?.url ?? ''),
    notes: escapeCsvText(model.notes ?? ''),
    region: model.region === null ? '' : escapeCsvText(model.region),
    tokenizerFactor: formatNumberCell(model.tokenizerFactor),
    reasoning: String(model.reasoning),
    cacheWrite1hPerMTok: formatNumberCell(perToken?.cacheWrite1hPerMTok),
    minCachePrefixTokens: formatNumberCell(perToken?.minCachePrefixTokens),
    batchCaching: perToken ? String(perToken.batchCaching) : '',
    longContextAboveInputTokens: formatNumberCell(longContext?.aboveInputTokens),
    longContextInputPerMTok: formatNumberCell(longContext?.inputPerMTok),
    longContextOutputPerMTok: formatNumberCell(longContext?.outputPerMTok),
    longContextCacheReadPerMTok: formatTierCacheCell(longContext?.cacheReadPerMTok),
    longContextCacheWritePerMTok: formatTierCacheCell(longContext?.cacheWritePerMTok),
    longContextCacheWrite1hPerMTok: formatTierCacheCell(longContext?.cacheWrite1hPerMTok),
    commitmentMonths: formatNumberCell(capacity?.commitmentMonths),
    priceKey: model.priceKey === null ? '' : escapeCsvText(model.priceKey),
    retiresOn: model.retiresOn ?? '',
    qualityBenchmark: escapeCsvText(model.qualitySource?.benchmark ?? ''),
    qualitySourceLabel: escapeCsvText(model.qualitySource?.label ?? ''),
    qualityAsOf: escapeCsvText(model.qualitySource?.asOf ?? ''),
    qualityUrl: escapeCsvText(model.qualitySource?.url ?? ''),
    qualityAssumption: model.qualitySource === undefined ? '' : String(model.qualitySource.assumption),
  };
  return CATALOG_CSV_COLUMNS.map((column) => cells[column]);
}

/**
 * Writes a catalog as CSV with every column of `CATALOG_CSV_COLUMNS`, numbers in full precision, text cells
 * quoted as needed and guarded against spreadsheet formulas. `parseCatalogCsv` reads it back to the same models
 * (a source whose label, date and link are all empty, and empty notes, are written as absent; an empty price key
 * reads back as null).
 */
export function catalogToCsv(models: readonly Model[]): string {
  return `${Papa.unparse({ fields: [...CATALOG_CSV_COLUMNS], data: models.map(toCsvCells) }, { newline: '\n' })}\n`;
}
