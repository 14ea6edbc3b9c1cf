/**
 * Text plumbing the usage readers share: cutting a stream of chunks into lines (CSV records may hold quoted line
 * breaks), splitting a CSV record into cells, reading numbers, and finding the line a JSON value starts on.
 */
import type { UsageRow } from '../domain/usage-records';

/** What a reader makes of one row: usage rows, a row that is not LLM usage (skipped, counted), or a problem. */
export type RowOutcome = { rows: UsageRow[] } | { skip: string } | { problem: string };

/** A complete line (or CSV record) and the 1-based line of the file it starts on. */
export type NumberedLine = { text: string; line: number };

/**
 * Cuts chunks of text into lines, keeping a partial last line for the next chunk. With `csvQuotes`, a line
 * break inside a double-quoted cell does not end the record. `\r\n` and `\n` both end a line.
 */
export function createLineSplitter(csvQuotes: boolean) {
  let pending = '';
  let pendingLine = 1;
  let nextLine = 1;
  let inQuotes = false;
  let scanFrom = 0;

  function take(final: boolean): NumberedLine[] {
    const out: NumberedLine[] = [];
    let start = 0;
    for (let i = scanFrom; i < pending.length; i++) {
      const ch = pending.charCodeAt(i);
      if (csvQuotes && ch === 34 /* " */) inQuotes = !inQuotes;
      else if (ch === 10 /* \n */) {
        nextLine += 1;
        if (!inQuotes) {
          const end = i > start && pending.charCodeAt(i - 1) === 13 ? i - 1 : i;
          out.push({ text: pending.slice(start, end), line: pendingLine });
          start = i + 1;
          pendingLine = nextLine;
        }
      }
    }
    pending = pending.slice(start);
    scanFrom = pending.length;
    if (final && pending.length > 0) {
      out.push({ text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, line: pendingLine });
      pending = '';
      scanFrom = 0;
    }
    return out;
  }

  return {
    /** Adds a chunk; returns the lines it completed. */
    push(chunk: string): NumberedLine[] {
      pending += chunk;
      return take(false);
    },
    /** The last line, if the text did not end with a line break. */
    finish(): NumberedLine[] {
      return take(true);
    },
  };
}

/** The cells of one CSV record (RFC 4180: `""` inside quotes is a quote). */
export function splitCsvRecord(text: string, delimiter = ','): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A count or amount written as a plain decimal (`1200`, `0.0035`, `1.2e-5`); null for anything else. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** A count of tokens or requests: a number ≥ 0, or 0 when the field is absent or null. Null when invalid. */
export function readCount(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return 0;
  const n = readNumber(value);
  return n !== null && n >= 0 ? n : null;
}

/** A non-empty string, or null. */
export function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The 1-based line on which the value at `path` (keys and indices from the root) starts in JSON `text`, or 1 if
 * it cannot be found. Scans the text once; only called for rows that cannot be read.
 */
export function lineOfJsonPath(text: string, path: readonly (string | number)[]): number {
  type Frame = { kind: 'object' | 'array'; key: string | number; index: number };
  const stack: Frame[] = [];
  let line = 1;
  let expectingKey = false;
  let lastKey = '';
  const currentKey = (): string | number => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.kind === 'array' ? top.index : lastKey;
  };
  // A value begins: if the path of the value is the target, answer.
  const beginsValue = (): boolean => {
    if (path.length === 0) return true;
    const top = stack[stack.length - 1];
    if (!top || stack.length !== path.length) return false;
    const keys = [...stack.slice(1).map((frame) => frame.key), currentKey()];
    return keys.every((key, i) => String(key) === String(path[i]));
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line += 1;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',' || ch === ':') {
      if (ch === ',') {
        const top = stack[stack.length - 1];
        if (top?.kind === 'array') top.index += 1;
        else if (top) expectingKey = true;
      }
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          value += text[j + 1] ?? '';
          j += 2;
        } else {
          if (text[j] === '\n') line += 1;
          value += text[j];
          j += 1;
        }
      }
      if (expectingKey) {
        lastKey = value;
        expectingKey = false;
      } else if (beginsValue()) return line;
      i = j;
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (stack.length > 0 && beginsValue()) return line;
      stack.push({ kind: ch === '{' ? 'object' : 'array', key: currentKey(), index: 0 });
      expectingKey = ch === '{';
      continue;
    }
    if (ch === '}' || ch === ']') {
      stack.pop();
      expectingKey = false;
      continue;
    }
    // A number, true, false or null.
    if (beginsValue()) return line;
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i += 1;
  }
  return 1;
}

/** Geography prefixes of Bedrock cross-region inference profiles (`us.anthropic.claude-…`). */
const PROFILE_GEOS = ['global', 'us-gov', 'us', 'eu', 'apac', 'au', 'jp', 'ca'];

/** The geography of a Bedrock inference-profile id (`eu.anthropic.claude-…` → `eu`); undefined for a model id. */
export function geoOfModelId(model: string): string | undefined {
  return PROFILE_GEOS.find((prefix) => model.startsWith(`${prefix}.`));
}
