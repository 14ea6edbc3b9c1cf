import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartFrame } from '../../src/charts/chart-frame';
import { captureDownloads } from '../factories/capture-downloads';

function tableOf(rows: number) {
  return {
    columns: ['Model', 'Cost'],
    rows: Array.from({ length: rows }, (_, i) => [`Model ${i + 1}`, String(i)]),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('ChartFrame', () => {
  it('draws each plot in a task of its own, after the page and the plots before it', async () => {
    render(
      <>
        <ChartFrame title="First" summary="One." table={tableOf(1)}>
          <p>first plot</p>
        </ChartFrame>
        <ChartFrame title="Second" summary="Two." table={tableOf(1)}>
          <p>second plot</p>
        </ChartFrame>
      </>,
    );
    // The frames, their summaries and tables are there at once; the plots' boxes wait, marked busy.
    expect(screen.getByText('Two.')).toBeInTheDocument();
    expect(screen.queryByText('first plot')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'First: chart' })).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('first plot')).toBeInTheDocument();
    expect(await screen.findByText('second plot')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Second: chart' })).toHaveAttribute('aria-busy', 'false');
  });

  it('draws a plot further down the page only once it comes near the viewport', async () => {
    // A stand-in for the browser's IntersectionObserver: the test says when the plot comes near.
    const observers: { callback: IntersectionObserverCallback; rootMargin: string | undefined }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
          observers.push({ callback, rootMargin: options?.rootMargin });
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      render(
        <ChartFrame title="Far down" summary="Ten thousand models." table={tableOf(1)}>
          <p>far plot</p>
        </ChartFrame>,
      );
      // Out of view: not drawn, and not busy either (nothing is under way).
      const plot = screen.getByRole('group', { name: 'Far down: chart' });
      expect(plot).toHaveAttribute('aria-busy', 'false');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen.queryByText('far plot')).not.toBeInTheDocument();
      expect(observers).toHaveLength(1);
      // Half a screen before it is in view, it is drawn.
      expect(observers[0]!.rootMargin).toBe('50% 0px');
      act(() =>
        observers[0]!.callback(
          [{ isIntersecting: true } as IntersectionObserverEntry],
          {} as IntersectionObserver,
        ),
      );
      expect(await screen.findByText('far plot')).toBeInTheDocument();
      expect(plot).toHaveAttribute('aria-busy', 'false');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps a short table in the page for screen readers before it is shown', () => {
    render(
      <ChartFrame title="Costs" summary="Three models." table={tableOf(3)}>
        <div />
      </ChartFrame>,
    );
    expect(screen.getByRole('table', { name: 'Costs: data' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });

  it('puts a table of thousands of rows in the page only when asked, the summary standing for it until then', async () => {
    const user = userEvent.setup();
    render(
      <ChartFrame title="Costs" summary="Two thousand models." table={tableOf(2000)}>
        <div />
      </ChartFrame>,
    );
    expect(screen.getByText('Two thousand models.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Costs: data' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show table/ }));
    expect(screen.getByRole('table', { name: 'Costs: data' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(2001);
  });

  it('puts a wide table in the page only when asked: 60 months of 200 slices are 12,000 cells', async () => {
    const user = userEvent.setup();
    const columns = ['Month', ...Array.from({ length: 200 }, (_, i) => `Slice ${i + 1}`)];
    const rows = Array.from({ length: 60 }, (_, month) => [
      `Month ${month + 1}`,
      ...columns.slice(1).map(() => '$1'),
    ]);
    render(
      <ChartFrame title="Spend by slice" summary="Two hundred slices." table={{ columns, rows }}>
        <div />
      </ChartFrame>,
    );
    expect(screen.queryByRole('table', { name: 'Spend by slice: data' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show table/ }));
    expect(screen.getAllByRole('row')).toHaveLength(61);
  });

  it('makes the rows of a lazy table only when they are shown or copied', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const makeRows = vi.fn(() => tableOf(2000).rows);
    render(
      <ChartFrame
        title="Costs"
        summary="Two thousand models."
        table={{ columns: ['Model', 'Cost'], rowCount: 2000, makeRows }}
      >
        <div />
      </ChartFrame>,
    );
    expect(makeRows).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(makeRows).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Model\tCost\nModel 1\t0\n/));
    expect(screen.getByText(/Copied the table \(2 columns, 2000 rows\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Show table/ }));
    expect(screen.getAllByRole('row')).toHaveLength(2001);
  });

  it('names a saved image after its title as the title reads, its colon a spaced dash', async () => {
    const user = userEvent.setup();
    render(
      <ChartFrame title="Credits and cash: All on cheap" summary="Pools and cash." table={tableOf(1)}>
        <svg data-chart-surface="" aria-label="the plot" />
      </ChartFrame>,
    );
    await screen.findByLabelText('the plot');
    const { names } = captureDownloads();
    // jsdom has no canvas to measure the title with: the image estimates its width.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await user.click(screen.getByRole('button', { name: 'SVG' }));
    expect(names).toEqual(['Credits and cash – All on cheap.svg']);
    expect(screen.getByText('Saved “Credits and cash: All on cheap” as SVG.')).toBeInTheDocument();
  });
});
