import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  creditPoolTemplatesQueryOptions,
  parseCreditPoolTemplates,
} from '../../../src/queries/credit-pool-queries';

describe('credit-pool template queries', () => {
  it('loads the shipped templates, each a valid pool with its range and source', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const templates = await client.fetchQuery(creditPoolTemplatesQueryOptions());
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      expect(template.pool.amount).toBeGreaterThanOrEqual(template.minAmount ?? 0);
      expect(template.pool.amount).toBeLessThanOrEqual(template.maxAmount ?? Infinity);
      expect(template.source.label).not.toBe('');
    }
  });

  it('fills pool defaults and reports every problem with its path', () => {
    const [template] = parseCreditPoolTemplates([
      {
        pool: { id: 'p', name: 'P', amount: 5 },
        minAmount: null,
        maxAmount: 10,
        howObtained: 'ask',
        source: { label: 's', asOf: '2026' },
      },
    ]);
    expect(template?.pool).toMatchObject({ startMonth: 0, expiresAfterMonths: null, appliesTo: ['*'] });
    expect(() =>
      parseCreditPoolTemplates([
        {
          pool: { id: '', name: 'P', amount: -1 },
          minAmount: null,
          maxAmount: null,
          howObtained: 'ask',
          source: { label: 's', asOf: '2026' },
        },
      ]),
    ).toThrow(/\[0\]\.pool\.id: must be a non-empty string; \[0\]\.pool\.amount: must be 0 or more/);
  });
});
