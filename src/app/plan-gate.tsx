import type { ReactNode } from 'react';
import { usePlanIssues } from '../state/figures';
import { PlanIssues } from '../ui/plan-issues';

/** Shows `children` when the scenario's figures can be computed, else the issues the command line would print. */
export function PlanGate({ children }: { children: ReactNode }) {
  const issues = usePlanIssues();
  return issues.length > 0 ? <PlanIssues issues={issues} /> : children;
}
