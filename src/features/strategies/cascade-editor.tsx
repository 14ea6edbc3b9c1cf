import { useId, useState } from 'react';
import { cascadeReaches } from '../../domain/routes';
import { makeQualityLookup } from '../../domain/quality';
import { cascadeRouteSchema } from '../../domain/scenario-schema';
import type { CascadeRoute, Evaluation, Model, Slice } from '../../domain/scenario-schema';
import { addCascadeStep, removeCascadeStep, withEscalationRange } from '../../state/scenario-edits';
import { formatPercent } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { RangeEditor, RangeToggle, useRangeOpenings } from '../../ui/range-field';
import { ApplyRoute } from './apply-route';
import { ModelSelect } from '../../ui/model-select';
import { describeModelName, describeSliceName, FallbackField, QualityVerdict } from './simple-editors';
import type { EditorProps } from './simple-editors';
import { narrowRecipe, readRoute, withoutRoute, withRoute } from './strategy-types';
import type { CascadeStrategy, StrategyUpdate } from './strategy-types';
import type { IdIndex } from '../../domain/find-by-id';

const escalationSchema = cascadeRouteSchema.shape.escalation.element;
const NEW_STEP_ESCALATION = 0.1;

/**
 * The next step to offer: the model scoring lowest on the slice among those scoring above the current last step
 * (else the same). Scores are the user's evaluations on the slice where given, else the catalog's.
 */
function pickNextStep(
  catalog: readonly Model[],
  last: Model | undefined,
  scoreOf: (model: Model) => number,
): string {
  let best: Model | undefined;
  let bestScore = Infinity;
  const lastScore = last ? scoreOf(last) : -Infinity;
  for (const model of catalog) {
    const score = scoreOf(model);
    if (last && score <= lastScore) continue;
    if (!best || score < bestScore) {
      best = model;
      bestScore = score;
    }
  }
  return (best ?? last ?? catalog[0])?.id ?? '';
}

/** The escalation rate into step `step + 1` (a percentage), with its range marker, toggle and Low / High. */
function EscalationField({
  step,
  who,
  route,
  editorId,
  changeRoute,
}: {
  step: number;
  who: string;
  route: CascadeRoute;
  editorId: string;
  changeRoute: (recipe: (route: CascadeRoute | undefined) => CascadeRoute | undefined) => string | null;
}) {
  const rate = route.escalation[step - 1] ?? 0;
  const range = route.escalationRanges?.[step - 1] ?? null;
  const label = `Escalation from step ${step} to step ${step + 1} for ${who}`;
  const opening = useRangeOpenings<'range'>()('range');
  const setRange = (next: typeof range) =>
    changeRoute((current) => (current ? withEscalationRange(current, step - 1, next) : current));
  return (
    <div className="cascade-escalation">
      <div className="cascade-steps__escalation floating-errors">
        <span className="cascade-steps__arrow" aria-hidden="true">
          →
        </span>
        <NumberField
          label={label}
          hideLabel
          percent
          value={rate}
          schema={escalationSchema}
          onCommit={(next) =>
            changeRoute((current) =>
              current
                ? { ...current, escalation: current.escalation.map((r, i) => (i === step - 1 ? next : r)) }
                : current,
            )
          }
          likelyRange={{ range, onRangeCommit: setRange }}
        />
        <span className="muted cascade-steps__caption">escalate</span>
        <RangeToggle
          label={label}
          value={rate}
          schema={escalationSchema}
          percent
          range={range}
          onRangeCommit={setRange}
          editorId={editorId}
          {...opening}
        />
      </div>
      {range && opening.open && (
        <RangeEditor
          id={editorId}
          label={label}
          value={rate}
          schema={escalationSchema}
          percent
          range={range}
          onRangeCommit={setRange}
        />
      )}
    </div>
  );
}

function CascadeSliceRoute({
  strategy,
  slice,
  catalog,
  evaluations,
  models,
  update,
}: {
  strategy: CascadeStrategy;
  slice: Slice;
  catalog: readonly Model[];
  evaluations: readonly Evaluation[];
  models: IdIndex<Model>;
  update: StrategyUpdate;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const route = readRoute(strategy.routes, slice.id);
  const who = describeSliceName(slice);
  const baseId = useId();

  function changeRoute(recipe: (route: CascadeRoute | undefined) => CascadeRoute | undefined): string | null {
    return update(
      narrowRecipe('cascade', (current) => {
        const next = recipe(readRoute(current.routes, slice.id));
        return {
          ...current,
          routes: next ? withRoute(current.routes, slice.id, next) : withoutRoute(current.routes, slice.id),
        };
      }),
    );
  }

  function run(recipe: (route: CascadeRoute | undefined) => CascadeRoute | undefined) {
    setMessage(changeRoute(recipe));
  }

  const lastId = route?.steps.at(-1) ?? strategy.fallback;
  const reaches = route ? cascadeReaches(route) : [];
  return (
    <div className="route-block" role="group" aria-label={`Cascade for ${who}`}>
      <div className="route-block__head">
        <h4>{who}</h4>
        <span className="muted">quality bar {slice.qualityBar}</span>
        <span className="route-block__verdict">
          {route ? 'last step' : 'fallback'}:{' '}
          <QualityVerdict
            model={lastId === undefined ? undefined : models.get(lastId)}
            slice={slice}
            evaluations={evaluations}
          />
        </span>
      </div>
      {route ? (
        <ol className="cascade-steps">
          {route.steps.map((modelId, step) => (
            <li key={step} className="cascade-steps__item">
              {step > 0 && (
                <EscalationField
                  step={step}
                  who={who}
                  route={route}
                  editorId={`${baseId}-escalation-${step}`}
                  changeRoute={changeRoute}
                />
              )}
              <div className="cascade-steps__step">
                <ModelSelect
                  label={`Step ${step + 1} model for ${who}`}
                  hideLabel
                  value={modelId}
                  catalog={catalog}
                  onCommit={(id) =>
                    changeRoute((current) =>
                      current
                        ? { ...current, steps: current.steps.map((m, i) => (i === step ? id : m)) }
                        : current,
                    )
                  }
                />
                <span className="cascade-steps__meta">
                  <span className="muted">
                    Step {step + 1} · {formatPercent(reaches[step] ?? 0)} of requests
                  </span>
                  {route.steps.length > 1 && (
                    <button
                      type="button"
                      className="button button--quiet button--danger button--small"
                      aria-label={`Remove step ${step + 1} for ${who}`}
                      onClick={() => run((current) => (current ? removeCascadeStep(current, step) : current))}
                    >
                      Remove step {step + 1}
                    </button>
                  )}
                </span>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted route-block__fallback">
          No cascade: one call on the fallback, {describeModelName(models, strategy.fallback)}.
        </p>
      )}
      <div className="route-block__actions">
        {route ? (
          <>
            <button
              type="button"
              className="button button--small"
              aria-label={`Add step for ${who}`}
              onClick={() =>
                run((current) =>
                  current
                    ? addCascadeStep(
                        current,
                        pickNextStep(catalog, models.get(current.steps.at(-1) ?? ''), (model) =>
                          makeQualityLookup({ evaluations })(model, slice),
                        ),
                        NEW_STEP_ESCALATION,
                      )
                    : current,
                )
              }
            >
              Add step
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={`Use fallback for ${who}`}
              onClick={() => run(() => undefined)}
            >
              Use fallback instead
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-label={`Start a cascade for ${who}`}
            onClick={() =>
              run(() => ({ steps: [strategy.fallback ?? catalog[0]?.id ?? ''], escalation: [] }))
            }
          >
            Start a cascade
          </button>
        )}
      </div>
      {message && (
        <p className="field__error route-block__message" role="alert">
          {who}: {message}
        </p>
      )}
    </div>
  );
}

export function CascadeEditor({ strategy, scenario, models, update }: EditorProps<CascadeStrategy>) {
  return (
    <div className="strategy-editor__body">
      <p className="muted strategy-editor__hint">
        Every request calls step 1; the escalation rate is the share of requests that go on to the next step,
        which pays a second call. The first attempts are paid even when they escalate.
      </p>
      <FallbackField strategy={strategy} scenario={scenario} update={update} />
      <div className="route-blocks">
        {scenario.traffic.map((slice) => (
          <div key={slice.id} className="route-blocks__slice">
            <CascadeSliceRoute
              strategy={strategy}
              slice={slice}
              catalog={scenario.catalog}
              evaluations={scenario.evaluations}
              models={models}
              update={update}
            />
            <ApplyRoute slice={slice} slices={scenario.traffic} update={update} />
          </div>
        ))}
      </div>
    </div>
  );
}
