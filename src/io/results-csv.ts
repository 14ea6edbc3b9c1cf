/**
 * Simulation results as CSV for spreadsheets: one row per strategy per month, money rounded to cents.
 */
import Papa from 'papaparse';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult } from '../domain/simulate';
import { USD_DISPLAY, formatCentsForSpreadsheet, formatMonth, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { sumMonthFixedCosts } from '../domain/strategy-figures';
import { escapeCsvText } from './csv-text';

/**
 * The monthly CSV: columns `strategyId, strategyName, month, monthLabel, spend, listSpend, cachingSavings,
 * batchSavings, creditsUsed, cashSpentOnAI, cashEnd, fixedCosts`, then `creditsDrawn.<pool id>` for every pool
 * and `fixedCost.<fixed cost id>` for every fixed cost, each in the scenario's order, then `offRegion`.
 * `month` is the 0-based index; `monthLabel` names it from the scenario's start month. `fixedCosts` is the
 * month's total of fixed costs (part of `spend`), `fixedCost.<id>` each one's share (0 in months outside its
 * window and for strategies that do not pay it). `offRegion` lists, as a JSON array of ids (`[]` when none), the
 * slices whose route leaves their allowed regions; it is the strategy's, repeated on each of its months.
 * Money is in `display` (USD unless given) rounded to cents. In USD the columns are named as above; in EUR or
 * GBP every money column says its currency (`spend (EUR)`, `creditsDrawn.activate (EUR)`) and a last column,
 * named for the rate (`EUR per USD (set 2026-12-02)`), repeats the rate on every row. Text is quoted where
 * needed and cells a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) get a leading apostrophe.
 */
export function formatMonthlyCsv(
  result: SimulationResult,
  scenario: Scenario,
  display: MoneyDisplay = USD_DISPLAY,
): string {
  const converted = display.currency !== 'USD';
  const money = (name: string) => (converted ? `${name} (${display.currency})` : name);
  const cents = (usd: number) => formatCentsForSpreadsheet(toDisplayAmount(usd, display));
  const fields = [
    'strategyId',
    'strategyName',
    'month',
    'monthLabel',
    money('spend'),
    money('listSpend'),
    money('cachingSavings'),
    money('batchSavings'),
    money('creditsUsed'),
    money('cashSpentOnAI'),
    money('cashEnd'),
    money('fixedCosts'),
    ...scenario.credits.map((pool) => money(`creditsDrawn.${pool.id}`)),
    ...scenario.fixedCosts.map((cost) => money(`fixedCost.${cost.id}`)),
    'offRegion',
    ...(converted
      ? [`${display.currency} per USD${display.setOn === null ? '' : ` (set ${display.setOn})`}`]
      : []),
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
        cents(month.spend),
        cents(month.listSpend),
        cents(month.savings.caching),
        cents(month.savings.batch),
        cents(draws.reduce((sum, drawn) => sum + drawn, 0)),
        cents(month.cashSpentOnAI),
        cents(month.cashEnd),
        cents(sumMonthFixedCosts(month)),
        ...draws.map(cents),
        ...fixedCosts.map(cents),
        offRegion,
        ...(converted ? [String(display.perUsd)] : []),
      ]);
    }
  }
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}
