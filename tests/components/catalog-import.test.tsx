import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Model } from '../../src/domain/scenario-schema';
import { CatalogPanel } from '../../src/features/catalog/catalog-panel';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';

// The small scenario: "cheap" (1 / 2 $/MTok, used by "All on cheap") and "dear" (3 / 15, used by "All on dear").
const PRICES_CSV = [
  'id,name,provider,platform,inputPerMTok,outputPerMTok,quality',
  'dear,Dear model,Acme,bedrock,6,15,90',
  'new-one,<script>alert(1)</script>,Acme,bedrock,0.5,1,10',
  '__proto__,Proto model,Acme,bedrock,0.25,0.5,5',
].join('\n');

afterEach(() => {
  vi.unstubAllGlobals();
});

function readCatalog(): Model[] {
  return usePlannerStore.getState().scenario?.catalog ?? [];
}

function csvFile(text: string, name = 'prices.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

async function openImport() {
  const user = userEvent.setup();
  renderWithScenario(<CatalogPanel />, makeSmallScenario());
  await user.click(screen.getByRole('button', { name: 'Import catalog…' }));
  const dialog = screen.getByRole('region', { name: 'Import a catalog' });
  return { user, dialog };
}

async function importCsv(text = PRICES_CSV, name = 'prices.csv') {
  const opened = await openImport();
  await opened.user.upload(
    within(opened.dialog).getByLabelText('Catalog file to import'),
    csvFile(text, name),
  );
  await within(opened.dialog).findByRole('radio', { name: /^Update prices/ });
  return opened;
}

async function chooseMode(
  user: ReturnType<typeof userEvent.setup>,
  dialog: HTMLElement,
  mode: 'Update prices' | 'Add models' | 'Replace the catalog',
) {
  await user.click(within(dialog).getByRole('radio', { name: new RegExp(`^${mode}`) }));
}

function readCount(testId: string): string {
  return screen.getByTestId(testId).textContent ?? '';
}

describe('Catalog import: the diff', () => {
  it('opens from the toolbar with the focus on its title, and shows what a file would change', async () => {
    const { user, dialog } = await openImport();
    expect(within(dialog).getByRole('heading', { name: 'Import a catalog' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Import catalog…' })).toHaveAttribute('aria-expanded', 'true');
    await user.upload(within(dialog).getByLabelText('Catalog file to import'), csvFile(PRICES_CSV));
    await within(dialog).findByRole('radio', { name: /^Update prices/ });

    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Read 3 models from prices.csv (CSV). Nothing changes until you apply.',
    );
    // The file prices a model we have (dear, matched by id: a CSV row records no price key): "update prices" first.
    expect(within(dialog).getByRole('radio', { name: /^Update prices/ })).toBeChecked();
    expect(readCount('import-count-matched')).toBe('1');
    expect(readCount('import-count-unmatched')).toBe('1');
    // All on dear: 12 × $4,500 = $54,000 now; at $6 input 12 × $7,500 = $90,000.
    const impact = within(dialog).getByTestId('import-impact-row');
    expect(
      within(impact)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['$54,000', '$90,000', '+$36,000 (+66.7%)']);
    expect(within(dialog).getByText('“All on cheap” unchanged.')).toBeInTheDocument();
    const priceGroup = screen.getByTestId('import-price-change');
    expect(within(priceGroup).getByRole('rowheader')).toHaveTextContent('Dear modeldear');

    await chooseMode(user, dialog, 'Replace the catalog');
    // new-one and __proto__ are new; dear's input price moves; cheap is not in the file.
    expect(readCount('import-count-added')).toBe('2');
    expect(readCount('import-count-price-changes')).toBe('1');
    expect(readCount('import-count-other-changes')).toBe('0');
    expect(readCount('import-count-missing')).toBe('1');
    expect(readCount('import-count-unchanged')).toBe('0');
    expect(readCount('import-count-skipped')).toBe('0');

    await user.click(within(dialog).getByText('Price changes (1)'));
    const group = screen.getByTestId('import-price-change');
    expect(within(group).getByRole('rowheader')).toHaveTextContent('Dear modeldear');
    const row = within(group).getByRole('row', { name: /Input/ });
    // Input 3 → 6 $/MTok: +100 %.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Input', '$3.00', '→ $6.00', '+100%']);

    // Markup in a name is text, never HTML.
    await user.click(within(dialog).getByText('Added models (2)'));
    expect(within(dialog).getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(dialog.querySelector('script')).toBeNull();
    expect(within(dialog).getByText('Proto model')).toBeInTheDocument();

    await user.click(within(dialog).getByText('Missing from the file (1)'));
    const missing = within(dialog).getByRole('table', { name: 'Models missing from the file' });
    expect(within(missing).getByText('kept: a strategy uses it')).toBeInTheDocument();
    expect(within(dialog).getByText(/Keeps Cheap model, which your strategies use/)).toBeInTheDocument();
  });

  it('shows prices per 1K tokens when the catalog does', async () => {
    usePlannerStore.getState().setPriceUnit('per-thousand');
    await importCsv();
    const row = within(screen.getByTestId('import-price-change')).getByRole('row', { name: /Input/ });
    // 3 and 6 $/MTok are $0.003 and $0.006 per 1K tokens.
    expect(within(row).getByText('$0.003')).toBeInTheDocument();
    expect(within(row).getByText('$0.006')).toBeInTheDocument();
  });

  it('lists other changes apart from price changes', async () => {
    const { user, dialog } = await importCsv(
      'id,name,provider,platform,inputPerMTok,outputPerMTok,quality,contextWindow\n' +
        'dear,Dear model v2,Acme,bedrock,3,15,80,200000\n',
    );
    expect(readCount('import-count-price-changes')).toBe('0');
    expect(within(dialog).getByText('No price in the file differs from this catalog.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Apply price updates' })).toBeDisabled();
    await chooseMode(user, dialog, 'Replace the catalog');
    expect(readCount('import-count-other-changes')).toBe('1');
    await user.click(within(dialog).getByText('Other changes (1)'));
    const table = within(dialog).getByRole('table', { name: /Other changes/ });
    expect(within(table).getByRole('row', { name: /Name Dear model Dear model v2/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Quality 90 80/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Context window unlimited 200,000/ })).toBeInTheDocument();
  });

  it('caps long lists of a LiteLLM file and counts its skipped entries', async () => {
    const entries: Record<string, unknown> = {
      sample_spec: { mode: 'one of: chat, embedding' },
      'text-embedding-3-small': {
        input_cost_per_token: 2e-8,
        output_cost_per_token: 0,
        litellm_provider: 'openai',
        mode: 'embedding',
      },
    };
    for (let i = 0; i < 2_500; i++)
      entries[`model-${i}`] = {
        input_cost_per_token: 1e-6,
        output_cost_per_token: 2e-6,
        litellm_provider: 'openai',
        mode: 'chat',
      };
    const { user, dialog } = await importCsv(JSON.stringify(entries), 'model_prices_and_context_window.json');
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Read 2,500 models from model_prices_and_context_window.json (LiteLLM price file); 2 entries skipped.',
    );
    // None of ours is in the file: it opens on "add models".
    expect(within(dialog).getByRole('radio', { name: /^Add models/ })).toBeChecked();
    expect(readCount('import-unpriced')).toMatch(/^0 entries had no price/);
    await chooseMode(user, dialog, 'Replace the catalog');
    expect(readCount('import-count-added')).toBe('2,500');
    expect(readCount('import-count-skipped')).toBe('2');
    await user.click(within(dialog).getByText('Added models (2,500)'));
    const added = within(dialog).getByRole('table', { name: 'Added models' });
    expect(within(added).getAllByRole('row')).toHaveLength(201); // the header and 200 models
    expect(within(dialog).getByText('…and 2,300 more models not listed here.')).toBeInTheDocument();
    await user.click(within(dialog).getByText('Skipped entries (2)'));
    expect(within(dialog).getByText('sample_spec')).toBeInTheDocument();
  });
});

describe('Catalog import: applying', () => {
  it('"Replace the catalog" makes the file the catalog, keeps the models strategies use, and is one undo step', async () => {
    const { user, dialog } = await importCsv();
    const original = readCatalog();
    await chooseMode(user, dialog, 'Replace the catalog');
    await user.click(within(dialog).getByRole('button', { name: 'Replace the catalog' }));

    expect(readCatalog().map((model) => model.id)).toEqual(['dear', 'new-one', '__proto__', 'cheap']);
    const dear = readCatalog()[0];
    expect(dear?.pricing).toMatchObject({ inputPerMTok: 6, outputPerMTok: 15 });
    expect(dear?.source?.label).toBe('Imported from prices.csv');
    expect(dear?.source?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.queryByRole('region', { name: 'Import a catalog' })).not.toBeInTheDocument();
    expect(
      screen.getByText(/^Catalog replaced with the 3 models from prices\.csv: 2 added, 1 with new prices/),
    ).toHaveAttribute('role', 'status');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Kept 1 model your strategies use that the import lacks: Cheap model.',
    );
    expect(screen.getByRole('button', { name: 'Import catalog…' })).toHaveFocus();

    usePlannerStore.getState().undo();
    expect(readCatalog()).toEqual(original);
  });

  it('"Apply price updates" changes the prices of matching models and nothing else', async () => {
    const { user, dialog } = await importCsv();
    const [cheap, dear] = readCatalog();
    await user.click(within(dialog).getByRole('button', { name: 'Apply price updates' }));

    const after = readCatalog();
    expect(after.map((model) => model.id)).toEqual(['cheap', 'dear']);
    expect(after[0]).toEqual(cheap);
    expect(after[1]).toEqual({
      ...dear,
      pricing: { ...dear?.pricing, inputPerMTok: 6 },
      source: { label: 'Imported from prices.csv', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Updated the prices of 1 model from prices.csv (Dear model); no model added or removed.',
    );
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('"Cancel" closes the import and changes nothing', async () => {
    const { user, dialog } = await importCsv();
    const scenario = usePlannerStore.getState().scenario;
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(usePlannerStore.getState().scenario).toBe(scenario);
    expect(usePlannerStore.getState().past).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Import a catalog' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Catalog import cancelled: nothing was changed.');
  });

  it('Escape cancels too', async () => {
    const { user } = await openImport();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Import a catalog' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import catalog…' })).toHaveFocus();
  });

  it('a file with problems lists each with its place and changes nothing', async () => {
    const { user, dialog } = await openImport();
    const scenario = usePlannerStore.getState().scenario;
    await user.upload(
      within(dialog).getByLabelText('Catalog file to import'),
      csvFile('id,platform,inputPerMTok,outputPerMTok\ndear,bedrock,abc,15\nx,bedrock,-1,2\n', 'bad.csv'),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('“bad.csv” was not imported: 2 problems found. Nothing was changed.');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'row 2 (id "dear"): inputPerMTok: must be a number',
      'row 3 (id "x"): inputPerMTok: must be 0 or more',
    ]);
    expect(within(dialog).queryByRole('radio', { name: /^Update prices/ })).not.toBeInTheDocument();
    expect(usePlannerStore.getState().scenario).toBe(scenario);
  });

  it('a scenario file is refused with a plain message', async () => {
    const { user, dialog } = await openImport();
    await user.upload(
      within(dialog).getByLabelText('Catalog file to import'),
      new File([JSON.stringify(makeSmallScenario())], 'small.json', { type: 'application/json' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /this is a scenario file, not a catalog/,
    );
  });
});

describe('Catalog import: from a web address', () => {
  const url = 'https://example.com/catalogs/prices.json';
  const nativeCatalog = JSON.stringify([
    {
      id: 'dear',
      name: 'Dear model',
      provider: 'Acme',
      platform: 'bedrock',
      pricing: { kind: 'per-token', inputPerMTok: 6, outputPerMTok: 15 },
      quality: 90,
    },
    {
      id: 'cheap',
      name: 'Cheap model',
      provider: 'Acme',
      platform: 'bedrock',
      pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 2 },
      quality: 50,
    },
  ]);

  async function fetchUrl(address: string) {
    const opened = await openImport();
    await opened.user.type(within(opened.dialog).getByLabelText('Catalog web address'), address);
    await opened.user.click(within(opened.dialog).getByRole('button', { name: 'Fetch' }));
    return opened;
  }

  it('fetches the file, shows the diff, and applies the price updates with the address as source', async () => {
    const fetchMock = vi.fn(
      async () => new Response(nativeCatalog, { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { user, dialog } = await fetchUrl(url);
    await within(dialog).findByRole('radio', { name: /^Update prices/ });
    expect(fetchMock).toHaveBeenCalledWith(url, expect.objectContaining({ credentials: 'omit' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      `Read 2 models from ${url} (native catalog JSON).`,
    );
    expect(readCount('import-count-price-changes')).toBe('1');
    expect(readCount('import-count-matched')).toBe('2');
    await user.click(within(dialog).getByRole('button', { name: 'Apply price updates' }));
    const dear = readCatalog().find((model) => model.id === 'dear');
    expect(dear?.pricing).toMatchObject({ inputPerMTok: 6 });
    expect(dear?.source?.label).toBe(`Imported from ${url}`);
  });

  it('says clearly when the address cannot be reached (network or CORS), and changes nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const { dialog } = await fetchUrl(url);
    const scenario = usePlannerStore.getState().scenario;
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The catalog could not be fetched. Nothing was changed.example.com could not be reached, or does not let other sites read its files (CORS).',
    );
    expect(alert).toHaveTextContent('Nothing was changed.');
    expect(usePlannerStore.getState().scenario).toBe(scenario);
  });

  it('reports an HTTP error with its status, and fetches again on request', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('gone', { status: 404, statusText: 'Not Found' }))
      .mockResolvedValueOnce(new Response(nativeCatalog));
    vi.stubGlobal('fetch', fetchMock);
    const { user, dialog } = await fetchUrl(url);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'example.com answered HTTP 404 Not Found: no file at this address',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Fetch' }));
    await within(dialog).findByRole('radio', { name: /^Update prices/ });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('refuses what is not a web address next to the field, without fetching', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { dialog } = await fetchUrl('prices.json');
    const field = within(dialog).getByLabelText('Catalog web address');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/is not a web address: enter one starting with https:\/\//);
    expect(fetchMock).not.toHaveBeenCalled();
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
  });
});
