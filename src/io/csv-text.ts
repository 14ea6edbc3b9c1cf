/**
 * Text cells in the CSV files we write and read. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula to a spreadsheet (CSV injection); we write such cells with a leading apostrophe, the
 * spreadsheet's own "this is text" mark, and read that mark back off.
 */

/** First characters that make a spreadsheet read a cell as a formula, plus the apostrophe that marks text. */
const NEEDS_TEXT_MARK = /^[=+\-@\t\r']/;
const HAS_TEXT_MARK = /^'[=+\-@\t\r']/;

/** A text cell safe to open in a spreadsheet: `=HYPERLINK(…)` → `'=HYPERLINK(…)`. Numbers are never passed here. */
export function escapeCsvText(text: string): string {
  return NEEDS_TEXT_MARK.test(text) ? `'${text}` : text;
}

/** Undoes `escapeCsvText`: drops the apostrophe in front of a formula character (or of another apostrophe). */
export function unescapeCsvText(cell: string): string {
  return HAS_TEXT_MARK.test(cell) ? cell.slice(1) : cell;
}
