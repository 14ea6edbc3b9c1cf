/**
 * Simulation results as CSV for spreadsheets: one row per strategy per month, money rounded to cents.
 */
import Papa from 'papaparse';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult } from '../domain/simulate';
import { formatMonth } from '../format/format';
import { escapeCsvText } from './csv-text';

/** Dollars to cents as a plain number for a spreadsheet cell: 1234.5 → "1234.50", −0.001 → "0.00". */
function formatCentsCell(usd: number): string {
  const cents = usd.toFixed(2);
  return cents === '-0.00' ? '0.00' : cents;
}

/**
 * The monthly CSV: columns `strategyId, strategyName, month, monthLabel, spend, listSpend, cachingSavings,
 * batchSavings, creditsUsed, cashSpentOnAI, cashEnd, fixedCosts`, then `creditsDrawn.<pool id>` for every pool
 * and `fixedCost.<fixed cost id>` for every fixed cost, each in the scenario's order, then `offRegion`.
 * `month` is the 0-based index; `monthLabel` names it from the scenario's start month. `fixedCosts` is the
 * month's total of fixed costs (part of `spend`), `fixedCost.<id>` each one's share (0 in months outside its
 * window and for strategies that do not pay it). `offRegion` lists, as a JSON array of ids (`[]` when none), the
 * slices whose route leaves their allowed regions; it is the strategy's, repeated on each of its months.
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
    'fixedCosts',
    ...scenario.credits.map((pool) => `creditsDrawn.${pool.id}`),
    ...scenario.fixedCosts.map((cost) => `fixedCost.${cost.id}`),
    'offRegion',
  ];
  const data: string[][] = [];
  for (const strategy of result.strategies) {
    const offRegion = escapeCsvText(JSON.stringify(strategy.offRegion));
    for (const month of strategy.months) {
      const draws = scenario.credits.map((pool) => month.creditsDrawn[pool.id] ?? 0);
      // byFixedCost is a null-prototype record: a cost id like "__proto__" reads as data.
      const fixedCosts = scenario.fixedCosts.map((cost) => month.byFixedCost[cost.id] ?? 0);
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
        formatCentsCell(fixedCosts.reduce((sum, amount) => sum + amount, 0)),
        ...draws.map(formatCentsCell),
        ...fixedCosts.map(formatCentsCell),
        offRegion,
      ]);
    }
  }
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}
