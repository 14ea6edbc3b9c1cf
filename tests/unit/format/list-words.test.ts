import { describe, expect, it } from 'vitest';
import { listWords } from '../../../src/format/format';

describe('listWords', () => {
  it('lists words as a person does', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['Jun 2032'])).toBe('Jun 2032');
    expect(listWords(['Jun 2032', 'Dec 2034'])).toBe('Jun 2032 and Dec 2034');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
