import type { ValidationIssue } from '../domain/validate-scenario';
import { formatIssue } from '../domain/validate-scenario';

/** What the store answers to an edit: applied, or refused with the scenario's issues. */
export type EditOutcome = { ok: true } | { ok: false; issues: ValidationIssue[] };

/** The message to show next to a field when the store refuses an edit, or null when it was applied. */
export function describeRefusal(result: EditOutcome): string | null {
  if (result.ok) return null;
  return `was not applied: ${result.issues.map(formatIssue).join('; ')}`;
}
