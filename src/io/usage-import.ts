/**
 * Reading a usage file of any supported format, chunk by chunk: `detectUsageFormat` looks at the start of the
 * file, `createUsageReader` takes the text in chunks (so a worker can feed a file of any size without holding
 * it) and sums rows into records as it goes. CSV and JSON-lines files stream; a single JSON document (an API
 * page) is read whole when the text ends. Rows that cannot be read are listed with their line; the rest import.
 */
import { addUsageRow } from '../domain/usage-records';
import type { UsageRecord } from '../domain/usage-records';
import { stripByteOrderMark } from './json-text';
import { readCurRecord, CUR_REQUIRED_COLUMNS } from './usage-aws-cur';
import {
  OPENAI_COST_CSV_REQUIRED,
  readAnthropicCostPage,
  readAnthropicUsagePage,
  readOpenaiCostPage,
  readOpenaiCostRecord,
  readOpenaiUsagePage,
} from './usage-api-reports';
import type { PageResult } from './usage-api-reports';
import { readBedrockLogEntry } from './usage-bedrock-log';
import { LITELLM_CSV_REQUIRED, readLitellmSpendRow } from './usage-litellm-spend';
import { createLineSplitter, lineOfJsonPath, splitCsvRecord } from './usage-text';
import type { NumberedLine, RowOutcome } from './usage-text';

export const USAGE_FORMATS = [
  'aws-cur',
  'bedrock-invocation-log',
  'anthropic-usage',
  'anthropic-cost',
  'openai-usage',
  'openai-cost',
  'litellm-spend',
] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];

/** Each format's name for people. */
export const USAGE_FORMAT_NAMES: Record<UsageFormat, string> = {
  'aws-cur': 'AWS Cost and Usage Report 2.0 (CSV, optionally gzip), Amazon Bedrock line items',
  'bedrock-invocation-log': 'Amazon Bedrock model-invocation log (JSON lines)',
  'anthropic-usage': 'Anthropic Admin API usage report (JSON)',
  'anthropic-cost': 'Anthropic Admin API cost report (JSON)',
  'openai-usage': 'OpenAI completions usage API (JSON)',
  'openai-cost': 'OpenAI costs API (JSON) or costs export (CSV)',
  'litellm-spend': 'LiteLLM spend logs (CSV or JSON)',
};

/** What a file that is none of the formats is told. */
export const UNKNOWN_FORMAT_MESSAGE = `this is not a usage file the planner reads. It reads: ${USAGE_FORMATS.map(
  (format) => USAGE_FORMAT_NAMES[format],
).join('; ')}`;

export type UsageProblem = { line: number; message: string };

export type UsageReadResult = {
  format: UsageFormat;
  records: UsageRecord[];
  /** Rows read into records. */
  rowsRead: number;
  /** Rows that are not LLM usage (other AWS services, credits, failed requests), by reason. */
  skipped: Record<string, number>;
  /** Rows that could not be read (the first `MAX_LISTED_PROBLEMS`), with their line. */
  problems: UsageProblem[];
  /** All rows that could not be read, listed or not. */
  problemCount: number;
};

/** Problems listed in full; more are counted. */
export const MAX_LISTED_PROBLEMS = 200;

/** Bytes of a file's start that `detectUsageFormat` needs. */
export const DETECT_BYTES = 64 * 1024;

/**
 * The format of a usage file from its first characters (up to `DETECT_BYTES`), or null when it is none of them:
 * a CSV by the columns of its header, JSON by the fields only that format has.
 */
export function detectUsageFormat(head: string): UsageFormat | null {
  const text = stripByteOrderMark(head).trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"schemaType"\s*:\s*"ModelInvocationLog"/.test(text) || /"inputTokenCount"/.test(text)) {
      return 'bedrock-invocation-log';
    }
    if (/"starting_at"/.test(text) && /"amount"\s*:/.test(text)) return 'anthropic-cost';
    if (/"uncached_input_tokens"\s*:|"cache_creation"\s*:\s*\{/.test(text)) return 'anthropic-usage';
    if (/"organization\.usage\.completions\.result"|"num_model_requests"|"input_cached_tokens"/.test(text)) {
      return 'openai-usage';
    }
    if (/"organization\.costs\.result"/.test(text)) return 'openai-cost';
    if (/"spend"/.test(text) && /"(prompt_tokens|startTime)"/.test(text)) return 'litellm-spend';
    return null;
  }
  const header = new Set(
    splitCsvRecord(text.split(/\r?\n/, 1)[0] ?? '').map((cell) => cell.trim().toLowerCase()),
  );
  if (CUR_REQUIRED_COLUMNS.every((column) => header.has(column))) return 'aws-cur';
  if (OPENAI_COST_CSV_REQUIRED.every((column) => header.has(column))) return 'openai-cost';
  if (LITELLM_CSV_REQUIRED.every((column) => header.has(column))) return 'litellm-spend';
  return null;
}

export type UsageReader = {
  /** Adds the next chunk of the file's text. */
  push(chunk: string): void;
  /** Ends the text; returns what was read. */
  finish(): UsageReadResult;
};

/** How each JSON format reads one value: a report page, a log line, a spend row or a list of them. */
function readJsonValue(format: UsageFormat, value: unknown): PageResult[] {
  switch (format) {
    case 'anthropic-usage':
      return readAnthropicUsagePage(value);
    case 'anthropic-cost':
      return readAnthropicCostPage(value);
    case 'openai-usage':
      return readOpenaiUsagePage(value);
    case 'openai-cost':
      return readOpenaiCostPage(value);
    case 'bedrock-invocation-log':
      return Array.isArray(value)
        ? value.map((entry, i) => ({ path: [i], outcome: readBedrockLogEntry(entry) }))
        : [{ path: [], outcome: readBedrockLogEntry(value) }];
    case 'litellm-spend':
      return Array.isArray(value)
        ? value.map((entry, i) => ({ path: [i], outcome: readLitellmSpendRow(entry) }))
        : [{ path: [], outcome: readLitellmSpendRow(value) }];
    case 'aws-cur':
      return [{ path: [], outcome: { problem: 'an AWS Cost and Usage Report is CSV, not JSON' } }];
  }
}

/** How each CSV format reads one record. */
function readCsvCells(format: UsageFormat, cells: Map<string, string>): RowOutcome {
  if (format === 'aws-cur') return readCurRecord(cells);
  if (format === 'openai-cost') return readOpenaiCostRecord(cells);
  return readLitellmSpendRow(Object.fromEntries(cells));
}

/** A reader for `format`. CSV or JSON is told by the first character of the text. */
export function createUsageReader(format: UsageFormat): UsageReader {
  const records = new Map<string, UsageRecord>();
  const result: UsageReadResult = {
    format,
    records: [],
    rowsRead: 0,
    skipped: {},
    problems: [],
    problemCount: 0,
  };
  let mode: 'unknown' | 'csv' | 'json-lines' | 'json-document' = 'unknown';
  let splitter = createLineSplitter(true);
  let header: string[] | null = null;
  let documentText = '';
  let seenText = '';

  const problem = (line: number, message: string) => {
    result.problemCount += 1;
    if (result.problems.length < MAX_LISTED_PROBLEMS) result.problems.push({ line, message });
  };
  const apply = (outcome: RowOutcome, line: number) => {
    if ('rows' in outcome) {
      for (const row of outcome.rows) addUsageRow(records, row);
      result.rowsRead += 1;
    } else if ('skip' in outcome) {
      result.skipped[outcome.skip] = (result.skipped[outcome.skip] ?? 0) + 1;
    } else problem(line, outcome.problem);
  };

  const readLine = ({ text, line }: NumberedLine) => {
    if (text.trim() === '') return;
    if (mode === 'csv') {
      const cells = splitCsvRecord(text);
      if (!header) {
        header = cells.map((cell) => cell.trim().toLowerCase());
        return;
      }
      if (cells.length !== header.length) {
        problem(line, `has ${cells.length} cells where the header has ${header.length}`);
        return;
      }
      const byName = new Map<string, string>();
      header.forEach((name, i) => byName.set(name, cells[i]!));
      apply(readCsvCells(format, byName), line);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problem(line, 'is not valid JSON');
      return;
    }
    for (const { outcome } of readJsonValue(format, value)) apply(outcome, line);
  };

  /** Decides CSV, JSON lines or one JSON document once the first line is complete (or the text ends). */
  const decide = (final: boolean): boolean => {
    const text = stripByteOrderMark(seenText).trimStart();
    if (text === '') return false;
    if (!text.startsWith('{') && !text.startsWith('[')) {
      mode = 'csv';
      return true;
    }
    const newline = text.indexOf('\n');
    if (newline < 0 && !final) return false;
    const firstLine = newline < 0 ? text : text.slice(0, newline);
    try {
      JSON.parse(firstLine);
      mode = 'json-lines';
      splitter = createLineSplitter(false);
    } catch {
      mode = 'json-document';
    }
    return true;
  };

  const feed = (chunk: string, final: boolean) => {
    if (mode === 'unknown') {
      seenText += chunk;
      if (!decide(final)) return;
      chunk = stripByteOrderMark(seenText);
      seenText = '';
    }
    if (mode === 'json-document') {
      documentText += chunk;
      return;
    }
    for (const line of splitter.push(chunk)) readLine(line);
  };

  return {
    push(chunk) {
      feed(chunk, false);
    },
    finish() {
      feed('', true);
      if (mode === 'json-document') {
        let value: unknown;
        try {
          value = JSON.parse(documentText);
        } catch (error) {
          problem(1, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
          value = undefined;
        }
        if (value !== undefined) {
          for (const { path, outcome } of readJsonValue(format, value)) {
            apply(outcome, 'problem' in outcome ? lineOfJsonPath(documentText, path) : 0);
          }
        }
      } else {
        for (const line of splitter.finish()) readLine(line);
      }
      result.records = [...records.values()];
      return result;
    },
  };
}

export type UsageTextResult = { ok: true; value: UsageReadResult } | { ok: false; message: string };

/** Reads a whole usage file's text: detects its format, then reads it. */
export function readUsageText(text: string): UsageTextResult {
  const format = detectUsageFormat(text.slice(0, DETECT_BYTES));
  if (!format) return { ok: false, message: UNKNOWN_FORMAT_MESSAGE };
  const reader = createUsageReader(format);
  reader.push(text);
  return { ok: true, value: reader.finish() };
}
