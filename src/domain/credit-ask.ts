/**
 * The credit ask of a proof-of-concept estimate: what the POC period costs on the platforms credits cover,
 * once the credits the scenario already holds have paid their part, which credit programme fits that amount,
 * how much to request and how many months of spend it covers.
 */
import type { StrategyResult } from './simulate';

/** A credit programme a partner or founder can apply to (see data/credit-pools.json). */
export type CreditProgram = {
  id: string;
  name: string;
  /** Smallest award, USD; null when the programme states none. */
  minAmount: number | null;
  /** Largest award, USD. */
  maxAmount: number;
  /** Platforms the credits pay for ("*" for all). */
  appliesTo: readonly string[];
};

export type CreditAsk = {
  pocMonths: number;
  /** All AI spend in the POC period. */
  pocSpend: number;
  /** The part the scenario's own credit pools pay (credits already held). */
  heldCreditsUsed: number;
  /** The part left after those, on platforms the chosen programme covers (Bedrock for AWS credits). */
  eligibleSpend: number;
  /**
   * The part left after those that no programme covers (direct provider APIs): paid in cash whatever is
   * awarded. `pocSpend = heldCreditsUsed + eligibleSpend + ineligibleSpend`.
   */
  ineligibleSpend: number;
  /** The smallest programme whose ceiling covers the eligible spend, else the largest; null with no eligible spend. */
  program: CreditProgram | null;
  /** The amount to request: eligible spend rounded up to the next $1,000, within the programme's range. */
  amount: number;
  /** Whole months, from the first, whose eligible spend the amount covers (up to the horizon). */
  monthsCovered: number;
  /** Whether the amount covers the whole POC period's eligible spend. */
  coversPocPeriod: boolean;
};

/** Credit requests are rounded up to whole thousands of dollars. */
export const CREDIT_ASK_ROUNDING = 1000;

/** Spend on `platforms` in months `fromMonth` to `toMonth − 1` that the scenario's own pools leave unpaid. */
function coveredSpend(
  strategy: StrategyResult,
  platforms: readonly string[],
  fromMonth: number,
  toMonth: number,
) {
  let sum = 0;
  for (const month of strategy.months.slice(fromMonth, toMonth)) {
    for (const platform of Object.keys(month.cashByPlatform)) {
      if (platforms.includes('*') || platforms.includes(platform)) sum += month.cashByPlatform[platform] ?? 0;
    }
  }
  return sum;
}

/**
 * Recommends a credit request for the first `pocMonths` months of a strategy's spend, net of the credits the
 * scenario already holds: only spend its own pools leave to cash (`MonthResult.cashByPlatform`) is eligible.
 *
 * Programme choice: the one with the lowest `maxAmount` that is at least the eligible spend (so a $30K POC
 * files for the $10K–$50K POC pool, a $80K one for Activate, a $400K one for the Accelerator); the amount is
 * `ceil(eligibleSpend / 1000) · 1000` (eligible spend taken to the cent first), raised to the programme's minimum and capped at its maximum.
 */
export function recommendCreditAsk(
  strategy: StrategyResult,
  programs: readonly CreditProgram[],
  pocMonths: number,
): CreditAsk {
  const months = Math.max(0, Math.min(Math.floor(pocMonths), strategy.months.length));
  let pocSpend = 0;
  let leftToCash = 0;
  for (const month of strategy.months.slice(0, months)) {
    pocSpend += month.spend;
    leftToCash += month.cashSpentOnAI;
  }
  const heldCreditsUsed = pocSpend - leftToCash;
  const byCeiling = [...programs].sort((a, b) => a.maxAmount - b.maxAmount);
  const eligibleFor = (program: CreditProgram) => coveredSpend(strategy, program.appliesTo, 0, months);

  const program =
    byCeiling.find((p) => eligibleFor(p) > 0 && p.maxAmount >= eligibleFor(p)) ??
    [...byCeiling].reverse().find((p) => eligibleFor(p) > 0) ??
    null;
  if (!program) {
    return {
      pocMonths: months,
      pocSpend,
      heldCreditsUsed,
      eligibleSpend: 0,
      ineligibleSpend: leftToCash,
      program: null,
      amount: 0,
      monthsCovered: 0,
      coversPocPeriod: leftToCash === 0,
    };
  }
  const eligibleSpend = eligibleFor(program);
  // Sums of monthly figures carry float noise ($135,000.00000000003): round up from the whole cent.
  const eligibleCents = Math.round(eligibleSpend * 100) / 100;
  const rounded = Math.ceil(eligibleCents / CREDIT_ASK_ROUNDING) * CREDIT_ASK_ROUNDING;
  const amount = Math.min(program.maxAmount, Math.max(program.minAmount ?? 0, rounded));

  let monthsCovered = 0;
  let cumulative = 0;
  for (let t = 0; t < strategy.months.length; t++) {
    cumulative += coveredSpend(strategy, program.appliesTo, t, t + 1);
    if (cumulative > amount) break;
    monthsCovered = t + 1;
  }
  return {
    pocMonths: months,
    pocSpend,
    heldCreditsUsed,
    eligibleSpend,
    ineligibleSpend: leftToCash - eligibleSpend,
    program,
    amount,
    monthsCovered,
    coversPocPeriod: amount >= eligibleSpend,
  };
}
