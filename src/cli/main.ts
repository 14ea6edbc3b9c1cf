/**
 * `npm run simulate -- <scenario.json> [--catalog <file>] [--format json|table|csv] [--samples N] [--seed S]`:
 * wires `runCli` to the process (and `--usage <file>` to `runUsageCommand`). Inputs (files, pipes, devices) are
 * read up to the import limit and must be UTF-8, except usage files, which are streamed; an output that cannot be
 * written ends the run with status 1 and one line on stderr.
 */
import { todayIsoDay } from '../format/format';
import { createOutput, formatWriteFailure } from './output';
import { readTextInput } from './read-input';
import { runCli } from './run-cli';
import { isUsageCommand, runUsageCommand } from './usage-command';
import { nodeUsageIo } from './usage-node-io';

const stdout = createOutput(process.stdout);
const stderr = createOutput(process.stderr);

try {
  const args = process.argv.slice(2);
  process.exitCode = isUsageCommand(args)
    ? await runUsageCommand(args, {
        ...nodeUsageIo((path) => readTextInput(path)),
        stdout: stdout.write,
        stderr: stderr.write,
      })
    : runCli(args, {
        readFile: (path) => readTextInput(path),
        stdout: stdout.write,
        stderr: stderr.write,
        today: () => todayIsoDay(),
      });
} catch (error) {
  // A bug, not bad input: still one readable line, never a stack trace.
  process.stderr.write(
    `error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}

void stdout.finish().then((failure) => {
  if (failure === null) return;
  stderr.write(formatWriteFailure(failure));
  process.exitCode = 1;
});
