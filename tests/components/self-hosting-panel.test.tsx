/**
 * The Self-hosting screen on the small scenario (tests/factories/small-scenario.ts): one slice of 1,000,000
 * requests a month, 1,000 input + 100 output tokens; "cheap" costs $0.0012 a request, "dear" $0.0045;
 * peak-to-average 2.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SelfHostingPanel } from '../../src/features/self-hosting/self-hosting-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';

async function renderSizer() {
  const user = userEvent.setup();
  renderWithScenario(<SelfHostingPanel />, makeSmallScenario());
  await screen.findByRole('table', { name: /Memory needed/ });
  return user;
}

async function retype(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, text);
}

describe('SelfHostingPanel', () => {
  it('shows every memory term with its formula for the prefilled model', async () => {
    await renderSizer();
    // Mixtral 8x7B fp16, 4,096 tokens × 16 requests: weights 46.7 × 2 = 93.4 GB;
    // KV 2 × 32 × 8 × 128 × 65,536 × 2 bytes = 8.589934592 GB; overhead 5 % × 101.99 = 5.10 GB; total 107.09 GB.
    const memory = screen.getByRole('table', { name: /Memory needed/ });
    expect(readRow(memory, 'Weights')).toEqual([
      'parameters × bytes per parameter46.7B × 2 bytes (fp16); a mixture of experts holds every expert',
      '93.4 GB',
    ]);
    expect(readRow(memory, 'KV cache')[0]).toContain('2 × layers × KV heads × head dim × tokens × bytes');
    expect(readRow(memory, 'KV cache')[1]).toBe('8.59 GB');
    expect(readRow(memory, 'Overhead')[1]).toBe('5.1 GB');
    expect(screen.getByTestId('memory-total')).toHaveTextContent('107.09 GB');
    // 107.09 GB: four of inf2.24xlarge's six 32 GB chips (28.8 GB usable each) are the cheapest fit.
    expect(screen.getByTestId('sizer-instance-name')).toHaveTextContent('inf2.24xlarge');
    expect(screen.getByText('Estimate')).toBeInTheDocument();
    expect(screen.getByLabelText('Throughput formula')).toHaveTextContent(
      'tokens/min = 60 × copies × requests',
    );
  });

  it('re-sizes when the model, precision and concurrency change', async () => {
    const user = await renderSizer();
    await user.selectOptions(screen.getByLabelText('Model'), 'Mistral 7B');
    await user.selectOptions(screen.getByLabelText('Precision'), 'int4');
    await retype(user, 'Concurrent requests', '1');
    // 7.25 × 0.5 = 3.625 GB + 0.537 GB KV cache, + 5 % = 4.37 GB: one L4 of a g6.xlarge ($0.8048/h).
    expect(screen.getByTestId('memory-total')).toHaveTextContent('4.37 GB');
    expect(screen.getByTestId('sizer-instance-name')).toHaveTextContent('g6.xlarge');
    expect(screen.getByTestId('sizer-hourly')).toHaveTextContent('$0.8048');
  });

  it('adds the sized entry to the catalog in one click, undoably, and shows its break-even', async () => {
    const user = await renderSizer();
    await user.selectOptions(screen.getByLabelText('Model'), 'Mistral 7B');
    await user.selectOptions(screen.getByLabelText('Precision'), 'int4');
    await retype(user, 'Concurrent requests', '1');
    await user.click(screen.getByLabelText('Use a measured throughput'));
    await retype(user, 'Measured tokens per minute', '600000');
    expect(screen.getByText('Measured')).toBeInTheDocument();

    // One unit carries 600,000 × 43,800 / (2 × 1,100) = 11,945,454.5 requests a month for $0.8048 × 730 =
    // $587.504: per token costs as much from 587.504 / 0.0045 = 130,556.4 (dear) and 587.504 / 0.0012 =
    // 489,586.7 (cheap) requests a month.
    const breakEven = screen.getByRole('table', { name: /Break-even volume of the sized entry/ });
    const rows = within(breakEven)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(rows).toEqual(['Dear modelbedrock', 'Cheap modelbedrock']);
    expect(readRow(breakEven, /Dear model/)[1]).toBe('130,557');
    expect(readRow(breakEven, /Cheap model/)[1]).toBe('489,587');

    await user.click(screen.getByRole('button', { name: 'Add to catalog' }));
    const catalog = usePlannerStore.getState().scenario!.catalog;
    const added = catalog[catalog.length - 1]!;
    expect(added).toMatchObject({
      id: 'aws:mistral-7b@g6-xlarge-int4',
      platform: 'aws',
      pricing: { kind: 'capacity', hourlyPerUnit: 0.8048, tokensPerMinutePerUnit: 600000, minUnits: 1 },
    });
    expect(screen.getByText(/Added “Mistral 7B int4 — self-hosted on EC2 g6.xlarge/)).toBeInTheDocument();

    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().scenario!.catalog.map((model) => model.id)).toEqual(['cheap', 'dear']);
  });

  it('asks for a price where the table has no sourced reserved rate', async () => {
    const user = await renderSizer();
    const add = screen.getByRole('button', { name: 'Add to catalog' });
    expect(add).toBeEnabled();
    await user.selectOptions(screen.getByLabelText('Commitment term'), '1-year reserved');
    expect(screen.getByText(/no sourced reserved rate/)).toBeInTheDocument();
    expect(add).toBeDisabled();
    await user.click(screen.getByLabelText('Use my own hourly price'));
    await retype(user, 'Hourly price per instance', '4.2');
    expect(screen.getByTestId('sizer-hourly')).toHaveTextContent('$4.20');
    expect(add).toBeEnabled();
    expect(screen.getByTestId('sizer-entry-name')).toHaveTextContent('1-year reserved');
  });

  it('says so when the instance asked for cannot hold the model', async () => {
    const user = await renderSizer();
    await user.selectOptions(screen.getByLabelText('Instance'), 'g5.xlarge');
    expect(screen.getByText(/g5.xlarge cannot hold this model at fp16/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add to catalog' })).not.toBeInTheDocument();
  });
});
