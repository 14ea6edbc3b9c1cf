import defaultScenario from '../../data/default-scenario.json';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { validateScenario } from '../../src/domain/validate-scenario';
import { ScenariosPanel } from '../../src/features/scenarios/scenarios-panel';
import { serializeScenario } from '../../src/io/scenario-file';
import { usePlannerStore } from '../../src/state/scenario-store';
import { renderWithScenario } from '../factories/render-with-store';
import { makeSmallScenario } from '../factories/small-scenario';
import { captureDownloads } from '../factories/capture-downloads';

function names() {
  return usePlannerStore.getState().library.map((entry) => entry.scenario.name);
}

function validated(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error('fixture invalid');
  return result.value;
}

/** The small scenario with twice the traffic: cheap $2,400 a month, dear $9,000 (see small-scenario.ts). */
function makeDoubledScenario(): ScenarioInput {
  const small = makeSmallScenario();
  return {
    ...small,
    name: 'Doubled traffic',
    startMonth: '2027-04',
    traffic: [{ ...small.traffic[0]!, requestsPerMonth: 2_000_000 }],
  };
}

function renderPanel() {
  const user = userEvent.setup();
  return { user, ...renderWithScenario(<ScenariosPanel />, makeSmallScenario()) };
}

function addScenario(input: ScenarioInput) {
  act(() => {
    usePlannerStore.getState().addScenario(validated(input));
  });
}

function scenarioFile(text: string, fileName = 'plan.scenario.json') {
  return new File([text], fileName, { type: 'application/json' });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ScenariosPanel: the library', () => {
  it('lists each scenario with its horizon, start, strategy count and cheapest 12-month spend', () => {
    renderPanel();
    const row = screen.getByRole('row', { current: true });
    expect(within(row).getByRole('textbox', { name: 'Name of scenario 1' })).toHaveValue(
      'Small test scenario',
    );
    expect(within(row).getByText('12 months')).toBeInTheDocument();
    expect(within(row).getByText('Jan 2027')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    // Cheapest is "All on cheap": $1,200 a month × 12 = $14,400.
    expect(within(row).getByTestId('library-cheapest-spend')).toHaveTextContent('$14,400');
    expect(within(row).getByText('All on cheap')).toBeInTheDocument();
    expect(within(row).getByText('Open')).toBeInTheDocument();
  });

  it('opens a preset as a new scenario and keeps the existing one', async () => {
    const { user } = renderPanel();
    const open = await screen.findByRole('button', { name: /Open as new scenario.*EU support assistant/ });
    expect(screen.getAllByRole('button', { name: /Open as new scenario/ })).toHaveLength(4);
    await user.click(open);
    await waitFor(() => expect(names()).toEqual(['Small test scenario', 'EU support assistant']));
    expect(usePlannerStore.getState().scenario?.name).toBe('EU support assistant');
    expect(
      screen.getByText('Opened the preset as a new scenario, “EU support assistant”.'),
    ).toBeInTheDocument();
    // A second time gets a name of its own.
    await user.click(screen.getByRole('button', { name: /Open as new scenario.*EU support assistant/ }));
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(names()[2]).toBe('EU support assistant 2');
  });

  it('creates a blank scenario on the open catalog and one from the default', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'New blank scenario' }));
    const blank = usePlannerStore.getState().scenario!;
    expect(blank.name).toBe('New scenario');
    expect(blank.catalog.map((m) => m.id)).toEqual(['cheap', 'dear']);
    expect(blank.traffic).toHaveLength(1);
    expect(blank.strategies).toEqual([
      { id: 'single', name: 'All on Cheap model', kind: 'single', model: 'cheap' },
    ]);
    expect(blank.credits).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'New from the default' }));
    await waitFor(() => expect(names()).toHaveLength(3));
    expect(names()[2]).toBe('Default: eight traffic slices');
    expect(names().slice(0, 2)).toEqual(['Small test scenario', 'New scenario']);
  });

  it('duplicates a scenario and opens the copy', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Duplicate Small test scenario' }));
    expect(names()).toEqual(['Small test scenario', 'Small test scenario (copy)']);
    expect(usePlannerStore.getState().scenario?.name).toBe('Small test scenario (copy)');
    await user.click(screen.getByRole('button', { name: 'Duplicate Small test scenario' }));
    expect(names()[2]).toBe('Small test scenario (copy 2)');
  });

  it('renames the open scenario and one that is not open', async () => {
    const { user } = renderPanel();
    addScenario({ ...makeSmallScenario(), name: 'Second' });
    const secondId = usePlannerStore.getState().activeId;

    const first = screen.getByRole('textbox', { name: 'Name of scenario 1' });
    await user.clear(first);
    await user.type(first, 'Plan A');
    expect(names()).toEqual(['Plan A', 'Second']);
    expect(usePlannerStore.getState().activeId).toBe(secondId);

    const second = screen.getByRole('textbox', { name: 'Name of scenario 2' });
    await user.type(second, ' plan');
    expect(usePlannerStore.getState().scenario?.name).toBe('Second plan');

    // An empty name is refused; the library keeps the last good one.
    await user.clear(second);
    expect(screen.getByRole('alert')).toHaveTextContent('Name of scenario 2 is required');
    expect(usePlannerStore.getState().scenario?.name).toBe('Second plan');
  });

  it('deletes a scenario and brings it back with Undo delete', async () => {
    const { user } = renderPanel();
    addScenario({ ...makeSmallScenario(), name: 'Second' });
    await user.click(screen.getByRole('button', { name: 'Delete Small test scenario' }));
    expect(names()).toEqual(['Second']);
    const undo = screen.getByRole('button', { name: 'Undo delete' });
    expect(undo).toHaveFocus();
    expect(screen.getByText('Deleted “Small test scenario”.')).toBeInTheDocument();
    // The last scenario cannot be deleted.
    expect(screen.getByRole('button', { name: 'Delete Second' })).toBeDisabled();

    await user.click(undo);
    expect(names()).toEqual(['Small test scenario', 'Second']);
    expect(screen.queryByRole('button', { name: 'Undo delete' })).not.toBeInTheDocument();
  });

  it('switches to another scenario', async () => {
    const { user } = renderPanel();
    addScenario({ ...makeSmallScenario(), name: 'Second' });
    const firstId = usePlannerStore.getState().library[0]!.id;
    expect(screen.queryByRole('button', { name: 'Open Second' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open Small test scenario' }));
    expect(usePlannerStore.getState().activeId).toBe(firstId);
    expect(usePlannerStore.getState().scenario?.name).toBe('Small test scenario');
    expect(screen.getByRole('row', { current: true })).toHaveTextContent('$14,400');
  });
});

describe('ScenariosPanel: files', () => {
  it('imports a valid file through the picker as a new scenario', async () => {
    const { user } = renderPanel();
    const text = serializeScenario(validated(makeDoubledScenario()));
    await user.upload(screen.getByLabelText('Scenario file to import'), scenarioFile(text));
    await waitFor(() => expect(names()).toEqual(['Small test scenario', 'Doubled traffic']));
    expect(usePlannerStore.getState().scenario?.name).toBe('Doubled traffic');
    expect(
      screen.getByText('Imported “Doubled traffic” from plan.scenario.json as a new scenario and opened it.'),
    ).toBeInTheDocument();
  });

  it('tells an imported scenario apart from one of the same name already in the library', async () => {
    const { user } = renderPanel();
    // The open scenario exported, then imported again: the copy is "Small test scenario 2".
    const text = serializeScenario(validated(makeSmallScenario()));
    await user.upload(screen.getByLabelText('Scenario file to import'), scenarioFile(text));
    await waitFor(() => expect(names()).toEqual(['Small test scenario', 'Small test scenario 2']));
    expect(
      screen.getByText(
        'Imported “Small test scenario 2” from plan.scenario.json as a new scenario and opened it.',
      ),
    ).toBeInTheDocument();
  });

  it('lists at most 50 problems of a file with 20,000 bad slices, the whole list a download away', async () => {
    const { user } = renderPanel();
    const small = makeSmallScenario();
    // Each slice has two problems (a negative and a too-high rate): 40,000 in all.
    const traffic = Array.from({ length: 20_000 }, (_, i) => ({
      ...small.traffic[0]!,
      id: `s${i}`,
      cacheHitRate: 2,
      batchShare: -1,
    }));
    await user.upload(
      screen.getByLabelText('Scenario file to import'),
      scenarioFile(JSON.stringify({ ...small, traffic }), 'bad.json'),
    );
    const report = await screen.findByRole('alert');
    expect(report).toHaveTextContent('“bad.json” was not imported (40,000 problems).');
    expect(within(report).getAllByRole('listitem')).toHaveLength(50);
    expect(report).toHaveTextContent('…and 39,950 more problems.');

    const { names: downloads, blobs } = captureDownloads();
    await user.click(within(report).getByRole('button', { name: 'Download all 40,000 problems' }));
    expect(downloads).toEqual(['bad.json.problems.txt']);
    const lines = (await blobs[0]!.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(40_000);
    expect(lines[0]).toBe('traffic[0].cacheHitRate: must be between 0 and 1');
  });

  it('imports a file dropped on the drop zone', async () => {
    renderPanel();
    const zone = screen.getByRole('region', { name: 'Drop zone for scenario files' });
    const file = scenarioFile(serializeScenario(validated(makeDoubledScenario())), 'dropped.json');
    fireEvent.dragOver(zone, { dataTransfer: { files: [file], dropEffect: 'none' } });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(names()).toEqual(['Small test scenario', 'Doubled traffic']));
  });

  it('lists every problem of an invalid file with its path and changes nothing', async () => {
    const { user } = renderPanel();
    const before = usePlannerStore.getState().library;
    const bad = {
      ...makeSmallScenario(),
      horizonMonths: 500,
      traffic: [{ ...makeSmallScenario().traffic[0]!, cacheHitRate: 2 }],
      strategies: [{ id: 'lost', name: 'Lost', kind: 'single', model: 'nowhere' }],
    };
    await user.upload(
      screen.getByLabelText('Scenario file to import'),
      scenarioFile(JSON.stringify(bad), 'bad.json'),
    );
    const report = await screen.findByRole('alert');
    expect(report).toHaveTextContent('“bad.json” was not imported');
    expect(report).toHaveTextContent('Nothing was changed.');
    const issues = within(report)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^horizonMonths: must be between 1 and 120/),
        expect.stringMatching(/^traffic\[0\]\.cacheHitRate: /),
      ]),
    );
    expect(usePlannerStore.getState().library).toBe(before);
  });

  it('reports a file that is not JSON', async () => {
    const { user } = renderPanel();
    await user.upload(
      screen.getByLabelText('Scenario file to import'),
      scenarioFile('{ "name": ', 'cut.json'),
    );
    const report = await screen.findByRole('alert');
    expect(report).toHaveTextContent('The file: not valid JSON');
    expect(names()).toEqual(['Small test scenario']);
  });

  it('shows markup in names and problems as text, never as elements', async () => {
    const { user, container } = renderPanel();
    const hostileName = '<script>window.hacked = true</script><img src=x onerror="window.hacked = true">';
    const hostile = {
      ...makeSmallScenario(),
      name: hostileName,
      strategies: [{ id: 'all-cheap', name: '<b>bold</b>', kind: 'single', model: 'cheap' }],
    };
    await user.upload(
      screen.getByLabelText('Scenario file to import'),
      scenarioFile(JSON.stringify(hostile), '<script>x</script>.json'),
    );
    await waitFor(() => expect(names()).toEqual(['Small test scenario', hostileName]));
    expect(screen.getByRole('textbox', { name: 'Name of scenario 2' })).toHaveValue(hostileName);
    expect(
      screen.getByText(new RegExp(`Imported “${hostileName.replace(/[()[\]\\^$.|?*+{}]/g, '\\$&')}”`)),
    ).toBeInTheDocument();

    // A refused file with markup in an id: the problem is listed as text.
    const refused = {
      ...makeSmallScenario(),
      strategies: [{ id: 'x', name: 'x', kind: 'single', model: '<img src=y onerror=alert(1)>' }],
    };
    await user.upload(
      screen.getByLabelText('Scenario file to import'),
      scenarioFile(JSON.stringify(refused), 'r.json'),
    );
    const report = await screen.findByRole('alert');
    expect(report).toHaveTextContent('unknown model id "<img src=y onerror=alert(1)>"');

    expect(container.querySelector('script, img, b')).toBeNull();
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('exports the open scenario as <name>.scenario.json in the file format, and the monthly CSV', async () => {
    const { user } = renderPanel();
    const { names: downloads, blobs } = captureDownloads();

    await user.click(screen.getByRole('button', { name: 'Export scenario (JSON)' }));
    expect(downloads).toEqual(['Small test scenario.scenario.json']);
    expect(await blobs[0]!.text()).toBe(serializeScenario(usePlannerStore.getState().scenario!));

    await user.click(screen.getByRole('button', { name: 'Export monthly figures (CSV)' }));
    expect(downloads[1]).toBe('Small test scenario.monthly.csv');
    const csv = await blobs[1]!.text();
    // Header, then 2 strategies × 12 months.
    expect(csv.trim().split('\n')).toHaveLength(1 + 24);
    expect(csv).toContain('all-cheap,All on cheap,0,Jan 2027,1200.00');
  });
});

describe('ScenariosPanel: share link', () => {
  it('copies a link that opens the scenario', async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByText('Link copied to the clipboard.')).toBeInTheDocument();
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(/#share=/);
    expect(screen.getByRole('textbox', { name: /Share link/ })).toHaveValue(copied);
    // A three-model scenario makes a short link: nothing to warn of.
    expect(copied.length).toBeLessThan(2_000);
    expect(screen.queryByTestId('share-link-long')).not.toBeInTheDocument();
  });

  it('says a long link can arrive cut short, and what to send instead', async () => {
    const user = userEvent.setup();
    renderWithScenario(<ScenariosPanel />, validated(defaultScenario as unknown as ScenarioInput));
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByText('Link copied to the clipboard.')).toBeInTheDocument();
    // The default scenario (32 models, 8 slices, 6 strategies) makes a link of about 31K characters.
    expect((await navigator.clipboard.readText()).length).toBeGreaterThan(2_000);
    expect(screen.getByTestId('share-link-long')).toHaveTextContent(/send the scenario file instead/);
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const { user } = renderPanel();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(
      await screen.findByText('The clipboard is not available here: select the link below and copy it.'),
    ).toBeInTheDocument();
    const input = screen.getByRole('textbox', { name: /Share link/ });
    expect(input).toHaveAttribute('readonly');
    expect((input as HTMLInputElement).value).toMatch(/^http.*#share=/);
  });

  it('says plainly when the scenario is too large for a link', async () => {
    const { user } = renderPanel();
    // Text that does not compress: 1,500 models with 80 pseudo-random characters each.
    let seed = 7;
    function nextChar() {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return String.fromCharCode(33 + (seed % 90));
    }
    act(() => {
      usePlannerStore.getState().edit((scenario) => ({
        ...scenario,
        catalog: [
          ...scenario.catalog,
          ...Array.from({ length: 1_500 }, (_, i) => ({
            ...scenario.catalog[0]!,
            id: `extra-${i}`,
            name: Array.from({ length: 80 }, nextChar).join(''),
          })),
        ],
      }));
    });
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /No link made: this scenario is too large for a link .* export it as a file instead/,
    );
    expect(screen.queryByRole('textbox', { name: /Share link/ })).not.toBeInTheDocument();
  });
});

describe('ScenariosPanel: comparing two scenarios', () => {
  it('shows both scenarios’ figures and their monthly spend on one calendar', async () => {
    const { user } = renderPanel();
    addScenario(makeDoubledScenario());
    const firstSide = screen.getByTestId('comparison-first');
    const secondSide = screen.getByTestId('comparison-second');
    // The first side follows the open scenario (Doubled), the second shows another one.
    await user.selectOptions(
      within(firstSide).getByRole('combobox', { name: 'First scenario' }),
      'Small test scenario',
    );
    await user.selectOptions(
      within(secondSide).getByRole('combobox', { name: 'Second scenario' }),
      'Doubled traffic',
    );

    // Small: cheap $1,200 × 12 = $14,400, dear $4,500 × 12 = $54,000; 12-month horizon, so the same over it.
    const small = within(firstSide).getByRole('row', { name: /All on cheap/ });
    expect(within(small).getAllByText('$14,400')).toHaveLength(2);
    // Credits: $10,000 pay 8 months of $1,200, September needs cash; runway 9 months (see summary test).
    expect(small).toHaveTextContent('Sep 2027');
    expect(small).toHaveTextContent('9 months');
    expect(within(firstSide).getByRole('row', { name: /All on dear/ })).toHaveTextContent('$54,000');
    // Doubled: cheap $2,400 × 12 = $28,800, dear $9,000 × 12 = $108,000; months from its own start, Apr 2027.
    const doubled = within(secondSide).getByRole('row', { name: /All on cheap/ });
    expect(within(doubled).getAllByText('$28,800')).toHaveLength(2);
    expect(within(secondSide).getByRole('row', { name: /All on dear/ })).toHaveTextContent('$108,000');
    // $10,000 pays 4 months of $2,400 (Apr–Jul), August needs cash.
    expect(doubled).toHaveTextContent('Aug 2027');

    // The chart's table: months on the calendar from Jan 2027 (Small) to Mar 2028 (Doubled's last).
    const table = screen.getByRole('table', { name: 'Monthly AI spend: data', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(1 + 15);
    expect(rows[1]).toHaveTextContent(/Jan 2027\s*\$1,200\s*—/);
    expect(rows[4]).toHaveTextContent(/Apr 2027\s*\$1,200\s*\$2,400/);
    expect(rows[15]).toHaveTextContent(/Mar 2028\s*—\s*\$2,400/);
    expect(
      within(table)
        .getAllByRole('columnheader', { hidden: true })
        .map((c) => c.textContent),
    ).toEqual(['Month', 'Small test scenario: All on cheap', 'Doubled traffic: All on cheap']);

    // A chosen strategy instead of the cheapest.
    await user.selectOptions(
      within(secondSide).getByRole('combobox', { name: 'Strategy on the chart' }),
      'All on dear',
    );
    expect(screen.getByRole('table', { name: 'Monthly AI spend: data', hidden: true })).toHaveTextContent(
      /Apr 2027\s*\$1,200\s*\$9,000/,
    );
  });
});
