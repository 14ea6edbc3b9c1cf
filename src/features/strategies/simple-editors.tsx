import { useMemo } from 'react';
import { indexEvaluations } from '../../domain/quality';
import type { Evaluation, Model, Scenario, Slice } from '../../domain/scenario-schema';
import { QualityScore } from '../../ui/quality-score';
import { AssignToSlices } from './apply-route';
import { ModelSelect } from '../../ui/model-select';
import { narrowRecipe, readRoute, withFallback, withoutRoute, withRoute } from './strategy-types';
import type { AssignStrategy, RoutedStrategy, SingleStrategy, StrategyUpdate } from './strategy-types';
import type { IdIndex } from '../../domain/find-by-id';

export type EditorProps<T> = {
  strategy: T;
  scenario: Scenario;
  models: IdIndex<Model>;
  update: StrategyUpdate;
};

export function describeSliceName(slice: Slice): string {
  return slice.name.trim() || slice.id;
}

export function describeModelName(models: IdIndex<Model>, id: string | undefined): string {
  if (id === undefined) return 'none';
  return models.get(id)?.name ?? id;
}

/**
 * The quality of the model serving a slice — the user's evaluation of it on the slice where there is one (marked
 * "your eval"), else the catalog's score — with a warning when it is below the slice's bar.
 */
export function QualityVerdict({
  model,
  slice,
  evaluations,
  showScore = true,
}: {
  model: Model | undefined;
  slice: Slice;
  evaluations: readonly Evaluation[];
  showScore?: boolean;
}) {
  const findEvaluation = useMemo(() => indexEvaluations(evaluations), [evaluations]);
  if (!model) return <span className="muted">—</span>;
  const evaluation = findEvaluation(model.id, slice.id);
  const score = evaluation?.score ?? model.quality;
  const below = score < slice.qualityBar;
  return (
    <span className="quality-verdict">
      {showScore ? (
        <QualityScore score={score} evaluated={evaluation !== undefined} source={evaluation?.source} />
      ) : (
        evaluation && (
          <span className="badge badge--eval" title={`Your evaluation: ${formatScoreTitle(evaluation)}`}>
            your eval {evaluation.score}
          </span>
        )
      )}
      {below ? (
        <span className="badge badge--warn">Below bar</span>
      ) : (
        <span className="badge badge--good">Meets bar</span>
      )}
    </span>
  );
}

function formatScoreTitle(evaluation: Evaluation): string {
  return evaluation.source ? `${evaluation.score}, ${evaluation.source}` : String(evaluation.score);
}

/** The model used by slices without a route; "none" only when every slice has one. */
export function FallbackField<T extends RoutedStrategy>({
  strategy,
  scenario,
  update,
}: {
  strategy: T;
  scenario: Scenario;
  update: StrategyUpdate;
}) {
  return (
    <ModelSelect
      label="Fallback model"
      className="fallback-field"
      value={strategy.fallback ?? ''}
      catalog={scenario.catalog}
      noneLabel="None: every slice needs a route"
      hint="Serves every slice that has no route of its own."
      onCommit={(modelId) =>
        update((current) =>
          current.kind === 'single' || current.kind === 'cheapest-meeting-bar'
            ? current
            : withFallback(current, modelId),
        )
      }
    />
  );
}

export function SingleEditor({ strategy, scenario, update }: EditorProps<SingleStrategy>) {
  return (
    <div className="strategy-editor__body">
      <ModelSelect
        label="Model"
        className="single-model"
        value={strategy.model}
        catalog={scenario.catalog}
        hint="Every request of every slice makes one call on this model."
        onCommit={(model) =>
          update((current) => (current.kind === 'single' ? { ...current, model } : current))
        }
      />
    </div>
  );
}

export function AssignEditor({ strategy, scenario, models, update }: EditorProps<AssignStrategy>) {
  const fallbackName = strategy.fallback === undefined ? null : describeModelName(models, strategy.fallback);
  return (
    <div className="strategy-editor__body">
      <FallbackField strategy={strategy} scenario={scenario} update={update} />
      <AssignToSlices slices={scenario.traffic} catalog={scenario.catalog} update={update} />
      <div className="table-scroll strategy-table-scroll">
        <table className="data-table strategy-table">
          <thead>
            <tr>
              <th scope="col">Slice</th>
              <th scope="col" className="num">
                Quality bar
              </th>
              <th scope="col">Model</th>
              <th scope="col">Model quality</th>
            </tr>
          </thead>
          <tbody>
            {scenario.traffic.map((slice) => {
              const routed = readRoute(strategy.routes, slice.id);
              const servingId = routed ?? strategy.fallback;
              return (
                <tr key={slice.id}>
                  <th scope="row">{describeSliceName(slice)}</th>
                  <td className="num strategy-table__bar" data-label="Quality bar">
                    {slice.qualityBar}
                  </td>
                  <td className="strategy-table__select">
                    <ModelSelect
                      label={`Model for ${describeSliceName(slice)}`}
                      hideLabel
                      value={routed ?? ''}
                      catalog={scenario.catalog}
                      noneLabel={fallbackName ? `Fallback: ${fallbackName}` : 'Fallback (none set)'}
                      onCommit={(modelId) =>
                        update(
                          narrowRecipe('assign', (current) => ({
                            ...current,
                            routes:
                              modelId === ''
                                ? withoutRoute(current.routes, slice.id)
                                : withRoute(current.routes, slice.id, modelId),
                          })),
                        )
                      }
                    />
                  </td>
                  <td className="strategy-table__verdict">
                    <QualityVerdict
                      model={servingId === undefined ? undefined : models.get(servingId)}
                      slice={slice}
                      evaluations={scenario.evaluations}
                    />
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
