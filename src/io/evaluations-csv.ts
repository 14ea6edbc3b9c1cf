/**
 * The user's own evaluations as CSV: a header row `model,slice,score,source` (any case, any order; `source` may be
 * left out), then one evaluation per row. Read by `parseEvaluationsCsv` against a scenario's catalog and traffic,
 * written by `evaluationsToCsv`; evaluations written and read back are the same evaluations.
 */
import Papa from 'papaparse';
import { evaluationSchema } from '../domain/scenario-schema';
import type { Evaluation, Scenario } from '../domain/scenario-schema';
import { readDecimalComma, splitCsvRows } from './catalog-csv';
import { escapeCsvText, unescapeCsvText } from './csv-text';

/** The columns, in the order `evaluationsToCsv` writes them. */
export const EVALUATIONS_CSV_COLUMNS = ['model', 'slice', 'score', 'source'] as const;
type Column = (typeof EVALUATIONS_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['model', 'slice', 'score'];

/**
 * A problem with an evaluations CSV: its row as a spreadsheet numbers it (the header is row 1; null for the
 * whole file) and its column (null for the whole row).
 */
export type EvaluationsCsvIssue = { row: number | null; column: Column | null; message: string };

export type EvaluationsCsvResult =
  { ok: true; value: Evaluation[] } | { ok: false; issues: EvaluationsCsvIssue[] };

/** "row 3, score: must be a number from 0 to 100". */
export function formatEvaluationsCsvIssue(issue: EvaluationsCsvIssue): string {
  const where = [issue.row === null ? null : `row ${issue.row}`, issue.column].filter(Boolean).join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A cell naming an id: the id as written, or trimmed when only the trimmed text names one (`" bulk"`). */
function matchId(cell: string, known: ReadonlySet<string>): string | null {
  const text = unescapeCsvText(cell);
  if (known.has(text)) return text;
  const trimmed = text.trim();
  return known.has(trimmed) ? trimmed : null;
}

/**
 * A score cell: a plain decimal number (no empty cell, no `1e2` surprises from spreadsheets beyond JS's own), with
 * a decimal comma in a file separated by semicolons.
 */
function readScore(cell: string, delimiter: string): number | null {
  const text = readDecimalComma(cell.trim(), delimiter);
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads evaluations from CSV text for `scenario`. Every problem is reported with its row and column — a missing or
 * unknown column, a model id not in the catalog, a slice id not in the traffic, a score that is not a number ≥ 0,
 * the same model and slice on two rows, a row with more cells than the header — and when there is any, nothing is
 * returned to apply. Blank rows are skipped; a `source` cell left empty means no source.
 */
export function parseEvaluationsCsv(
  text: string,
  scenario: Pick<Scenario, 'catalog' | 'traffic'>,
): EvaluationsCsvResult {
  const split = splitCsvRows(text);
  if (split.issues.length > 0) {
    return {
      ok: false,
      issues: split.issues.map((issue) => ({
        row: /^row (\d+)$/.test(issue.path) ? Number(issue.path.slice(4)) : null,
        column: null,
        message: issue.message,
      })),
    };
  }
  const rows = split.rows;
  const headerAt = rows.findIndex((cells) => !isBlankRow(cells));
  if (headerAt < 0) return { ok: false, issues: [{ row: null, column: null, message: 'the file is empty' }] };

  const headerRow = headerAt + 1;
  const headerCells = rows[headerAt]!;
  const issues: EvaluationsCsvIssue[] = [];
  const columnIndex = new Map<Column, number>();
  headerCells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase();
    const column = EVALUATIONS_CSV_COLUMNS.find((known) => known === name);
    if (!column) {
      issues.push({
        row: headerRow,
        column: null,
        message: `unknown column "${cell.trim()}": the columns are ${EVALUATIONS_CSV_COLUMNS.join(', ')}`,
      });
    } else if (columnIndex.has(column)) {
      issues.push({ row: headerRow, column, message: 'column given twice' });
    } else {
      columnIndex.set(column, index);
    }
  });
  for (const column of REQUIRED_COLUMNS)
    if (!columnIndex.has(column)) issues.push({ row: headerRow, column, message: 'missing column' });
  if (issues.length > 0) return { ok: false, issues };

  const modelIds = new Set(scenario.catalog.map((model) => model.id));
  const sliceIds = new Set(scenario.traffic.map((slice) => slice.id));
  const rowOfPair = new Map<string, Map<string, number>>();
  const evaluations: Evaluation[] = [];
  const cellOf = (cells: readonly string[], column: Column) => {
    const index = columnIndex.get(column);
    return index === undefined ? '' : (cells[index] ?? '');
  };

  for (let index = headerAt + 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlankRow(cells)) continue;
    const row = index + 1;
    if (cells.length > headerCells.length) {
      issues.push({
        row,
        column: null,
        message: `has ${cells.length} cells but the header has ${headerCells.length}`,
      });
      continue;
    }
    const rowIssues: EvaluationsCsvIssue[] = [];
    const modelCell = cellOf(cells, 'model');
    const model = matchId(modelCell, modelIds);
    if (model === null)
      rowIssues.push({
        row,
        column: 'model',
        message: modelCell.trim() === '' ? 'is empty' : `unknown model id "${unescapeCsvText(modelCell)}"`,
      });
    const sliceCell = cellOf(cells, 'slice');
    const slice = matchId(sliceCell, sliceIds);
    if (slice === null)
      rowIssues.push({
        row,
        column: 'slice',
        message:
          sliceCell.trim() === '' ? 'is empty' : `no traffic slice has id "${unescapeCsvText(sliceCell)}"`,
      });
    const scoreCell = cellOf(cells, 'score');
    const score = readScore(scoreCell, split.delimiter);
    if (score === null || !evaluationSchema.shape.score.safeParse(score).success)
      rowIssues.push({
        row,
        column: 'score',
        message: `must be a number from 0 to 100 (found "${scoreCell.trim()}")`,
      });
    if (model !== null && slice !== null) {
      let bySlice = rowOfPair.get(model);
      if (!bySlice) {
        bySlice = new Map();
        rowOfPair.set(model, bySlice);
      }
      const first = bySlice.get(slice);
      if (first !== undefined)
        rowIssues.push({
          row,
          column: null,
          message: `"${model}" on slice "${slice}" is also on row ${first}: one score per model and slice`,
        });
      else bySlice.set(slice, row);
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0 || model === null || slice === null || score === null) continue;
    const source = unescapeCsvText(cellOf(cells, 'source')).trim();
    evaluations.push(source === '' ? { model, slice, score } : { model, slice, score, source });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: evaluations };
}

/**
 * Writes evaluations as CSV with the header `model,slice,score,source`: scores in full precision, text cells quoted
 * as needed and guarded against spreadsheet formulas.
 */
export function evaluationsToCsv(evaluations: readonly Evaluation[]): string {
  const data = evaluations.map((evaluation) => [
    escapeCsvText(evaluation.model),
    escapeCsvText(evaluation.slice),
    String(evaluation.score),
    escapeCsvText(evaluation.source ?? ''),
  ]);
  return `${Papa.unparse({ fields: [...EVALUATIONS_CSV_COLUMNS], data }, { newline: '\n' })}\n`;
}
