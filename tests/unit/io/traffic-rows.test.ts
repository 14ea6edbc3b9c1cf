import { describe, expect, it } from 'vitest';
import type { Slice } from '../../../src/domain/scenario-schema';
import { makeNewSlice } from '../../../src/features/traffic/new-slice';
import {
  MAX_PASTED_CHARS,
  MAX_PASTED_ROWS,
  describeFractionPercents,
  readPastedRows,
} from '../../../src/io/traffic-rows';

/** A new slice's values, as the Traffic mix gives them. */
const defaults: Slice = makeNewSlice([]);

describe('readPastedRows', () => {
  it('refuses a percentage in a column that is not one, naming the column', () => {
    const pasted = readPastedRows('Name\tRequests\tCache hits\nChat\t25%\t25%\n', [], defaults);
    expect(pasted.rows[0]).toMatchObject({
      ok: false,
      errors: ['Requests per month is not a percentage: type the number itself (such as 250,000 or 150k)'],
    });
  });

  it('reads rows with a header in any order, spreadsheet numbers and percentages, other fields defaulted', () => {
    const text =
      'Name\tInput tokens\tRequests per month\tCache hits %\n' +
      'Support chat\t1,500\t$2M\t40%\n' +
      'Search\t800\t150k\t25\n';
    const pasted = readPastedRows(text, ['main'], defaults);
    expect(pasted.problem).toBeNull();
    expect(pasted.hasHeader).toBe(true);
    expect(pasted.rows.map((row) => (row.ok ? row.slice : row.errors))).toEqual([
      {
        ...defaults,
        id: 'support-chat',
        name: 'Support chat',
        inputTokens: 1500,
        requestsPerMonth: 2_000_000,
        cacheHitRate: 0.4,
      },
      {
        ...defaults,
        id: 'search',
        name: 'Search',
        inputTokens: 800,
        requestsPerMonth: 150_000,
        cacheHitRate: 0.25,
      },
    ]);
  });

  it('reads rows without a header in the Traffic mix column order', () => {
    const pasted = readPastedRows('Bulk\t1.5e6\t400\t80\r\nBulk\t10\t1\t1', ['bulk'], defaults);
    expect(pasted.hasHeader).toBe(false);
    expect(
      pasted.rows.map((row) =>
        row.ok ? [row.slice.id, row.slice.requestsPerMonth, row.slice.outputTokens] : row.errors,
      ),
    ).toEqual([
      // "bulk" is taken by the scenario, then by the first pasted row.
      ['bulk-2', 1_500_000, 80],
      ['bulk-3', 10, 1],
    ]);
  });

  it('gives each bad row its messages, naming the column, and keeps the good rows', () => {
    const text =
      'Name\tRequests\tInput\tBatched\n' + 'Good\t1000\t10\t0\n' + 'Bad\tlots\t-5\t150%\n' + '\t100\t10\t0\n';
    const pasted = readPastedRows(text, [], defaults);
    const [good, bad, nameless] = pasted.rows;
    expect(good?.ok).toBe(true);
    expect(bad).toMatchObject({ ok: false, line: 3 });
    expect(bad?.ok === false && bad.errors).toEqual([
      'Requests per month must be a number (such as 0.25, 2,000,000, $2M or 150k)',
      expect.stringMatching(/^Input tokens /),
      expect.stringMatching(/^Batch share .*100 %/),
    ]);
    expect(nameless?.ok === false && nameless.errors).toContain('Name is required');
  });

  it('refuses a header naming a column the Traffic mix does not have, and one without a name', () => {
    expect(readPastedRows('Name\tColour\nA\tred', [], defaults).problem).toBe(
      'The header names columns the Traffic mix does not have: “Colour”.',
    );
    expect(readPastedRows('Requests\tInput\n100\t10', [], defaults).problem).toBe(
      'The header needs a Name column.',
    );
    expect(readPastedRows('  \n', [], defaults).problem).toBe('Paste at least one row.');
  });

  it('reads up to 1,000 rows and 1,000,000 characters at once, and says so past either', () => {
    const row = (i: number) => `Chat ${i}\t1000\t500\t200`;
    const most = Array.from({ length: MAX_PASTED_ROWS }, (_, i) => row(i)).join('\n');
    const read = readPastedRows(most, [], defaults);
    expect(read.problem).toBeNull();
    expect(read.rows).toHaveLength(1000);
    expect(read.rows.every((r) => r.ok)).toBe(true);

    const tooMany = readPastedRows(`${most}\n${row(1000)}`, [], defaults);
    expect(tooMany.rows).toEqual([]);
    expect(tooMany.problem).toBe(
      '1,001 rows were pasted, more than the 1,000 read at once: paste them in parts.',
    );

    const tooLong = readPastedRows(`Name\n${'x'.repeat(MAX_PASTED_CHARS)}`, [], defaults);
    expect(tooLong.rows).toEqual([]);
    expect(tooLong.problem).toBe(
      'The pasted text is 1,000,005 characters, more than the 1,000,000 read at once: paste fewer rows at a time.',
    );
  });
});

describe('describeFractionPercents', () => {
  it('names each percentage column whose every value is a fraction, read as typed', () => {
    const text = 'Name\tCache hits\tBatched\tGrowth\n' + 'A\t0.25\t0.5\t0.02\n' + 'B\t1\t60\t0.01\n';
    const pasted = readPastedRows(text, [], defaults);
    // Cache hits 0.25 and 1: every value at most 1, so it reads 0.25 % and 1 % (the fraction 0.0025 and 0.01).
    expect(pasted.rows[0]?.ok && pasted.rows[0].slice.cacheHitRate).toBe(0.0025);
    // Batched has 60 (a percentage), so 0.5 there is taken as meant; Growth's 0.02 and 0.01 are fractions too.
    expect(describeFractionPercents(pasted)).toEqual([
      'Cache hit rate: every value is at most 1, so 0.25 reads as 0.25 %. For 25 %, paste 25 or 25%.',
      'Monthly growth: every value is at most 1, so 0.02 reads as 0.02 %. For 2 %, paste 2 or 2%.',
    ]);
  });

  it('says nothing of a column written with "%", of whole percentages, or of zeros and ones alone', () => {
    const text = 'Name\tCache hits\tBatched\tGrowth\n' + 'A\t0.5%\t25\t0\n' + 'B\t40%\t1\t1\n';
    expect(describeFractionPercents(readPastedRows(text, [], defaults))).toEqual([]);
  });
});
