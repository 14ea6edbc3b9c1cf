/**
 * Words for the constraints a plan breaks (`findBrokenConstraints`), the same on every screen, in the POC estimate
 * and on the command line: the badge a strategy gets per kind, and one line per broken constraint.
 */
import { findById } from '../domain/find-by-id';
import type { BrokenConstraint, ConstraintKind } from '../domain/plan-constraints';
import type { Scenario } from '../domain/scenario-schema';
import { formatMonth, formatNumber, formatPercent } from './format';

type Names = Pick<Scenario, 'catalog' | 'traffic' | 'startMonth'>;

/** The rule behind the quality verdict, in words, for a hint beside a list of misses. */
export const QUALITY_RULE =
  'A slice misses its quality bar when any model that answers some of its requests scores below the bar on it (your evaluation where there is one): the one model for single, assign and cheapest-meeting-bar, every leg with a share above 0 in a router, and in a cascade each step for the requests it does not escalate, the last step for all that reach it. The share is the part of the slice answered below the bar. A router’s classifier only routes and is not scored.';

/** The same rule in one sentence, for the printed estimate. */
export const QUALITY_RULE_BRIEF =
  'A slice misses its bar when a model that answers part of it scores below the bar (your evaluation where there is one).';

/** What a strategy that breaks nothing reads: "All met". */
export const ALL_MET = 'All met';

/** What the POC estimate and the CLI say when every strategy breaks a constraint. */
export const NO_SOUND_STRATEGY =
  'Every strategy breaks a constraint (see the table), so none is recommended: change a strategy or a quality bar until one breaks nothing.';

const KIND_ORDER: readonly ConstraintKind[] = ['quality', 'context', 'region', 'retired'];

/** The badge for `count` slices breaking one kind: "2 below bar", "1 over context window", … */
export function describeConstraintBadge(kind: ConstraintKind, count: number): string {
  switch (kind) {
    case 'quality':
      return `${count} below bar`;
    case 'context':
      return `${count} over context window`;
    case 'region':
      return `${count} outside region`;
    case 'retired':
      return `${count} on a retiring model`;
  }
}

/** The badge beside one broken constraint: "Below bar", "Over context window", "Outside region", "Retires in horizon". */
export function describeConstraintKind(kind: ConstraintKind): string {
  switch (kind) {
    case 'quality':
      return 'Below bar';
    case 'context':
      return 'Over context window';
    case 'region':
      return 'Outside region';
    case 'retired':
      return 'Retires in horizon';
  }
}

/** One badge per kind a strategy breaks, counting slices, in the order quality, context, region, retired. */
export function describeConstraintBadges(
  constraints: readonly BrokenConstraint[],
): { kind: ConstraintKind; label: string }[] {
  return KIND_ORDER.flatMap((kind) => {
    const slices = new Set(constraints.filter((c) => c.kind === kind).map((c) => c.sliceId));
    return slices.size === 0 ? [] : [{ kind, label: describeConstraintBadge(kind, slices.size) }];
  });
}

function modelName(scenario: Names, modelId: string): string {
  const model = findById(scenario.catalog, modelId);
  return model?.name.trim() || modelId;
}

/** A slice's name, or its id when it has none. */
export function describeSliceName(scenario: Names, sliceId: string): string {
  const slice = findById(scenario.traffic, sliceId);
  return slice?.name.trim() || sliceId;
}

/**
 * One broken constraint without the slice's name: "Claude Haiku scores 78 (your eval), below the bar of 85, on
 * 20% of requests", "a 300,000-token call does not fit Claude Sonnet's 200,000-token window, on 100% of
 * requests", "Model X serves us-east, outside eu-west, on 20% of requests" (or "Model X has no region set in the
 * catalog, so it may serve outside eu-west, … (set its Region field …)" for a row without one), "Claude Opus 4 retires on 2026-05-31
 * (May 2026, month 5), on 100% of requests".
 */
export function describeConstraintDetail(constraint: BrokenConstraint, scenario: Names): string {
  const name = modelName(scenario, constraint.modelId);
  const share = `on ${formatPercent(constraint.share)} of requests`;
  switch (constraint.kind) {
    case 'quality': {
      const score = formatNumber(constraint.score) + (constraint.evaluated ? ' (your eval)' : '');
      return `${name} scores ${score}, below the bar of ${formatNumber(constraint.qualityBar)}, ${share}`;
    }
    case 'context':
      return `a ${formatNumber(constraint.tokens)}-token call does not fit ${name}'s ${formatNumber(constraint.contextWindow)}-token window, ${share}`;
    case 'region': {
      const allowed = constraint.regions.join(', ');
      return constraint.region === null
        ? `${name} has no region set in the catalog, so it may serve outside ${allowed}, ${share} (set its Region field to the region you call it in)`
        : `${name} serves ${constraint.region}, outside ${allowed}, ${share}`;
    }
    case 'retired': {
      const when = constraint.retiredBeforeStart
        ? `retired on ${constraint.retiresOn}, before the horizon starts`
        : constraint.month === null
          ? `retires on ${constraint.retiresOn}`
          : `retires on ${constraint.retiresOn} (${formatMonth(constraint.month, scenario.startMonth)}, month ${constraint.month + 1})`;
      return `${name} ${when}, ${share}`;
    }
  }
}

/** One broken constraint with its slice: "European: Claude Haiku scores 78, below the bar of 85, on 20% of requests". */
export function describeConstraint(constraint: BrokenConstraint, scenario: Names): string {
  return `${describeSliceName(scenario, constraint.sliceId)}: ${describeConstraintDetail(constraint, scenario)}`;
}

/** A broken constraint as the CLI's JSON gives it: its fields, the share in full precision, `detail` in words. */
export type ConstraintRecord = {
  sliceId: string;
  kind: ConstraintKind;
  modelId: string;
  share: number;
  detail: string;
};

/** The CLI's JSON `constraints` of a strategy: one record per broken constraint, `detail` as every screen says it. */
export function toConstraintRecords(
  constraints: readonly BrokenConstraint[],
  scenario: Names,
): ConstraintRecord[] {
  return constraints.map((c) => ({
    sliceId: c.sliceId,
    kind: c.kind,
    modelId: c.modelId,
    share: c.share,
    detail: describeConstraintDetail(c, scenario),
  }));
}

/** A strategy's verdict in one line: "All met", or every broken constraint joined by "; ". */
export function describeConstraints(constraints: readonly BrokenConstraint[], scenario: Names): string {
  if (constraints.length === 0) return ALL_MET;
  return constraints.map((c) => describeConstraint(c, scenario)).join('; ');
}
