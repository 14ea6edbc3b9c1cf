import { useId, useState } from 'react';
import type { Slice } from '../../domain/scenario-schema';
import { copyRouteToSlices } from './strategy-types';
import type { StrategyUpdate } from './strategy-types';

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
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(others.map((other) => other.id)));
  const [message, setMessage] = useState<string | null>(null);
  if (others.length === 0) return null;
  const name = slice.name || slice.id;
  const targets = others.filter((other) => chosen.has(other.id));

  function toggle(sliceId: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(sliceId);
    else next.delete(sliceId);
    setChosen(next);
    setMessage(null);
  }

  function apply() {
    const refused = update((current) =>
      copyRouteToSlices(
        current,
        slice.id,
        targets.map((target) => target.id),
      ),
    );
    setMessage(
      refused ??
        `${name}’s route now applies to ${targets.length === others.length ? 'every slice' : targets.map((t) => t.name || t.id).join(', ')}. You can undo this.`,
    );
  }

  return (
    <details className="apply-route">
      <summary>Apply this route to other slices</summary>
      <fieldset className="apply-route__slices">
        <legend className="visually-hidden">Slices to give {name}’s route</legend>
        <label className="apply-route__all">
          <input
            type="checkbox"
            checked={targets.length === others.length}
            onChange={(event) => {
              setChosen(event.target.checked ? new Set(others.map((other) => other.id)) : new Set());
              setMessage(null);
            }}
          />
          All other slices
        </label>
        {others.map((other) => (
          <label key={other.id}>
            <input
              type="checkbox"
              checked={chosen.has(other.id)}
              onChange={(event) => toggle(other.id, event.target.checked)}
            />
            {other.name || other.id}
          </label>
        ))}
      </fieldset>
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
