/**
 * How old a price is: the day a source's `asOf` names, and whether it is older than the catalog and the POC
 * estimate accept without a notice. Pure: the caller gives today's date.
 */
import type { Model } from './scenario-schema';

/** A price older than this many days gets a notice. */
export const STALE_AFTER_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * The day an `asOf` names, as UTC milliseconds: YYYY-MM-DD as written; YYYY-MM and YYYY from their first day (so
 * a year-only date is never read as newer than it may be). Null when it names no date.
 */
function readAsOfDay(asOf: string): number | null {
  let day = asOfDays.get(asOf);
  if (day === undefined) {
    // A catalog repeats a few dates over thousands of models: each is read once (and the list stays short).
    if (asOfDays.size >= AS_OF_DAYS_KEPT) asOfDays.clear();
    day = parseAsOfDay(asOf);
    asOfDays.set(asOf, day);
  }
  return day;
}

const AS_OF_DAYS_KEPT = 1000;
const asOfDays = new Map<string, number | null>();

function parseAsOfDay(asOf: string): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(asOf.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return Number.isNaN(time) ? null : time;
}

/**
 * Whole days from a model's `source.asOf` to `today` (YYYY-MM-DD, given by the caller: this module never reads the
 * clock); 0 for a date after today; null without a source or a readable date.
 */
export function measurePriceAgeDays(model: Model, today: string): number | null {
  return model.source ? measureAsOfAgeDays(model.source.asOf, today) : null;
}

/** Whole days from a source's `asOf` to `today`, as `measurePriceAgeDays`; null for no readable date. */
function measureAsOfAgeDays(asOf: string, today: string): number | null {
  const day = readAsOfDay(asOf);
  const now = readAsOfDay(today);
  if (day === null || now === null) return null;
  return Math.max(0, Math.floor((now - day) / DAY_MS));
}

/** Is a price dated `asOf` more than `STALE_AFTER_DAYS` old on `today`? An undated one is not counted. */
export function isAsOfStale(asOf: string, today: string): boolean {
  const days = measureAsOfAgeDays(asOf, today);
  return days !== null && days > STALE_AFTER_DAYS;
}

/** Is the model's price more than `STALE_AFTER_DAYS` old on `today`? Undated figures are not counted. */
export function isPriceStale(model: Model, today: string): boolean {
  return model.source !== undefined && isAsOfStale(model.source.asOf, today);
}

/** How many of the models have a price more than `STALE_AFTER_DAYS` old on `today`. */
export function countStalePrices(catalog: readonly Model[], today: string): number {
  return catalog.reduce((count, model) => count + (isPriceStale(model, today) ? 1 : 0), 0);
}
