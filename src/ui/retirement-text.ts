import type { RetiringModel } from '../domain/retirement';
import { formatMonth } from '../format/format';

/** The badge on a strategy whose models retire within its horizon: "retires in horizon", "2 retire in horizon". */
export function describeRetirementBadge(count: number): string {
  return count === 1 ? 'retires in horizon' : `${count} retire in horizon`;
}

/**
 * One retiring model in words: "Claude 3.5 Sonnet retired on 2025-10-22, before the horizon starts",
 * "Claude Opus 4 retires on 2026-05-31 (May 2026, month 5)", or without a start month "… retires on 2026-05-31".
 */
export function describeRetirement(retiring: RetiringModel, startMonth: string | undefined): string {
  const name = retiring.model.name.trim() || retiring.model.id;
  if (retiring.retiredBeforeStart)
    return `${name} retired on ${retiring.retiresOn}, before the horizon starts`;
  if (retiring.month === null) return `${name} retires on ${retiring.retiresOn}`;
  return `${name} retires on ${retiring.retiresOn} (${formatMonth(retiring.month, startMonth)}, month ${retiring.month + 1})`;
}
