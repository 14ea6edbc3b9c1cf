import type { ValidationIssue } from '../domain/validate-scenario';
import { formatIssue } from '../domain/validate-scenario';
import { CappedList } from './capped-list';

/**
 * In place of figures the engine refused (they overflow a double): each issue on its own line, with its path,
 * worded exactly as the command line prints it.
 */
export function PlanIssues({ issues, title }: { issues: readonly ValidationIssue[]; title?: string }) {
  return (
    <div className="notice notice--error plan-issues" role="alert" data-testid="plan-issues">
      <p>
        <strong>{title ?? 'These figures cannot be computed.'}</strong> Change the inputs named below (or undo
        the last edit); the command line refuses this scenario with the same message.
      </p>
      <CappedList items={issues} render={formatIssue} toLine={formatIssue} fileName="scenario-problems.txt" />
    </div>
  );
}
