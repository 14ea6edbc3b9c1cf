/**
 * Reading text a person hands us (a scenario file, a catalog): a size limit checked before any parsing, and JSON
 * syntax errors reported in words.
 */
import { formatPath } from '../domain/validate-scenario';
import type { ValidationIssue, ValidationResult } from '../domain/validate-scenario';

/** The largest file we read: 20 MB, counted in UTF-8 bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** UTF-8 byte length of a string, without allocating an encoded copy. */
function measureUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Joins chunks of bytes read one by one (a download, a pipe) into one array of `total` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The issue for text over `MAX_IMPORT_BYTES`, or null when it fits. Cheap: no parsing. */
export function checkImportSize(text: string): ValidationIssue | null {
  // Every UTF-16 code unit is at least one UTF-8 byte, and at most three: only measure when it could matter.
  const tooLarge =
    text.length > MAX_IMPORT_BYTES ||
    (text.length * 3 > MAX_IMPORT_BYTES && measureUtf8Bytes(text) > MAX_IMPORT_BYTES);
  return tooLarge
    ? {
        path: '',
        message: `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most this planner reads`,
      }
    : null;
}

/** A parsed JSON value that is an object (not null, not a list). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops a leading byte-order mark, which editors on Windows like to add and JSON.parse rejects. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses JSON text already within the size limit, byte-order mark allowed. Objects come back as JSON.parse makes
 * them: a key such as `__proto__` stays an own property and never reaches a prototype.
 */
export function parseJsonBody(text: string): ValidationResult<unknown> {
  const body = stripByteOrderMark(text);
  if (body.trim() === '')
    return { ok: false, issues: [{ path: '', message: 'not valid JSON: the file is empty' }] };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${reason}` }] };
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index of the quote that closes the JSON string opening at `start`. */
export function findStringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

type Frame = { keys: Set<string> | null; path: (string | number)[]; index: number; key: string | null };

/**
 * Where a JSON text writes a key twice in one object (JSON.parse keeps the last silently), as paths to the
 * second writing: `{"a":{"b":1,"b":2}}` → `[['a', 'b']]`. One pass over text JSON.parse has accepted.
 */
export function findDuplicateKeys(text: string): (string | number)[][] {
  const duplicates: (string | number)[][] = [];
  const stack: Frame[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const top = stack.at(-1);
    if (code === QUOTE) {
      const end = findStringEnd(text, i);
      if (top?.keys && expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) duplicates.push([...top.path, key]);
        top.keys.add(key);
        top.key = key;
        expectingKey = false;
      }
      i = end;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      const where = top ? [...top.path, top.keys ? (top.key ?? '') : top.index] : [];
      stack.push({ keys: code === 0x7b ? new Set() : null, path: where, index: 0, key: null });
      expectingKey = code === 0x7b;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      stack.pop();
    } else if (code === 0x2c /* , */ && top) {
      if (top.keys) expectingKey = true;
      else top.index++;
    }
  }
  return duplicates;
}

/** Issues for keys written twice, each at its path, the way unknown fields are reported. */
export function describeDuplicateKeys(
  duplicates: readonly (readonly (string | number)[])[],
): ValidationIssue[] {
  return duplicates.map((path) => ({
    path: formatPath(path),
    message: 'written twice in the file (JSON would keep only the last): remove one',
  }));
}

/**
 * Parses JSON text a person hands us: the size check first, then `parseJsonBody`; a key written twice in one
 * object is refused with its path.
 */
export function parseJsonText(text: string): ValidationResult<unknown> {
  const sizeIssue = checkImportSize(text);
  if (sizeIssue) return { ok: false, issues: [sizeIssue] };
  const parsed = parseJsonBody(text);
  if (!parsed.ok) return parsed;
  const duplicates = findDuplicateKeys(text);
  return duplicates.length > 0 ? { ok: false, issues: describeDuplicateKeys(duplicates) } : parsed;
}
