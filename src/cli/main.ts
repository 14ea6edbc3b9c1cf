/**
 * `npm run simulate -- <scenario.json> [--catalog <file>] [--format json|table|csv] [--samples N] [--seed S]`:
 * wires `runCli` to the process (and `--usage <file>` to `runUsageCommand`). Files over the import limit are refused before they are read; text must be UTF-8.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../io/json-text';
import { runCli } from './run-cli';
import { isUsageCommand, runUsageCommand } from './usage-command';
import { nodeUsageIo } from './usage-node-io';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a whole file as UTF-8 text, refusing files over the import limit and bytes that are not UTF-8. */
function readTextFile(path: string): string {
  if (statSync(path).size > MAX_IMPORT_BYTES) {
    throw new Error(
      `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most this planner reads`,
    );
  }
  const bytes = readFileSync(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error('not UTF-8 text');
  }
}

/** Today's local date as YYYY-MM-DD. */
function formatToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

try {
  const args = process.argv.slice(2);
  process.exitCode = isUsageCommand(args)
    ? await runUsageCommand(args, nodeUsageIo(readTextFile))
    : runCli(args, {
        readFile: readTextFile,
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        today: formatToday,
      });
} catch (error) {
  // A bug, not bad input: still one readable line, never a stack trace.
  process.stderr.write(
    `error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
