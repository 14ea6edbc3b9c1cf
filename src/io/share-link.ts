/**
 * Share links: the whole scenario, compressed (lz-string) into the URL's fragment, so it never reaches a
 * server. Opening a link adds the scenario as a new one; it never replaces the recipient's own.
 */
import LZString from 'lz-string';
import type { Scenario } from '../domain/scenario-schema';
import { validateScenario } from '../domain/validate-scenario';
import type { ValidationResult } from '../domain/validate-scenario';
import { serializeScenario } from './scenario-file';

/** The fragment prefix that marks a share link: `#share=…`. */
export const SHARE_PREFIX = 'share=';

/**
 * The longest link we create: beyond ~100,000 characters chat tools and mail clients cut links short.
 * A scenario too large for a link (say, with a 2,000-model catalog) is shared as a file instead.
 */
export const MAX_SHARE_LINK_CHARS = 100_000;

/** The longest fragment we try to open, and the most text it may expand to. */
const MAX_SHARE_FRAGMENT_CHARS = 2_000_000;
export const MAX_SHARE_JSON_CHARS = 20 * 1024 * 1024;

/** The 64 characters of lz-string's URI-safe encoding, each carrying 6 bits (first bit lowest). */
const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const URI_SAFE_VALUES = new Map([...URI_SAFE_ALPHABET].map((character, value) => [character, value]));

/**
 * lz-string's `decompressFromEncodedURIComponent`, stopping as soon as the text passes `maxChars`. LZW output
 * can grow with the square of its input (each dictionary entry is one character longer than the last), so a
 * 64 KB link can expand to hundreds of millions of characters: lz-string's own function builds all of them
 * before a length check could run. Returns the text, `'too-large'`, or null when the payload is damaged.
 * The format: codes of a growing bit width, read lowest bit first from 6-bit characters; 0 and 1 bring a new
 * 8- or 16-bit character into the dictionary, 2 ends the text, any other code names a dictionary entry (or the
 * one about to be made: the previous entry plus its own first character).
 */
export function decompressShareText(payload: string, maxChars: number): string | 'too-large' | null {
  const input = payload.replace(/ /g, '+');
  let index = 0;
  let value = 0;
  let mask = 0;
  let ended = false;
  function readBits(count: number): number {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      if (mask === 0) {
        if (index >= input.length) {
          ended = true;
          return 0;
        }
        value = URI_SAFE_VALUES.get(input.charAt(index++)) ?? 0;
        mask = 32;
      }
      if ((value & mask) !== 0) bits |= 1 << power;
      mask >>= 1;
    }
    return bits;
  }

  if (input === '') return null;
  const dictionary: string[] = ['', '', ''];
  let width = 2;
  const first = readBits(width);
  if (first === 2 || first > 2) return first === 2 ? '' : null;
  let previous = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary.push(previous);
  // Codes until the next width: the dictionary holds 4 entries, so width 3 holds up to 8.
  width = 3;
  let untilWider = 4;
  const parts = [previous];
  let length = previous.length;
  for (;;) {
    let code = readBits(width);
    if (ended) return null;
    if (code === 2) return parts.join('');
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
      if (ended) return null;
      code = dictionary.length - 1;
      if (--untilWider === 0) untilWider = 2 ** width++;
    }
    const entry =
      code < dictionary.length
        ? dictionary[code]!
        : code === dictionary.length
          ? previous + previous.charAt(0)
          : null;
    if (entry === null) return null;
    length += entry.length;
    if (length > maxChars) return 'too-large';
    parts.push(entry);
    dictionary.push(previous + entry.charAt(0));
    previous = entry;
    if (--untilWider === 0) untilWider = 2 ** width++;
  }
}

export type ShareLinkResult = { ok: true; url: string } | { ok: false; message: string };

/** A link that opens `scenario` in this planner at `baseUrl` (the page address without its fragment). */
export function createShareLink(scenario: Scenario, baseUrl: string): ShareLinkResult {
  const url = `${baseUrl.replace(/#.*$/, '')}#${SHARE_PREFIX}${LZString.compressToEncodedURIComponent(serializeScenario(scenario))}`;
  if (url.length > MAX_SHARE_LINK_CHARS) {
    return {
      ok: false,
      message: `this scenario is too large for a link (${Math.round(url.length / 1000)}K characters, the limit is ${MAX_SHARE_LINK_CHARS / 1000}K): export it as a file instead`,
    };
  }
  return { ok: true, url };
}

/** Whether a URL fragment (with or without `#`) carries a shared scenario. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(SHARE_PREFIX);
}

/** Opens the scenario a share fragment carries, or says plainly why it cannot. */
export function readShareFragment(hash: string): ValidationResult<Scenario> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(SHARE_PREFIX)) {
    return { ok: false, issues: [{ path: '', message: 'this link does not carry a scenario' }] };
  }
  const payload = fragment.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_SHARE_FRAGMENT_CHARS) {
    return { ok: false, issues: [{ path: '', message: 'this share link is too large to open' }] };
  }
  const json = decompressShareText(payload, MAX_SHARE_JSON_CHARS);
  if (json === 'too-large') {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `this share link is too large to open: it expands to more than ${MAX_SHARE_JSON_CHARS / (1024 * 1024)} MB`,
        },
      ],
    };
  }
  if (!json) {
    return {
      ok: false,
      issues: [{ path: '', message: 'this share link is damaged (it may have been cut short when copied)' }],
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return {
      ok: false,
      issues: [{ path: '', message: 'this share link is damaged (it may have been cut short when copied)' }],
    };
  }
  return validateScenario(document);
}
