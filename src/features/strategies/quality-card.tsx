import { useId } from 'react';
import type { BrokenConstraint } from '../../domain/plan-constraints';
import type { Scenario } from '../../domain/scenario-schema';
import { QUALITY_RULE } from '../../format/constraint-text';
import { ConstraintList } from '../../ui/constraint-badges';

/**
 * Every constraint the strategy breaks (`findBrokenConstraints`): quality bars, context windows, regions and
 * retiring models, each with the share of the slice's requests it touches, and the rule behind the quality verdict.
 */
export function QualityCard({
  constraints,
  scenario,
}: {
  constraints: readonly BrokenConstraint[];
  scenario: Pick<Scenario, 'catalog' | 'traffic' | 'startMonth'>;
}) {
  const id = useId();
  return (
    <section className="quality-card" aria-labelledby={`${id}-title`} data-testid="quality-card">
      <h4 id={`${id}-title`}>Quality bars and limits</h4>
      {constraints.length === 0 ? (
        <p className="quality-card__ok">
          <span className="badge badge--good">All met</span> Every slice is served at or above its quality
          bar, within its models' context windows and allowed regions, by models that stay available.
        </p>
      ) : (
        <ConstraintList constraints={constraints} scenario={scenario} label="Constraints the plan breaks" />
      )}
      <p className="field__hint quality-card__rule">{QUALITY_RULE}</p>
    </section>
  );
}
