import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../../src/charts/chart-image';

/** Every character 10 px wide. */
const tenPx = (text: string) => text.length * 10;

describe('wrapWords', () => {
  it('breaks between words so that no line is wider than the room', () => {
    // 120 px holds 12 characters: "What moves" (10) + " the" would be 14.
    expect(wrapWords('What moves the 12-month spend: Cheap', 120, tenPx)).toEqual([
      'What moves',
      'the 12-month',
      'spend: Cheap',
    ]);
  });

  it('keeps a title that fits on one line, and gives a word wider than a line a line of its own', () => {
    expect(wrapWords('Monthly spend', 300, tenPx)).toEqual(['Monthly spend']);
    expect(wrapWords('a verylongwordindeed b', 100, tenPx)).toEqual(['a', 'verylongwordindeed', 'b']);
  });
});
