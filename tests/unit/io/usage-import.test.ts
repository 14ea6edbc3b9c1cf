import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sumCost } from '../../../src/domain/usage-records';
import type { UsageRecord } from '../../../src/domain/usage-records';
import { readCurRecord, regionOfUsageType, tokenClassOfUsageType } from '../../../src/io/usage-aws-cur';
import { readOpenaiLineItem } from '../../../src/io/usage-api-reports';
import { createUsageReader, detectUsageFormat, readUsageText } from '../../../src/io/usage-import';
import type { UsageReadResult } from '../../../src/io/usage-import';
import { readUsageStream } from '../../../src/io/usage-stream';
import { lineOfJsonPath, splitCsvRecord } from '../../../src/io/usage-text';

const fixture = (name: string) => readFileSync(`tests/fixtures/usage/${name}`, 'utf8');

function read(name: string): UsageReadResult {
  const result = readUsageText(fixture(name));
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function recordsOf(result: UsageReadResult, model: string, month: string): UsageRecord[] {
  return result.records.filter((record) => record.model === model && record.month === month);
}

function total(records: readonly UsageRecord[], pick: (record: UsageRecord) => number): number {
  return records.reduce((sum, record) => sum + pick(record), 0);
}

describe('format detection', () => {
  it.each([
    ['aws-cur-bedrock.csv', 'aws-cur'],
    ['bedrock-invocations.jsonl', 'bedrock-invocation-log'],
    ['anthropic-usage.json', 'anthropic-usage'],
    ['anthropic-cost.json', 'anthropic-cost'],
    ['openai-usage.jsonl', 'openai-usage'],
    ['openai-costs.csv', 'openai-cost'],
    ['litellm-spend.csv', 'litellm-spend'],
  ])('reads %s as %s', (name, format) => {
    expect(detectUsageFormat(fixture(name))).toBe(format);
  });

  it('tells a file of no known format which formats are read', () => {
    const result = readUsageText('name,amount\nx,1\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/not a usage file/);
    expect(result.message).toMatch(/AWS Cost and Usage Report 2\.0/);
    expect(result.message).toMatch(/Bedrock model-invocation log/);
    expect(result.message).toMatch(/Anthropic Admin API usage report/);
    expect(result.message).toMatch(/OpenAI completions usage API/);
    expect(result.message).toMatch(/LiteLLM spend logs/);
  });
});

describe('AWS Cost and Usage Report 2.0', () => {
  const result = read('aws-cur-bedrock.csv');

  it('reads token line items by usage type, skips other services and credits, lists the bad row by line', () => {
    // 24 data rows: 20 Bedrock usage rows, 2 EC2, 2 credits, and the row with amount "lots" on line 9.
    expect(result.rowsRead).toBe(20);
    expect(result.skipped).toEqual({ 'not Amazon Bedrock': 2, 'line item type credit': 2 });
    expect(result.problems).toEqual([{ line: 9, message: 'line_item_usage_amount: must be a number ≥ 0' }]);
  });

  it('takes the model and geography from the inference profile, the token class and cost from the line item', () => {
    const [sonnet] = recordsOf(result, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '2026-09');
    expect(sonnet).toMatchObject({ platform: 'bedrock', region: 'us', batch: false, requestsUnknown: true });
    expect(sonnet!.tokens).toEqual({
      input: 20e6,
      cacheRead: 60e6,
      cacheWrite5m: 8e6,
      cacheWrite1h: 0,
      output: 4e6,
    });
    // 66 + 66 + 19.8 + 33 = $184.80, each on its own class.
    expect(sumCost(sonnet!)).toBeCloseTo(184.8, 9);
    expect(sonnet!.costByClass.cacheRead).toBeCloseTo(19.8, 9);
    expect(sonnet!.groups.tag).toBe('user_team=support');
  });

  it('marks batch usage types and keeps cost that is not tokens apart', () => {
    const [nova] = recordsOf(result, 'us.amazon.nova-lite-v1:0', '2026-10');
    expect(nova).toMatchObject({ batch: true });
    expect(nova!.tokens.input).toBe(120e6);
    const [guardrail] = recordsOf(result, 'Guardrails', '2026-09');
    expect(guardrail!.costByClass.other).toBeCloseTo(0.75, 9);
  });

  it('reads usage types as the AWS documentation names them', () => {
    expect(tokenClassOfUsageType('USE1-Claude4.5Sonnet-input-tokens')).toBe('input');
    expect(tokenClassOfUsageType('USW2-NovaPro-output-tokens-batch')).toBe('output');
    expect(tokenClassOfUsageType('EUC1-Claude4.5Haiku-cache-read-input-token-count')).toBe('cacheRead');
    expect(tokenClassOfUsageType('USE1-Claude4.5Sonnet-cache-write-input-token-count')).toBe('cacheWrite5m');
    expect(tokenClassOfUsageType('USE1-Claude4.5Sonnet-cache-write-1h-input-token-count')).toBe(
      'cacheWrite1h',
    );
    expect(tokenClassOfUsageType('USE1-MP:USE1_InputTokenCount-Units')).toBe('input');
    expect(tokenClassOfUsageType('USE1-KnowledgeBase-Queries')).toBeNull();
    expect(regionOfUsageType('EUW3-Claude4.5Sonnet-input-tokens')).toBe('eu-west-3');
    expect(regionOfUsageType('Global-Claude-input-tokens')).toBeNull();
  });

  it('scales usage priced per thousand tokens', () => {
    const outcome = readCurRecord(
      new Map([
        ['line_item_product_code', 'AmazonBedrock'],
        ['line_item_usage_type', 'USE1-TitanText-input-tokens'],
        ['line_item_usage_amount', '12.5'],
        ['pricing_unit', '1K tokens'],
        ['line_item_usage_start_date', '2026-01-31T23:00:00Z'],
      ]),
    );
    expect('rows' in outcome && outcome.rows[0]!.tokens.input).toBe(12500);
  });
});

describe('Bedrock model-invocation logs', () => {
  const result = read('bedrock-invocations.jsonl');

  it('counts one request per invocation, skips failed ones and lists the broken line', () => {
    expect(result.rowsRead).toBe(5);
    expect(result.skipped).toEqual({ 'failed invocation': 1 });
    expect(result.problems).toEqual([{ line: 5, message: 'is not valid JSON' }]);
    const haiku = recordsOf(result, 'us.anthropic.claude-haiku-4-5-20251001-v1:0', '2026-09');
    expect(total(haiku, (record) => record.requests)).toBe(3);
    // 500 + 400 + 600 uncached, 5000 + 5000 read, one 5000 write.
    expect(haiku[0]!.tokens).toMatchObject({
      input: 1500,
      cacheRead: 10000,
      cacheWrite5m: 5000,
      output: 900,
    });
    expect(haiku[0]).toMatchObject({ region: 'us', costKnown: false });
    expect(haiku[0]!.groups.project).toBe('helpdesk');
  });

  it('reads a model given as an inference-profile ARN by its last segment', () => {
    expect(recordsOf(result, 'us.amazon.nova-lite-v1:0', '2026-10')).toHaveLength(1);
  });
});

describe("Anthropic's usage and cost reports", () => {
  it('reads uncached input, both cache TTLs, reads and output by tier, and finds the bad result’s line', () => {
    const result = read('anthropic-usage.json');
    expect(result.rowsRead).toBe(4);
    expect(result.problems).toEqual([{ line: 85, message: 'output_tokens: must be a number ≥ 0' }]);
    const records = recordsOf(result, 'claude-sonnet-4-5-20250929', '2026-09');
    const standard = records.find((record) => !record.batch)!;
    expect(standard.tokens).toEqual({
      input: 10e6,
      cacheRead: 30e6,
      cacheWrite5m: 2e6,
      cacheWrite1h: 1e5,
      output: 3e6,
    });
    expect(standard).toMatchObject({ region: 'global', requestsUnknown: true });
    expect(standard.groups).toEqual({ tag: null, project: 'wrkspc_support', apiKey: 'apikey_01' });
    expect(records.find((record) => record.batch)!.tokens.input).toBe(5e6);
  });

  it('reads cost amounts in cents, by token type, and web search as cost that is not tokens', () => {
    const result = read('anthropic-cost.json');
    const standard = recordsOf(result, 'claude-sonnet-4-5-20250929', '2026-09').find(
      (record) => !record.batch,
    )!;
    // "3000" cents of uncached input is $30; 1-hour writes 0.1M × $6 = $0.60; web search 120 cents = $1.20.
    expect(standard.costByClass.input).toBeCloseTo(30, 9);
    expect(standard.costByClass.cacheWrite1h).toBeCloseTo(0.6, 9);
    expect(standard.costByClass.other).toBeCloseTo(1.2, 9);
  });
});

describe("OpenAI's usage API and cost export", () => {
  it('takes cached tokens out of input_tokens, which includes them', () => {
    const result = read('openai-usage.jsonl');
    const records = recordsOf(result, 'gpt-4o-mini-2024-07-18', '2026-09');
    const interactive = records.find((record) => !record.batch)!;
    expect(interactive.tokens).toMatchObject({ input: 30e6, cacheRead: 20e6, output: 5e6 });
    expect(interactive.requests).toBe(12000);
    expect(records.find((record) => record.batch)!.requests).toBe(2000);
  });

  it('reads the costs CSV by line item and lists the unreadable amount by line', () => {
    const result = read('openai-costs.csv');
    expect(result.problems).toEqual([{ line: 12, message: 'amount_value: must be a number' }]);
    const records = recordsOf(result, 'gpt-4o-mini-2024-07-18', '2026-10');
    expect(total(records, (record) => record.costByClass.cacheRead)).toBeCloseTo(1.8, 9);
    expect(readOpenaiLineItem('gpt-4o-2024-08-06, batch output')).toEqual({
      model: 'gpt-4o-2024-08-06',
      costClass: 'output',
    });
    expect(readOpenaiLineItem('web search tool calls')).toEqual({
      model: 'web search tool calls',
      costClass: 'other',
    });
  });
});

describe('LiteLLM spend logs', () => {
  it('reads spend per request, cache counts from metadata, the first tag, and skips failures', () => {
    const result = read('litellm-spend.csv');
    expect(result.rowsRead).toBe(5);
    expect(result.skipped).toEqual({ 'failed request': 1 });
    expect(result.problems).toEqual([{ line: 8, message: 'startTime: "not-a-date" is not a date' }]);
    const [sonnet] = recordsOf(result, 'claude-sonnet-4-5-20250929', '2026-09');
    // prompt_tokens 6000 + 6000 hold 5000 written and 5000 read: 2000 uncached.
    expect(sonnet!.tokens).toMatchObject({ input: 2000, cacheRead: 5000, cacheWrite5m: 5000, output: 900 });
    expect(sonnet!.groups).toEqual({ tag: 'support', project: 'team-a', apiKey: 'hashed-key-1' });
    expect(sumCost(sonnet!)).toBeCloseTo(0.02925 + 0.0105, 12);
  });

  it('reads the same rows from JSON', () => {
    const json = JSON.stringify([
      {
        spend: 0.00048,
        prompt_tokens: 2000,
        completion_tokens: 300,
        startTime: '2026-09-11T08:00:00Z',
        model: 'gpt-4o-mini',
        custom_llm_provider: 'openai',
        request_tags: ['search'],
      },
    ]);
    const result = readUsageText(json);
    expect(result.ok && result.value.records[0]).toMatchObject({ model: 'gpt-4o-mini', requests: 1 });
  });
});

describe('streaming', () => {
  it.each(['aws-cur-bedrock.csv', 'bedrock-invocations.jsonl', 'anthropic-usage.json', 'litellm-spend.csv'])(
    'reads %s in 7-character chunks exactly as whole',
    (name) => {
      const text = fixture(name);
      const format = detectUsageFormat(text)!;
      const reader = createUsageReader(format);
      for (let i = 0; i < text.length; i += 7) reader.push(text.slice(i, i + 7));
      expect(reader.finish()).toEqual(read(name));
    },
  );

  it('unpacks a gzip-compressed report from a byte stream', async () => {
    const bytes = gzipSync(Buffer.from(fixture('aws-cur-bedrock.csv')));
    const stream = new Blob([bytes]).stream();
    const seen: number[] = [];
    const result = await readUsageStream(stream, (n) => seen.push(n));
    expect(result.ok && result.value).toEqual(read('aws-cur-bedrock.csv'));
  });

  it('refuses a stream of no known format', async () => {
    const result = await readUsageStream(new Blob(['hello\n']).stream());
    expect(result.ok).toBe(false);
  });
});

describe('text helpers', () => {
  it('splits CSV records with quotes, doubled quotes and empty cells', () => {
    expect(splitCsvRecord('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });

  it('finds the line a JSON value starts on', () => {
    const text = '{\n  "data": [\n    { "x": 1 },\n    {\n      "x": 2\n    }\n  ]\n}';
    expect(lineOfJsonPath(text, ['data', 1])).toBe(4);
    expect(lineOfJsonPath(text, ['data', 1, 'x'])).toBe(5);
  });
});
