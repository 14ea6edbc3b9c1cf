import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSizeCli } from '../../../src/cli/size-cli';
import { parseGpuInstanceTable, parseModelArchitectures } from '../../../src/io/gpu-sizing-data';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tables = {
  instances: parseGpuInstanceTable(JSON.parse(readFileSync(join(root, 'data/gpu-instances.json'), 'utf8'))),
  architectures: parseModelArchitectures(
    JSON.parse(readFileSync(join(root, 'data/model-architectures.json'), 'utf8')),
  ),
};

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = runSizeCli(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    tables,
  );
  return { status, stdout, stderr };
}

describe('runSizeCli', () => {
  it('prints exactly the nine JSON keys for a prefilled model', () => {
    // Mistral 7B fp16, 4,096 tokens, 1 request: 14.5 + 0.536870912 + 0.7518435456 GB (see the domain test).
    const result = run('--model', 'mistral-7b', '--precision', 'fp16');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'weightsGB',
      'kvCacheGB',
      'overheadGB',
      'totalGB',
      'gpu',
      'gpuCount',
      'instance',
      'hourlyPerUnit',
      'tokensPerMinutePerUnit',
    ]);
    expect(json.totalGB).toBeCloseTo(15.7887144576, 9);
    expect(json).toMatchObject({
      instance: 'inf2.xlarge',
      gpu: 'AWS Inferentia2',
      gpuCount: 1,
      hourlyPerUnit: 0.7582,
    });
  });

  it('sizes from --params and --active, saying on stderr which KV shape it assumed', () => {
    const result = run('--params', '46.7', '--active', '12.9', '--precision', 'int4', '--context', '8192');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^note: KV cache shape assumed from Mixtral 8x7B/);
    const json = JSON.parse(result.stdout) as { weightsGB: number; kvCacheGB: number };
    expect(json.weightsGB).toBeCloseTo(23.35, 9);
    // 2 × 32 × 8 × 128 × 8,192 × 2 bytes = 1.073741824 GB
    expect(json.kvCacheGB).toBeCloseTo(1.073741824, 9);
  });

  it('uses a given KV shape without a note, and a chosen instance', () => {
    const result = run(
      ...['--params', '8', '--layers', '32', '--kv-heads', '8', '--head-dim', '128'],
      ...['--precision', 'bf16', '--instance', 'g5.xlarge', '--concurrency', '4'],
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      instance: 'g5.xlarge',
      gpuCount: 1,
      hourlyPerUnit: 1.006,
    });
  });

  it('shows every memory term with its formula in the table', () => {
    const result = run('--model', 'bedrock:mixtral-8x7b', '--precision', 'fp16', '--format', 'table');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Weights     93.40 GB = 46.7B parameters × 2 bytes');
    expect(result.stdout).toContain(
      'KV cache    0.54 GB = 2 × 32 layers × 8 KV heads × 128 head dim × 4,096 tokens × 2 bytes',
    );
    expect(result.stdout).toContain('Overhead    4.70 GB = 5% of weights + KV cache');
    expect(result.stdout).toMatch(/Throughput .* an ESTIMATE/);
  });

  it('takes a measured throughput in place of the estimate', () => {
    const json = run('--model', 'mistral-7b', '--precision', 'fp16', '--measured', '90000');
    expect(JSON.parse(json.stdout)).toMatchObject({ tokensPerMinutePerUnit: 90000 });
    const table = run(
      '--model',
      'mistral-7b',
      '--precision',
      'fp16',
      '--measured',
      '90000',
      '--format',
      'table',
    );
    expect(table.stdout).toContain('90,000 tokens a minute per instance, measured');
    expect(table.stdout).not.toContain('ESTIMATE');
  });

  it('prints nulls and a note when nothing holds the model', () => {
    const result = run('--model', 'llama-3.1-405b', '--precision', 'fp16', '--instance', 'g5.xlarge');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('no instance');
    expect(JSON.parse(result.stdout)).toMatchObject({ instance: null, gpuCount: null, hourlyPerUnit: null });
  });

  it.each([
    [['--params', '7'], '--precision is required'],
    [['--params', 'x', '--precision', 'fp16'], '--params must be a number greater than 0'],
    [['--params', '7', '--precision', 'int3'], 'unknown precision "int3"'],
    [['--params', '7', '--precision', 'fp16', '--context', '1.5'], '--context must be a whole number'],
    [['--params', '7', '--active', '9', '--precision', 'fp16'], 'cannot exceed --params'],
    [['--model', 'nope', '--precision', 'fp16'], 'unknown model "nope"'],
    [
      ['--model', 'mistral-7b', '--params', '7', '--precision', 'fp16'],
      '--model cannot be combined with --params',
    ],
    [['--precision', 'fp16'], 'give --params <billions> or --model <id>'],
    [['--params', '7', '--precision', 'fp16', '--format', 'csv'], 'unknown format "csv"'],
    [['--params', '7', '--precision', 'fp16', '--instance', 'x1.big'], 'unknown instance "x1.big"'],
    [['--params', '7', '--precision', 'fp16', '--bogus'], "Unknown option '--bogus'"],
    [
      ['--params', '7', '--precision', 'fp16', '--measured', '0'],
      '--measured must be a number greater than 0',
    ],
  ])('refuses %j with exit 1 and a message', (argv, message) => {
    const result = run(...argv);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('prints help', () => {
    expect(run('--help').stdout).toContain('Usage: npm run size');
  });
});

describe('src/cli/size-main.ts in a real process', () => {
  it('prints JSON and exits 0, or exits 1 on a bad flag', () => {
    const command = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/size-main.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const ok = command('--model', 'gpt-oss-120b', '--precision', 'int4');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveProperty('tokensPerMinutePerUnit');
    const bad = command('--params', '-3', '--precision', 'fp16');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: /);
  });
});
