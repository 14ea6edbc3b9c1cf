/**
 * Ranges on uncertain inputs. A scenario file may give a slice's or the finance block's numbers, a cascade's
 * escalation rates or a router's shares as `{ "low": …, "likely": …, "high": … }` instead of a number. In memory
 * the field keeps the likely value, so every point estimate is computed exactly as before, and the low and
 * high values sit beside it (`slice.ranges`, `finance.ranges`, `route.escalationRanges`,
 * `strategy.shareRanges`), where Monte Carlo and sensitivity analysis read them.
 */
import { FINANCE_RANGE_FIELDS, SLICE_RANGE_FIELDS, financeSchema, sliceSchema } from './scenario-schema';
import type { Scenario, ValueRange } from './scenario-schema';
import type { ValidationIssue } from './validate-scenario';
import { mapIdRecord } from './id-record';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `{ low, likely, high }` at `path`. Returns the likely value and the range, or an issue when the object
 * is not a well-formed range (the order of the three is checked after the field's own checks, in
 * `checkRanges`).
 */
function readRange(
  value: JsonObject,
  path: string,
  issues: ValidationIssue[],
): { likely: number; range: ValueRange } | null {
  const keys = Object.keys(value).sort().join(',');
  const { low, likely, high } = value;
  if (
    keys !== 'high,likely,low' ||
    typeof low !== 'number' ||
    typeof likely !== 'number' ||
    typeof high !== 'number' ||
    ![low, likely, high].every(Number.isFinite)
  ) {
    issues.push({ path, message: 'must be a number or a range { "low": n, "likely": n, "high": n }' });
    return null;
  }
  return { likely, range: { low, high } };
}

/** Lifts range objects out of the fields of `target` listed in `fields`, into `target.ranges`. */
function liftFields(target: JsonObject, fields: readonly string[], path: string, issues: ValidationIssue[]) {
  let ranges: JsonObject | null = null;
  for (const field of fields) {
    const value = target[field];
    if (!isObject(value)) continue;
    const read = readRange(value, `${path}.${field}`, issues);
    if (!read) continue;
    target[field] = read.likely;
    ranges ??= isObject(target['ranges'])
      ? mapIdRecord(target['ranges'])
      : (Object.create(null) as JsonObject);
    ranges[field] = read.range;
  }
  if (ranges) target['ranges'] = ranges;
}

/**
 * Turns a scenario document as written in a file (ranges in place of numbers) into the in-memory form (likely
 * values in the fields, ranges beside them). Only the touched objects are copied; anything malformed is left
 * for the schema to report, except range objects that are not `{low, likely, high}` numbers, reported here.
 */
export function liftRanges(document: JsonObject): { document: JsonObject; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const out = mapIdRecord(document);
  if (Array.isArray(document['traffic'])) {
    out['traffic'] = document['traffic'].map((slice: unknown, index: number) => {
      if (!isObject(slice)) return slice;
      const copy = mapIdRecord(slice);
      liftFields(copy, SLICE_RANGE_FIELDS, `traffic[${index}]`, issues);
      return copy;
    });
  }
  if (isObject(document['finance'])) {
    const copy = mapIdRecord(document['finance']);
    liftFields(copy, FINANCE_RANGE_FIELDS, 'finance', issues);
    out['finance'] = copy;
  }
  if (Array.isArray(document['strategies'])) {
    out['strategies'] = document['strategies'].map((strategy: unknown, index: number) => {
      if (!isObject(strategy) || !isObject(strategy['routes'])) return strategy;
      const base = `strategies[${index}]`;
      const routes = mapIdRecord(strategy['routes']);
      const copy = mapIdRecord(strategy);
      copy['routes'] = routes;
      if (strategy['kind'] === 'cascade') {
        for (const sliceId of Object.keys(routes)) {
          const route = routes[sliceId];
          if (!isObject(route) || !Array.isArray(route['escalation'])) continue;
          const escalation = route['escalation'] as unknown[];
          if (!escalation.some(isObject)) continue;
          const ranges: (ValueRange | null)[] = Array.isArray(route['escalationRanges'])
            ? [...(route['escalationRanges'] as (ValueRange | null)[])]
            : escalation.map(() => null);
          const rates = escalation.map((rate, i) => {
            if (!isObject(rate)) return rate;
            const read = readRange(rate, `${base}.routes.${sliceId}.escalation[${i}]`, issues);
            if (!read) return rate;
            ranges[i] = read.range;
            return read.likely;
          });
          routes[sliceId] = { ...mapIdRecord(route), escalation: rates, escalationRanges: ranges };
        }
      }
      if (strategy['kind'] === 'router') {
        let shareRanges: JsonObject | null = null;
        for (const sliceId of Object.keys(routes)) {
          const shares = routes[sliceId];
          if (!isObject(shares)) continue;
          const sharesCopy = mapIdRecord(shares);
          for (const modelId of Object.keys(shares)) {
            const share = shares[modelId];
            if (!isObject(share)) continue;
            const read = readRange(share, `${base}.routes.${sliceId}.${modelId}`, issues);
            if (!read) continue;
            sharesCopy[modelId] = read.likely;
            shareRanges ??= isObject(strategy['shareRanges'])
              ? mapIdRecord(strategy['shareRanges'])
              : (Object.create(null) as JsonObject);
            const forSlice = isObject(shareRanges[sliceId])
              ? mapIdRecord(shareRanges[sliceId])
              : (Object.create(null) as JsonObject);
            forSlice[modelId] = read.range;
            shareRanges[sliceId] = forSlice;
          }
          routes[sliceId] = sharesCopy;
        }
        if (shareRanges) copy['shareRanges'] = shareRanges;
      }
      return copy;
    });
  }
  return { document: out, issues };
}

function checkRange(
  range: ValueRange,
  likely: number,
  path: string,
  fieldSchema: {
    safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } };
  },
  issues: ValidationIssue[],
) {
  for (const end of ['low', 'high'] as const) {
    const parsed = fieldSchema.safeParse(range[end]);
    if (!parsed.success) {
      issues.push({ path: `${path}.${end}`, message: parsed.error?.issues[0]?.message ?? 'is not valid' });
    }
  }
  if (!(range.low <= likely && likely <= range.high)) {
    issues.push({
      path,
      message: `must have low ≤ likely ≤ high (${range.low} ≤ ${likely} ≤ ${range.high})`,
    });
  }
}

const unitRate = {
  safeParse: (value: unknown) =>
    typeof value === 'number' && value >= 0 && value <= 1
      ? { success: true }
      : { success: false, error: { issues: [{ message: 'must be between 0 and 1' }] } },
};

/** Every range keeps low ≤ likely ≤ high, and its ends obey the field's own rule (a rate stays in 0..1). */
export function checkRanges(scenario: Scenario): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  scenario.traffic.forEach((slice, index) => {
    if (!slice.ranges) return;
    for (const field of SLICE_RANGE_FIELDS) {
      const range = slice.ranges[field];
      if (range)
        checkRange(range, slice[field], `traffic[${index}].${field}`, sliceSchema.shape[field], issues);
    }
  });
  const financeRanges = scenario.finance.ranges;
  if (financeRanges) {
    for (const field of FINANCE_RANGE_FIELDS) {
      const range = financeRanges[field];
      if (range)
        checkRange(range, scenario.finance[field], `finance.${field}`, financeSchema.shape[field], issues);
    }
  }
  scenario.strategies.forEach((strategy, index) => {
    const base = `strategies[${index}]`;
    if (strategy.kind === 'cascade') {
      for (const sliceId of Object.keys(strategy.routes)) {
        const route = strategy.routes[sliceId]!;
        const ranges = route.escalationRanges;
        if (!ranges) continue;
        if (ranges.length !== route.escalation.length) {
          issues.push({
            path: `${base}.routes.${sliceId}.escalationRanges`,
            message: 'must have one entry per escalation rate',
          });
          continue;
        }
        ranges.forEach((range, i) => {
          if (range) {
            const path = `${base}.routes.${sliceId}.escalation[${i}]`;
            checkRange(range, route.escalation[i] ?? 0, path, unitRate, issues);
          }
        });
      }
    }
    if (strategy.kind === 'router' && strategy.shareRanges) {
      for (const sliceId of Object.keys(strategy.shareRanges)) {
        const ranges = strategy.shareRanges[sliceId]!;
        const shares = Object.hasOwn(strategy.routes, sliceId) ? strategy.routes[sliceId]! : null;
        for (const modelId of Object.keys(ranges)) {
          const path = `${base}.routes.${sliceId}.${modelId}`;
          if (!shares || !Object.hasOwn(shares, modelId)) {
            issues.push({ path, message: 'has a range but no share' });
            continue;
          }
          checkRange(ranges[modelId]!, shares[modelId]!, path, unitRate, issues);
        }
      }
    }
  });
  return issues;
}

/** Whether any input of the scenario carries a range. */
export function hasRanges(scenario: Scenario): boolean {
  return (
    scenario.traffic.some((slice) => slice.ranges && Object.values(slice.ranges).some(Boolean)) ||
    Boolean(scenario.finance.ranges && Object.values(scenario.finance.ranges).some(Boolean)) ||
    scenario.strategies.some(
      (strategy) =>
        (strategy.kind === 'cascade' &&
          Object.values(strategy.routes).some((route) => route.escalationRanges?.some(Boolean))) ||
        (strategy.kind === 'router' &&
          Object.values(strategy.shareRanges ?? {}).some((ranges) => Object.keys(ranges).length > 0)),
    )
  );
}
