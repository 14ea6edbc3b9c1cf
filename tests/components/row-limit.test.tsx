import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRowLimit } from '../../src/ui/row-limit';

describe('useRowLimit', () => {
  it('draws a new table 12 rows a frame until its first 40 are in, never more at once', async () => {
    const counts: number[] = [];
    const { result } = renderHook(() => {
      const limit = useRowLimit(200);
      counts.push(limit.count);
      return limit;
    });
    await waitFor(() => expect(result.current.count).toBe(40));
    // Each render draws what the previous one did or one pass more: 12, 24, 36, then the last 4 of the 40.
    expect([...new Set(counts)]).toEqual([12, 24, 36, 40]);
    expect(result.current).toMatchObject({ total: 200, first: 40, showsAll: false });
  });

  it('draws a short table whole at once', () => {
    const { result } = renderHook(() => useRowLimit(9));
    expect(result.current.count).toBe(9);
  });
});
