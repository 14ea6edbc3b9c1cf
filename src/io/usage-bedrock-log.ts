/**
 * Amazon Bedrock model-invocation logs (JSON lines, as delivered to S3 or CloudWatch Logs): one object per
 * invocation with `modelId`, `timestamp`, `region`, `input.inputTokenCount`, `input.cacheReadInputTokenCount`,
 * `input.cacheWriteInputTokenCount`, `output.outputTokenCount`, `identity.arn` and `requestMetadata`.
 * See docs/usage-formats.md.
 */
import { emptyTokens, monthOfIsoDate } from '../domain/usage-records';
import type { UsageRow } from '../domain/usage-records';
import { isJsonObject } from './json-text';
import { geoOfModelId, readCount, readText } from './usage-text';
import type { RowOutcome } from './usage-text';

/** The model a `modelId` names: an ARN's last segment, else the id itself. */
function modelOfId(modelId: string): string {
  return modelId.includes('/') ? modelId.split('/').pop()! : modelId;
}

/** One invocation-log object as usage. */
export function readBedrockLogEntry(entry: unknown): RowOutcome {
  if (!isJsonObject(entry)) return { problem: 'must be a JSON object' };
  if (readText(entry.errorCode)) return { skip: 'failed invocation' };
  const modelId = readText(entry.modelId);
  if (!modelId) return { problem: 'modelId: is missing' };
  const timestamp = readText(entry.timestamp);
  const month = timestamp ? monthOfIsoDate(timestamp) : null;
  if (!month) return { problem: `timestamp: "${timestamp ?? ''}" is not a date` };
  const input = isJsonObject(entry.input) ? entry.input : {};
  const output = isJsonObject(entry.output) ? entry.output : {};
  const counts = {
    input: readCount(input.inputTokenCount),
    cacheRead: readCount(input.cacheReadInputTokenCount),
    cacheWrite: readCount(input.cacheWriteInputTokenCount),
    output: readCount(output.outputTokenCount),
  };
  for (const [field, value] of Object.entries(counts)) {
    if (value === null) return { problem: `${field} token count: must be a number ≥ 0` };
  }
  const model = modelOfId(modelId);
  const geo = geoOfModelId(model);
  const metadata = isJsonObject(entry.requestMetadata) ? entry.requestMetadata : {};
  const identity = isJsonObject(entry.identity) ? entry.identity : {};
  const tokens = emptyTokens();
  tokens.input = counts.input ?? 0;
  tokens.cacheRead = counts.cacheRead ?? 0;
  tokens.cacheWrite5m = counts.cacheWrite ?? 0;
  tokens.output = counts.output ?? 0;
  const row: UsageRow = {
    month,
    model,
    platform: 'bedrock',
    region: geo ?? readText(entry.region),
    groups: {
      tag: readText(metadata.tag) ?? readText(metadata.feature),
      project: readText(metadata.project),
      apiKey: readText(identity.arn),
    },
    batch: false,
    requests: 1,
    tokens,
    cost: null,
    costClass: 'tokens',
  };
  return { rows: [row] };
}
