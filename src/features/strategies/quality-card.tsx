import { useId } from 'react';
import type { RetiringModel } from '../../domain/retirement';
import { describeScore } from '../../ui/quality-score';
import { describeRetirement } from '../../ui/retirement-text';
import type { QualityMiss, RegionMiss } from './quality-misses';
import { SERVING_RULE } from './quality-misses';

function describeRegion(region: string | null): string {
  return region === null ? 'no region given' : region;
}

/**
 * The slices a strategy serves below their quality bar, with the rule used to decide, the slices it sends
 * outside their allowed regions, and the models it names that retire within its horizon.
 */
export function QualityCard({
  misses,
  regionMisses = [],
  retiring = [],
  startMonth,
}: {
  misses: readonly QualityMiss[];
  regionMisses?: readonly RegionMiss[];
  retiring?: readonly RetiringModel[];
  startMonth?: string | undefined;
}) {
  const id = useId();
  return (
    <section className="quality-card" aria-labelledby={`${id}-title`} data-testid="quality-card">
      <h4 id={`${id}-title`}>Quality bars</h4>
      {misses.length === 0 ? (
        <p className="quality-card__ok">
          <span className="badge badge--good">All met</span> Every slice is served at or above its quality
          bar.
        </p>
      ) : (
        <ul className="quality-card__list">
          {misses.map((miss) => (
            <li key={miss.sliceId}>
              <span className="badge badge--warn">Below bar</span> <strong>{miss.sliceName}</strong> needs{' '}
              {miss.qualityBar}:{' '}
              {miss.models
                .map((entry) => `${entry.model.name} scores ${describeScore(entry.score, entry.evaluated)}`)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      {regionMisses.length > 0 && (
        <ul className="quality-card__list" aria-label="Outside allowed regions">
          {regionMisses.map((miss) => (
            <li key={miss.sliceId}>
              <span className="badge badge--warn">Outside region</span> <strong>{miss.sliceName}</strong>{' '}
              allows {miss.regions.join(', ')}:{' '}
              {miss.models
                .map((model) => `${model.name || model.id} serves ${describeRegion(model.region)}`)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      {retiring.length > 0 && (
        <ul className="quality-card__list" aria-label="Models retiring in the horizon">
          {retiring.map((entry) => (
            <li key={entry.model.id}>
              <span className="badge badge--warn">Retires in horizon</span>{' '}
              {describeRetirement(entry, startMonth)}
            </li>
          ))}
        </ul>
      )}
      <p className="field__hint quality-card__rule">{SERVING_RULE}</p>
    </section>
  );
}
