/**
 * The credit programmes the POC estimate can file for, read from the shipped pool templates. The estimate's
 * figures themselves come from `src/domain/poc-estimate.ts` and `src/domain/credit-ask.ts`.
 */
import type { CreditProgram } from '../../domain/credit-ask';
import type { CreditPoolTemplate } from '../../queries/credit-pool-queries';

/** A credit programme with what a partner needs to file for it. */
export type ReportCreditProgram = CreditProgram & {
  /** How the programme is obtained (partner-filed, competitive application…). */
  howObtained: string;
  source: CreditPoolTemplate['source'];
};

/**
 * The credit programmes a POC can file for, from the shipped pool templates. A template that publishes no
 * largest award cannot size a request and is left out.
 */
export function toCreditPrograms(templates: readonly CreditPoolTemplate[]): ReportCreditProgram[] {
  return templates.flatMap((template) =>
    template.maxAmount === null
      ? []
      : [
          {
            id: template.pool.id,
            name: template.pool.name,
            minAmount: template.minAmount,
            maxAmount: template.maxAmount,
            appliesTo: template.pool.appliesTo,
            howObtained: template.howObtained,
            source: template.source,
          },
        ],
  );
}
