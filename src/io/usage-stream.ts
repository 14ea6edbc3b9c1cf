/**
 * Reading a usage file from a byte stream (a browser `File`, a Node file stream) chunk by chunk: gzip is told by
 * its magic bytes and unpacked on the way (`DecompressionStream`, in browsers and Node alike), text is decoded as
 * UTF-8, the format is detected from the first `DETECT_BYTES`, and the chunks go to the format's reader. Memory
 * stays bounded by the records, not by the file.
 */
import { createUsageReader, detectUsageFormat, DETECT_BYTES, UNKNOWN_FORMAT_MESSAGE } from './usage-import';
import type { UsageReader, UsageTextResult } from './usage-import';

/** True when `bytes` start with gzip's magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Progress while reading: bytes taken from the source so far. */
export type UsageStreamProgress = (bytesRead: number) => void;

/** Reads a usage file's bytes; `onProgress` hears how many source bytes are read; `signal` stops the read. */
export async function readUsageStream(
  source: ReadableStream<Uint8Array>,
  onProgress?: UsageStreamProgress,
  signal?: AbortSignal,
): Promise<UsageTextResult> {
  const rawReader = source.getReader();
  const first = await rawReader.read();
  const head = first.done ? new Uint8Array() : first.value;
  let bytesRead = head.length;
  // Put the first chunk back in front of the rest, counting bytes as they pass.
  const counted = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
    },
    async pull(controller) {
      const next = await rawReader.read();
      if (next.done) {
        controller.close();
        return;
      }
      bytesRead += next.value.length;
      onProgress?.(bytesRead);
      controller.enqueue(next.value);
    },
    cancel(reason) {
      return rawReader.cancel(reason);
    },
  });
  const bytes = isGzip(head)
    ? counted.pipeThrough(
        new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
      )
    : counted;
  const text = bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>);
  const textReader = text.getReader();

  let buffered = '';
  let reader: UsageReader | null = null;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const next = await textReader.read();
      if (!next.done) {
        if (reader) {
          reader.push(next.value);
          continue;
        }
        buffered += next.value;
        if (buffered.length < DETECT_BYTES) continue;
      }
      if (!reader) {
        const format = detectUsageFormat(buffered.slice(0, DETECT_BYTES));
        if (!format) {
          await textReader.cancel();
          return { ok: false, message: UNKNOWN_FORMAT_MESSAGE };
        }
        reader = createUsageReader(format);
        reader.push(buffered);
        buffered = '';
      }
      if (next.done) break;
    }
  } catch (error) {
    await textReader.cancel().catch(() => undefined);
    if (signal?.aborted) throw error;
    return {
      ok: false,
      message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return { ok: true, value: reader.finish() };
}
