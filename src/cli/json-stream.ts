/**
 * `--format json` written piece by piece: the text `JSON.stringify(value, null, 2)` would give, handed out in
 * chunks, so the output is never one string (V8 refuses strings past about 512 MB) and its size is bounded only
 * by the disk.
 */

/** Characters gathered before a chunk is handed out. */
const CHUNK_CHARS = 64 * 1024;
/** Containers nested deeper than this are written with one `JSON.stringify` each (a month, a percentile row). */
const STREAMED_DEPTH = 4;

/**
 * C1 controls, DEL, the bidirectional marks and overrides, and the line and paragraph separators: JSON.stringify
 * leaves them raw, and a terminal may obey them. As `\uXXXX` escapes they are still the same JSON strings.
 */
const RAW_UNPRINTABLE = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Escapes, as `\uXXXX`, the characters JSON.stringify leaves raw that a terminal could obey. */
export function escapeUnprintableJson(json: string): string {
  return json.replace(
    RAW_UNPRINTABLE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** What JSON.stringify writes for a value in an object (undefined: the key is left out). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` followed by a newline, in chunks of about 64K characters
 * passed to `write`, with `escapeUnprintableJson` applied. Plain data only (no `toJSON`, no cycles).
 */
export function writeJsonStream(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      write(escapeUnprintableJson(buffer));
      buffer = '';
    }
  };
  const writeValue = (item: unknown, indent: string, depth: number) => {
    if (!isContainer(item) || depth >= STREAMED_DEPTH) {
      // JSON.stringify never writes a raw newline inside a string, so re-indenting its lines is safe.
      emit((JSON.stringify(item, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(item)) {
      if (item.length === 0) return emit('[]');
      emit('[\n');
      item.forEach((element: unknown, index) => {
        if (index > 0) emit(',\n');
        emit(inner);
        writeValue(isWritten(element) ? element : null, inner, depth + 1);
      });
      emit(`\n${indent}]`);
      return;
    }
    const record = item as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => isWritten(record[key]));
    if (keys.length === 0) return emit('{}');
    emit('{\n');
    keys.forEach((key, index) => {
      if (index > 0) emit(',\n');
      emit(`${inner}${JSON.stringify(key)}: `);
      writeValue(record[key], inner, depth + 1);
    });
    emit(`\n${indent}}`);
  };
  writeValue(value, '', 0);
  emit('\n');
  if (buffer !== '') write(escapeUnprintableJson(buffer));
}
