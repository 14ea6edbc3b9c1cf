/**
 * Share links: the whole scenario, compressed (lz-string) into the URL's fragment, so it never reaches a
 * server. Opening a link adds the scenario as a new one; it never replaces the recipient's own.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
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
const MAX_SHARE_JSON_CHARS = 20 * 1024 * 1024;

export type ShareLinkResult = { ok: true; url: string } | { ok: false; message: string };

/** A link that opens `scenario` in this planner at `baseUrl` (the page address without its fragment). */
export function createShareLink(scenario: Scenario, baseUrl: string): ShareLinkResult {
  const url = `${baseUrl.replace(/#.*$/, '')}#${SHARE_PREFIX}${compressToEncodedURIComponent(serializeScenario(scenario))}`;
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
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) {
    return {
      ok: false,
      issues: [{ path: '', message: 'this share link is damaged (it may have been cut short when copied)' }],
    };
  }
  if (json.length > MAX_SHARE_JSON_CHARS) {
    return { ok: false, issues: [{ path: '', message: 'this share link is too large to open' }] };
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
