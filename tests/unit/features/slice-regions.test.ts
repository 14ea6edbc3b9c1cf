import { describe, expect, it } from 'vitest';
import { parseRegions } from '../../../src/features/traffic/slice-row';

describe('parseRegions (a slice’s allowed regions as typed)', () => {
  it('reads comma-separated regions, lower-cased as the catalog writes them, each once', () => {
    expect(parseRegions('EU, eu-west-3 ,eu')).toEqual(['eu', 'eu-west-3']);
  });

  it('reads nothing typed as anywhere', () => {
    expect(parseRegions('')).toBeNull();
    expect(parseRegions(' , ')).toBeNull();
  });
});
