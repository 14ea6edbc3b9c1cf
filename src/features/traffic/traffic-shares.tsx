import { memo, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { measureTrafficShares } from '../../domain/traffic-figures';
import { useFiguresScenario, useFocusStrategy, usePlan } from '../../state/figures';
import { usePlannerStore } from '../../state/scenario-store';
import { formatMonth, formatNumber, formatPercent } from '../../format/format';
import { Money } from '../../ui/money';
import { RowLimitToggle, useRowLimit } from '../../ui/row-limit';

function ShareCell({ share, testId }: { share: number | null; testId: string }) {
  if (share === null)
    return (
      <td className="num share-cell" data-testid={testId}>
        <span className="muted">—</span>
      </td>
    );
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return (
    <td className="num share-cell" data-testid={testId} data-value={share}>
      <span className="share-cell__bar" aria-hidden="true">
        <span className="share-cell__fill" style={{ inlineSize: width }} />
      </span>
      <span className="share-cell__text">{formatPercent(share)}</span>
    </td>
  );
}

/**
 * Where the volume and the money go in the first month: each slice's requests and tokens, its share of all
 * requests, and its share of spend under the strategy the user picks (the focused one).
 */
export const TrafficShares = memo(function TrafficShares() {
  const scenario = useFiguresScenario();
  const plan = usePlan();
  const strategies = plan.ok ? plan.value.result.strategies : [];
  const focus = useFocusStrategy();
  const [setFocusStrategy] = usePlannerStore(useShallow((s) => [s.setFocusStrategy]));
  const selectId = useId();
  const month = formatMonth(0, scenario.startMonth);

  const shares = measureTrafficShares(scenario, focus ?? null, 0);
  const totals = shares.totals;
  // Every figure update changes every row's shares: at 200 slices, laying out all the rows took 15 ms a frame.
  const limit = useRowLimit(scenario.traffic.length);
  const tableId = `${selectId}-table`;

  return (
    <section className="card traffic-shares" aria-labelledby={`${selectId}-title`}>
      <div className="section-head">
        <div>
          <h3 id={`${selectId}-title`}>Share of volume and spend, {month}</h3>
          <p className="muted traffic-shares__intro">
            Tokens count each request’s input and output at the slice’s own figures (before any model’s
            output-token factor).
          </p>
        </div>
        {strategies.length > 0 && (
          <div className="field traffic-shares__strategy">
            <label htmlFor={selectId} className="field__label">
              Spend under strategy
            </label>
            <select
              id={selectId}
              value={focus?.id ?? ''}
              onChange={(event) => setFocusStrategy(event.target.value)}
            >
              {strategies.map((strategy) => (
                <option key={strategy.id} value={strategy.id}>
                  {strategy.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {scenario.traffic.length === 0 ? (
        <p className="muted">No traffic yet: add a slice above.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table traffic-shares__table" data-testid="traffic-shares" id={tableId}>
              <thead>
                <tr>
                  <th scope="col">Slice</th>
                  <th scope="col" className="num">
                    Requests <span className="th-sub">{month}</span>
                  </th>
                  <th scope="col" className="num">
                    Tokens <span className="th-sub">{month}, input + output</span>
                  </th>
                  <th scope="col" className="num">
                    Share of requests
                  </th>
                  <th scope="col" className="num">
                    Spend <span className="th-sub">{focus ? focus.name : 'no strategy'}</span>
                  </th>
                  <th scope="col" className="num">
                    Share of spend
                  </th>
                </tr>
              </thead>
              <tbody>
                {scenario.traffic.slice(0, limit.count).map((slice, index) => {
                  const share = shares.slices[index]!;
                  return (
                    <tr key={index} data-testid={`share-row-${index}`}>
                      <th scope="row">{slice.name.trim() || slice.id}</th>
                      <td className="num">{formatNumber(share.requests)}</td>
                      <td className="num" title={`${formatNumber(share.tokens)} tokens`}>
                        <span data-testid={`share-tokens-${index}`} data-value={share.tokens}>
                          {formatNumber(share.tokens, true)}
                        </span>
                      </td>
                      <ShareCell share={share.requestShare} testId={`share-requests-${index}`} />
                      <td className="num">
                        {share.spend !== null ? (
                          <Money usd={share.spend} />
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <ShareCell share={share.spendShare} testId={`share-spend-${index}`} />
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                {shares.fixedCosts && (
                  <tr data-testid="share-row-fixed-costs">
                    <th scope="row">Fixed costs</th>
                    <td className="num">
                      <span className="muted">—</span>
                    </td>
                    <td className="num">
                      <span className="muted">—</span>
                    </td>
                    <td className="num">
                      <span className="muted">—</span>
                    </td>
                    <td className="num">
                      <Money usd={shares.fixedCosts.spend} />
                    </td>
                    <ShareCell share={shares.fixedCosts.spendShare} testId="share-spend-fixed-costs" />
                  </tr>
                )}
                <tr>
                  <th scope="row">{shares.fixedCosts ? 'All slices and fixed costs' : 'All slices'}</th>
                  <td className="num">{formatNumber(totals.requests)}</td>
                  <td className="num" title={`${formatNumber(totals.tokens)} tokens`}>
                    {formatNumber(totals.tokens, true)}
                  </td>
                  <td className="num">{totals.requests > 0 ? formatPercent(1) : '—'}</td>
                  <td className="num">
                    {totals.spend !== null ? <Money usd={totals.spend} testId="share-total-spend" /> : '—'}
                  </td>
                  <td className="num">
                    {totals.spend !== null && totals.spend > 0 ? formatPercent(1) : '—'}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <RowLimitToggle limit={limit} what="slices" tableId={tableId} />
        </>
      )}
    </section>
  );
});
