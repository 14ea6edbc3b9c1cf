/**
 * `npm run size -- …`: wires `runSizeCli` to the process with the shipped instance table and architectures.
 */
import architectures from '../../data/model-architectures.json';
import instances from '../../data/gpu-instances.json';
import { parseGpuInstanceTable, parseModelArchitectures } from '../io/gpu-sizing-data';
import { runSizeCli } from './size-cli';

try {
  process.exitCode = runSizeCli(
    process.argv.slice(2),
    { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
    { instances: parseGpuInstanceTable(instances), architectures: parseModelArchitectures(architectures) },
  );
} catch (error) {
  process.stderr.write(
    `error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
