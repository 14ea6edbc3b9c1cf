import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { useUsageImportState } from '../../src/features/usage/usage-import-state';
import { UsagePanel } from '../../src/features/usage/usage-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';

const defaultScenario = JSON.parse(readFileSync('data/default-scenario.json', 'utf8')) as ScenarioInput;

/**
 * The default scenario with a test row for GPT-4o mini, which the OpenAI and LiteLLM fixtures bill and the shipped
 * catalog does not price (no OpenAI page in our sources gives its prices), at the prices the fixtures were billed at.
 */
const withGpt4oMiniTestRow: ScenarioInput = {
  ...defaultScenario,
  catalog: [
    ...defaultScenario.catalog,
    JSON.parse(
      readFileSync('tests/fixtures/usage/openai-gpt-4o-mini.catalog-row.json', 'utf8'),
    ) as ScenarioInput['catalog'][number],
  ],
};

function fixtureFile(name: string): File {
  return new File([readFileSync(`tests/fixtures/usage/${name}`, 'utf8')], name);
}

function trafficIds(): string[] {
  return usePlannerStore.getState().scenario!.traffic.map((slice) => slice.id);
}

describe('UsagePanel', () => {
  beforeEach(() => {
    useUsageImportState.getState().clear();
    useUsageImportState.getState().setGroupBy('model');
  });

  it('previews slices, reconciliation and back-test, and changes nothing until the plan is used', async () => {
    const user = userEvent.setup();
    renderWithScenario(<UsagePanel />, defaultScenario);
    const before = trafficIds();
    await user.upload(screen.getByLabelText('Usage files'), fixtureFile('aws-cur-bedrock.csv'));

    const files = await screen.findByRole('list', { name: 'Files read' });
    expect(within(files).getByText(/20 rows read/)).toBeInTheDocument();
    const problems = within(files).getByRole('list', { name: /could not be read/ });
    expect(problems).toHaveTextContent('Line 9: line_item_usage_amount: must be a number ≥ 0');

    // The shipped catalog is searched for the file's inference profiles.
    const slices = await screen.findByTestId('usage-slices');
    expect(
      within(slices).getByRole('rowheader', { name: 'Claude Sonnet 4.5 — Bedrock, US' }),
    ).toBeInTheDocument();
    expect(
      within(slices).getByRole('rowheader', { name: 'Nova Lite — Bedrock, US (batch)' }),
    ).toBeInTheDocument();

    const october = screen.getByTestId('usage-reconcile-2026-10');
    const haiku = within(october).getByRole('row', { name: /Claude Haiku 4.5 — Bedrock, global/ });
    expect(haiku).toHaveTextContent('$22.00');
    expect(haiku).toHaveTextContent('+$2.00');
    expect(haiku).toHaveTextContent("uncached input billed at $1.10/MTok, the catalog's $1.00/MTok");
    expect(screen.getByTestId('usage-backtest')).toHaveTextContent('Today');

    expect(trafficIds()).toEqual(before);
    await user.click(screen.getByRole('button', { name: 'Use this plan' }));
    expect(trafficIds()).toEqual([
      'claude-sonnet-4.5-bedrock-us',
      'nova-lite-bedrock-us-batch',
      'claude-haiku-4.5-bedrock-global',
    ]);
    expect(usePlannerStore.getState().scenario!.strategies[0]!.name).toBe('Today');
    expect(screen.getByText(/Undo \(Ctrl\+Z\) puts the previous traffic back/)).toBeInTheDocument();

    usePlannerStore.getState().undo();
    expect(trafficIds()).toEqual(before);
  });

  it('lets the user map a model the catalog does not know', async () => {
    const user = userEvent.setup();
    renderWithScenario(<UsagePanel />, defaultScenario);
    await user.upload(screen.getByLabelText('Usage files'), fixtureFile('aws-cur-bedrock.csv'));
    const select = await screen.findByLabelText(/acme\.mystery-v1:0/);
    await user.selectOptions(select, 'bedrock:nova-lite@us');
    expect(screen.queryByLabelText(/acme\.mystery-v1:0/)).not.toBeInTheDocument();
    const september = screen.getByTestId('usage-reconcile-2026-09');
    expect(within(september).queryByRole('rowheader', { name: 'acme.mystery-v1:0' })).not.toBeInTheDocument();
  });

  it('regroups by tag and says which formats are read when a file is none of them', async () => {
    const user = userEvent.setup();
    renderWithScenario(<UsagePanel />, withGpt4oMiniTestRow);
    await user.upload(screen.getByLabelText('Usage files'), new File(['a,b\n1,2\n'], 'notes.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /notes\.csv: this is not a usage file the planner reads\. It reads: AWS Cost and Usage Report 2\.0/,
    );
    await user.upload(screen.getByLabelText('Usage files'), fixtureFile('litellm-spend.csv'));
    await user.selectOptions(await screen.findByLabelText('Group slices by'), 'tag');
    const slices = screen.getByTestId('usage-slices');
    expect(
      within(slices).getByRole('rowheader', { name: /^support · Claude Sonnet 4.5/ }),
    ).toBeInTheDocument();
    expect(within(slices).getByRole('rowheader', { name: /^search · GPT-4o mini/ })).toBeInTheDocument();
  });
});
