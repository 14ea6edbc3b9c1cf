import { describe, expect, it } from 'vitest';
import { makeFileName } from '../../../src/ui/download';

describe('makeFileName', () => {
  it('makes a title’s colon a spaced dash, so the name reads as the title does', () => {
    expect(makeFileName('Credits and cash: 12 months', '.png', 'chart')).toBe(
      'Credits and cash – 12 months.png',
    );
    expect(makeFileName('EU: support', '.scenario.json')).toBe('EU – support.scenario.json');
    expect(makeFileName('What moves the cash runway : Cheap', '.svg')).toBe(
      'What moves the cash runway – Cheap.svg',
    );
    expect(makeFileName('Plan | v2', '.csv')).toBe('Plan – v2.csv');
  });

  it('turns slashes into hyphens, drops what file systems refuse, and collapses spaces', () => {
    expect(makeFileName('A/B test\\draft', '.csv')).toBe('A-B test-draft.csv');
    expect(makeFileName('What if? <final>  "v2"*', '.csv')).toBe('What if final v2.csv');
    expect(makeFileName('Tabs\tand\nlines', '.txt')).toBe('Tabs and lines.txt');
  });

  it('trims dots, spaces and dashes at the ends, keeps 100 characters, and falls back when nothing is left', () => {
    expect(makeFileName('..hidden.', '.json')).toBe('hidden.json');
    expect(makeFileName(': Cheap', '.png', 'chart')).toBe('Cheap.png');
    expect(makeFileName('???', '.png', 'chart')).toBe('chart.png');
    expect(makeFileName(`${'a'.repeat(99)} b`, '.json')).toBe(`${'a'.repeat(99)}.json`);
  });
});
