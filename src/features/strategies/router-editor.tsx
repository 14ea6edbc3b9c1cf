import { useId, useState } from 'react';
import { cascadeRouteSchema, classifierSchema } from '../../domain/scenario-schema';
import type { Evaluation, Model, Slice, ValueRange } from '../../domain/scenario-schema';
import { sumRouterShares } from '../../domain/routes';
import { SHARE_SUM_TOLERANCE } from '../../domain/validate-scenario';
import { pruneShareRanges, withShareRange } from '../../state/scenario-edits';
import { formatPercent } from '../../format/format';
import { NumberField } from '../../ui/number-field';
import { RangeEditor, RangeToggle, useRangeOpenings } from '../../ui/range-field';
import { ApplyRoute } from './apply-route';
import { ModelSelect } from '../../ui/model-select';
import { describeModelName, describeSliceName, FallbackField, QualityVerdict } from './simple-editors';
import type { EditorProps } from './simple-editors';
import { narrowRecipe, readRoute, withoutRoute, withRoute } from './strategy-types';
import type { RouterStrategy, StrategyUpdate } from './strategy-types';
import type { IdIndex } from '../../domain/find-by-id';

/** One share of a slice's split, in the order the user sees it. */
type ShareEntry = { modelId: string; share: number };
/** Shares typed but not yet in the scenario (they do not sum to 100 % yet), and the store's shares they started from. */
type Draft = { base: ShareEntry[]; entries: ShareEntry[]; message: string };

const DEFAULT_CLASSIFIER = { inputTokens: 300, outputTokens: 5 };
/** A share is a rate like an escalation: between 0 and 1, typed as a percentage. */
const shareRateSchema = cascadeRouteSchema.shape.escalation.element;

function toEntries(shares: Record<string, number> | undefined): ShareEntry[] {
  if (!shares) return [];
  return Object.keys(shares).map((modelId) => ({ modelId, share: shares[modelId] ?? 0 }));
}

function toRecord(entries: readonly ShareEntry[]): Record<string, number> {
  const record = Object.create(null) as Record<string, number>;
  for (const entry of entries) record[entry.modelId] = entry.share;
  return record;
}

function isSameEntries(a: readonly ShareEntry[], b: readonly ShareEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, i) => entry.modelId === b[i]?.modelId && entry.share === b[i]?.share)
  );
}

/** The range of `modelId`'s share for `sliceId`, if the router gives one. */
function readShareRange(strategy: RouterStrategy, sliceId: string, modelId: string): ValueRange | null {
  const forSlice = strategy.shareRanges ? readRoute(strategy.shareRanges, sliceId) : undefined;
  return (forSlice && readRoute(forSlice, modelId)) ?? null;
}

/** A model swapped for another in a split: its share's range goes with the share. */
type ModelSwap = { from: string; to: string };

function RouterSliceRoute({
  strategy,
  slice,
  catalog,
  evaluations,
  models,
  update,
}: {
  strategy: RouterStrategy;
  slice: Slice;
  catalog: readonly Model[];
  evaluations: readonly Evaluation[];
  models: IdIndex<Model>;
  update: StrategyUpdate;
}) {
  const who = describeSliceName(slice);
  const baseId = useId();
  const openingOf = useRangeOpenings<string>();
  const stored = readRoute(strategy.routes, slice.id);
  const storedEntries = toEntries(stored);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Fields remount with the stored shares when an outside change (undo, import) replaces what the draft began from.
  const [generation, setGeneration] = useState(0);
  if (draft && !isSameEntries(draft.base, storedEntries)) {
    setDraft(null);
    setGeneration(generation + 1);
  }
  const entries = draft?.entries ?? storedEntries;
  const sum = sumRouterShares(entries.map((entry) => entry.share));
  const sumIsOff = Math.abs(sum - 1) > SHARE_SUM_TOLERANCE;

  /** Sets the slice's split; share ranges follow a swapped model and go with a model or split removed. */
  function setRoute(shares: Record<string, number> | undefined, swap?: ModelSwap): string | null {
    return update(
      narrowRecipe('router', (current) => {
        let next: RouterStrategy = {
          ...current,
          routes: shares
            ? withRoute(current.routes, slice.id, shares)
            : withoutRoute(current.routes, slice.id),
        };
        const moved = swap ? readShareRange(current, slice.id, swap.from) : null;
        if (swap && moved) {
          next = withShareRange(next, slice.id, swap.from, null);
          next = withShareRange(next, slice.id, swap.to, moved);
        }
        return pruneShareRanges(next);
      }),
    );
  }

  function setShareRange(modelId: string, range: ValueRange | null): string | null {
    return update(narrowRecipe('router', (current) => withShareRange(current, slice.id, modelId, range)));
  }

  /** Tries the whole split; a split the store refuses stays on screen as a draft with the store's message. */
  function applyEntries(next: ShareEntry[], swap?: ModelSwap) {
    const ids = new Set(next.map((entry) => entry.modelId));
    if (ids.size !== next.length) {
      setDraft({ base: storedEntries, entries: next, message: 'each model can appear once in a split' });
      return;
    }
    const refused = setRoute(toRecord(next), swap);
    setDraft(refused === null ? null : { base: storedEntries, entries: next, message: refused });
    setMessage(null);
  }

  const unused = catalog.find((model) => !entries.some((entry) => entry.modelId === model.id));
  return (
    <div className="route-block" role="group" aria-label={`Split for ${who}`}>
      <div className="route-block__head">
        <h4>{who}</h4>
        <span className="muted">quality bar {slice.qualityBar}</span>
      </div>
      {stored || draft ? (
        <>
          <ul className="router-shares" key={generation}>
            {entries.map((entry, index) => {
              const modelName = describeModelName(models, entry.modelId);
              const label = `Share of ${modelName} for ${who}`;
              const range = readShareRange(strategy, slice.id, entry.modelId);
              const editorId = `${baseId}-share-${index}`;
              return (
                <li key={index} className="router-shares__row floating-errors floating-errors--end">
                  <ModelSelect
                    label={`Model ${index + 1} for ${who}`}
                    hideLabel
                    value={entry.modelId}
                    catalog={catalog}
                    onCommit={(modelId) => {
                      applyEntries(
                        entries.map((e, i) => (i === index ? { ...e, modelId } : e)),
                        { from: entry.modelId, to: modelId },
                      );
                      return null;
                    }}
                  />
                  <NumberField
                    label={label}
                    hideLabel
                    percent
                    value={entry.share}
                    schema={shareRateSchema}
                    onCommit={(share) => {
                      applyEntries(entries.map((e, i) => (i === index ? { ...e, share } : e)));
                      return null;
                    }}
                    likelyRange={{ range, onRangeCommit: (next) => setShareRange(entry.modelId, next) }}
                  />
                  <RangeToggle
                    label={label}
                    value={entry.share}
                    schema={shareRateSchema}
                    percent
                    range={range}
                    onRangeCommit={(next) => setShareRange(entry.modelId, next)}
                    editorId={editorId}
                    {...openingOf(entry.modelId)}
                  />
                  <span className="router-shares__quality">
                    <QualityVerdict
                      model={models.get(entry.modelId)}
                      slice={slice}
                      evaluations={evaluations}
                      showScore={false}
                    />
                  </span>
                  <button
                    type="button"
                    className="button button--quiet button--danger button--small"
                    aria-label={`Remove ${modelName} from ${who}`}
                    disabled={entries.length === 1}
                    onClick={() => applyEntries(entries.filter((_, i) => i !== index))}
                  >
                    Remove
                  </button>
                  {range && openingOf(entry.modelId).open && (
                    <div className="router-shares__range">
                      <RangeEditor
                        id={editorId}
                        label={label}
                        value={entry.share}
                        schema={shareRateSchema}
                        percent
                        range={range}
                        onRangeCommit={(next) => setShareRange(entry.modelId, next)}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <p
            className={`router-shares__sum${sumIsOff ? ' is-off' : ''}`}
            data-testid={`router-sum-${slice.id}`}
          >
            Sum: {formatPercent(sum)}
            {!sumIsOff && <span className="visually-hidden"> (correct)</span>}
          </p>
          {draft && (
            <p className="field__error route-block__message" role="alert">
              {sumIsOff
                ? `Shares for ${who} sum to ${formatPercent(sum)}; they must sum to ${formatPercent(1)}. Not applied yet: the scenario keeps the last split that did.`
                : `${who}: ${draft.message}`}
            </p>
          )}
        </>
      ) : (
        <p className="muted route-block__fallback">
          No split: every request goes to the fallback, {describeModelName(models, strategy.fallback)}.
        </p>
      )}
      <div className="route-block__actions">
        {stored || draft ? (
          <>
            <button
              type="button"
              className="button button--small"
              aria-label={`Add model to ${who}`}
              disabled={!unused}
              onClick={() => unused && applyEntries([...entries, { modelId: unused.id, share: 0 }])}
            >
              Add model
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              aria-label={`Use fallback for ${who}`}
              onClick={() => {
                const refused = setRoute(undefined);
                setMessage(refused);
                if (refused === null) setDraft(null);
              }}
            >
              Use fallback instead
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-label={`Split ${who} between models`}
            onClick={() => {
              const first = strategy.fallback ?? catalog[0]?.id;
              if (first === undefined) return;
              setMessage(setRoute(toRecord([{ modelId: first, share: 1 }])));
            }}
          >
            Split between models
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

export function RouterEditor({ strategy, scenario, models, update }: EditorProps<RouterStrategy>) {
  const classifier = strategy.classifier;
  return (
    <div className="strategy-editor__body">
      <p className="muted strategy-editor__hint">
        Every request pays one classifier call (its own tokens, no discounts) when a classifier is set, then
        is split between models by share. The shares of a slice must sum to 100%.
      </p>
      <div className="router-classifier">
        <ModelSelect
          label="Classifier model"
          value={classifier?.model ?? ''}
          catalog={scenario.catalog}
          perTokenOnly
          noneLabel="No classifier"
          hint="Per-token models only."
          onCommit={(modelId) =>
            update(
              narrowRecipe('router', (current) => ({
                ...current,
                classifier:
                  modelId === '' ? null : { ...(current.classifier ?? DEFAULT_CLASSIFIER), model: modelId },
              })),
            )
          }
        />
        {classifier && (
          <>
            <NumberField
              label="Classifier input tokens"
              unit="tokens"
              value={classifier.inputTokens}
              schema={classifierSchema.shape.inputTokens}
              onCommit={(inputTokens) =>
                update(
                  narrowRecipe('router', (current) =>
                    current.classifier
                      ? { ...current, classifier: { ...current.classifier, inputTokens } }
                      : current,
                  ),
                )
              }
            />
            <NumberField
              label="Classifier output tokens"
              unit="tokens"
              value={classifier.outputTokens}
              schema={classifierSchema.shape.outputTokens}
              onCommit={(outputTokens) =>
                update(
                  narrowRecipe('router', (current) =>
                    current.classifier
                      ? { ...current, classifier: { ...current.classifier, outputTokens } }
                      : current,
                  ),
                )
              }
            />
          </>
        )}
      </div>
      <FallbackField strategy={strategy} scenario={scenario} update={update} />
      <div className="route-blocks">
        {scenario.traffic.map((slice) => (
          <div key={slice.id} className="route-blocks__slice">
            <RouterSliceRoute
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
