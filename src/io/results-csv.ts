/**
 * Simulation results as CSV for spreadsheets: one row per strategy per month, money rounded to cents.
 */
import Papa from 'papaparse';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult } from '../domain/simulate';
import { formatMonth } from '../ui/format';
import { escapeCsvText } from './csv-text';

/** Dollars to cents as a plain number for a spreadsheet cell: 1234.5 → "1234.50", −0.001 → "0.00". */
function formatCentsCell(usd: number): string {
  const cents = usd.toFixed(2);
  return cents === '-0.00' ? '0.00' : cents;
}

/**
 * The monthly CSV: columns `strategyId, strategyName, month, monthLabel, spend, listSpend, cachingSavings,
 * batchSavings, creditsUsed, cashSpentOnAI, cashEnd`, then `creditsDrawn.<pool id>` for every pool in the
 * scenario's order. `month` is the 0-based index; `monthLabel` names it from the scenario's start month.
 * Money is USD rounded to cents; text is quoted where needed and cells a spreadsheet would run as a formula
 * (`=…`, `+…`, `-…`, `@…`) get a leading apostrophe.
 */
export function formatMonthlyCsv(result: SimulationResult, scenario: Scenario): string {
  const fields = [
    'strategyId',
    'strategyName',
    'month',
    'monthLabel',
    'spend',
    'listSpend',
    'cachingSavings',
    'batchSavings',
    'creditsUsed',
    'cashSpentOnAI',
    'cashEnd',
    ...scenario.credits.map((pool) => `creditsDrawn.${pool.id}`),
  ];
  const data: string[][] = [];
  for (const strategy of result.strategies) {
    for (const month of strategy.months) {
      const draws = scenario.credits.map((pool) => month.creditsDrawn[pool.id] ?? 0);
      data.push([
        escapeCsvText(strategy.id),
        escapeCsvText(strategy.name),
        String(month.month),
        formatMonth(month.month, scenario.startMonth),
        formatCentsCell(month.spend),
        formatCentsCell(month.listSpend),
        formatCentsCell(month.savings.caching),
        formatCentsCell(month.savings.batch),
        formatCentsCell(draws.reduce((sum, drawn) => sum + drawn, 0)),
        formatCentsCell(month.cashSpentOnAI),
        formatCentsCell(month.cashEnd),
        ...draws.map(formatCentsCell),
      ]);
    }
  }
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}
