import { describe, expect, it } from 'vitest';
import { steppedIndex } from '../../../src/charts/plot-keys';

const DOWN_FIRST = ['ArrowDown', 'ArrowRight'] as const;

describe('steppedIndex', () => {
  it('steps forward and back within the items, and stops at the ends', () => {
    // Three items, the second shown (index 1).
    expect(steppedIndex('ArrowDown', 1, 3, DOWN_FIRST)).toBe(2);
    expect(steppedIndex('ArrowRight', 2, 3, DOWN_FIRST)).toBe(2);
    expect(steppedIndex('ArrowUp', 1, 3, DOWN_FIRST)).toBe(0);
    expect(steppedIndex('ArrowLeft', 0, 3, DOWN_FIRST)).toBe(0);
    expect(steppedIndex('Home', 2, 3, DOWN_FIRST)).toBe(0);
    expect(steppedIndex('End', 0, 3, DOWN_FIRST)).toBe(2);
  });

  it('shows the first item on any arrow when none is shown, and none on Escape', () => {
    expect(steppedIndex('ArrowDown', -1, 3, DOWN_FIRST)).toBe(0);
    expect(steppedIndex('ArrowUp', -1, 3, DOWN_FIRST)).toBe(0);
    expect(steppedIndex('Escape', 1, 3, DOWN_FIRST)).toBeNull();
  });

  it('leaves other keys, and a plot with no items, alone', () => {
    expect(steppedIndex('Tab', 1, 3, DOWN_FIRST)).toBeUndefined();
    expect(steppedIndex('a', 1, 3, DOWN_FIRST)).toBeUndefined();
    expect(steppedIndex('ArrowDown', -1, 0, DOWN_FIRST)).toBeUndefined();
  });
});
