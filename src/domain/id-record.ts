/**
 * Records keyed by user-chosen ids (models, slices, pools). An id may be `__proto__` or `constructor`, so every
 * copy is a null-prototype object built from the source's own keys, in their order.
 */

/** A copy of `record`, each value passed through `mapValue` (kept as it is by default). */
export function mapIdRecord<T, U = T>(
  record: Readonly<Record<string, T>>,
  mapValue: (value: T) => U = (value) => value as unknown as U,
): Record<string, U> {
  const out = Object.create(null) as Record<string, U>;
  for (const key of Object.keys(record)) out[key] = mapValue(record[key] as T);
  return out;
}
