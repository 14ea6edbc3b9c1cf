/**
 * Writing the command line's output: a write that fails (a closed pipe, a full disk) ends the run with exit
 * status 1 and one line on stderr, never a stack trace.
 */
import type { Writable } from 'node:stream';

export type Output = {
  /** Writes text; after a failure, writes nothing more. */
  write(text: string): void;
  /** Resolves once everything written has been handed to the system: the first write error, or null. */
  finish(): Promise<Error | null>;
};

/** An output on `stream` that keeps the first error instead of throwing it. */
export function createOutput(stream: Writable): Output {
  let failure: Error | null = null;
  const keep = (error: Error | null | undefined) => {
    if (error && failure === null) failure = error;
  };
  stream.on('error', keep);
  return {
    write(text) {
      if (failure === null && !stream.destroyed) stream.write(text, keep);
    },
    finish() {
      return new Promise((resolve) => {
        if (failure !== null || stream.destroyed) {
          resolve(failure);
          return;
        }
        stream.write('', (error) => {
          keep(error);
          resolve(failure);
        });
      });
    },
  };
}

/** A write error in words: `no space left on device (ENOSPC)`. */
export function describeWriteError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EPIPE: 'the reader closed the pipe',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EBADF: 'the output is closed',
    EFBIG: 'the file is too large for this file system',
  };
  const reason = (code && reasons[code]) ?? error.message.replace(/\s+/g, ' ');
  return code ? `${reason} (${code})` : reason;
}

/** The one line printed when the output could not be written. */
export function formatWriteFailure(error: Error): string {
  return `error: could not write the output: ${describeWriteError(error)}\n`;
}
