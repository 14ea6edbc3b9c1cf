/**
 * Traffic slices pasted from a spreadsheet: tab-separated rows (what Excel, Numbers and Google Sheets put on the
 * clipboard), with or without a header row, read into slices with a message per row that names the column.
 */
import { makeSliceId, makeUniqueId } from '../domain/ids';
import { sliceSchema } from '../domain/scenario-schema';
import type { Slice } from '../domain/scenario-schema';
import { formatNumber } from '../format/format';
import { formatFieldNumber, parseTypedNumber } from '../format/parse-number';

type NumberKey =
  | 'requestsPerMonth'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedPrefixTokens'
  | 'cacheHitRate'
  | 'batchShare'
  | 'qualityBar'
  | 'reasoningTokens'
  | 'monthlyGrowth';

export type PasteColumn = {
  key: 'name' | 'id' | NumberKey;
  /** The column's name in messages and in the preview. */
  title: string;
  /** Header texts that name this column, lower-cased, spaces and punctuation dropped. */
  aliases: readonly string[];
  /** Typed as a percentage (25 or 25 % is 0.25). */
  percent?: boolean;
};

/** Every column a pasted row may have, in the order rows without a header are read. */
export const PASTE_COLUMNS: readonly PasteColumn[] = [
  { key: 'name', title: 'Name', aliases: ['name', 'slice', 'slicename'] },
  {
    key: 'requestsPerMonth',
    title: 'Requests per month',
    aliases: ['requests', 'requestspermonth', 'requestsmonth', 'monthlyrequests', 'volume'],
  },
  { key: 'inputTokens', title: 'Input tokens', aliases: ['input', 'inputtokens', 'tokensin'] },
  { key: 'outputTokens', title: 'Output tokens', aliases: ['output', 'outputtokens', 'tokensout'] },
  {
    key: 'cachedPrefixTokens',
    title: 'Cached prefix tokens',
    aliases: ['cachedprefix', 'cachedprefixtokens', 'prefix', 'prefixtokens'],
  },
  {
    key: 'cacheHitRate',
    title: 'Cache hit rate',
    aliases: ['cachehits', 'cachehitrate', 'cachehit', 'hitrate'],
    percent: true,
  },
  { key: 'batchShare', title: 'Batch share', aliases: ['batched', 'batch', 'batchshare'], percent: true },
  { key: 'qualityBar', title: 'Quality bar', aliases: ['qualitybar', 'quality', 'bar'] },
  { key: 'reasoningTokens', title: 'Reasoning tokens', aliases: ['reasoning', 'reasoningtokens'] },
  {
    key: 'monthlyGrowth',
    title: 'Monthly growth',
    aliases: ['growth', 'monthlygrowth', 'growthpermonth'],
    percent: true,
  },
  { key: 'id', title: 'Id', aliases: ['id', 'sliceid'] },
];

/** One pasted row: the slice it makes, or what is wrong with it, each message naming its column. */
export type PastedRow = { line: number; cells: string[] } & (
  { ok: true; slice: Slice } | { ok: false; errors: string[] }
);

export type PastedRows = {
  /** The columns read, in the pasted order (a header names them; without one, `PASTE_COLUMNS` order). */
  columns: readonly PasteColumn[];
  hasHeader: boolean;
  rows: PastedRow[];
  /** Why nothing could be read at all (an unknown header, no name column), or null. */
  problem: string | null;
};

function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

function findColumn(header: string): PasteColumn | undefined {
  const wanted = normaliseHeader(header);
  return PASTE_COLUMNS.find((column) => column.aliases.includes(wanted));
}

/** A header row is one whose first cell is not a number and whose every cell names a column. */
function readHeader(cells: readonly string[]): PasteColumn[] | null {
  const columns = cells.map(findColumn);
  const isHeader = cells.some((cell) => findColumn(cell) !== undefined);
  if (!isHeader) return null;
  return columns.every((column): column is PasteColumn => column !== undefined) ? columns : null;
}

/** The most characters and rows one paste is read for: far beyond a real traffic mix, and read at once. */
export const MAX_PASTED_CHARS = 1_000_000;
export const MAX_PASTED_ROWS = 1_000;

/**
 * Reads pasted rows into slices. Cells are separated by tabs (commas when a line has no tab); a first row whose
 * cells name columns ("Name", "Requests", "Input tokens", "Cache hits %"…) is a header, and without one cells
 * are read in `PASTE_COLUMNS` order. Numbers are read as a spreadsheet shows them (`1,200,000`, `$2M`, `150k`);
 * percentages as typed (`25` or `25%` is a quarter). Columns left out take a new slice's defaults (`defaults`),
 * a slice id is made from the name unless given, unique against `takenIds` and the other rows. Each row is
 * checked against the slice schema; a row's messages name the column ("Input tokens must be …").
 */
export function readPastedRows(text: string, takenIds: Iterable<string>, defaults: Slice): PastedRows {
  if (text.length > MAX_PASTED_CHARS) {
    return {
      columns: [],
      hasHeader: false,
      rows: [],
      problem: `The pasted text is ${formatNumber(text.length)} characters, more than the ${formatNumber(MAX_PASTED_CHARS)} read at once: paste fewer rows at a time.`,
    };
  }
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line }))
    .filter(({ text: line }) => line.trim() !== '');
  const splitCells = (line: string) =>
    (line.includes('\t') ? line.split('\t') : line.split(',')).map((c) => c.trim());
  const first = lines[0];
  if (!first) return { columns: [], hasHeader: false, rows: [], problem: 'Paste at least one row.' };
  const firstCells = splitCells(first.text);
  const header = readHeader(firstCells);
  if (!header && firstCells.some((cell) => findColumn(cell) !== undefined)) {
    const unknown = firstCells.filter((cell) => findColumn(cell) === undefined);
    return {
      columns: [],
      hasHeader: true,
      rows: [],
      problem: `The header names columns the Traffic mix does not have: ${unknown.map((c) => `“${c}”`).join(', ')}.`,
    };
  }
  if (header && !header.some((column) => column.key === 'name')) {
    return { columns: header, hasHeader: true, rows: [], problem: 'The header needs a Name column.' };
  }
  const columns = header ?? PASTE_COLUMNS;
  const body = header ? lines.slice(1) : lines;
  if (body.length > MAX_PASTED_ROWS) {
    return {
      columns,
      hasHeader: header !== null,
      rows: [],
      problem: `${formatNumber(body.length)} rows were pasted, more than the ${formatNumber(MAX_PASTED_ROWS)} read at once: paste them in parts.`,
    };
  }
  const taken = new Set(takenIds);
  const rows = body.map(({ line, text: rowText }): PastedRow => {
    const cells = splitCells(rowText);
    const errors: string[] = [];
    if (cells.length > columns.length) {
      errors.push(`has ${cells.length} cells, more than the ${columns.length} columns`);
    }
    const draft: Record<string, unknown> = { ...defaults };
    delete draft['id'];
    delete draft['name'];
    columns.forEach((column, index) => {
      const cell = cells[index] ?? '';
      if (column.key === 'name' || column.key === 'id') {
        if (cell !== '') draft[column.key] = cell;
        return;
      }
      if (cell === '') return;
      const read = parseTypedNumber(cell, { percent: column.percent === true });
      if (!read.ok) {
        errors.push(`${column.title} ${read.message}`);
        return;
      }
      draft[column.key] = column.percent ? read.value / 100 : read.value;
    });
    const name = typeof draft['name'] === 'string' ? draft['name'] : '';
    if (name === '') errors.push('Name is required');
    const parsed = sliceSchema.safeParse({
      ...draft,
      id: typeof draft['id'] === 'string' ? draft['id'] : 'pending',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const column = PASTE_COLUMNS.find((c) => c.key === key);
        const message = column?.percent
          ? issue.message.replace('between 0 and 1', 'between 0 and 100 %')
          : issue.message;
        errors.push(`${column?.title ?? String(key)} ${message}`);
      }
    }
    if (errors.length > 0 || !parsed.success) return { line, cells, ok: false, errors };
    const id = typeof draft['id'] === 'string' ? makeUniqueId(draft['id'], taken) : makeSliceId(name, taken);
    taken.add(id);
    return { line, cells, ok: true, slice: { ...parsed.data, id } };
  });
  return {
    columns,
    hasHeader: header !== null,
    rows,
    problem: rows.length === 0 ? 'Paste at least one row under the header.' : null,
  };
}

/**
 * The percentage columns whose every pasted value lies between 0 and 1, with no "%" (0.25, 0.6): a spreadsheet's
 * fractions, more likely than shares under one per cent. They are read as typed (0.25 is 0.25 %); each such column
 * gets a sentence saying so and how to paste the shares instead.
 */
export function describeFractionPercents(pasted: PastedRows): string[] {
  const notes: string[] = [];
  pasted.columns.forEach((column, index) => {
    if (!column.percent) return;
    const cells = pasted.rows.map((row) => row.cells[index] ?? '').filter((cell) => cell !== '');
    if (cells.length === 0 || cells.some((cell) => cell.includes('%'))) return;
    const values = cells.flatMap((cell) => {
      const read = parseTypedNumber(cell, { percent: true });
      return read.ok ? [read.value] : [];
    });
    if (values.length < cells.length || values.some((value) => value < 0 || value > 1)) return;
    const first = values.findIndex((value) => value > 0 && value < 1);
    if (first < 0) return;
    const example = cells[first]!;
    const share = formatFieldNumber(values[first]! * 100);
    notes.push(
      `${column.title}: every value is at most 1, so ${example} reads as ${example} %. For ${share} %, paste ${share} or ${share}%.`,
    );
  });
  return notes;
}
