import { useQuery } from '@tanstack/react-query';
import { creditPoolTemplatesQueryOptions } from '../../queries/credit-pool-queries';
import type { CreditPoolTemplate } from '../../queries/credit-pool-queries';
import { formatAmountInFull, formatMoneyTick, formatMonths } from '../../format/format';

/**
 * "$10K–$50K", "up to $100K", "from $5,000", or the typical amount when no range is published. In USD, as the
 * programmes publish them and as a pool's amount is typed.
 */
export function describeTemplateRange(template: CreditPoolTemplate): string {
  const { minAmount, maxAmount } = template;
  if (minAmount !== null && maxAmount !== null) {
    return `${formatMoneyTick(minAmount, 'USD')}–${formatMoneyTick(maxAmount, 'USD')}`;
  }
  if (maxAmount !== null) return `up to ${formatMoneyTick(maxAmount, 'USD')}`;
  if (minAmount !== null) return `from ${formatMoneyTick(minAmount, 'USD')}`;
  return `typically ${formatMoneyTick(template.pool.amount, 'USD')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeCoverage(appliesTo: readonly string[]): string {
  if (appliesTo.includes('*')) return 'Covers spend on every platform';
  return `Covers ${appliesTo.join(', ')} spend only`;
}

/** The shipped credit programmes, each with its range and a button that adds it as a pool. */
export function PoolTemplates({ onAdd }: { onAdd: (template: CreditPoolTemplate) => void }) {
  const templates = useQuery(creditPoolTemplatesQueryOptions());
  if (templates.isPending) return <p className="loading">Loading credit programmes…</p>;
  if (templates.isError) {
    return (
      <div className="notice notice--error" role="alert">
        <p>The credit programme templates could not be read: {templates.error.message}</p>
      </div>
    );
  }
  return (
    <ul className="pool-templates" aria-label="Credit programme templates">
      {templates.data.map((template) => (
        <li key={template.pool.id} className="pool-template">
          <div className="pool-template__head">
            <h4 className="pool-template__name">{template.pool.name}</h4>
            <span className="badge badge--neutral" data-testid={`template-range-${template.pool.id}`}>
              {describeTemplateRange(template)}
            </span>
          </div>
          <p className="pool-template__coverage">{describeCoverage(template.pool.appliesTo)}</p>
          <p className="pool-template__detail">
            {capitalize(template.howObtained)}. Added as {formatAmountInFull(template.pool.amount, 'USD')}
            {template.pool.expiresAfterMonths === null
              ? ', never expiring'
              : `, expiring after ${formatMonths(template.pool.expiresAfterMonths)} (an assumption: check your award letter)`}
            .
          </p>
          <p className="pool-template__source">
            Source: {template.source.label}, {template.source.asOf}
          </p>
          <button type="button" className="button" onClick={() => onAdd(template)}>
            Add {template.pool.name}
          </button>
        </li>
      ))}
    </ul>
  );
}
