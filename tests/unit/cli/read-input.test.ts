import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBoundedBytes, readTextInput } from '../../../src/cli/read-input';

const scratch = mkdtempSync(join(tmpdir(), 'planner-read-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readBoundedBytes', () => {
  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const path = join(scratch, 'limit.json');
    writeFileSync(path, 'x'.repeat(100_000));
    expect(readBoundedBytes(path, 100_000)).toHaveLength(100_000);
    expect(() => readBoundedBytes(path, 99_999)).toThrow(
      /^the file is larger than 0\.\d+ MB, the most this planner reads$/,
    );
  });

  it('stops reading a device that never ends (its size is 0 to stat)', () => {
    // /dev/zero once read past 3 GB: the check trusted stat().size.
    expect(() => readBoundedBytes('/dev/zero', 1024 * 1024)).toThrow(
      'the file is larger than 1 MB, the most this planner reads',
    );
  });

  it('passes on the system error of a path that cannot be read', () => {
    expect(() => readBoundedBytes(join(scratch, 'missing.json'), 10)).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(() => readBoundedBytes(scratch, 10)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});

describe('readTextInput', () => {
  it('decodes UTF-8 and refuses other bytes', () => {
    const good = join(scratch, 'good.json');
    writeFileSync(good, '{"name":"é"}');
    expect(readTextInput(good)).toBe('{"name":"é"}');
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(() => readTextInput(bad)).toThrow('not UTF-8 text');
  });
});
