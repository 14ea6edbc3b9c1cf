import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogToCsv, parseCatalogText } from '../../../src/io/catalog-import';
import { MAX_IMPORT_BYTES } from '../../../src/io/json-text';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'planner-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the real command line the way `npm run simulate` does, through tsx. */
function simulateCommand(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('src/cli/main.ts in a real process', () => {
  it('prints the design example as JSON and exits 0', () => {
    const result = simulateCommand('tests/fixtures/design-example.json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { scenario: string; strategies: unknown[] };
    expect(printed.scenario).toBe('EU support assistant');
    expect(printed.strategies).toHaveLength(6);
  });

  it('replaces the catalog from a file and reports the import on stderr', () => {
    const design = JSON.parse(readFileSync(join(root, 'tests/fixtures/design-example.json'), 'utf8')) as {
      catalog: unknown[];
    };
    const imported = parseCatalogText(JSON.stringify(design.catalog), { importedAt: '2027-03-14' });
    if (!imported.ok) throw new Error('design catalog should import');
    const catalogPath = join(scratch, 'catalog.csv');
    writeFileSync(catalogPath, catalogToCsv(imported.models));
    const result = simulateCommand(
      'tests/fixtures/design-example.json',
      '--catalog',
      catalogPath,
      '--format',
      'csv',
    );
    expect(result.stderr).toBe('Imported 4 models from CSV format; skipped 0 entries.\n');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe(
      // …, cashEnd, fixedCosts (none), creditsDrawn.activate, offRegion (none).
      'all-sonnet,All on Sonnet,0,Jan 2027,1895.40,4800.00,1884.00,1020.60,1895.40,0.00,1380000.00,0.00,1895.40,[]',
    );
  });

  it('refuses a file over 20 MB, reading no more than the limit', () => {
    const huge = join(scratch, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_IMPORT_BYTES + 1);
    const result = simulateCommand(huge);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: ${huge}: the file is larger than 20 MB, the most this planner reads\n`,
    );
  });

  it('exits 1 with one readable line and nothing on stdout for a missing file, and refuses non-UTF-8 text', () => {
    const missing = simulateCommand('no-such-scenario.json');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('error: no-such-scenario.json: file not found\n');

    const binary = join(scratch, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const notText = simulateCommand(binary);
    expect(notText.status).toBe(1);
    expect(notText.stdout).toBe('');
    expect(notText.stderr).toBe(`error: ${binary}: not UTF-8 text\n`);
  });

  it('refuses a device that never ends, counting bytes as they arrive', () => {
    // /dev/zero is 0 bytes to stat(): the size check once let the CLI read it past 3 GB.
    const result = simulateCommand('/dev/zero');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: /dev/zero: the file is larger than 20 MB, the most this planner reads\n',
    );
  });

  it('reads a scenario from a pipe, and refuses an endless one', () => {
    const throughPipe = (source: string) =>
      spawnSync(
        'sh',
        ['-c', `${source} | "$0" --import tsx src/cli/main.ts /dev/stdin --format csv`, process.execPath],
        { cwd: root, encoding: 'utf8', timeout: 60_000 },
      );
    const piped = throughPipe('cat tests/fixtures/design-example.json');
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n')[0]).toMatch(/^strategyId,strategyName,month,/);

    const endless = throughPipe('yes');
    expect(endless.status).toBe(1);
    expect(endless.stderr).toBe(
      'error: /dev/stdin: the file is larger than 20 MB, the most this planner reads\n',
    );
  });

  it.each(['json', 'table', 'csv'])(
    'exits 1 with one line when the output cannot be written (a full disk), --format %s',
    (format) => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', 'tests/fixtures/design-example.json', '--format', format],
          { cwd: root, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', full, 'pipe'] },
        );
        expect(result.stderr).toBe('error: could not write the output: no space left on device (ENOSPC)\n');
        expect(result.status).toBe(1);
      } finally {
        closeSync(full);
      }
    },
  );
});
