/**
 * Links to the per-request calculator: one call's token counts and billing in the URL's fragment
 * (`#per-request?inputTokens=3000&outputTokens=500…`), readable by people and never sent to a server. Opening one
 * validates every field with the traffic slice's own rules, so a link says what a slice would say.
 */
import type { CallSlice } from '../domain/call-cost';
import { sliceSchema } from '../domain/scenario-schema';
import { fromZodIssues } from '../domain/validate-scenario';
import type { ValidationResult } from '../domain/validate-scenario';

/** The screen the link opens: its fragment starts `#per-request`. */
export const CALL_LINK_SCREEN = 'per-request';

/** The inputs of one call, as a traffic slice holds them. */
export type CallInputs = CallSlice;

/** The fields a link carries, in the order it writes them. */
const FIELDS = [
  'inputTokens',
  'cachedPrefixTokens',
  'outputTokens',
  'reasoningTokens',
  'cacheHitRate',
  'cacheTtl',
  'batchShare',
] as const satisfies readonly (keyof CallInputs)[];

/** A link's fields: the slice's own rules; input and output required, the rest defaulting as in a slice. */
export const callInputsSchema = sliceSchema.pick({
  inputTokens: true,
  cachedPrefixTokens: true,
  outputTokens: true,
  reasoningTokens: true,
  cacheHitRate: true,
  cacheTtl: true,
  batchShare: true,
});

/** The fragment (without `#`) that opens the calculator with `inputs`. */
export function formatCallFragment(inputs: CallInputs): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) params.set(field, String(inputs[field]));
  return `${CALL_LINK_SCREEN}?${params.toString()}`;
}

/** A link that opens the calculator at `baseUrl` (the page address; its fragment is replaced) with `inputs`. */
export function createCallLink(inputs: CallInputs, baseUrl: string): string {
  return `${baseUrl.replace(/#.*$/, '')}#${formatCallFragment(inputs)}`;
}

/** Whether a fragment (with or without `#`) carries calculator inputs. */
export function isCallFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${CALL_LINK_SCREEN}?`);
}

/** A number as written in a link: digits only (no hex, no blanks); anything else is passed on as text and refused. */
function readLinkNumber(text: string): number | string {
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : text;
}

/**
 * The calculator inputs a fragment carries, validated: each field by the traffic slice's rule, named in its
 * message (`cacheHitRate: must be between 0 and 1`); an unknown parameter is refused, a missing optional one takes
 * the slice's default.
 */
export function readCallFragment(hash: string): ValidationResult<CallInputs> {
  const fragment = hash.replace(/^#/, '');
  if (!isCallFragment(fragment)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'this link does not open the per-request calculator' }],
    };
  }
  const params = new URLSearchParams(fragment.slice(CALL_LINK_SCREEN.length + 1));
  const document: Record<string, unknown> = {};
  for (const [key, value] of params) {
    document[key] = key === 'cacheTtl' ? value : readLinkNumber(value);
  }
  const parsed = callInputsSchema.safeParse(document, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  return { ok: true, value: parsed.data };
}
