import { costPerCall } from '../../domain/call-cost';
import { indexEvaluations, makeQualityLookup } from '../../domain/quality';
import { pickCheapestMeetingBar } from '../../domain/routes';
import type { Scenario } from '../../domain/scenario-schema';
import { formatUnitCost } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import { QualityScore } from '../../ui/quality-score';
import { describeSliceName } from './simple-editors';

/**
 * What cheapest-meeting-bar picks for each slice, and at what cost per request (after caching and batch, at
 * the slice's own tokens). Slices the engine reports in `unmetQuality` get the best model available instead.
 */
export function CheapestView({
  scenario,
  unmetQuality,
}: {
  scenario: Scenario;
  unmetQuality: readonly string[];
}) {
  const display = useMoneyDisplay();
  const unmet = new Set(unmetQuality);
  const qualityOf = makeQualityLookup(scenario);
  const findEvaluation = indexEvaluations(scenario.evaluations);
  return (
    <div className="strategy-editor__body">
      <p className="muted strategy-editor__hint">
        No settings. For each slice, the per-token model with the lowest cost per request among those whose
        quality meets the slice’s bar (your own evaluation of a model on the slice, where you gave one, else
        the catalog’s score) and whose context window fits its input and output tokens. When none does, the
        highest-scoring per-token model serves the slice and it is marked below its bar.
      </p>
      <div className="table-scroll strategy-table-scroll">
        <table className="data-table strategy-table">
          <thead>
            <tr>
              <th scope="col">Slice</th>
              <th scope="col" className="num">
                Quality bar
              </th>
              <th scope="col">Picks</th>
              <th scope="col" className="num">
                Model quality
              </th>
              <th scope="col" className="num">
                Cost per request
              </th>
            </tr>
          </thead>
          <tbody>
            {scenario.traffic.map((slice) => {
              const pick = pickCheapestMeetingBar(slice, scenario.catalog, scenario.options, qualityOf);
              const evaluation = pick ? findEvaluation(pick.model.id, slice.id) : undefined;
              const cost = pick ? costPerCall(slice, pick.model, scenario.options).final : null;
              return (
                <tr key={slice.id} data-testid={`cheapest-row-${slice.id}`}>
                  <th scope="row">{describeSliceName(slice)}</th>
                  <td className="num">{slice.qualityBar}</td>
                  <td>
                    {pick ? (
                      <>
                        {pick.model.name} <span className="muted">({pick.model.platform})</span>
                      </>
                    ) : (
                      <span className="muted">no per-token model</span>
                    )}
                    {unmet.has(slice.id) && (
                      <span className="badge badge--warn">Below bar: none qualifies</span>
                    )}
                  </td>
                  <td className="num">
                    {pick ? (
                      <QualityScore
                        score={qualityOf(pick.model, slice)}
                        evaluated={evaluation !== undefined}
                        source={evaluation?.source}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">
                    {cost === null ? (
                      '—'
                    ) : (
                      <span title={`$${cost}`} data-value={cost} data-testid={`cheapest-cost-${slice.id}`}>
                        {formatUnitCost(cost, display)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
