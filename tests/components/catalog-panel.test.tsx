import { act, screen, waitFor, within } from '@testing-library/react';
import shippedCatalog from '../../data/catalog.json';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Model } from '../../src/domain/scenario-schema';
import { CatalogPanel } from '../../src/features/catalog/catalog-panel';
import { SummaryPanel } from '../../src/features/summary/summary-panel';
import { todayIsoDay } from '../../src/format/format';
import { usePlannerStore } from '../../src/state/scenario-store';
import { makeCatalogScenario } from '../factories/catalog-scenario';
import { makeLargeCatalogScenario } from '../factories/large-catalog';
import { renderWithScenario } from '../factories/render-with-store';
import { fieldMessage } from './field-message';

function readCatalog(): Model[] {
  return usePlannerStore.getState().scenario?.catalog ?? [];
}

function readModel(id: string): Model | undefined {
  return readCatalog().find((model) => model.id === id);
}

/** The body rows of the catalog table (spacer rows are aria-hidden and not counted). */
function getBodyRows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Models' })).getAllByTestId('catalog-row');
}

/** The model names of the rows shown, in display order. */
function readRowNames(): string[] {
  return getBodyRows().map(
    (row) => within(row).getAllByRole('rowheader')[0]?.querySelector('span')?.textContent ?? '',
  );
}

function getRow(name: string): HTMLElement {
  const row = getBodyRows().find((candidate) => candidate.querySelector('th span')?.textContent === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function openEditor(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: `Edit ${name}` }));
  return screen.getByRole('region', { name: `Edit ${name}` });
}

/** The catalog on screen, Cheap model's editor open, and `text` typed over its input price. */
async function typeCheapInputPrice(text: string) {
  const user = userEvent.setup();
  renderWithScenario(<CatalogPanel />, makeCatalogScenario());
  const editor = await openEditor(user, 'Cheap model');
  const input = within(editor).getByLabelText('Input price');
  await user.clear(input);
  await user.type(input, text);
  return { user, editor, input };
}

describe('CatalogPanel: table', () => {
  it('shows every model with its figures, the seed badge and capacity figures in place of token prices', () => {
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('5 of 5 models');
    const sonnet = getRow('Claude Sonnet');
    // Per 1M tokens as stored: 3 / 15, cache write 3.75, cache read 0.30, batch 50 % off, 200K context.
    for (const text of ['$3.00', '$15.00', '$3.75', '$0.30', '50% off', '200,000', '88.0'])
      expect(within(sonnet).getByText(text)).toBeInTheDocument();
    expect(within(sonnet).getByText(/^as of 2025/)).toBeInTheDocument();
    const seed = getRow('Mistral Small');
    expect(within(seed).getByText('seed 2026')).toBeInTheDocument();
    expect(within(sonnet).queryByText(/^seed/)).not.toBeInTheDocument();
    expect(screen.getByText(/representative 2026 figure, confirm before you budget/)).toBeInTheDocument();
    const capacity = getRow('Mistral 7B (self-hosted)');
    expect(within(capacity).getByText('Capacity-billed')).toBeInTheDocument();
    expect(within(capacity).getByText('$1.006/hour per unit')).toBeInTheDocument();
    expect(within(capacity).getByText('60,000 tokens/min per unit · min 1 unit')).toBeInTheDocument();
    // No token price columns for it: one cell spans input, output, cache write, cache read and batch.
    expect(within(capacity).queryByText('None')).not.toBeInTheDocument();
    // Cheap has no caching and no batch: "None" for both, and no cache-write price (nothing is written), where a
    // model that caches without its own write price shows the input price it writes at.
    const cheap = getRow('Cheap model');
    expect(within(cheap).getAllByText('$1.00')).toHaveLength(1);
    expect(within(cheap).getAllByText('None')).toHaveLength(2);
    expect(within(cheap).getByTitle('No prompt caching: nothing is written to a cache')).toHaveTextContent(
      '—',
    );
    expect(within(cheap).getByText('Unlimited')).toBeInTheDocument();
  });

  it('filters by provider, platform, open weight and text in the name or id', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.selectOptions(screen.getByLabelText('Provider'), 'Mistral AI');
    expect(readRowNames()).toEqual(['Mistral Small', 'Mistral 7B (self-hosted)']);
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('2 of 5 models');
    await user.selectOptions(screen.getByLabelText('Platform'), 'self-hosted');
    expect(readRowNames()).toEqual(['Mistral 7B (self-hosted)']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Platform'), 'bedrock');
    expect(readRowNames()).toEqual(['Cheap model', 'Dear model', 'Claude Sonnet']);
    await user.selectOptions(screen.getByLabelText('Open weight'), 'yes');
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('0 of 5 models');
    expect(screen.getByText('No model matches these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.type(screen.getByLabelText('Search name, id or key'), 'SONNET');
    expect(readRowNames()).toEqual(['Claude Sonnet']);
    await user.clear(screen.getByLabelText('Search name, id or key'));
    await user.type(screen.getByLabelText('Search name, id or key'), 'self-7');
    expect(readRowNames()).toEqual(['Mistral 7B (self-hosted)']);
  });

  it('sorts by a column header, ascending then descending, capacity-billed models last', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const inputHeader = screen.getByRole('columnheader', { name: /^Input/ });
    expect(inputHeader).not.toHaveAttribute('aria-sort');
    await user.click(within(inputHeader).getByRole('button'));
    expect(inputHeader).toHaveAttribute('aria-sort', 'ascending');
    // Input $/MTok: Mistral Small 0.2, Cheap 1, Dear 3 and Sonnet 3 (tie: catalog order), self-hosted has none.
    expect(readRowNames()).toEqual([
      'Mistral Small',
      'Cheap model',
      'Dear model',
      'Claude Sonnet',
      'Mistral 7B (self-hosted)',
    ]);
    await user.click(within(inputHeader).getByRole('button'));
    expect(inputHeader).toHaveAttribute('aria-sort', 'descending');
    expect(readRowNames()).toEqual([
      'Dear model',
      'Claude Sonnet',
      'Cheap model',
      'Mistral Small',
      'Mistral 7B (self-hosted)',
    ]);
    const nameHeader = screen.getByRole('columnheader', { name: /^Model/ });
    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(inputHeader).not.toHaveAttribute('aria-sort');
    expect(readRowNames()[0]).toBe('Cheap model');
    // Context window: unlimited sorts as the largest.
    const contextHeader = screen.getByRole('columnheader', { name: /^Context/ });
    await user.click(within(contextHeader).getByRole('button'));
    expect(readRowNames()).toEqual([
      'Mistral Small',
      'Claude Sonnet',
      'Cheap model',
      'Dear model',
      'Mistral 7B (self-hosted)',
    ]);
  });

  it('shows prices per 1K tokens when asked: per 1M ÷ 1000', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.click(screen.getByRole('button', { name: 'per 1K tokens' }));
    expect(usePlannerStore.getState().priceUnit).toBe('per-thousand');
    expect(screen.getByRole('button', { name: 'per 1K tokens' })).toHaveAttribute('aria-pressed', 'true');
    const sonnet = getRow('Claude Sonnet');
    // $3 / 1M → $0.003 / 1K; $15 → $0.015; cache write $3.75 → $0.00375; cache read $0.30 → $0.0003.
    for (const text of ['$0.003', '$0.015', '$0.00375', '$0.0003'])
      expect(within(sonnet).getByText(text)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Input/ })).toHaveTextContent('$/1K tok');
    // The capacity model's hourly price is not a token price: unchanged.
    expect(within(getRow('Mistral 7B (self-hosted)')).getByText('$1.006/hour per unit')).toBeInTheDocument();
    // The stored prices stay per 1M tokens.
    expect(readModel('sonnet')?.pricing).toMatchObject({ inputPerMTok: 3, outputPerMTok: 15 });
  });

  it('renders only a window of rows for a 2,000-model catalog', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeLargeCatalogScenario(2000));
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('2,000 of 2,000 models');
    const rendered = getBodyRows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('table', { name: 'Models' })).toHaveAttribute('aria-rowcount', '2001');
    await user.click(within(screen.getByRole('columnheader', { name: /^Quality/ })).getByRole('button'));
    await user.click(within(screen.getByRole('columnheader', { name: /^Quality/ })).getByRole('button'));
    // Highest quality first: the generated models' quality is i % 100, so 99 leads.
    expect(getBodyRows()[0]).toHaveTextContent('Generated model 99');
    expect(getBodyRows().length).toBeLessThan(100);
    await user.selectOptions(screen.getByLabelText('Provider'), 'Globex');
    // Generated models cycle over five providers: 1,998 / 5 → 400 are Globex (i % 5 = 1).
    expect(screen.getByTestId('catalog-count')).toHaveTextContent('400 of 2,000 models');
  });
});

describe('CatalogPanel: editing', () => {
  it('edits a price through the store and the summary follows', async () => {
    const user = userEvent.setup();
    renderWithScenario(
      <>
        <SummaryPanel />
        <CatalogPanel />
      </>,
      makeCatalogScenario(),
    );
    const summaryRow = screen.getByRole('row', { name: /All on cheap/ });
    // Cheap at 1 / 2 $/MTok: 1,000·1e-6 + 100·2e-6 = $0.0012 a request → $1,200 a month.
    expect(within(summaryRow).getByText('$1,200')).toBeInTheDocument();
    const editor = await openEditor(user, 'Cheap model');
    expect(within(editor).getByRole('heading', { name: 'Edit Cheap model' })).toHaveFocus();
    const input = within(editor).getByLabelText('Input price');
    await user.clear(input);
    await user.type(input, '2');
    expect(readModel('cheap')?.pricing).toMatchObject({ kind: 'per-token', inputPerMTok: 2 });
    // Input at $2: 1,000·2e-6 + 100·2e-6 = $0.0022 a request → $2,200 a month.
    expect(within(screen.getByRole('row', { name: /All on cheap/ })).getByText('$2,200')).toBeInTheDocument();
    // The editor carries the summary's line too (shown where it covers the summary): $2,200 × 12 = $26,400.
    expect(within(editor).getByTestId('editor-figures')).toHaveTextContent(
      /^Cheapest: All on cheap, \$2,200 in Jan 2027, \$26,400 12-month spend; cash runway/,
    );
    // The table follows once the edit's frame is drawn.
    await waitFor(() => expect(within(getRow('Cheap model')).getAllByText('$2.00')).toHaveLength(2));
  });

  it('marks a price edited by hand as the user’s own in its source, and Undo takes both back', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 4, 10), toFake: ['Date'] });
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Claude Sonnet');
    const input = within(editor).getByLabelText('Input price');
    await user.clear(input);
    await user.type(input, '2.5');
    vi.useRealTimers();
    // The page it was sourced to no longer vouches for $2.50: the source says whose figure it is, and what it was.
    const edited = 'Edited by you on 2026-12-04 (was: AWS Bedrock public pricing page, as of 2025)';
    expect(readModel('sonnet')?.source).toEqual({ label: edited, asOf: '2026-12-04' });
    expect(within(editor).getByLabelText('Source')).toHaveValue(edited);
    // A second price edit moves the day only.
    await user.type(within(editor).getByLabelText('Output price'), '0');
    expect(readModel('sonnet')?.source?.label).toBe(edited.replace('2026-12-04', todayIsoDay()));
    act(() => usePlannerStore.getState().undo());
    act(() => usePlannerStore.getState().undo());
    expect(readModel('sonnet')?.pricing).toMatchObject({ inputPerMTok: 3, outputPerMTok: 15 });
    expect(readModel('sonnet')?.source).toEqual({ label: 'AWS Bedrock public pricing page', asOf: '2025' });
  });

  it('edits in the unit shown: $0.0025 per 1K tokens is stored as $2.50 per 1M', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.click(screen.getByRole('button', { name: 'per 1K tokens' }));
    const editor = await openEditor(user, 'Cheap model');
    const output = within(editor).getByLabelText('Output price');
    expect(output).toHaveValue('0.002');
    await user.clear(output);
    await user.type(output, '0.0025');
    expect(readModel('cheap')?.pricing).toMatchObject({ outputPerMTok: 2.5 });
    await user.click(screen.getByRole('button', { name: 'per 1M tokens' }));
    // A price is money: its cents show.
    expect(within(editor).getByLabelText('Output price')).toHaveValue('2.50');
  });

  it('does not close on a value that was not applied without saying so; a second Done closes', async () => {
    const { user, editor, input } = await typeCheapInputPrice('abc');
    await user.click(within(editor).getByRole('button', { name: 'Done' }));
    expect(editor).toBeInTheDocument();
    expect(within(editor).getByText(/Input price holds a value that was not applied/)).toBeInTheDocument();
    expect(input).toHaveFocus();
    await user.click(within(editor).getByRole('button', { name: 'Done' }));
    expect(editor).not.toBeInTheDocument();
    expect(readModel('cheap')?.pricing).toMatchObject({ inputPerMTok: 1 });
  });

  it('shows a message for an invalid price and keeps it out of the store', async () => {
    const { user, editor, input } = await typeCheapInputPrice('-1');
    expect(within(editor).getByRole('alert')).toHaveTextContent('Input price must be 0 or more');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(readModel('cheap')?.pricing).toMatchObject({ inputPerMTok: 1 });
    await user.clear(input);
    await user.type(input, 'abc');
    expect(within(editor).getByRole('alert')).toHaveTextContent('Input price must be a number');
    expect(readModel('cheap')?.pricing).toMatchObject({ inputPerMTok: 1 });
    const batch = within(editor).getByRole('checkbox', { name: /No batch mode/ });
    await user.click(batch);
    const discount = within(editor).getByLabelText('Batch discount');
    const offered = readModel('cheap')?.pricing;
    await user.clear(discount);
    await user.type(discount, '150');
    expect(
      within(editor).getByText(fieldMessage('Batch discount must be between 0 and 100 %')),
    ).toBeInTheDocument();
    // "1" (1 %) and "15" (15 %) applied as they were typed; "150" is refused, and puts back the discount from
    // before typing began.
    expect(readModel('cheap')?.pricing).toEqual(offered);
  });

  it('turns nullable figures on and off: caching, batch, context window', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Claude Sonnet');
    await user.click(within(editor).getByRole('checkbox', { name: /No prompt caching/ }));
    expect(readModel('sonnet')?.pricing).toMatchObject({ cacheReadPerMTok: null });
    await waitFor(() =>
      expect(within(getRow('Claude Sonnet')).getByTitle('No prompt caching')).toHaveTextContent('None'),
    );
    await user.click(within(editor).getByRole('checkbox', { name: /No prompt caching/ }));
    // Starts again at a tenth of the input price: 3 / 10 = 0.3.
    expect(readModel('sonnet')?.pricing).toMatchObject({ cacheReadPerMTok: 0.3 });
    await user.click(within(editor).getByRole('checkbox', { name: /Same as input price/ }));
    expect(readModel('sonnet')?.pricing).toMatchObject({ cacheWritePerMTok: null });
    expect(within(editor).getByText('Writes cost the input price')).toBeInTheDocument();
    // Without caching, the write price left to the input's says it is paid only once caching is on.
    await user.click(within(editor).getByRole('checkbox', { name: /No prompt caching/ }));
    expect(within(editor).getByText(/^The input price, once prompt caching is on/)).toBeInTheDocument();
    await user.click(within(editor).getByRole('checkbox', { name: /No prompt caching/ }));
    await user.click(within(editor).getByRole('checkbox', { name: /Unlimited/ }));
    expect(readModel('sonnet')?.contextWindow).toBeNull();
    await user.click(within(editor).getByRole('checkbox', { name: /Unlimited/ }));
    const context = within(editor).getByLabelText('Context window');
    await user.clear(context);
    await user.type(context, '100000');
    expect(readModel('sonnet')?.contextWindow).toBe(100000);
  });

  it('renames a model id and the strategies follow it; a taken id is refused', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Cheap model');
    const id = within(editor).getByLabelText('Id');
    await user.type(id, '-v2');
    expect(readModel('cheap-v2')).toBeDefined();
    const strategies = usePlannerStore.getState().scenario?.strategies ?? [];
    expect(strategies.find((s) => s.id === 'all-cheap')).toMatchObject({ model: 'cheap-v2' });
    // The editor follows the renamed model.
    await user.clear(within(editor).getByLabelText('Name'));
    await user.type(within(editor).getByLabelText('Name'), 'Budget');
    expect(readModel('cheap-v2')?.name).toBe('Budget');
    await user.clear(id);
    await user.type(id, 'dear');
    expect(within(editor).getByText(fieldMessage('Id is already used by another model'))).toBeInTheDocument();
    expect(readCatalog().filter((m) => m.id === 'dear')).toHaveLength(1);
  });

  it('edits a capacity-billed model and switches a model between per-token and capacity billing', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    let editor = await openEditor(user, 'Mistral 7B (self-hosted)');
    expect(within(editor).queryByLabelText('Input price')).not.toBeInTheDocument();
    const minUnits = within(editor).getByLabelText('Minimum units');
    await user.clear(minUnits);
    await user.type(minUnits, '2');
    const hourly = within(editor).getByLabelText('Price per unit-hour');
    await user.clear(hourly);
    await user.type(hourly, '1.5');
    expect(readModel('self-7b')?.pricing).toEqual({
      kind: 'capacity',
      hourlyPerUnit: 1.5,
      tokensPerMinutePerUnit: 60000,
      minUnits: 2,
      commitmentMonths: 0,
    });
    await waitFor(() =>
      expect(getRow('Mistral 7B (self-hosted)')).toHaveTextContent(
        '$1.50/hour per unit60,000 tokens/min per unit · min 2 units',
      ),
    );
    await user.clear(minUnits);
    await user.type(minUnits, '1.5');
    expect(
      within(editor).getByText(fieldMessage('Minimum units must be a whole number')),
    ).toBeInTheDocument();
    const throughput = within(editor).getByLabelText('Throughput per unit');
    await user.clear(throughput);
    await user.type(throughput, '0');
    expect(
      within(editor).getByText(fieldMessage('Throughput per unit must be greater than 0')),
    ).toBeInTheDocument();
    // "1" and "1." were valid on the way to "1.5", but "1.5" is refused and puts back the 2 units from before;
    // "0" units of throughput never was valid.
    expect(readModel('self-7b')?.pricing).toMatchObject({ tokensPerMinutePerUnit: 60000, minUnits: 2 });

    await user.click(within(editor).getByRole('button', { name: 'Done' }));
    editor = await openEditor(user, 'Mistral Small');
    await user.click(within(editor).getByRole('radio', { name: /Capacity/ }));
    expect(readModel('mistral-small')?.pricing.kind).toBe('capacity');
    expect(await within(getRow('Mistral Small')).findByText('Capacity-billed')).toBeInTheDocument();
    await user.click(within(editor).getByRole('radio', { name: 'Per token' }));
    // Switching back restores the token prices it had.
    expect(readModel('mistral-small')?.pricing).toMatchObject({
      kind: 'per-token',
      inputPerMTok: 0.2,
      outputPerMTok: 0.6,
      batchDiscount: 0.5,
    });
  });

  it('adds a model and opens it in the editor', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.selectOptions(screen.getByLabelText('Platform'), 'mistral');
    await user.click(screen.getByRole('button', { name: 'Add model' }));
    expect(readCatalog()).toHaveLength(6);
    expect(readModel('new-model')).toMatchObject({ name: 'New model', platform: 'mistral' });
    const editor = screen.getByRole('region', { name: 'Edit New model' });
    expect(within(editor).getByText('Enter the input and output prices.')).toBeInTheDocument();
    expect(screen.getByText(/^Added new-model at the end of the catalog/)).toHaveAttribute('role', 'status');
    await waitFor(() => expect(readRowNames()).toContain('New model'));
    await user.click(screen.getByRole('button', { name: 'Add model' }));
    expect(readModel('new-model-2')).toBeDefined();
  });

  it('duplicates a model next to the original and edits the copy', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Mistral Small');
    await user.click(within(editor).getByRole('button', { name: 'Duplicate Mistral Small' }));
    expect(readCatalog().map((m) => m.id)).toEqual([
      'cheap',
      'dear',
      'mistral-small',
      'mistral-small-copy',
      'sonnet',
      'self-7b',
    ]);
    expect(readModel('mistral-small-copy')?.pricing).toEqual(readModel('mistral-small')?.pricing);
    expect(screen.getByRole('region', { name: 'Edit Mistral Small (copy)' })).toBeInTheDocument();
  });

  it('deletes an unused model; Undo brings it back', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Mistral Small');
    await user.click(within(editor).getByRole('button', { name: 'Delete Mistral Small' }));
    expect(readModel('mistral-small')).toBeUndefined();
    expect(screen.queryByRole('region', { name: /^Edit/ })).not.toBeInTheDocument();
    expect(screen.getByText('Deleted Mistral Small. Undo brings it back.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add model' })).toHaveFocus();
    usePlannerStore.getState().undo();
    expect(readModel('mistral-small')).toBeDefined();
  });

  it('refuses to delete a model that strategies use, naming them', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Dear model');
    await user.click(within(editor).getByRole('button', { name: 'Delete Dear model' }));
    expect(within(editor).getByRole('alert')).toHaveTextContent(
      'Dear model is not deleted: strategies “All on dear” and “Cheap first, escalate” use it.',
    );
    expect(readModel('dear')).toBeDefined();
  });

  it('says why the scenario refuses a deletion the strategies do not block', async () => {
    const user = userEvent.setup();
    const scenario = makeCatalogScenario();
    // Only Sonnet is per-token and nothing names it, but "cheapest model meeting each bar" needs a per-token model.
    const catalog = scenario.catalog.filter((m) => m.id === 'sonnet' || m.id === 'self-7b');
    renderWithScenario(<CatalogPanel />, {
      ...scenario,
      catalog,
      strategies: [
        { id: 'self', name: 'Self-hosted', kind: 'single', model: 'self-7b' },
        { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      ],
    });
    const editor = await openEditor(user, 'Claude Sonnet');
    await user.click(within(editor).getByRole('button', { name: 'Delete Claude Sonnet' }));
    expect(within(editor).getByRole('alert')).toHaveTextContent(/^Claude Sonnet is not deleted: .*per-token/);
    expect(readModel('sonnet')).toBeDefined();
  });

  it('moves focus into the editor and back to the row on Done or Escape', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await openEditor(user, 'Claude Sonnet');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('region', { name: 'Edit Claude Sonnet' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Claude Sonnet' })).toHaveFocus();
    const editor = await openEditor(user, 'Claude Sonnet');
    await user.click(within(editor).getByLabelText('Quality'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Edit Claude Sonnet' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Claude Sonnet' })).toHaveFocus();
  });
});

/** How many models data/catalog.json ships. */
const SHIPPED_COUNT = shippedCatalog.length;

describe('CatalogPanel: reset to the shipped catalog', () => {
  it('asks first, then replaces the catalog, keeping the models strategies use; Undo restores it', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.click(screen.getByRole('button', { name: 'Reset to shipped catalog…' }));
    const confirm = screen.getByRole('region', { name: 'Reset to shipped catalog' });
    await waitFor(() =>
      expect(
        within(confirm).getByText(new RegExp(`with the ${SHIPPED_COUNT} shipped ones`)),
      ).toBeInTheDocument(),
    );
    expect(confirm).toHaveTextContent(
      'except the 2 your strategies use that the shipped catalog lacks (Cheap model and Dear model)',
    );
    expect(confirm).toHaveTextContent('Undo brings back the current catalog.');
    expect(readCatalog()).toHaveLength(5);
    await user.click(within(confirm).getByRole('button', { name: 'Reset catalog' }));
    // The shipped models, then cheap and dear (the strategies name them); Mistral Small, Sonnet and self-7b go.
    const ids = readCatalog().map((m) => m.id);
    expect(ids).toHaveLength(SHIPPED_COUNT + 2);
    expect(ids.slice(-2)).toEqual(['cheap', 'dear']);
    expect(ids).not.toContain('sonnet');
    expect(
      screen.getByText(new RegExp(`Catalog reset to the ${SHIPPED_COUNT} shipped models\\. Kept 2 models`)),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('catalog-count')).toHaveTextContent(
        `${SHIPPED_COUNT + 2} of ${SHIPPED_COUNT + 2} models`,
      ),
    );
    usePlannerStore.getState().undo();
    expect(readCatalog()).toHaveLength(5);
  });

  it('cancels without changing anything', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    await user.click(screen.getByRole('button', { name: 'Reset to shipped catalog…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Reset to shipped catalog' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset to shipped catalog…' })).toHaveFocus();
    expect(readCatalog()).toHaveLength(5);
  });
});

describe('CatalogPanel: 2026 billing fields', () => {
  it('edits region, tokenizer factor, reasoning, 1-hour writes, minimum prefix, batch caching and the long-context tier', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Claude Sonnet');

    await user.type(within(editor).getByLabelText('Region'), 'eu');
    expect(readModel('sonnet')?.region).toBe('eu');
    await user.clear(within(editor).getByLabelText('Region'));
    expect(readModel('sonnet')?.region).toBeNull();

    // A retirement day: a half-typed date is refused beside the field and kept; a whole one is saved.
    const retires = within(editor).getByLabelText('Retires on');
    await user.type(retires, '2027-13');
    expect(within(editor).getByText(/must be a date written YYYY-MM-DD/)).toBeInTheDocument();
    expect(retires).toHaveValue('2027-13');
    expect(readModel('sonnet')?.retiresOn).toBeNull();
    await user.clear(retires);
    await user.type(retires, '2027-06-30');
    expect(readModel('sonnet')?.retiresOn).toBe('2027-06-30');

    const factor = within(editor).getByLabelText('Tokenizer factor');
    await user.clear(factor);
    await user.type(factor, '0');
    expect(
      within(editor).getByText(fieldMessage('Tokenizer factor must be greater than 0')),
    ).toBeInTheDocument();
    expect(factor).toHaveValue('0');
    expect(readModel('sonnet')?.tokenizerFactor).toBe(1);
    await user.clear(factor);
    await user.type(factor, '1.3');
    expect(readModel('sonnet')?.tokenizerFactor).toBe(1.3);

    await user.click(within(editor).getByRole('checkbox', { name: /Reasoning model/ }));
    expect(readModel('sonnet')?.reasoning).toBe(true);

    await user.click(within(editor).getByRole('checkbox', { name: /No 1-hour cache lifetime/ }));
    const oneHour = within(editor).getByLabelText('1-hour cache write price');
    await user.clear(oneHour);
    await user.type(oneHour, '6');
    expect(readModel('sonnet')?.pricing).toMatchObject({ cacheWrite1hPerMTok: 6 });

    const minPrefix = within(editor).getByLabelText('Minimum cached prefix');
    await user.clear(minPrefix);
    await user.type(minPrefix, '1024');
    expect(readModel('sonnet')?.pricing).toMatchObject({ minCachePrefixTokens: 1024 });

    await user.click(within(editor).getByRole('checkbox', { name: /Caching applies to batched calls/ }));
    expect(readModel('sonnet')?.pricing).toMatchObject({ batchCaching: false });

    expect(within(editor).queryByLabelText('Long-context input price')).not.toBeInTheDocument();
    await user.click(within(editor).getByRole('checkbox', { name: /Long prompts cost more/ }));
    const lcInput = within(editor).getByLabelText('Long-context input price');
    await user.clear(lcInput);
    await user.type(lcInput, '6');
    expect(readModel('sonnet')?.pricing).toMatchObject({
      longContext: { aboveInputTokens: 200000, inputPerMTok: 6, outputPerMTok: 22.5 },
    });
  });

  it('edits a capacity model’s commitment term', async () => {
    const user = userEvent.setup();
    renderWithScenario(<CatalogPanel />, makeCatalogScenario());
    const editor = await openEditor(user, 'Mistral 7B (self-hosted)');
    const term = within(editor).getByLabelText('Commitment term');
    await user.clear(term);
    await user.type(term, '6');
    expect(readModel('self-7b')?.pricing).toMatchObject({ commitmentMonths: 6 });
    await user.clear(term);
    await user.type(term, '1.5');
    expect(
      within(editor).getByText(fieldMessage('Commitment term must be a whole number')),
    ).toBeInTheDocument();
  });
});
