import { describe, expect, it } from 'vitest';
import { matchKeys } from '../../../src/features/traffic/use-stable-keys';

const start = matchKeys({ ids: [], keys: [], nextKey: 0 }, ['a', 'b', 'c']);

describe('matchKeys', () => {
  it('gives fresh keys to a new list', () => {
    expect(start.keys).toEqual(['k0', 'k1', 'k2']);
  });

  it('keeps keys with their ids when the list is reordered or shortened', () => {
    expect(matchKeys(start, ['c', 'a', 'b']).keys).toEqual(['k2', 'k0', 'k1']);
    expect(matchKeys(start, ['a', 'c']).keys).toEqual(['k0', 'k2']);
  });

  it('lets a renamed id inherit the key at its position', () => {
    expect(matchKeys(start, ['a', 'bee', 'c']).keys).toEqual(['k0', 'k1', 'k2']);
  });

  it('gives inserted ids fresh keys without stealing a kept one', () => {
    expect(matchKeys(start, ['a', 'a-copy', 'b', 'c']).keys).toEqual(['k0', 'k3', 'k1', 'k2']);
  });
});
