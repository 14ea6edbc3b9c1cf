import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOutput, formatWriteFailure } from '../../../src/cli/output';

/** A stream that takes `accepted` writes, then fails every write with `code` (as a full disk or closed pipe). */
function makeFailingStream(code: string, accepted: number) {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (written.length < accepted) {
        written.push(chunk.toString());
        callback();
      } else {
        callback(Object.assign(new Error(`${code}: write failed`), { code }));
      }
    },
  });
  return { stream, written };
}

describe('createOutput', () => {
  it('keeps the first write error, writes nothing after it, and reports it in one line', async () => {
    const { stream, written } = makeFailingStream('ENOSPC', 1);
    const output = createOutput(stream);
    output.write('first');
    output.write('second');
    output.write('third');
    const failure = await output.finish();
    expect(written).toEqual(['first']);
    expect(failure).not.toBeNull();
    expect(formatWriteFailure(failure!)).toBe(
      'error: could not write the output: no space left on device (ENOSPC)\n',
    );
  });

  it('names a closed pipe', async () => {
    const { stream } = makeFailingStream('EPIPE', 0);
    const output = createOutput(stream);
    output.write('x');
    const failure = await output.finish();
    expect(formatWriteFailure(failure!)).toBe(
      'error: could not write the output: the reader closed the pipe (EPIPE)\n',
    );
  });

  it('finishes with no error when every write went through', async () => {
    const { stream, written } = makeFailingStream('EIO', 10);
    const output = createOutput(stream);
    output.write('a');
    output.write('b');
    expect(await output.finish()).toBeNull();
    expect(written.join('')).toBe('ab');
  });
});
