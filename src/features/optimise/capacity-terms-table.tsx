import type { CapacityTermComparison } from '../../domain/break-even';
import type { Model, Scenario, Slice } from '../../domain/scenario-schema';
import { formatNumber } from '../../format/format';
import { useId } from 'react';
import { Money } from '../../ui/money';
import { RowLimitToggle, useRowLimit } from '../../ui/row-limit';
import { describeModel } from './optimise-figures';

function describeTerm(months: number): string {
  if (months === 0) return 'No commitment';
  return months === 1 ? '1 month' : `${formatNumber(months)} months`;
}

/**
 * Every capacity row (each commitment term at its own hourly rate) beside the chosen per-token model for one
 * slice: the steady-month break-even, and the horizon bill with the slice's growth, units held for each term.
 */
export function CapacityTermsTable({
  scenario,
  slice,
  perToken,
  rows,
}: {
  scenario: Scenario;
  slice: Slice;
  perToken: Model;
  /** `compareCapacityTerms(scenario, slice, perToken)`. */
  rows: readonly CapacityTermComparison[];
}) {
  const tableId = useId();
  const limit = useRowLimit(rows.length);
  if (rows.length < 2) return null;
  return (
    <>
      <div className="table-scroll">
        <table id={tableId} className="data-table optimise-terms">
          <caption>
            Every capacity option for {slice.name}, against {describeModel(perToken)} over{' '}
            {formatNumber(scenario.horizonMonths)} months with the slice’s growth (units bought for a term are
            held for all of it)
          </caption>
          <thead>
            <tr>
              <th scope="col">Capacity option</th>
              <th scope="col">Commitment</th>
              <th scope="col" className="num">
                Per unit-hour
              </th>
              <th scope="col" className="num">
                Break-even (steady month)
              </th>
              <th scope="col" className="num">
                Capacity over the horizon
              </th>
              <th scope="col" className="num">
                Per token over the horizon
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit.count).map((row) => (
              <tr key={row.model.id}>
                <th scope="row">{describeModel(row.model)}</th>
                <td>{describeTerm(row.commitmentMonths)}</td>
                <td className="num">
                  <Money usd={row.model.pricing.hourlyPerUnit} />
                </td>
                <td className="num">
                  {row.breakEven.breakEvenRequestsPerMonth === null
                    ? 'never'
                    : `${formatNumber(Math.ceil(row.breakEven.breakEvenRequestsPerMonth))} requests/month`}
                </td>
                <td className="num">
                  <Money usd={row.horizonCapacityCost} />
                </td>
                <td className="num">
                  <Money usd={row.horizonPerTokenCost} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RowLimitToggle limit={limit} what="capacity options" tableId={tableId} />
    </>
  );
}
