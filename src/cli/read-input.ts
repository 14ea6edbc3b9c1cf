/**
 * Reading the files the command line is given, whatever they are: a regular file, a pipe, a FIFO or a device
 * such as /dev/zero. Bytes are counted as they arrive, since a pipe's or a device's size is not known up front.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_IMPORT_BYTES, concatBytes } from '../io/json-text';

const CHUNK_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads at most `maxBytes` from `path`; throws as soon as one more byte arrives, having read no more than
 * `maxBytes + 64 KB`. Throws the system's error (with its `code`) when the path cannot be opened or read.
 */
export function readBoundedBytes(path: string, maxBytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(CHUNK_BYTES);
      const count = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (count === 0) break;
      total += count;
      if (total > maxBytes) {
        throw new Error(
          `the file is larger than ${maxBytes / (1024 * 1024)} MB, the most this planner reads`,
        );
      }
      chunks.push(count === CHUNK_BYTES ? chunk : chunk.subarray(0, count));
    }
    return concatBytes(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a file, pipe or device as UTF-8 text, up to the import limit (20 MB). */
export function readTextInput(path: string, maxBytes = MAX_IMPORT_BYTES): string {
  const bytes = readBoundedBytes(path, maxBytes);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('not UTF-8 text');
  }
}
