/**
 * The table behind a chart: what the frame shows under "Show table" and what "Copy table" puts on the
 * clipboard as tab-separated text a spreadsheet pastes into columns.
 */
import { formatMoney, formatPercent, formatUnitCost, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';

/** A number shown as `text` and copied as `value`; `unit` (a currency code) names the column's unit in a copy. */
export type ChartNumberCell = { text: string; value: number; unit?: string };
export type ChartCell = string | number | ChartNumberCell;
export type ChartTable = { columns: string[]; rows: ChartCell[][] };
/**
 * A table whose rows are made only when they are needed (shown, or copied): a chart of thousands of models says
 * how many rows it has without formatting each of them when it is drawn.
 */
export type LazyChartTable = { columns: string[]; rowCount: number; makeRows: () => ChartCell[][] };

/** How many rows the table has, without making them. */
export function countChartRows(table: ChartTable | LazyChartTable): number {
  return 'rows' in table ? table.rows.length : table.rowCount;
}

/** The table with its rows made. */
export function resolveChartTable(table: ChartTable | LazyChartTable): ChartTable {
  return 'rows' in table ? table : { columns: table.columns, rows: table.makeRows() };
}

/**
 * An engine amount (USD) as a cell: shown in full in the display currency (to the cent under 100, whole units
 * above: $1,452,318), copied unrounded in it.
 */
export function moneyCell(usd: number, display: MoneyDisplay): ChartNumberCell {
  return {
    text: formatMoney(usd, display),
    value: toDisplayAmount(usd, display),
    unit: display.currency,
  };
}

/** A cost per request as a cell: shown to six decimals in the display currency (€0.000375), copied unrounded. */
export function unitCostCell(usd: number, display: MoneyDisplay): ChartNumberCell {
  return { text: formatUnitCost(usd, display), value: toDisplayAmount(usd, display), unit: display.currency };
}

/** A fraction as a cell: shown as a percentage (12.5%), copied as the fraction (0.125). */
export function percentCell(fraction: number): ChartNumberCell {
  return { text: formatPercent(fraction), value: fraction };
}

/** What a cell shows on screen. */
export function describeCell(cell: ChartCell): string {
  return typeof cell === 'object' ? cell.text : String(cell);
}

/**
 * A number as a spreadsheet reads it: plain digits, a dot for decimals, no thousands separators, to 12
 * significant digits (so 0.1 × 3 copies as 0.3, not 0.30000000000000004).
 */
function formatTsvNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
}

/** Text in a tab-separated cell: tabs and line breaks would start a new cell or row, so they become spaces. */
function formatTsvText(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/**
 * The table as tab-separated text, a header row then one line per row. Numbers are copied raw (see
 * `formatTsvNumber`), money in the display currency with the currency after its column's name
 * ("Spend (EUR)"); text cells as shown.
 */
export function formatChartTableTsv(table: ChartTable): string {
  const header = table.columns.map((column, c) => {
    const unit = table.rows
      .map((row) => row[c])
      .find((cell): cell is ChartNumberCell => typeof cell === 'object' && cell.unit !== undefined)?.unit;
    return formatTsvText(unit === undefined ? column : `${column} (${unit})`);
  });
  const lines = table.rows.map((row) =>
    row
      .map((cell) =>
        typeof cell === 'object'
          ? formatTsvNumber(cell.value)
          : typeof cell === 'number'
            ? formatTsvNumber(cell)
            : formatTsvText(cell),
      )
      .join('\t'),
  );
  return `${[header.join('\t'), ...lines].join('\n')}\n`;
}
