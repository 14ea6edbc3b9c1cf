import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TrafficPanel } from '../../src/features/traffic/traffic-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { readRow } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';

function trafficNames(): string[] {
  return usePlannerStore.getState().scenario?.traffic.map((slice) => slice.name) ?? [];
}

describe('pasting rows into the Traffic mix', () => {
  it('previews pasted rows, names the column of each problem, and adds the good ones in one undo step', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Paste rows' }));
    const box = screen.getByLabelText('Rows (tab-separated, as a spreadsheet copies them)');
    // Opened, the box has focus: the paste goes straight in.
    expect(box).toHaveFocus();
    await user.paste(
      'Name\tRequests\tInput\tOutput\nSupport\t$2M\t1,500\t300\nSearch\t150k\tmany\t80\nSummaries\t1.5e6\t4000\t500',
    );
    const preview = screen.getByRole('table', { name: 'Pasted rows' });
    const support = within(preview).getByRole('row', { name: /Support/ });
    expect(within(support).getByText('2,000,000')).toBeInTheDocument();
    expect(within(support).getByText('Ready')).toBeInTheDocument();
    const search = within(preview).getByRole('row', { name: /Search/ });
    expect(search).toHaveTextContent('Input tokens must be a number (such as 0.25, 2,000,000, $2M or 150k)');
    // A refused row shows its check after its name, then what was pasted in each column, the good cells too.
    expect(readRow(preview, /Search/)).toEqual([
      '3',
      'Input tokens must be a number (such as 0.25, 2,000,000, $2M or 150k)',
      '150k',
      'many',
      '80',
    ]);
    expect(screen.getByText('1 row has a problem and will be left out')).toBeInTheDocument();

    const steps = usePlannerStore.getState().past.length;
    await user.click(screen.getByRole('button', { name: 'Add 2 slices' }));
    expect(trafficNames()).toEqual(['Main traffic', 'Support', 'Summaries']);
    const added = usePlannerStore.getState().scenario?.traffic[2];
    expect(added).toMatchObject({
      id: 'summaries',
      requestsPerMonth: 1_500_000,
      inputTokens: 4000,
      outputTokens: 500,
    });
    expect(usePlannerStore.getState().past).toHaveLength(steps + 1);
    expect(screen.queryByRole('table', { name: 'Pasted rows' })).not.toBeInTheDocument();
    act(() => usePlannerStore.getState().undo());
    expect(trafficNames()).toEqual(['Main traffic']);
  });

  it('says when a percentage column holds only fractions, which are read as typed', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Paste rows' }));
    await user.click(screen.getByLabelText('Rows (tab-separated, as a spreadsheet copies them)'));
    await user.paste('Name\tCache hits\nSupport\t0.4\nSearch\t0.25');
    // 0.4 and 0.25 are read as 0.4 % and 0.25 %: the preview shows them so, and the note says how to mean 40 %.
    const preview = screen.getByRole('table', { name: 'Pasted rows' });
    expect(within(preview).getByRole('row', { name: /Support/ })).toHaveTextContent('0.4%');
    expect(
      screen.getByText(
        'Cache hit rate: every value is at most 1, so 0.4 reads as 0.4 %. For 40 %, paste 40 or 40%.',
      ),
    ).toBeInTheDocument();
  });

  it('reads rows without a header in the table’s column order', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Paste rows' }));
    await user.click(screen.getByLabelText('Rows (tab-separated, as a spreadsheet copies them)'));
    await user.paste('Batch jobs\t2,000,000\t800\t100\t0\t0\t100%');
    // The preview shows the seven columns the row fills, each as read.
    const preview = screen.getByRole('table', { name: 'Pasted rows' });
    expect(
      within(preview)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Row',
      'Name',
      'Check',
      'Requests per month',
      'Input tokens',
      'Output tokens',
      'Cached prefix tokens',
      'Cache hit rate',
      'Batch share',
    ]);
    expect(readRow(preview, 'Batch jobs')).toEqual([
      '1',
      'Ready',
      '2,000,000',
      '800',
      '100',
      '0',
      '0%',
      '100%',
    ]);
    await user.click(screen.getByRole('button', { name: 'Add 1 slice' }));
    expect(usePlannerStore.getState().scenario?.traffic[1]).toMatchObject({
      id: 'batch-jobs',
      requestsPerMonth: 2_000_000,
      batchShare: 1,
    });
  });

  it('previews the first 100 of many rows, says how many more, shows all on request, and adds them all', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Paste rows' }));
    await user.click(screen.getByLabelText('Rows (tab-separated, as a spreadsheet copies them)'));
    await user.paste(Array.from({ length: 150 }, (_, i) => `Chat ${i}\t1000\t500\t200`).join('\n'));
    const preview = screen.getByRole('table', { name: 'Pasted rows' });
    // A header row and 100 previewed rows, drawn 12 more a frame.
    await waitFor(() => expect(within(preview).getAllByRole('row')).toHaveLength(101));
    expect(screen.getByText('The first 100 of 150 rows shown.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all 150 rows' }));
    expect(within(preview).getAllByRole('row')).toHaveLength(151);
    await user.click(screen.getByRole('button', { name: 'Add 150 slices' }));
    expect(trafficNames()).toHaveLength(151);
  });

  it('marks a pasted row whose monthly growth is steep with what it compounds to, and still adds it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<TrafficPanel />, makeSmallScenario());
    await user.click(screen.getByRole('button', { name: 'Paste rows' }));
    await user.paste('Name\tRequests\tInput\tOutput\tGrowth\nLegal review\t1.5e6\t12000\t900\t150%');
    const row = within(screen.getByRole('table', { name: 'Pasted rows' })).getByRole('row', {
      name: /Legal review/,
    });
    // 2.5^12 = 59,604.6.
    expect(row).toHaveTextContent('Ready150% a month is 59,605 times the volume in 12 months');
  });
});
