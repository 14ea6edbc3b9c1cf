import type { EditResult } from '../state/scenario-store';
import { formatIssue } from '../domain/validate-scenario';

/** The message to show next to a field when the store refuses an edit, or null when it was applied. */
export function describeRefusal(result: EditResult): string | null {
  if (result.ok) return null;
  return `was not applied: ${result.issues.map(formatIssue).join('; ')}`;
}
