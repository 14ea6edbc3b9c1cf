/**
 * Credit-pool templates shipped in data/credit-pools.json: a lazily loaded module, validated before it
 * reaches the app.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { creditPoolSchema, sourceSchema } from '../domain/scenario-schema';
import { formatIssue, fromZodIssues } from '../domain/validate-scenario';

const amountBound = z.number().min(0, 'must be 0 or more').nullable();

export const creditPoolTemplateSchema = z.object({
  /** The pool as it is added to a scenario (its amount is a typical award; edit it to yours). */
  pool: creditPoolSchema,
  /** The smallest award the programme gives, USD; null when not published. */
  minAmount: amountBound,
  /** The largest award, USD; null when not published. */
  maxAmount: amountBound,
  howObtained: z.string(),
  source: sourceSchema,
});

export type CreditPoolTemplate = z.output<typeof creditPoolTemplateSchema>;

export const creditPoolTemplatesSchema = z.array(creditPoolTemplateSchema);

export const creditPoolKeys = {
  all: ['credit-pools'] as const,
  templates: () => [...creditPoolKeys.all, 'templates'] as const,
};

/** Validates the shipped templates, failing loudly: shipped data is tested, so a failure is a build defect. */
export function parseCreditPoolTemplates(document: unknown): CreditPoolTemplate[] {
  const parsed = creditPoolTemplatesSchema.safeParse(document);
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues).map(formatIssue);
    throw new Error(`data/credit-pools.json is invalid: ${issues.join('; ')}`);
  }
  return parsed.data;
}

export function creditPoolTemplatesQueryOptions() {
  return queryOptions({
    queryKey: creditPoolKeys.templates(),
    queryFn: async () => {
      const module = await import('../../data/credit-pools.json');
      return parseCreditPoolTemplates(module.default);
    },
    staleTime: Infinity,
  });
}
