import { findById } from '../../domain/find-by-id';
import { useId, useState } from 'react';
import type { Model, Slice } from '../../domain/scenario-schema';
import { ModelSelect } from '../../ui/model-select';
import { copyRouteToSlices, narrowRecipe, withRoute } from './strategy-types';
import type { StrategyUpdate } from './strategy-types';

/** Which slices an edit goes to: "all" and one box per slice, all ticked at first. */
function useSliceChoice(slices: readonly Slice[]) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(slices.map((slice) => slice.id)));
  return { chosen, setChosen, targets: slices.filter((slice) => chosen.has(slice.id)) };
}

/** The boxes of `useSliceChoice`: "All <allLabel>" then one per slice. */
function SliceChoice({
  legend,
  allLabel,
  slices,
  choice,
  onChange,
}: {
  legend: string;
  allLabel: string;
  slices: readonly Slice[];
  choice: ReturnType<typeof useSliceChoice>;
  onChange: () => void;
}) {
  const { chosen, setChosen, targets } = choice;
  function toggle(sliceId: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(sliceId);
    else next.delete(sliceId);
    setChosen(next);
    onChange();
  }
  return (
    <fieldset className="apply-route__slices">
      <legend className="visually-hidden">{legend}</legend>
      <label className="apply-route__all">
        <input
          type="checkbox"
          checked={targets.length === slices.length}
          onChange={(event) => {
            setChosen(event.target.checked ? new Set(slices.map((slice) => slice.id)) : new Set());
            onChange();
          }}
        />
        {allLabel}
      </label>
      {slices.map((slice) => (
        <label key={slice.id}>
          <input
            type="checkbox"
            checked={chosen.has(slice.id)}
            onChange={(event) => toggle(slice.id, event.target.checked)}
          />
          {slice.name || slice.id}
        </label>
      ))}
    </fieldset>
  );
}

/** "every slice" when all are chosen, else their names. */
function describeTargets(targets: readonly Slice[], all: readonly Slice[]): string {
  return targets.length === all.length ? 'every slice' : targets.map((t) => t.name || t.id).join(', ');
}

/**
 * "Assign one model to many slices": the chosen model routed for every slice ticked, in one undo step.
 */
export function AssignToSlices({
  slices,
  catalog,
  update,
}: {
  slices: readonly Slice[];
  catalog: readonly Model[];
  update: StrategyUpdate;
}) {
  const id = useId();
  const choice = useSliceChoice(slices);
  const [modelId, setModelId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (slices.length < 2) return null;
  const { targets } = choice;
  const modelName = findById(catalog, modelId)?.name ?? modelId;

  function apply() {
    const refused = update(
      narrowRecipe('assign', (current) => ({
        ...current,
        routes: targets.reduce((routes, target) => withRoute(routes, target.id, modelId), current.routes),
      })),
    );
    setMessage(refused ?? `${modelName} now serves ${describeTargets(targets, slices)}. You can undo this.`);
  }

  return (
    <details className="apply-route">
      <summary>Assign one model to many slices</summary>
      <ModelSelect
        label="Model to assign"
        value={modelId}
        catalog={catalog}
        noneLabel="Choose a model"
        onCommit={(next) => {
          setModelId(next);
          setMessage(null);
          return null;
        }}
      />
      <SliceChoice
        legend={`Slices to give ${modelName || 'the model'}`}
        allLabel="All slices"
        slices={slices}
        choice={choice}
        onChange={() => setMessage(null)}
      />
      <button
        type="button"
        className="button button--small"
        disabled={targets.length === 0 || modelId === ''}
        aria-describedby={message ? `${id}-message` : undefined}
        onClick={apply}
      >
        Assign to {targets.length === 1 ? '1 slice' : `${targets.length} slices`}
      </button>
      {message && (
        <p id={`${id}-message`} className="apply-route__message" role="status">
          {message}
        </p>
      )}
    </details>
  );
}

/**
 * "Apply this route to other slices": the slice's route (a cascade, an assignment or router shares) copied to
 * every other slice or to the ones ticked, in one undo step.
 */
export function ApplyRoute({
  slice,
  slices,
  update,
}: {
  slice: Slice;
  slices: readonly Slice[];
  update: StrategyUpdate;
}) {
  const id = useId();
  const others = slices.filter((other) => other.id !== slice.id);
  const choice = useSliceChoice(others);
  const [message, setMessage] = useState<string | null>(null);
  if (others.length === 0) return null;
  const name = slice.name || slice.id;
  const { targets } = choice;

  function apply() {
    const refused = update((current) =>
      copyRouteToSlices(
        current,
        slice.id,
        targets.map((target) => target.id),
      ),
    );
    setMessage(
      refused ?? `${name}’s route now applies to ${describeTargets(targets, others)}. You can undo this.`,
    );
  }

  return (
    <details className="apply-route">
      <summary>Apply this route to other slices</summary>
      <SliceChoice
        legend={`Slices to give ${name}’s route`}
        allLabel="All other slices"
        slices={others}
        choice={choice}
        onChange={() => setMessage(null)}
      />
      <button
        type="button"
        className="button button--small"
        disabled={targets.length === 0}
        aria-describedby={message ? `${id}-message` : undefined}
        onClick={apply}
      >
        Apply {name}’s route to {targets.length === 1 ? '1 slice' : `${targets.length} slices`}
      </button>
      {message && (
        <p id={`${id}-message`} className="apply-route__message" role="status">
          {message}
        </p>
      )}
    </details>
  );
}
