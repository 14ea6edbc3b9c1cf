/**
 * The usage command's I/O in Node: usage files stream from disk (no size limit: a year of invocation logs is
 * large, and the readers hold only their sums), the shipped catalog and default scenario come from `data/`.
 */
import {
  accessSync,
  constants,
  createReadStream,
  existsSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Readable } from 'node:stream';
import type { UsageCliIo } from './usage-command';

/**
 * A shipped data file, found from the source (`src/cli/`, two folders down) or from the command line's bundle
 * (`dist-cli/`, one folder down).
 */
function dataFile(name: string): URL {
  const fromBundle = new URL(`../data/${name}`, import.meta.url);
  const fromSource = new URL(`../../data/${name}`, import.meta.url);
  return existsSync(fromBundle) ? fromBundle : fromSource;
}

export function nodeUsageIo(readTextFile: (path: string) => string): UsageCliIo {
  return {
    openFile: (path) => {
      // Fail now on a missing file, with Node's own message, rather than inside the stream.
      accessSync(path, constants.R_OK);
      if (!statSync(path).isFile()) throw new Error('not a file');
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    },
    readFile: readTextFile,
    writeFile: (path, text) => writeFileSync(path, text),
    shippedCatalog: () => readFileSync(dataFile('catalog.json'), 'utf8'),
    defaultScenario: () => readFileSync(dataFile('default-scenario.json'), 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
