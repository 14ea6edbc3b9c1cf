import type { ValidationIssue } from '../domain/validate-scenario';
import { formatIssue } from '../domain/validate-scenario';

/** What the store answers to an edit: applied, or refused with the scenario's issues. */
export type EditOutcome = { ok: true } | { ok: false; issues: ValidationIssue[] };

/**
 * The message to show next to a field when the store refuses an edit, or null when it was applied. An issue of
 * the edited record itself (its path starts `recordPath`, e.g. "traffic[1]") is said without the path, which
 * names the field the message already sits beside: "was not applied: duplicate slice id "bulk"", not
 * "…: traffic[1].id: duplicate…".
 */
export function describeRefusal(result: EditOutcome, recordPath?: string): string | null {
  if (result.ok) return null;
  const describe = (issue: ValidationIssue) =>
    recordPath !== undefined &&
    (issue.path === recordPath ||
      issue.path.startsWith(`${recordPath}.`) ||
      issue.path.startsWith(`${recordPath}[`))
      ? issue.message
      : formatIssue(issue);
  return `was not applied: ${result.issues.map(describe).join('; ')}`;
}
