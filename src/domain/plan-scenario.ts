/**
 * The one entry point the app and the CLI use: validate a document, run it, and refuse results that overflow.
 */
import type { Scenario } from './scenario-schema';
import { readSpendColumns, simulate } from './simulate';
import type { SimulationResult } from './simulate';
import { validateScenario } from './validate-scenario';
import type { ValidationIssue, ValidationResult } from './validate-scenario';

/**
 * The largest dollar figure a plan may reach: a quadrillion. Each input has its own limit (`SCENARIO_LIMITS`),
 * but growth compounds them: 10 % a month for 120 months multiplies a bill by 92,000. Beyond this no plan is
 * real, cents are no longer exact in a double, and the figure would only be shown as a string of digits.
 */
export const MAX_PLAN_USD = 1e15;
const PLAN_LIMIT_TEXT = 'over $1,000,000,000,000,000, the most a plan may reach';

/** Whether a dollar figure is finite and within `MAX_PLAN_USD` either side of zero. */
function isWithinPlanLimit(usd: number): boolean {
  return Math.abs(usd) <= MAX_PLAN_USD;
}

/**
 * Problems with a result too large to be a plan (any figure beyond `MAX_PLAN_USD`, infinity included): a slice
 * whose volume, growth and prices overflow, a fixed cost whose growth does, or finance figures that do, each
 * with the first month it happens. Empty when every figure is within the limit.
 */
export function findOverflow(scenario: Scenario, result: SimulationResult): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const flaggedSlices = new Set<number>();
  const flaggedFixedCosts = new Set<number>();
  let financeFlagged = false;
  let creditsFlagged = false;
  const sliceCount = scenario.traffic.length;
  for (const strategy of result.strategies) {
    // The spend by slice as the engine tabulated it, without building every month's record by slice.
    const columns = readSpendColumns(strategy);
    for (const month of strategy.months) {
      const sliceSpendOf = columns
        ? (index: number) => columns.bySlice[month.month * sliceCount + index]!
        : (index: number) => month.bySlice[scenario.traffic[index]!.id] ?? 0;
      scenario.traffic.forEach((_, index) => {
        if (!flaggedSlices.has(index) && !isWithinPlanLimit(sliceSpendOf(index))) {
          flaggedSlices.add(index);
          issues.push({
            path: `traffic[${index}]`,
            message: `its spend overflows by month ${month.month + 1} under "${strategy.name}" (${PLAN_LIMIT_TEXT}): reduce requestsPerMonth, tokens, monthlyGrowth or the horizon`,
          });
        }
      });
      scenario.fixedCosts.forEach((cost, index) => {
        if (!flaggedFixedCosts.has(index) && !isWithinPlanLimit(month.byFixedCost[cost.id] ?? 0)) {
          flaggedFixedCosts.add(index);
          issues.push({
            path: `fixedCosts[${index}]`,
            message: `its amount overflows by month ${month.month + 1} (${PLAN_LIMIT_TEXT}): reduce monthlyAmount, monthlyGrowth or the horizon`,
          });
        }
      });
      if (
        !financeFlagged &&
        flaggedSlices.size === 0 &&
        flaggedFixedCosts.size === 0 &&
        !isWithinPlanLimit(month.cashEnd)
      ) {
        financeFlagged = true;
        issues.push({
          path: 'finance',
          message: `cash overflows by month ${month.month + 1} (${PLAN_LIMIT_TEXT}): the figures are too large to compute`,
        });
      }
    }
    const { totals } = strategy;
    // Expiring balances can overflow on their own when several huge pools expire (draws never exceed spend).
    if (!creditsFlagged && !isWithinPlanLimit(totals.creditsExpired)) {
      creditsFlagged = true;
      issues.push({
        path: 'credits',
        message: `the credit pools overflow under "${strategy.name}" (${PLAN_LIMIT_TEXT}): their amounts are too large to compute`,
      });
    }
    const allTotals = [
      totals.spend,
      totals.listSpend,
      totals.savings.caching,
      totals.savings.batch,
      totals.creditsUsed,
      totals.creditsExpired,
      totals.cashSpentOnAI,
      totals.firstYearSpend,
    ];
    if (issues.length === 0 && !allTotals.every(isWithinPlanLimit)) {
      issues.push({
        path: '',
        message: `the totals of "${strategy.name}" overflow (${PLAN_LIMIT_TEXT}): the figures are too large to compute`,
      });
    }
  }
  return issues;
}

export type Plan = { scenario: Scenario; result: SimulationResult };

/**
 * Simulates a scenario that is already valid (the app's store holds only validated scenarios) and checks every
 * figure is within `MAX_PLAN_USD`: the second half of `planScenario`, so the app and the CLI refuse the same scenarios with the
 * same issues.
 */
export function planValidScenario(scenario: Scenario): ValidationResult<Plan> {
  const result = simulate(scenario);
  const overflow = findOverflow(scenario, result);
  if (overflow.length > 0) return { ok: false, issues: overflow };
  return { ok: true, value: { scenario, result } };
}

/** Validates a scenario document, simulates it and checks every figure is within `MAX_PLAN_USD`. */
export function planScenario(input: unknown): ValidationResult<Plan> {
  const validated = validateScenario(input);
  if (!validated.ok) return validated;
  return planValidScenario(validated.value);
}
