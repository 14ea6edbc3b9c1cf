import type { Scenario } from '../domain/scenario-schema';
import type { StrategyResult } from '../domain/simulate';
import { formatMonth } from '../format/format';
import { describeFirstYear, describeRunway } from '../format/outcome-text';
import { Money } from './money';

/** A phrase that opens a table cell, inside a sentence: "Beyond 24 months" → "beyond 24 months". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The cheapest strategy in one line (the folded summary's, and the model editor's on narrow screens): "Cheapest:
 * Usual winner, $22,400 in Jan 2027, $433,492 12-month spend; cash runway 22 months (…)". `cheapest` is the
 * strategy the screens crown (`selectCheapestStrategy`), of `scenario`'s figures.
 */
export function CheapestLine({
  cheapest,
  scenario,
}: {
  cheapest: StrategyResult | null;
  scenario: Scenario;
}) {
  if (!cheapest) return <>No strategy to compare</>;
  return (
    <>
      Cheapest: <strong>{cheapest.name}</strong>, <Money usd={cheapest.months[0]?.spend ?? 0} /> in{' '}
      {formatMonth(0, scenario.startMonth)}, <Money usd={cheapest.totals.firstYearSpend} />{' '}
      {describeFirstYear(scenario).toLowerCase()}; cash runway{' '}
      {lowerFirst(describeRunway(cheapest, scenario))}
    </>
  );
}
