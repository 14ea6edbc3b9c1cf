import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexById, indexEditedList } from '../../../src/domain/find-by-id';

type Entry = { id: string; value: number };

/** What reading the list from scratch gives: each id's first entry, in list order. */
function freshIndex(list: readonly Entry[]): [string, Entry][] {
  const index = new Map<string, Entry>();
  for (const entry of list) if (!index.has(entry.id)) index.set(entry.id, entry);
  return [...index];
}

describe('indexById', () => {
  it('gives each id its first entry', () => {
    const a = { id: 'a', value: 1 };
    const again = { id: 'a', value: 2 };
    const b = { id: 'b', value: 3 };
    expect([...indexById([a, b, again])]).toEqual([
      ['a', a],
      ['b', b],
    ]);
  });
});

describe('indexEditedList', () => {
  it('after any edit in place, the index is the one read from scratch, whether it was derived or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.nat() }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom('a', 'b', 'x')), { maxLength: 4 }),
        (previous: Entry[], edits) => {
          indexById(previous);
          const next: Entry[] = [...previous];
          const replaced = new Set<number>();
          for (const [position, keepId, otherId] of edits) {
            const at = position % next.length;
            next[at] = { id: keepId ? next[at]!.id : otherId, value: -1 };
            replaced.add(at);
          }
          indexEditedList(previous, next, [...replaced]);
          expect([...indexById(next)]).toEqual(freshIndex(next));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('copies the previous index with the replaced entry swapped in when its id is kept', () => {
    const previous = Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, value: i }));
    indexById(previous);
    const edited = { id: 'm2', value: 99 };
    const next = previous.map((entry, i) => (i === 2 ? edited : entry));
    indexEditedList(previous, next, [2]);
    expect(indexById(next).get('m2')).toBe(edited);
    expect(indexById(next).size).toBe(5);
  });

  it('stays the index read from scratch through a long run of edits, each made from the one before', () => {
    // Each edit adds its swaps to those of the index before; past 64 swapped entries they are folded into a
    // plain map. Edits of 1 to 40 neighbouring entries of 80, up to 30 in a row, cross that line in most runs.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 }), fc.nat()), {
          minLength: 1,
          maxLength: 30,
        }),
        (edits) => {
          let list: Entry[] = Array.from({ length: 80 }, (_, i) => ({ id: `m${i}`, value: i }));
          indexById(list);
          for (const [first, count, value] of edits) {
            const replaced = Array.from({ length: count }, (_, i) => (first + i) % list.length);
            const next = list.map((entry, i) => (replaced.includes(i) ? { id: entry.id, value } : entry));
            expect(indexEditedList(list, next, replaced)).toBe(true);
            list = next;
            const index = indexById(list);
            const fresh = freshIndex(list);
            expect([...index]).toEqual(fresh);
            expect([...index.values()]).toEqual(fresh.map(([, entry]) => entry));
            for (const [id, entry] of fresh) expect(index.get(id)).toBe(entry);
            expect(index.has('absent')).toBe(false);
            expect(index.size).toBe(fresh.length);
          }
        },
      ),
      { seed: 12, numRuns: 100 },
    );
  });
});
