import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the command line as `npm run simulate` does: the launcher, which builds the bundle when it is missing or stale. */
function runLauncher(args: string[]) {
  return spawnSync(process.execPath, ['scripts/simulate.mjs', ...args], { encoding: 'utf8' });
}

/** Runs the command line from its TypeScript source. */
function runSource(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
}

describe('npm run simulate (the built command line)', () => {
  it('prints what the source prints, for figures and for a refusal', () => {
    const figures = ['tests/fixtures/small-scenario.json', '--format', 'csv'];
    const built = runLauncher(figures);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(runSource(figures).stdout);
    expect(built.stdout).not.toBe('');

    const missing = ['tests/fixtures/no-such-file.json'];
    const refused = runLauncher(missing);
    const fromSource = runSource(missing);
    expect(refused.status).toBe(fromSource.status);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toBe(fromSource.stderr);
  });

  it('finds the shipped catalog and default scenario from the bundle, for a usage file', () => {
    const usage = ['--usage', 'tests/fixtures/usage/bedrock-invocations.jsonl', '--format', 'json'];
    const built = runLauncher(usage);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(runSource(usage).stdout);
    expect(built.stdout).not.toBe('');
  });
});
