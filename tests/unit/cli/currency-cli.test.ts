import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';

const smallText = readFileSync(new URL('../../fixtures/small-scenario.json', import.meta.url), 'utf8');

type Run = { code: number; stdout: string; stderr: string };

/** Runs the CLI over one in-memory scenario file, today being 2027-03-14. */
function run(argv: string[], text = smallText): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: () => text,
    stdout: (out) => (stdout += out),
    stderr: (err) => (stderr += err),
    today: () => '2027-03-14',
  });
  return { code, stdout, stderr };
}

// "All on dear" in month 0: 1,000,000 requests × (1,000 × $3 + 100 × $15) / 1M = $4,500; at 0.92 EUR per USD,
// €4,140.00; at 0.79 GBP per USD, £3,555.00.
describe('--currency and --rate', () => {
  it('prints the table in EUR at the rate given, dated today, and says so under the heading', () => {
    const { code, stdout, stderr } = run([
      's.json',
      '--format',
      'table',
      '--currency',
      'EUR',
      '--rate',
      '0.92',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[1]).toBe('Money in EUR at 0.92 per USD, set 2027-03-14');
    expect(stdout).toContain('€4,140.00');
    expect(stdout).not.toContain('$4,500.00');
  });

  it('keeps USD by default and says so', () => {
    const { stdout } = run(['s.json', '--format', 'table']);
    expect(stdout.split('\n')[1]).toBe('Money in USD');
    expect(stdout).toContain('$4,500.00');
  });

  it("uses the scenario's own display currency when no flag is given", () => {
    const document = {
      ...JSON.parse(smallText),
      displayCurrency: { currency: 'GBP', perUsd: 0.79, setOn: '2026-12-01' },
    };
    const { stdout } = run(['s.json', '--format', 'table'], JSON.stringify(document));
    expect(stdout.split('\n')[1]).toBe('Money in GBP at 0.79 per USD, set 2026-12-01');
    expect(stdout).toContain('£3,555.00');
  });

  it('writes the CSV in the currency, naming it in the money columns and carrying the rate', () => {
    const { code, stdout } = run(['s.json', '--format', 'csv', '--currency', 'eur', '--rate', '0.92']);
    expect(code).toBe(0);
    const [header, first] = stdout.split('\n');
    const columns = header!.split(',');
    expect(columns.slice(4, 7)).toEqual(['spend (EUR)', 'listSpend (EUR)', 'cachingSavings (EUR)']);
    expect(columns).toContain('creditsDrawn.pool (EUR)');
    expect(columns.at(-1)).toBe('EUR per USD (set 2027-03-14)');
    const cells = first!.split(',');
    expect(cells[4]).toBe('4140.00');
    expect(cells.at(-1)).toBe('0.92');
  });

  it('leaves the JSON in USD at full precision, with a note', () => {
    const { code, stdout, stderr } = run(['s.json', '--currency', 'EUR', '--rate', '0.92']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).strategies[0].months[0].spend).toBeCloseTo(4500, 9);
    expect(stderr).toContain('JSON stays in USD');
  });

  it.each([
    [['--currency', 'JPY', '--rate', '150'], 'error: --currency must be USD, EUR or GBP, not "JPY"\n'],
    [
      ['--currency', 'EUR'],
      'error: --rate is required with --currency EUR: how many EUR one US dollar buys\n',
    ],
    [['--rate', '0.92'], 'error: --rate needs --currency (USD, EUR or GBP)\n'],
    [
      ['--currency', 'EUR', '--rate', 'abc'],
      'error: --rate must be a plain decimal number such as 0.92, not "abc"\n',
    ],
    [['--currency', 'EUR', '--rate', '0'], 'error: --rate: must be more than 0\n'],
    [
      ['--currency', 'EUR', '--rate', '-1'],
      'error: --rate must be a plain decimal number such as 0.92, not "-1"\n',
    ],
    [['--currency', 'USD', '--rate', '0.9'], 'error: --rate: must be 1 when the currency is USD\n'],
  ])('refuses %j with exit 1 and one message, printing nothing', (flags, message) => {
    const { code, stdout, stderr } = run(['s.json', '--format', 'table', ...flags]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });
});
