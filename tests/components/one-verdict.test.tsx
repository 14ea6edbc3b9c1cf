/**
 * One verdict everywhere: on the default scenario the Summary, the Strategies screen and the POC estimate say the
 * same thing about the Classifier router, in the same words (`findBrokenConstraints`, worded by
 * src/format/constraint-text.ts). Its European slice allows only "eu"; Mistral Large 3 (70 % of that slice) and the
 * classifier Ministral 3 3B (every request) give no region, so both are outside it. No model that answers a share
 * of any slice scores below its bar, so the router breaks no quality bar.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import defaultScenario from '../../data/default-scenario.json';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { ReportPanel } from '../../src/features/report/report-panel';
import { StrategiesPanel } from '../../src/features/strategies/strategies-panel';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { renderWithScenario } from '../factories/render-with-store';

// JSON imports widen literals ("per-token" → string); the store validates the document on load.
const scenario = defaultScenario as unknown as ScenarioInput;

const ROUTER_VERDICT =
  'European / multilingual content: Mistral Large 3 — Bedrock, in-region has no region set in the catalog, so it may serve outside eu, on 70% of requests (set its Region field to the region you call it in); ' +
  'European / multilingual content: Ministral 3 3B — Bedrock, in-region has no region set in the catalog, so it may serve outside eu, on 100% of requests (set its Region field to the region you call it in)';

describe('The Classifier router on the default scenario', () => {
  it('gets the same badge and words in the Summary, on the Strategies screen and in the POC estimate', async () => {
    renderWithScenario(<SummaryPanel />, scenario);
    const row = screen.getByRole('row', { name: /Classifier router/ });
    const badge = within(row).getByText('1 outside region');
    expect(badge).toHaveAttribute('title', ROUTER_VERDICT);
    expect(within(row).queryByText(/below bar/)).not.toBeInTheDocument();
    cleanup();

    renderWithScenario(<StrategiesPanel />, scenario);
    const entry = screen.getByTestId('strategy-misses-router');
    expect(entry).toHaveTextContent(`1 outside region ${ROUTER_VERDICT}`);
    expect(entry).not.toHaveTextContent('below bar');
    cleanup();

    renderWithScenario(<ReportPanel />, scenario);
    const reportRow = screen.getByTestId('report-strategy-router');
    expect(reportRow).toHaveTextContent(ROUTER_VERDICT);
    // The recommendation breaks nothing, so it is not the router.
    expect(await screen.findByTestId('report-recommended')).not.toHaveTextContent('Classifier router');
    expect(within(reportRow).queryByText('Recommended')).not.toBeInTheDocument();
  });
});
