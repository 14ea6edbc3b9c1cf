import type { BrokenConstraint } from '../domain/plan-constraints';
import type { Scenario } from '../domain/scenario-schema';
import {
  ALL_MET,
  describeConstraint,
  describeConstraintBadges,
  describeConstraintKind,
} from '../format/constraint-text';

type Names = Pick<Scenario, 'catalog' | 'traffic' | 'startMonth'>;

/**
 * One warning badge per kind of constraint a strategy breaks ("1 below bar", "1 over context window"…), each
 * titled with its constraints in words; "All met" when `showMet` and it breaks nothing.
 */
export function ConstraintBadges({
  constraints,
  scenario,
  showMet = false,
  testId,
}: {
  constraints: readonly BrokenConstraint[];
  scenario: Names;
  showMet?: boolean;
  testId?: string;
}) {
  const badges = describeConstraintBadges(constraints);
  if (badges.length === 0)
    return showMet ? (
      <span className="badge badge--good" data-testid={testId}>
        {ALL_MET}
      </span>
    ) : null;
  return (
    <span data-testid={testId}>
      {badges.map(({ kind, label }) => (
        <span
          key={kind}
          className="badge badge--warn"
          title={constraints
            .filter((c) => c.kind === kind)
            .map((c) => describeConstraint(c, scenario))
            .join('; ')}
        >
          {label}
        </span>
      ))}
    </span>
  );
}

/** Every constraint a strategy breaks, one item each: its kind as a badge, then the constraint in words. */
export function ConstraintList({
  constraints,
  scenario,
  label,
}: {
  constraints: readonly BrokenConstraint[];
  scenario: Names;
  label: string;
}) {
  return (
    <ul className="quality-card__list" aria-label={label}>
      {constraints.map((constraint) => (
        <li key={`${constraint.sliceId}\u0000${constraint.kind}\u0000${constraint.modelId}`}>
          <span className="badge badge--warn">{describeConstraintKind(constraint.kind)}</span>{' '}
          {describeConstraint(constraint, scenario)}
        </li>
      ))}
    </ul>
  );
}
