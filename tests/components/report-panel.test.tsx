import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { ReportPanel } from '../../src/features/report/report-panel';
import { renderWithScenario } from '../factories/render-with-store';
import { readMoney } from '../factories/screen-queries';
import { makeSmallScenario } from '../factories/small-scenario';

/** Dollars compared to the cent. */
const CENTS = 2;

/**
 * The small scenario plus a "side" slice of 500,000 requests/month served through a direct API
 * ("cheap-direct": the cheap model's 1 / 2 $/MTok, on platform "mistral"), under a strategy that keeps the
 * main slice on Bedrock:
 *   main on "cheap" (Bedrock):        1,000,000 × $0.0012 = $1,200 a month
 *   side on "cheap-direct" (direct):    500,000 × $0.0012 =   $600 a month
 *   "Mixed" = $1,800 a month; "All on dear" = 1,500,000 × $0.0045 = $6,750 a month.
 */
function makeMixedPlatformScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  scenario.catalog.push({
    id: 'cheap-direct',
    name: 'Cheap model (direct API)',
    provider: 'Acme',
    platform: 'mistral',
    pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 2 },
    quality: 50,
  });
  scenario.traffic.push({
    id: 'side',
    name: 'Side traffic',
    requestsPerMonth: 500_000,
    inputTokens: 1000,
    outputTokens: 100,
  });
  scenario.strategies = [
    { id: 'all-dear', name: 'All on dear', kind: 'single', model: 'dear' },
    {
      id: 'mixed',
      name: 'Mixed',
      kind: 'assign',
      routes: { main: 'cheap', side: 'cheap-direct' },
      fallback: 'cheap',
    },
  ];
  scenario.credits = [];
  return scenario;
}

/** The small scenario without its $10,000 pool, so the whole POC-period spend is left for new credits. */
function makeScenarioWithoutCredits(): ScenarioInput {
  const scenario = makeSmallScenario();
  scenario.credits = [];
  return scenario;
}

afterEach(() => {
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

describe('ReportPanel', () => {
  it('recommends the cheapest strategy and asks the POC pool for its $10,000 minimum', async () => {
    renderWithScenario(<ReportPanel />, makeScenarioWithoutCredits());
    // Both strategies meet the slice's quality bar (0); "All on cheap" costs $14,400 over 12 months against
    // $54,000 for "All on dear" (see small-scenario.ts), so it is recommended.
    expect(screen.getByTestId('report-recommended')).toHaveTextContent('All on cheap');
    const cheapRow = screen.getByTestId('report-strategy-all-cheap');
    expect(within(cheapRow).getByText('Recommended')).toBeInTheDocument();
    // Months are labelled from startMonth 2027-01.
    const strategies = screen.getByTestId('report-strategies');
    expect(within(strategies).getByRole('columnheader', { name: 'Mar 2027' })).toBeInTheDocument();

    await screen.findByTestId('report-credit-ask');
    // POC period 3 months × $1,200 = $3,600, all on Bedrock, none in cash.
    expect(readMoney('report-ask-poc-spend')).toBeCloseTo(3_600, CENTS);
    expect(screen.getByTestId('report-ask-poc-spend')).toHaveTextContent('$3,600');
    expect(readMoney('report-ask-eligible')).toBeCloseTo(3_600, CENTS);
    expect(readMoney('report-ask-cash')).toBeCloseTo(0, CENTS);
    // $3,600 → ceil to $4,000, the smallest programme whose ceiling covers it is the Bedrock / GenAI POC
    // ($10K–$50K), so the request is raised to its $10,000 minimum. $10,000 pays 8 months of $1,200
    // ($9,600); a 9th month would need $10,800. Eight months: Jan 2027 – Aug 2027.
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent(
      'Request $10,000 from Bedrock / GenAI POC ($10,000–$50,000)',
    );
    expect(screen.getByTestId('report-ask-coverage')).toHaveTextContent(
      'It covers 8 months of eligible spend (Jan 2027 – Aug 2027): the POC period and 5 months more.',
    );
    expect(screen.getByTestId('report-ask-coverage')).toHaveTextContent(/partner-filed/);
  });

  it('shows the POC-period totals per strategy and what the discounts save', () => {
    renderWithScenario(<ReportPanel />, makeSmallScenario());
    // 3 months: cheap 3 × $1,200 = $3,600, dear 3 × $4,500 = $13,500. No caching or batch in this scenario:
    // list spend equals spend and both savings are zero.
    expect(
      within(screen.getByTestId('report-strategy-all-cheap')).getByTestId('report-poc-total'),
    ).toHaveTextContent('$3,600');
    expect(
      within(screen.getByTestId('report-strategy-all-dear')).getByTestId('report-poc-total'),
    ).toHaveTextContent('$13,500');
    expect(readMoney('report-list-spend')).toBeCloseTo(3_600, CENTS);
    expect(readMoney('report-caching-saves')).toBeCloseTo(0, CENTS);
    expect(readMoney('report-batch-saves')).toBeCloseTo(0, CENTS);
  });

  it('changes the ask when the POC period changes, and refuses a period beyond the horizon', async () => {
    const user = userEvent.setup();
    renderWithScenario(<ReportPanel />, makeScenarioWithoutCredits());
    await screen.findByTestId('report-credit-ask');
    const months = screen.getByLabelText('POC period');

    // 10 months × $1,200 = $12,000 → exactly $12,000 from the POC pool, covering the 10 months
    // ($13,200 would be needed for 11).
    await user.clear(months);
    await user.type(months, '10');
    expect(readMoney('report-ask-poc-spend')).toBeCloseTo(12_000, CENTS);
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent(
      'Request $12,000 from Bedrock / GenAI POC',
    );
    expect(screen.getByTestId('report-ask-coverage')).toHaveTextContent(
      'It covers 10 months of eligible spend (Jan 2027 – Oct 2027): the whole POC period.',
    );

    // The horizon is 12 months: 13 is refused. Typing it passes through "1", valid on the way, but the refused
    // text puts back the 10 months from before it was typed: 10 × $1,200.
    await user.clear(months);
    await user.type(months, '13');
    expect(screen.getByRole('alert')).toHaveTextContent('POC period must be between 1 and 12');
    expect(readMoney('report-ask-poc-spend')).toBeCloseTo(12_000, CENTS);
  });

  it('reports direct-API spend as paid in cash, outside the credit ask', async () => {
    renderWithScenario(<ReportPanel />, makeMixedPlatformScenario());
    expect(screen.getByTestId('report-recommended')).toHaveTextContent('Mixed');
    await screen.findByTestId('report-credit-ask');
    // 3 months × $1,800 = $5,400: $3,600 on Bedrock (eligible), $1,800 on the direct API (cash).
    expect(readMoney('report-ask-poc-spend')).toBeCloseTo(5_400, CENTS);
    expect(readMoney('report-ask-eligible')).toBeCloseTo(3_600, CENTS);
    expect(readMoney('report-ask-cash')).toBeCloseTo(1_800, CENTS);
    expect(screen.getByTestId('report-ask-cash')).toHaveTextContent('$1,800');
    // Only the Bedrock part is asked for: $3,600 → the POC pool's $10,000 minimum, 8 months of $1,200.
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent('Request $10,000');
    expect(screen.getByTestId('report-ask-coverage')).toHaveTextContent('It covers 8 months');
    expect(screen.getByText(/Credits cover Bedrock \(AWS\) spend only/)).toBeInTheDocument();
  });

  it('asks for nothing when all the spend is on direct APIs', async () => {
    const scenario = makeSmallScenario();
    for (const model of scenario.catalog) model.platform = 'mistral';
    renderWithScenario(<ReportPanel />, scenario);
    await screen.findByTestId('report-credit-ask');
    expect(readMoney('report-ask-cash')).toBeCloseTo(3_600, CENTS);
    expect(readMoney('report-ask-eligible')).toBeCloseTo(0, CENTS);
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent('No credit programme applies');
  });

  it('recommends the cheapest strategy that meets every quality bar', () => {
    const scenario = makeSmallScenario();
    scenario.traffic[0]!.qualityBar = 60;
    renderWithScenario(<ReportPanel />, scenario);
    // "cheap" has quality 50 < 60: "All on cheap" misses the bar, so the dearer "All on dear" (90) is recommended.
    expect(screen.getByTestId('report-recommended')).toHaveTextContent('All on dear');
    expect(screen.getByTestId('report-strategy-all-cheap')).toHaveTextContent(
      'Main traffic: Cheap model scores 50, below the bar of 60, on 100% of requests',
    );
    expect(screen.getByTestId('report-strategy-all-dear')).toHaveTextContent('All met');
  });

  it('shows who it is prepared for and by, and prints', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderWithScenario(<ReportPanel />, makeSmallScenario());
    expect(screen.getByRole('heading', { level: 2, name: 'Small test scenario' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Prepared for'), 'Acme GmbH');
    await user.type(screen.getByLabelText('Prepared by'), 'Jane Doe');
    expect(screen.getByTestId('report-prepared-for')).toHaveTextContent('Acme GmbH');
    expect(screen.getByTestId('report-prepared-by')).toHaveTextContent('Jane Doe');
    await user.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('names the sources of the recommended strategy’s prices and says seed figures need confirming', async () => {
    const scenario = makeSmallScenario();
    scenario.catalog[1]!.source = { label: 'seed: representative 2026 rates', asOf: '2026' };
    scenario.traffic[0]!.qualityBar = 60;
    renderWithScenario(<ReportPanel />, scenario);
    const footnote = screen.getByTestId('report-footnote');
    expect(footnote).toHaveTextContent('Figures marked “seed” are representative');
    expect(footnote).toHaveTextContent('Dear model: seed: representative 2026 rates.');
    expect(footnote).not.toHaveTextContent('Cheap model');
    // The programmes' source appears once they have loaded.
    expect(
      await within(footnote).findByText(/Credit programmes: seed: AWS credit programmes/),
    ).toBeInTheDocument();
  });

  it('asks only for what the credits already held leave unpaid, and says so', async () => {
    const scenario = makeScenarioWithoutCredits();
    scenario.traffic[0]!.requestsPerMonth = 10_000_000;
    scenario.credits = [{ id: 'held', name: 'Activate (held)', amount: 20_000, appliesTo: ['bedrock'] }];
    renderWithScenario(<ReportPanel />, scenario);
    await screen.findByTestId('report-credit-ask');
    // All on cheap: 10,000,000 × $0.0012 = $12,000 a month; 3 months $36,000. The $20,000 held pays
    // $20,000 of it, leaving $16,000 → the POC pool ($10K–$50K), $16,000.
    expect(readMoney('report-ask-poc-spend')).toBeCloseTo(36_000, CENTS);
    expect(readMoney('report-ask-held')).toBeCloseTo(20_000, CENTS);
    expect(readMoney('report-ask-eligible')).toBeCloseTo(16_000, CENTS);
    expect(readMoney('report-ask-cash')).toBeCloseTo(0, CENTS);
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent(
      'Request $16,000 from Bedrock / GenAI POC ($10,000–$50,000), net of the $20,000 the credits already held pay in the POC period',
    );
  });

  it('asks for nothing when the credits already held pay the whole POC period', async () => {
    // The small scenario's $10,000 Bedrock pool pays the 3 months' $3,600 of "All on cheap".
    renderWithScenario(<ReportPanel />, makeSmallScenario());
    await screen.findByTestId('report-credit-ask');
    expect(readMoney('report-ask-held')).toBeCloseTo(3_600, CENTS);
    expect(screen.getByTestId('report-ask-request')).toHaveTextContent(
      'Nothing to request: the credits already held pay all $3,600 of the POC period’s spend they cover.',
    );
  });

  it('recommends by least cash out of pocket when the user picks it, and says which basis it used', async () => {
    const user = userEvent.setup();
    // "All on dear" ($4,500 a month, Bedrock) is paid by a $100,000 Bedrock pool for 12 months; "Direct"
    // (2 / 8 $/MTok: $0.0028 a request, $2,800 a month) is on a direct API no pool pays.
    const scenario = makeSmallScenario();
    scenario.traffic[0]!.qualityBar = 60;
    scenario.catalog.push({
      id: 'direct',
      name: 'Direct model',
      provider: 'Acme',
      platform: 'acme-api',
      pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 8 },
      quality: 90,
    });
    scenario.strategies.push({ id: 'all-direct', name: 'All on direct', kind: 'single', model: 'direct' });
    scenario.credits = [{ id: 'pool', name: 'Pool', amount: 100_000, appliesTo: ['bedrock'] }];
    renderWithScenario(<ReportPanel />, scenario);

    // Least total spend (the default): direct, 12 × $2,800 = $33,600 against 12 × $4,500 = $54,000.
    expect(screen.getByTestId('report-recommended')).toHaveTextContent('All on direct');
    expect(screen.getByTestId('report-basis')).toHaveTextContent(
      'Chosen for the least total spend over the first 12 months ($33,600, whoever pays it) among the strategies that break no constraint.',
    );
    // Least cash: dear costs no cash (the pool pays its $54,000); direct costs $33,600.
    await user.selectOptions(screen.getByLabelText('Recommend by'), 'Least cash out of pocket');
    expect(screen.getByTestId('report-recommended')).toHaveTextContent('All on dear');
    expect(screen.getByTestId('report-basis')).toHaveTextContent(
      'Chosen for the least cash out of pocket over the first 12 months ($0 after the credits already held)',
    );
  });

  it('says which model serves each slice, where a cascade escalates, and what each slice costs', () => {
    const scenario = makeMixedPlatformScenario();
    scenario.strategies = [
      {
        id: 'cascade',
        name: 'Cascade',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear'], escalation: [0.15] } },
        fallback: 'cheap-direct',
      },
    ];
    renderWithScenario(<ReportPanel />, scenario);
    expect(
      screen.getByRole('heading', { name: 'The traffic, and how Cascade serves it' }),
    ).toBeInTheDocument();
    // Main: cheap for all, 15% escalate to dear: 0.0012 + 0.15 × 0.0045 = $0.001875 × 1,000,000 × 3 = $5,625.
    const main = screen.getByTestId('report-slice-main');
    expect(main).toHaveTextContent('Cheap model; 15% escalate to Dear model');
    expect(main).toHaveTextContent('$5,625');
    // Side on the fallback: 500,000 × $0.0012 × 3 = $1,800. Total $7,425.
    const side = screen.getByTestId('report-slice-side');
    expect(side).toHaveTextContent('Cheap model (direct API)');
    expect(side).toHaveTextContent('$1,800');
    expect(readMoney('report-service-total')).toBeCloseTo(7_425, CENTS);
  });

  it('states the date, how long the prices hold and the currency', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 2, 10), toFake: ['Date'] });
    const scenario = makeSmallScenario();
    for (const model of scenario.catalog) model.source = { label: 'Acme price list', asOf: '2026-10-08' };
    renderWithScenario(<ReportPanel />, scenario);
    vi.useRealTimers();
    expect(screen.getByTestId('report-prepared-on')).toHaveTextContent('2 December 2026');
    expect(screen.getByTestId('report-validity')).toHaveTextContent(
      'as of 8 October 2026; valid for 30 days, until 1 January 2027',
    );
    expect(screen.getByTestId('report-currency')).toHaveTextContent('US dollars (USD), before tax');
    expect(screen.getByTestId('report-footnote')).toHaveTextContent(
      'Credits already held: Pool $10,000, as entered; the credit ask is net of them.',
    );
  });

  it('names the models whose prices are more than 90 days old beside the validity', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 2, 10), toFake: ['Date'] });
    const scenario = makeSmallScenario();
    // 2026-08-01 is 123 days before 2026-12-02; 2026-10-08 is 55.
    for (const model of scenario.catalog)
      model.source = { label: 'Acme price list', asOf: model.id === 'cheap' ? '2026-08-01' : '2026-10-08' };
    renderWithScenario(<ReportPanel />, scenario);
    vi.useRealTimers();
    // The strategy the estimate recommends here is priced by Cheap model alone, so its prices are as of
    // 1 August, and that price is the old one.
    expect(screen.getByTestId('report-validity')).toHaveTextContent(
      'as of 1 August 2026; valid for 30 days, until 1 January 2027 (the price of Cheap model is ' +
        'more than 90 days old: check it against the provider’s list before you send this)',
    );
  });

  it('says the prices are undated when no model it uses gives a date', () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 2, 10), toFake: ['Date'] });
    const scenario = makeSmallScenario();
    for (const model of scenario.catalog) delete model.source;
    renderWithScenario(<ReportPanel />, scenario);
    vi.useRealTimers();
    expect(screen.getByTestId('report-validity')).toHaveTextContent(
      'undated (no model it uses gives its prices a date); valid for 30 days, until 1 January 2027',
    );
  });
});
