import { describe, expect, it } from 'vitest';
import { toCreditPrograms } from '../../../src/features/report/report-figures';
import { parseCreditPoolTemplates } from '../../../src/queries/credit-pool-queries';

describe('toCreditPrograms', () => {
  it('maps templates to programmes and leaves out those without a largest award', () => {
    const source = { label: 'seed', asOf: '2026' };
    const templates = parseCreditPoolTemplates([
      {
        pool: { id: 'poc', name: 'POC', amount: 25_000, appliesTo: ['bedrock'] },
        minAmount: 10_000,
        maxAmount: 50_000,
        howObtained: 'partner-filed',
        source,
      },
      {
        pool: { id: 'open', name: 'Open', amount: 1 },
        minAmount: null,
        maxAmount: null,
        howObtained: '',
        source,
      },
    ]);
    expect(toCreditPrograms(templates)).toEqual([
      {
        id: 'poc',
        name: 'POC',
        minAmount: 10_000,
        maxAmount: 50_000,
        appliesTo: ['bedrock'],
        howObtained: 'partner-filed',
        source,
      },
    ]);
  });
});
