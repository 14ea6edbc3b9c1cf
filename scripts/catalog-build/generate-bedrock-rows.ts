/**
 * Writes data/catalog-build/rows/bedrock.json: one row per Bedrock chat model LiteLLM's price file prices, on every
 * endpoint it is sold on, corrected where AWS's price list (data/catalog-build/sources/aws-bedrock-prices-2026-10-08.json)
 * disagrees, plus rows for models AWS sells that LiteLLM does not list yet. An endpoint the price list does not settle
 * is not shipped (a price that cannot be sourced to the provider's own list is left out, with the reason, in
 * data/catalog-build/bedrock-left-out.md). Quality from
 * data/catalog-build/sources/gpqa-diamond-artificial-analysis.json.
 *
 *   npx tsx scripts/catalog-build/generate-bedrock-rows.ts
 *
 * The output is committed and reviewed; rerun this after changing the tables below.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { Model, PerTokenPricing } from '../../src/domain/scenario-schema';
import { LITELLM_AS_OF, LITELLM_FILE, readLitellmPrices } from './build';
import type { RowSpecInput } from './row-spec';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildDir = path.join(root, 'data', 'catalog-build');

const AWS_AS_OF = '2026-10-08';
const AWS_URL =
  'https://github.com/inferplane/model-comparision/blob/16734176a6748580df085dbd60054f62f3fb33b1/public/data/models.json';
const AWS_LABEL = 'AWS Price List API (AmazonBedrock / AmazonBedrockFoundationModels), via a daily mirror';
const LITELLM_LABEL = `LiteLLM model_prices_and_context_window.json (${LITELLM_AS_OF})`;
const LITELLM_URL = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';
const ASSUMED = 'no published GPQA Diamond score; assumption placed by tier, replace with your own eval';
const LIFECYCLE_URL = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html';

type Family = {
  slug: string;
  name: string;
  provider: string;
  openWeight?: boolean;
  /** The `model` of a benchmarks row, or an assumed GPQA Diamond score with its reason. */
  quality: string | { assume: number; why: string };
  /** The retirement date and its source; `endpoints`, when given, are the only endpoints the source settles. */
  retiresOn?: { date: string; source: string; endpoints?: string[]; otherEndpoints?: string };
  tokenizerFactor?: number;
  notes?: string;
};

type Exclusion = { exclude: string };

const OLDER =
  'An older generation: its Bedrock lifecycle state (Active, Legacy or EOL) is not in our sources; check ' +
  `${LIFECYCLE_URL} before planning on it.`;
const CLAUDE_47_TOKENIZER =
  'tokenizerFactor 1.3: Anthropic says Claude 4.7 and later use a newer tokenizer that makes about 30 % more tokens for the same text.';
const AWS_CARD_EOL = (date: string): { date: string; source: string } => ({
  date,
  source: `AWS model card (via the AWS price-list mirror, ${AWS_AS_OF}): Legacy, EOL ${date}`,
});

const CARD_READ = '2026-12-03';
const AWS_CARD_URL = (card: string): string =>
  `https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-${card}.html`;

/** Every base model key (LiteLLM key without endpoint prefix), classified. */
const FAMILIES: Record<string, Family | Exclusion> = {
  'ai21.j2-mid-v1': {
    exclude: 'AI21 Jurassic-2: end-of-life on Bedrock (superseded by Jamba); LiteLLM still prices it',
  },
  'ai21.j2-ultra-v1': {
    exclude: 'AI21 Jurassic-2: end-of-life on Bedrock (superseded by Jamba); LiteLLM still prices it',
  },
  'ai21.jamba-1-5-large-v1:0': {
    slug: 'jamba-1.5-large',
    name: 'Jamba 1.5 Large',
    provider: 'AI21 Labs',
    openWeight: true,
    quality: { assume: 42, why: 'a 2024 large model, placed near Llama 3.1 70B (40.9)' },
    notes: OLDER,
  },
  'ai21.jamba-1-5-mini-v1:0': {
    slug: 'jamba-1.5-mini',
    name: 'Jamba 1.5 Mini',
    provider: 'AI21 Labs',
    openWeight: true,
    quality: { assume: 30, why: 'a 2024 small model, placed near Llama 3.1 8B (25.9)' },
    notes: OLDER,
  },
  'ai21.jamba-instruct-v1:0': {
    slug: 'jamba-instruct',
    name: 'Jamba Instruct',
    provider: 'AI21 Labs',
    quality: { assume: 28, why: 'the first Jamba, placed below Jamba 1.5 Mini' },
    notes: OLDER,
  },
  'writer.palmyra-x4-v1:0': {
    slug: 'palmyra-x4',
    name: 'Palmyra X4',
    provider: 'Writer',
    quality: { assume: 50, why: 'a 2024 enterprise model, placed near Llama 3.1 405B (51.5)' },
  },
  'writer.palmyra-x5-v1:0': {
    slug: 'palmyra-x5',
    name: 'Palmyra X5',
    provider: 'Writer',
    quality: { assume: 60, why: 'a 2025 enterprise model, placed near Nova 2 Lite (60.3)' },
  },
  'amazon.nova-micro-v1:0': {
    slug: 'nova-micro',
    name: 'Nova Micro',
    provider: 'Amazon',
    quality: 'Amazon Nova Micro',
  },
  'amazon.nova-lite-v1:0': {
    slug: 'nova-lite',
    name: 'Nova Lite',
    provider: 'Amazon',
    quality: 'Amazon Nova Lite',
  },
  'amazon.nova-pro-v1:0': {
    slug: 'nova-pro',
    name: 'Nova Pro',
    provider: 'Amazon',
    quality: 'Amazon Nova Pro',
  },
  'amazon.nova-premier-v1:0': {
    slug: 'nova-premier',
    name: 'Nova Premier',
    provider: 'Amazon',
    quality: 'Amazon Nova Premier',
    retiresOn: {
      date: '2026-09-14',
      source: `AWS model card for Nova Premier (${AWS_CARD_URL('amazon-nova-premier')}, read ${CARD_READ}): "Model lifecycle: Legacy", "Model EOL date: September 14, 2026". The card also keeps the launch-time line "EOL no sooner than: Oct 31, 2026" (from its launch date); the set EOL date is the one the lifecycle policy adds when a model enters Legacy, so it is the one used (both dates are past)`,
    },
  },
  'amazon.nova-2-lite-v1:0': {
    slug: 'nova-2-lite',
    name: 'Nova 2 Lite',
    provider: 'Amazon',
    quality: 'Amazon Nova 2 Lite',
  },
  'amazon.nova-2-pro-preview-20251202-v1:0': {
    slug: 'nova-2-pro',
    name: 'Nova 2 Pro (preview)',
    provider: 'Amazon',
    quality: 'Amazon Nova 2 Pro',
  },
  'twelvelabs.pegasus-1-2-v1:0': {
    exclude:
      'TwelveLabs Pegasus is a video model with no input-token price in LiteLLM (priced per second of video)',
  },
  'amazon.titan-text-express-v1': {
    slug: 'titan-text-express',
    name: 'Titan Text Express',
    provider: 'Amazon',
    quality: { assume: 25, why: 'a 2023 model, placed near Llama 3.1 8B (25.9)' },
    notes: OLDER,
  },
  'amazon.titan-text-lite-v1': {
    slug: 'titan-text-lite',
    name: 'Titan Text Lite',
    provider: 'Amazon',
    quality: { assume: 20, why: 'a 2023 small model, placed below Titan Text Express' },
    notes: OLDER,
  },
  'amazon.titan-text-premier-v1:0': {
    slug: 'titan-text-premier',
    name: 'Titan Text Premier',
    provider: 'Amazon',
    quality: { assume: 30, why: 'a 2024 model, placed between Titan Text Express and Nova Micro (35.8)' },
    notes: OLDER,
  },
  'anthropic.claude-3-5-haiku-20241022-v1:0': {
    exclude:
      "Claude 3.5 Haiku: AWS's price list shows inconsistent values (us-east-1 in 1 / out 4, us-east-2 in 0.8 / out 5) and LiteLLM's eu key carries Claude 3 Haiku's price; no primary source settles it",
  },
  'anthropic.claude-haiku-4-5-20251001-v1:0': {
    slug: 'claude-haiku-4.5',
    name: 'Claude Haiku 4.5',
    provider: 'Anthropic',
    quality: 'Claude Haiku 4.5',
    notes: 'AWS model card: EOL "no sooner than 2026-10-01" (no date announced).',
  },
  'anthropic.claude-haiku-4-5@20251001': { exclude: 'alias' },
  'claude-sonnet-4-5-20250929-v1:0': { exclude: 'alias' },
  'anthropic.claude-3-5-sonnet-20240620-v1:0': {
    slug: 'claude-3.5-sonnet-20240620',
    name: 'Claude 3.5 Sonnet (June 2024)',
    provider: 'Anthropic',
    quality: { assume: 56, why: 'the first Claude 3.5 Sonnet, placed below the October version (59.9)' },
    retiresOn: {
      date: '2025-10-28',
      source:
        "Anthropic's release notes: Claude Sonnet 3.5 models retired 2025-10-28 (the Bedrock date itself is not in our sources)",
    },
  },
  'anthropic.claude-3-5-sonnet-20241022-v2:0': {
    slug: 'claude-3.5-sonnet',
    name: 'Claude 3.5 Sonnet v2',
    provider: 'Anthropic',
    quality: "Claude 3.5 Sonnet (Oct '24)",
    retiresOn: {
      date: '2025-10-28',
      source:
        "Anthropic's release notes: Claude Sonnet 3.5 models retired 2025-10-28 (the Bedrock date itself is not in our sources)",
    },
  },
  'anthropic.claude-3-7-sonnet-20240620-v1:0': {
    exclude:
      'a LiteLLM key that names no Bedrock model (Claude 3.7 Sonnet with the June 2024 date of Claude 3.5 Sonnet, at $3.60 / $18)',
  },
  'anthropic.claude-3-7-sonnet-20250219-v1:0': {
    slug: 'claude-3.7-sonnet',
    name: 'Claude 3.7 Sonnet',
    provider: 'Anthropic',
    quality: 'Claude 3.7 Sonnet',
    retiresOn: {
      date: '2026-04-28',
      source:
        'Claude 3.7 Sonnet reached end of life on Bedrock on 2026-04-28 (bitslovers.com, "Amazon Bedrock Model Lifecycle"; third-party)',
    },
  },
  'anthropic.claude-3-haiku-20240307-v1:0': {
    slug: 'claude-3-haiku',
    name: 'Claude 3 Haiku',
    provider: 'Anthropic',
    quality: { assume: 33, why: 'placed near Nova Micro (35.8)' },
    retiresOn: {
      date: '2026-09-10',
      source: `AWS model card for Claude 3 Haiku (${AWS_CARD_URL('anthropic-claude-3-haiku')}, read ${CARD_READ} in AWS's own zh_TW and ja_JP machine-translated copies of the page): "Model EOL date: September 10, 2026"; EOL in most Regions, requests fail with "This model version has reached the end of its life"; still available in ca-central-1, eu-central-2 and sa-east-1, Legacy in ap-northeast-2 (in-region calls there are not covered by this date)`,
      endpoints: ['us', 'eu', 'apac'],
      otherEndpoints: `AWS's Claude 3 Haiku model card (${AWS_CARD_URL('anthropic-claude-3-haiku')}, read ${CARD_READ}) retires the model on 2026-09-10 in most Regions and lists the exceptions, but does not mention the GovCloud Regions`,
    },
  },
  'anthropic.claude-3-opus-20240229-v1:0': {
    slug: 'claude-3-opus',
    name: 'Claude 3 Opus',
    provider: 'Anthropic',
    quality: { assume: 50, why: 'placed near Llama 3.1 405B (51.5)' },
    notes: OLDER,
  },
  'anthropic.claude-3-sonnet-20240229-v1:0': {
    slug: 'claude-3-sonnet',
    name: 'Claude 3 Sonnet',
    provider: 'Anthropic',
    quality: { assume: 40, why: 'placed between Claude 3 Haiku and Claude 3 Opus' },
    notes: OLDER,
  },
  'anthropic.claude-instant-v1': {
    exclude: 'Claude Instant: end-of-life on Bedrock; LiteLLM still prices it',
  },
  'anthropic.claude-v1': { exclude: 'Claude v1: end-of-life on Bedrock; LiteLLM still prices it' },
  'anthropic.claude-v2:1': { exclude: 'Claude 2.1: end-of-life on Bedrock; LiteLLM still prices it' },
  'anthropic.claude-opus-4-1-20250805-v1:0': {
    slug: 'claude-opus-4.1',
    name: 'Claude Opus 4.1',
    provider: 'Anthropic',
    quality: { assume: 71, why: 'placed just above Claude Opus 4 (70.1)' },
    retiresOn: AWS_CARD_EOL('2027-01-08'),
  },
  'anthropic.claude-opus-4-20250514-v1:0': {
    slug: 'claude-opus-4',
    name: 'Claude Opus 4',
    provider: 'Anthropic',
    quality: 'Claude Opus 4',
    retiresOn: {
      date: '2026-06-15',
      source:
        'Anthropic retired Claude Opus 4 on 2026-06-15 (release notes, as cited in our catalog research); issue 9 reports Bedrock retired it in 2026 too; the Bedrock date itself is not in our sources',
    },
  },
  'anthropic.claude-sonnet-4-20250514-v1:0': {
    slug: 'claude-sonnet-4',
    name: 'Claude Sonnet 4',
    provider: 'Anthropic',
    quality: 'Claude Sonnet 4',
    retiresOn: {
      date: '2026-10-14',
      source: `AWS model card (via the AWS price-list mirror, ${AWS_AS_OF}): "Legacy (certain regions)", EOL 2026-10-14`,
    },
  },
  'anthropic.claude-sonnet-4-5-20250929-v1:0': {
    slug: 'claude-sonnet-4.5',
    name: 'Claude Sonnet 4.5',
    provider: 'Anthropic',
    quality: 'Claude Sonnet 4.5',
    notes:
      "Anthropic deprecated Sonnet 4.5 on its own API (retires there 2026-11-30); AWS's Bedrock date is not in our sources.",
  },
  'anthropic.claude-sonnet-4-6': {
    slug: 'claude-sonnet-4.6',
    name: 'Claude Sonnet 4.6',
    provider: 'Anthropic',
    quality: 'Claude Sonnet 4.6',
  },
  'anthropic.claude-sonnet-5': {
    slug: 'claude-sonnet-5',
    name: 'Claude Sonnet 5',
    provider: 'Anthropic',
    quality: 'Claude Sonnet 5',
    tokenizerFactor: 1.3,
    notes: CLAUDE_47_TOKENIZER,
  },
  'anthropic.claude-opus-4-5-20251101-v1:0': {
    slug: 'claude-opus-4.5',
    name: 'Claude Opus 4.5',
    provider: 'Anthropic',
    quality: 'Claude Opus 4.5',
  },
  'anthropic.claude-opus-4-6-v1': {
    slug: 'claude-opus-4.6',
    name: 'Claude Opus 4.6',
    provider: 'Anthropic',
    quality: 'Claude Opus 4.6',
  },
  'anthropic.claude-opus-4-7': {
    slug: 'claude-opus-4.7',
    name: 'Claude Opus 4.7',
    provider: 'Anthropic',
    quality: 'Claude Opus 4.7',
    tokenizerFactor: 1.3,
    notes: CLAUDE_47_TOKENIZER,
  },
  'anthropic.claude-opus-4-8': {
    slug: 'claude-opus-4.8',
    name: 'Claude Opus 4.8',
    provider: 'Anthropic',
    quality: 'Claude Opus 4.8',
    tokenizerFactor: 1.3,
    notes: CLAUDE_47_TOKENIZER,
  },
  'anthropic.claude-opus-5': {
    slug: 'claude-opus-5',
    name: 'Claude Opus 5',
    provider: 'Anthropic',
    quality: 'Claude Opus 5',
    tokenizerFactor: 1.3,
    notes: CLAUDE_47_TOKENIZER,
  },
  'anthropic.claude-fable-5': {
    slug: 'claude-fable-5',
    name: 'Claude Fable 5',
    provider: 'Anthropic',
    quality: 'Claude Fable 5',
    tokenizerFactor: 1.3,
    notes: CLAUDE_47_TOKENIZER,
  },
  'anthropic.claude-mythos-preview': { exclude: 'priced 0 / 0 in LiteLLM (a preview with no public price)' },
  'cohere.command-light-text-v14': {
    exclude:
      'Cohere Command Light (v14): end-of-life on Bedrock (superseded by Command R); LiteLLM still prices it',
  },
  'cohere.command-text-v14': {
    exclude:
      'Cohere Command (v14): end-of-life on Bedrock (superseded by Command R); LiteLLM still prices it',
  },
  'cohere.command-r-plus-v1:0': {
    slug: 'command-r-plus',
    name: 'Command R+',
    provider: 'Cohere',
    openWeight: true,
    quality: { assume: 34, why: 'a 2024 model, placed below Llama 3.1 70B (40.9)' },
    notes: OLDER,
  },
  'cohere.command-r-v1:0': {
    slug: 'command-r',
    name: 'Command R',
    provider: 'Cohere',
    openWeight: true,
    quality: { assume: 29, why: 'placed below Command R+' },
    notes: OLDER,
  },
  'deepseek.v3-v1:0': {
    slug: 'deepseek-v3.1',
    name: 'DeepSeek V3.1',
    provider: 'DeepSeek',
    openWeight: true,
    quality: 'DeepSeek V3.1',
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'deepseek.v3.2': {
    slug: 'deepseek-v3.2',
    name: 'DeepSeek V3.2',
    provider: 'DeepSeek',
    openWeight: true,
    quality: 'DeepSeek V3.2',
  },
  'deepseek.r1-v1:0': {
    slug: 'deepseek-r1',
    name: 'DeepSeek R1',
    provider: 'DeepSeek',
    openWeight: true,
    quality: {
      assume: 71,
      why: 'the first DeepSeek reasoning model, placed just below DeepSeek V3.1 (73.5)',
    },
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'minimax.minimax-m2': {
    slug: 'minimax-m2',
    name: 'MiniMax M2',
    provider: 'MiniMax',
    openWeight: true,
    quality: { assume: 77, why: 'placed below MiniMax M2.5 (84.8)' },
  },
  'minimax.minimax-m2.1': {
    slug: 'minimax-m2.1',
    name: 'MiniMax M2.1',
    provider: 'MiniMax',
    openWeight: true,
    quality: { assume: 81, why: 'placed between MiniMax M2 and M2.5 (84.8)' },
  },
  'minimax.minimax-m2.5': {
    slug: 'minimax-m2.5',
    name: 'MiniMax M2.5',
    provider: 'MiniMax',
    openWeight: true,
    quality: 'MiniMax M2.5',
  },
  'moonshotai.kimi-k2-thinking': {
    slug: 'kimi-k2-thinking',
    name: 'Kimi K2 Thinking',
    provider: 'Moonshot AI',
    openWeight: true,
    quality: 'Kimi K2 Thinking',
  },
  'moonshot.kimi-k2-thinking': {
    slug: 'kimi-k2-thinking',
    name: 'Kimi K2 Thinking',
    provider: 'Moonshot AI',
    openWeight: true,
    quality: 'Kimi K2 Thinking',
  },
  'moonshotai.kimi-k2.5': {
    slug: 'kimi-k2.5',
    name: 'Kimi K2.5',
    provider: 'Moonshot AI',
    openWeight: true,
    quality: 'Kimi K2.5',
  },
  'qwen.qwen3-coder-next': {
    slug: 'qwen3-coder-next',
    name: 'Qwen3 Coder Next',
    provider: 'Qwen',
    openWeight: true,
    quality: { assume: 60, why: 'a coding model, placed near Qwen3 Coder 480B (61.8)' },
  },
  'qwen.qwen3-coder-480b-a35b-v1:0': {
    slug: 'qwen3-coder-480b',
    name: 'Qwen3 Coder 480B A35B',
    provider: 'Qwen',
    openWeight: true,
    quality: 'Qwen3 Coder 480B',
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'qwen.qwen3-235b-a22b-2507-v1:0': {
    slug: 'qwen3-235b',
    name: 'Qwen3 235B A22B 2507',
    provider: 'Qwen',
    openWeight: true,
    quality: 'Qwen3 235B A22B 2507',
  },
  'qwen.qwen3-coder-30b-a3b-v1:0': {
    slug: 'qwen3-coder-30b',
    name: 'Qwen3 Coder 30B A3B',
    provider: 'Qwen',
    openWeight: true,
    quality: 'Qwen3 Coder 30B',
  },
  'qwen.qwen3-32b-v1:0': {
    slug: 'qwen3-32b',
    name: 'Qwen3 32B',
    provider: 'Qwen',
    openWeight: true,
    quality: 'Qwen3 32B',
  },
  'qwen.qwen3-next-80b-a3b': {
    slug: 'qwen3-next-80b',
    name: 'Qwen3 Next 80B A3B',
    provider: 'Qwen',
    openWeight: true,
    quality: 'Qwen3 Next 80B',
  },
  'qwen.qwen3-vl-235b-a22b': {
    slug: 'qwen3-vl-235b',
    name: 'Qwen3 VL 235B A22B',
    provider: 'Qwen',
    openWeight: true,
    quality: { assume: 70, why: 'the vision sibling of Qwen3 235B (75.3), placed a little below it' },
  },
  'meta.llama2-13b-chat-v1': { exclude: 'Llama 2: end-of-life on Bedrock; LiteLLM still prices it' },
  'meta.llama2-70b-chat-v1': { exclude: 'Llama 2: end-of-life on Bedrock; LiteLLM still prices it' },
  'meta.llama3-8b-instruct-v1:0': {
    slug: 'llama-3-8b',
    name: 'Llama 3 8B',
    provider: 'Meta',
    openWeight: true,
    quality: { assume: 23, why: 'placed just below Llama 3.1 8B (25.9)' },
    notes: OLDER,
  },
  'meta.llama3-70b-instruct-v1:0': {
    slug: 'llama-3-70b',
    name: 'Llama 3 70B',
    provider: 'Meta',
    openWeight: true,
    quality: { assume: 38, why: 'placed just below Llama 3.1 70B (40.9)' },
    notes: OLDER,
  },
  'meta.llama3-1-8b-instruct-v1:0': {
    slug: 'llama-3.1-8b',
    name: 'Llama 3.1 8B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 3.1 8B',
  },
  'meta.llama3-1-70b-instruct-v1:0': {
    slug: 'llama-3.1-70b',
    name: 'Llama 3.1 70B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 3.1 70B',
  },
  'meta.llama3-1-405b-instruct-v1:0': {
    slug: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 3.1 405B',
    retiresOn: {
      date: '2026-07-07',
      source: `AWS model card for Llama 3.1 405B Instruct (${AWS_CARD_URL('meta-llama-3-1-405b-instruct')}, read ${CARD_READ}): "Model EOL date: Legacy: July 7, 2026" (the same copy still shows "Model lifecycle: Active")`,
    },
  },
  'meta.llama3-2-1b-instruct-v1:0': {
    slug: 'llama-3.2-1b',
    name: 'Llama 3.2 1B',
    provider: 'Meta',
    openWeight: true,
    quality: { assume: 20, why: 'the smallest Llama, placed below Llama 3.1 8B (25.9)' },
  },
  'meta.llama3-2-3b-instruct-v1:0': {
    slug: 'llama-3.2-3b',
    name: 'Llama 3.2 3B',
    provider: 'Meta',
    openWeight: true,
    quality: { assume: 24, why: 'placed just below Llama 3.1 8B (25.9)' },
  },
  'meta.llama3-2-11b-instruct-v1:0': {
    slug: 'llama-3.2-11b',
    name: 'Llama 3.2 11B Vision',
    provider: 'Meta',
    openWeight: true,
    quality: { assume: 27, why: 'the vision build of the 8B class, placed near Llama 3.1 8B (25.9)' },
  },
  'meta.llama3-2-90b-instruct-v1:0': {
    slug: 'llama-3.2-90b',
    name: 'Llama 3.2 90B Vision',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 3.2 90B',
    retiresOn: {
      date: '2026-07-07',
      source: `AWS model card for Llama 3.2 90B Instruct (${AWS_CARD_URL('meta-llama-3-2-90b-instruct')}, read ${CARD_READ} in AWS's own zh_TW machine-translated copy): "Model EOL date: July 7, 2026", "Model lifecycle: Legacy"`,
    },
  },
  'meta.llama3-3-70b-instruct-v1:0': {
    slug: 'llama-3.3-70b',
    name: 'Llama 3.3 70B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 3.3 70B',
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'meta.llama4-maverick-17b-instruct-v1:0': {
    slug: 'llama-4-maverick',
    name: 'Llama 4 Maverick 17B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 4 Maverick',
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'meta.llama4-scout-17b-instruct-v1:0': {
    slug: 'llama-4-scout',
    name: 'Llama 4 Scout 17B',
    provider: 'Meta',
    openWeight: true,
    quality: 'Llama 4 Scout',
    retiresOn: AWS_CARD_EOL('2027-03-30'),
  },
  'mistral.mistral-7b-instruct-v0:2': {
    slug: 'mistral-7b',
    name: 'Mistral 7B Instruct',
    provider: 'Mistral AI',
    openWeight: true,
    quality: { assume: 22, why: 'a 2023 7B model, placed below Llama 3.1 8B (25.9)' },
    notes: OLDER,
  },
  'mistral.mixtral-8x7b-instruct-v0:1': {
    slug: 'mixtral-8x7b',
    name: 'Mixtral 8x7B Instruct',
    provider: 'Mistral AI',
    openWeight: true,
    quality: {
      assume: 30,
      why: 'a 2023 mixture of experts, placed between Llama 3.1 8B (25.9) and 70B (40.9)',
    },
    notes: OLDER,
  },
  'mistral.mistral-large-2402-v1:0': {
    slug: 'mistral-large-2402',
    name: 'Mistral Large (24.02)',
    provider: 'Mistral AI',
    quality: { assume: 38, why: 'placed below Mistral Large 2 (47.2)' },
    notes: OLDER,
  },
  'mistral.mistral-large-2407-v1:0': {
    slug: 'mistral-large-2407',
    name: 'Mistral Large 2 (24.07)',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Mistral Large 2 (24.07)',
  },
  'mistral.mistral-large-3-675b-instruct': {
    slug: 'mistral-large-3',
    name: 'Mistral Large 3',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Mistral Large 3',
  },
  'mistral.mistral-small-2402-v1:0': {
    slug: 'mistral-small-2402',
    name: 'Mistral Small (24.02)',
    provider: 'Mistral AI',
    quality: { assume: 30, why: 'placed below Mistral Small (Sep 2024, 38.1)' },
    notes: OLDER,
  },
  'mistral.pixtral-large-2502-v1:0': {
    slug: 'pixtral-large',
    name: 'Pixtral Large (25.02)',
    provider: 'Mistral AI',
    quality: { assume: 48, why: 'built on Mistral Large 2 (47.2)' },
  },
  'mistral.devstral-2-123b': {
    slug: 'devstral-2',
    name: 'Devstral 2 123B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: {
      assume: 58,
      why: 'a coding model, placed near Ministral 3 14B (57.2) and below Mistral Large 3 (68.0)',
    },
  },
  'mistral.magistral-small-2509': {
    slug: 'magistral-small',
    name: 'Magistral Small 1.2',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Magistral Small 1.2',
  },
  'mistral.ministral-3-3b-instruct': {
    slug: 'ministral-3-3b',
    name: 'Ministral 3 3B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Ministral 3 3B',
  },
  'mistral.ministral-3-8b-instruct': {
    slug: 'ministral-3-8b',
    name: 'Ministral 3 8B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Ministral 3 8B',
  },
  'mistral.ministral-3-14b-instruct': {
    slug: 'ministral-3-14b',
    name: 'Ministral 3 14B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: 'Ministral 3 14B',
  },
  'mistral.voxtral-mini-3b-2507': {
    slug: 'voxtral-mini',
    name: 'Voxtral Mini 3B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: { assume: 25, why: 'a 3B speech-and-text model, placed near Llama 3.1 8B (25.9)' },
  },
  'mistral.voxtral-small-24b-2507': {
    slug: 'voxtral-small',
    name: 'Voxtral Small 24B',
    provider: 'Mistral AI',
    openWeight: true,
    quality: { assume: 38, why: 'built on Mistral Small 3.1, placed near Mistral Small (Sep 2024, 38.1)' },
  },
  'nvidia.nemotron-nano-9b-v2': {
    slug: 'nemotron-nano-9b-v2',
    name: 'Nemotron Nano 9B v2',
    provider: 'NVIDIA',
    openWeight: true,
    quality: { assume: 50, why: 'a small reasoning model, placed near Ministral 3 8B (47.1)' },
  },
  'nvidia.nemotron-nano-12b-v2': {
    slug: 'nemotron-nano-12b-v2',
    name: 'Nemotron Nano 12B v2 VL',
    provider: 'NVIDIA',
    openWeight: true,
    quality: { assume: 50, why: 'the vision sibling of Nemotron Nano 9B v2' },
  },
  'nvidia.nemotron-nano-3-30b': {
    slug: 'nemotron-3-nano-30b',
    name: 'Nemotron 3 Nano 30B',
    provider: 'NVIDIA',
    openWeight: true,
    quality: { assume: 62, why: 'placed near Qwen3 Coder 480B (61.8) and Nova 2 Lite (60.3)' },
  },
  'nvidia.nemotron-super-3-120b': {
    slug: 'nemotron-3-super-120b',
    name: 'Nemotron 3 Super 120B',
    provider: 'NVIDIA',
    openWeight: true,
    quality: { assume: 74, why: 'placed near DeepSeek V3.1 (73.5)' },
  },
  'openai.gpt-oss-20b-1:0': {
    slug: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    provider: 'OpenAI',
    openWeight: true,
    quality: 'gpt-oss-20b',
  },
  'openai.gpt-oss-120b-1:0': {
    slug: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    provider: 'OpenAI',
    openWeight: true,
    quality: 'gpt-oss-120b',
  },
  'openai.gpt-oss-20b': {
    slug: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    provider: 'OpenAI',
    openWeight: true,
    quality: 'gpt-oss-20b',
  },
  'openai.gpt-oss-120b': {
    slug: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    provider: 'OpenAI',
    openWeight: true,
    quality: 'gpt-oss-120b',
  },
  'openai.gpt-oss-safeguard-20b': {
    slug: 'gpt-oss-safeguard-20b',
    name: 'gpt-oss-safeguard-20b',
    provider: 'OpenAI',
    openWeight: true,
    quality: { assume: 68.8, why: 'a safety-classifier fine-tune of gpt-oss-20b, placed at its score' },
  },
  'openai.gpt-oss-safeguard-120b': {
    slug: 'gpt-oss-safeguard-120b',
    name: 'gpt-oss-safeguard-120b',
    provider: 'OpenAI',
    openWeight: true,
    quality: { assume: 78.2, why: 'a safety-classifier fine-tune of gpt-oss-120b, placed at its score' },
  },
  'zai.glm-4.7': {
    slug: 'glm-4.7',
    name: 'GLM 4.7',
    provider: 'Z.ai',
    openWeight: true,
    quality: { assume: 80, why: 'placed just below GLM 5 (82.0)' },
  },
  'zai.glm-4.7-flash': {
    slug: 'glm-4.7-flash',
    name: 'GLM 4.7 Flash',
    provider: 'Z.ai',
    openWeight: true,
    quality: { assume: 60, why: 'the small GLM 4.7, placed near Nova 2 Lite (60.3)' },
  },
  'zai.glm-5': { slug: 'glm-5', name: 'GLM 5', provider: 'Z.ai', openWeight: true, quality: 'GLM 5' },
  'google.gemma-3-4b-it': {
    slug: 'gemma-3-4b',
    name: 'Gemma 3 4B',
    provider: 'Google',
    openWeight: true,
    quality: { assume: 28, why: 'placed near Llama 3.1 8B (25.9)' },
  },
  'google.gemma-3-12b-it': {
    slug: 'gemma-3-12b',
    name: 'Gemma 3 12B',
    provider: 'Google',
    openWeight: true,
    quality: { assume: 35, why: 'placed between Gemma 3 4B and Gemma 3 27B (42.8)' },
  },
  'google.gemma-3-27b-it': {
    slug: 'gemma-3-27b',
    name: 'Gemma 3 27B',
    provider: 'Google',
    openWeight: true,
    quality: 'Gemma 3 27B',
  },
  'google.gemma-4-31b': {
    slug: 'gemma-4-31b',
    name: 'Gemma 4 31B',
    provider: 'Google',
    openWeight: true,
    quality: {
      assume: 70,
      why: 'a 2026 reasoning model, placed near Qwen3 VL 235B and below DeepSeek V3.1 (73.5)',
    },
  },
  'google.gemma-4-26b-a4b': {
    slug: 'gemma-4-26b-a4b',
    name: 'Gemma 4 26B A4B',
    provider: 'Google',
    openWeight: true,
    quality: { assume: 65, why: 'the mixture-of-experts Gemma 4, placed below Gemma 4 31B' },
  },
  'google.gemma-4-e2b': {
    slug: 'gemma-4-e2b',
    name: 'Gemma 4 E2B',
    provider: 'Google',
    openWeight: true,
    quality: { assume: 40, why: 'an on-device size, placed near Gemma 3 27B (42.8)' },
  },
  'xai.grok-4.3': {
    slug: 'grok-4.3',
    name: 'Grok 4.3',
    provider: 'xAI',
    quality: { assume: 85, why: 'a 2026 frontier reasoning model, placed near GPT-5 (85.4)' },
  },
};

type Benchmark = {
  model: string;
  aaVariant: string;
  aaSlug: string;
  score: number;
  source: { asOf: string };
};
type AwsRow = {
  litellmKey: string | null;
  model: string;
  endpoint: string;
  priceRegion: string;
  inputPerMTok: number | null;
  outputPerMTok: number | null;
  cacheReadPerMTok: number | null;
  cacheWritePerMTok: number | null;
  cacheWrite1hPerMTok: number | null;
  batchInputPerMTok: number | null;
  batchOutputPerMTok: number | null;
  batchAvailable: boolean;
  verified: boolean;
  notes: string | null;
  /** The context window the mirror gives for the model (rows added by the 2026-12-04 cross-check). */
  contextWindow?: number;
};

const GEO_PREFIXES = ['global', 'us-gov', 'us', 'eu', 'apac', 'au', 'jp'];
const AWS_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;
const ENDPOINT_LABEL: Record<string, string> = {
  global: 'global',
  us: 'US',
  eu: 'EU',
  apac: 'APAC',
  au: 'Australia',
  jp: 'Japan',
  'us-gov': 'US GovCloud',
  mantle: 'Mantle (OpenAI-compatible)',
};

/** The base model key and endpoint of a LiteLLM Bedrock key; endpoint '' is the plain, in-region key. */
function splitKey(key: string): { base: string; endpoint: string } | null {
  let parts = key.split('/');
  let endpoint = '';
  if (parts[0] === 'bedrock_mantle') {
    parts = parts.slice(1);
    endpoint = 'mantle';
  } else if (parts[0] === 'bedrock') parts = parts.slice(1);
  if (parts.length > 1 && AWS_REGION.test(parts[0]!)) {
    endpoint = parts[0]!;
    parts = parts.slice(1);
  }
  if (parts[0] === '*' || parts[0] === 'invoke' || /commitment$/.test(parts[0] ?? '')) return null;
  let base = parts.join('/');
  const prefix = GEO_PREFIXES.find((p) => base.startsWith(`${p}.`));
  if (prefix !== undefined) {
    if (endpoint !== '') return null;
    endpoint = prefix;
    base = base.slice(prefix.length + 1);
  }
  return { base, endpoint };
}

function samePrices(a: Model, b: Model): boolean {
  return JSON.stringify(a.pricing) === JSON.stringify(b.pricing);
}

function qualityFor(family: Family, benchmarks: Map<string, Benchmark>): RowSpecInput['quality'] {
  if (typeof family.quality === 'string') {
    const row = benchmarks.get(family.quality);
    if (row === undefined) throw new Error(`no benchmark row "${family.quality}"`);
    return {
      score: row.score,
      benchmark: 'GPQA Diamond',
      label: `Artificial Analysis GPQA Diamond, ${row.aaVariant}`,
      asOf: /^\d{4}-\d{2}-\d{2}$/.test(row.source.asOf) ? row.source.asOf : '2026-01',
      url: `https://artificialanalysis.ai/models/${row.aaSlug}`,
      assumption: false,
    };
  }
  return {
    score: family.quality.assume,
    benchmark: 'GPQA Diamond',
    label: `${ASSUMED} (${family.quality.why})`,
    asOf: AWS_AS_OF,
    assumption: true,
  };
}

/** The AWS figures as per-token pricing fields (batch as a discount); null fields stay null. */
function awsPricing(aws: AwsRow): Partial<PerTokenPricing> {
  const out: Partial<PerTokenPricing> = {};
  if (aws.inputPerMTok !== null) out.inputPerMTok = aws.inputPerMTok;
  if (aws.outputPerMTok !== null) out.outputPerMTok = aws.outputPerMTok;
  out.cacheReadPerMTok = aws.cacheReadPerMTok;
  out.cacheWritePerMTok = aws.cacheWritePerMTok;
  out.cacheWrite1hPerMTok = aws.cacheWrite1hPerMTok;
  const input = aws.inputPerMTok;
  if (!aws.batchAvailable || aws.batchInputPerMTok === null || input === null) out.batchDiscount = null;
  else {
    const exact = exactBatchDiscount(aws);
    // AWS writes sub-cent batch prices rounded (Ministral 3 8B: 0.07 for 0.075), so a ratio near one half is the
    // 50 % batch discount AWS gives every model that has a batch SKU; a discount that input and output share
    // exactly (Mistral Large 2: 25 %) is taken as it is; any other ratio is left to LiteLLM.
    const discount = 1 - aws.batchInputPerMTok / input;
    if (exact !== null) out.batchDiscount = exact;
    else if (Math.abs(discount - 0.5) <= 0.05) out.batchDiscount = 0.5;
  }
  return out;
}

/** The batch discount when AWS's batch input and output prices are the same fraction of on-demand, else null. */
function exactBatchDiscount(aws: AwsRow): number | null {
  const { inputPerMTok: i, outputPerMTok: o, batchInputPerMTok: bi, batchOutputPerMTok: bo } = aws;
  if (i === null || o === null || bi === null || bo === null) return null;
  // Compare bi / i with bo / o without dividing (bi * o === bo * i), then take a rate the planner can hold exactly.
  if (Math.abs(bi * o - bo * i) > 1e-12) return null;
  for (const rate of [0.5, 0.25, 0.75]) if (Math.abs(bi - i * (1 - rate)) <= 1e-12) return rate;
  return null;
}

/** Says so when the shipped 50 % is AWS's rounded batch SKU rather than an exact half. */
function roundedBatchNote(aws: AwsRow): string | null {
  const { inputPerMTok: i, outputPerMTok: o, batchInputPerMTok: bi, batchOutputPerMTok: bo } = aws;
  if (i === null || o === null || bi === null || bo === null || exactBatchDiscount(aws) !== null) return null;
  const pct = (b: number, p: number): string => `${Math.round((1 - b / p) * 1000) / 10} %`;
  if (Math.abs(1 - bi / i - 0.5) > 0.05)
    return `AWS price list (${AWS_AS_OF}, ${aws.priceRegion}): batch ${bi} / ${bo} against ${i} / ${o} on demand (${pct(bi, i)} / ${pct(bo, o)} off). A scenario holds one batch discount for input and output and these two differ, so the row ships no batch discount (LiteLLM's none); about half off is the real saving.`;
  return `AWS price list (${AWS_AS_OF}, ${aws.priceRegion}): batch ${bi} / ${bo} against ${i} / ${o} on demand (${pct(bi, i)} / ${pct(bo, o)} off). A scenario holds one batch discount for input and output, and neither figure is a rate it can hold exactly, so the row keeps 50 %, the discount AWS gives every model with a batch SKU; AWS writes sub-cent batch prices rounded.`;
}

/** Where AWS's row disagrees with the converted LiteLLM prices: the override and its reason, or null. */
function awsOverride(
  model: Model,
  aws: AwsRow,
): { override: Partial<PerTokenPricing>; reason: string } | null {
  if (model.pricing.kind !== 'per-token') return null;
  const pricing = model.pricing;
  const want = awsPricing(aws);
  // Cache writes: AWS lists a write SKU only where LiteLLM has one too; a missing 5-minute write SKU is no evidence.
  if (want.cacheWritePerMTok === null) delete want.cacheWritePerMTok;
  if (want.cacheWrite1hPerMTok === null) delete want.cacheWrite1hPerMTok;
  const override: Partial<PerTokenPricing> = {};
  const said: string[] = [];
  for (const [field, value] of Object.entries(want) as [keyof PerTokenPricing, unknown][]) {
    const current = pricing[field];
    if (JSON.stringify(current) !== JSON.stringify(value)) {
      (override as Record<string, unknown>)[field] = value;
      said.push(`${field} ${JSON.stringify(value)} (LiteLLM ${JSON.stringify(current)})`);
    }
  }
  if (said.length === 0) return null;
  const batch =
    'batchDiscount' in override
      ? override.batchDiscount === null
        ? ' AWS lists no batch SKU for this model.'
        : ` AWS lists a batch SKU (${aws.batchInputPerMTok} / ${aws.batchOutputPerMTok}) at this discount; LiteLLM has no *_batches price.`
      : '';
  const cache =
    'cacheReadPerMTok' in override && override.cacheReadPerMTok === null
      ? ' AWS lists no cache-read SKU for this model on this endpoint, so prompt caching is off here.'
      : '';
  return {
    override,
    reason: `AWS price list (${AWS_AS_OF}, ${aws.priceRegion}) says ${said.join(', ')}.${batch}${cache}`,
  };
}

async function main(): Promise<void> {
  const litellmText = await readFile(path.join(buildDir, LITELLM_FILE), 'utf8');
  const litellm = JSON.parse(litellmText) as Record<string, { litellm_provider?: string; mode?: string }>;
  const prices = readLitellmPrices(litellmText);
  const awsFile = JSON.parse(
    await readFile(path.join(buildDir, 'sources', 'aws-bedrock-prices-2026-10-08.json'), 'utf8'),
  ) as { rows: AwsRow[] };
  const benchFile = JSON.parse(
    await readFile(path.join(buildDir, 'sources', 'gpqa-diamond-artificial-analysis.json'), 'utf8'),
  ) as { rows: Benchmark[] };
  const benchmarks = new Map<string, Benchmark>();
  for (const row of benchFile.rows) if (!benchmarks.has(row.model)) benchmarks.set(row.model, row);

  // 1. Every priced Bedrock chat key, grouped by model slug and endpoint.
  type Candidate = { key: string; family: Family; endpoint: string; model: Model };
  const left: { key: string; reason: string }[] = [];
  const bySlug = new Map<string, Candidate[]>();
  for (const [key, entry] of Object.entries(litellm)) {
    if (!String(entry.litellm_provider ?? '').startsWith('bedrock') || entry.mode !== 'chat') continue;
    const split = splitKey(key);
    if (split === null) {
      left.push({ key, reason: 'provisioned-throughput commitment or invoke alias, no per-token price' });
      continue;
    }
    const family = FAMILIES[split.base];
    if (family === undefined) throw new Error(`unclassified Bedrock model "${split.base}" (${key})`);
    if ('exclude' in family) {
      if (family.exclude !== 'alias') left.push({ key, reason: family.exclude });
      continue;
    }
    const model = prices.byKey.get(key);
    if (model === undefined) {
      left.push({ key, reason: 'no usable price in LiteLLM (zero or missing)' });
      continue;
    }
    const list = bySlug.get(family.slug) ?? [];
    list.push({ key, family, endpoint: split.endpoint, model });
    bySlug.set(family.slug, list);
  }

  // 2. One row per endpoint: the first key of an endpoint wins; a duplicate at the same price is dropped.
  const awsByKey = new Map<string, AwsRow>();
  for (const row of awsFile.rows) {
    const key = row.litellmKey ?? AWS_ROWS_LITELLM_HAS[`${row.model}|${row.endpoint}`];
    if (key !== undefined) awsByKey.set(key, { ...row, litellmKey: key });
  }
  const rows: RowSpecInput[] = [];
  for (const [slug, candidates] of bySlug) {
    const byEndpoint = new Map<string, Candidate>();
    for (const candidate of candidates) {
      const existing = byEndpoint.get(candidate.endpoint);
      if (existing === undefined) byEndpoint.set(candidate.endpoint, candidate);
      else if (!samePrices(existing.model, candidate.model)) {
        // Two keys for one endpoint at different prices: the one AWS's price list confirms wins.
        const [kept, dropped] = awsByKey.has(candidate.key) ? [candidate, existing] : [existing, candidate];
        byEndpoint.set(candidate.endpoint, kept);
        left.push({
          key: dropped.key,
          reason: `a second key for ${slug} on the same endpoint at another price; \`${kept.key}\` is the one ${awsByKey.has(kept.key) ? "AWS's price list confirms" : 'listed first'}`,
        });
      }
    }
    const plain = byEndpoint.get('');
    const global = byEndpoint.get('global');
    const plainAtGlobalPrice =
      plain !== undefined && global !== undefined && samePrices(plain.model, global.model);
    for (const [endpoint, candidate] of byEndpoint) {
      const aws =
        awsByKey.get(candidate.key) ?? (endpoint === 'us' && plain ? awsByKey.get(plain.key) : undefined);
      if (slug === 'nova-2-pro' && endpoint !== 'us') {
        left.push({
          key: candidate.key,
          reason:
            "Nova 2 Pro at $2.1875 / $17.50: AWS's price list has that as the priority tier (standard is $1.375 / $11 on the us profile, $1.25 / $10 global); no primary source for this endpoint's standard price",
        });
        continue;
      }
      if (endpoint === '' && plainAtGlobalPrice) {
        left.push({
          key: candidate.key,
          reason:
            "in-region (plain id) at the global price: AWS bills in-region calls at the regional SKU (Claude 4.5+ and Nova 2: 1.1 × global), LiteLLM's plain key carries the global price; the geo rows carry the regional price",
        });
        continue;
      }
      if (slug === 'llama-3-8b' && endpoint.startsWith('us-gov')) {
        left.push({
          key: candidate.key,
          reason:
            "LiteLLM's GovCloud output price $2.65 is nine times its input and equals Llama 3 70B's input price (every other region: output about 2 × input); no primary source for GovCloud's price",
        });
        continue;
      }
      if (slug === 'mistral-large-2402' && endpoint !== '') {
        left.push({
          key: candidate.key,
          reason:
            "LiteLLM's regional price scales its $8 / $24 base, which AWS's price list puts at $4 / $12; no primary source for this region's price",
        });
        continue;
      }
      if (
        endpoint === '' &&
        byEndpoint.has('us') &&
        samePrices(candidate.model, byEndpoint.get('us')!.model)
      ) {
        // The in-region price equals the US profile's: one row (the US one) stands for both.
        continue;
      }
      if (
        (AWS_REGION.test(endpoint) || endpoint === 'mantle') &&
        plain &&
        samePrices(plain.model, candidate.model)
      )
        continue;
      const row = makeRow(
        slug,
        endpoint,
        candidate,
        aws ?? (endpoint === '' ? awsByKey.get(candidate.key) : undefined),
      );
      if (row !== null) rows.push(row);
    }
  }

  function makeRow(
    slug: string,
    endpoint: string,
    candidate: Candidate,
    aws: AwsRow | undefined,
  ): RowSpecInput | null {
    const { family, model } = candidate;
    if (aws === undefined || !aws.verified) {
      // A price no primary source settles is not shipped: the key is left out, with the reason.
      left.push({
        key: candidate.key,
        reason: `not confirmed on AWS's price list: the mirror of ${AWS_AS_OF} has no price that settles this endpoint (${UNCONFIRMED_WHY[slug] ?? UNCONFIRMED_ENDPOINT[endpoint] ?? 'no row for this model'}); LiteLLM's price is not shipped on its own`,
      });
      return null;
    }
    const region = ONLY_REGION[slug] ?? (endpoint === '' || endpoint === 'mantle' ? null : endpoint);
    const where = endpoint === '' ? 'in-region' : (ENDPOINT_LABEL[endpoint] ?? endpoint);
    const notes: string[] = [];
    if (endpoint === '' && ONLY_REGION[slug] !== undefined)
      notes.push(`Sold in ${ONLY_REGION[slug]} only (AWS price list, ${AWS_AS_OF}).`);
    else if (endpoint === '')
      notes.push(
        'In-region (plain model id): the price of the US regions; regions where LiteLLM lists another price are their own rows.',
      );
    if (endpoint === 'mantle') notes.push("Bedrock's OpenAI-compatible Mantle endpoint.");
    if (family.notes !== undefined) notes.push(family.notes);
    const retires =
      family.retiresOn !== undefined &&
      (family.retiresOn.endpoints === undefined || family.retiresOn.endpoints.includes(endpoint))
        ? family.retiresOn
        : undefined;
    if (retires !== undefined) notes.push(`retiresOn: ${retires.source}.`);
    else if (family.retiresOn !== undefined)
      notes.push(
        `No retirement date set for this endpoint: ${family.retiresOn.otherEndpoints ?? `the source of the other endpoints' ${family.retiresOn.date} does not settle it`}. Check ${LIFECYCLE_URL} before planning on it.`,
      );
    const row: RowSpecInput = {
      id: `bedrock:${slug}${endpoint === '' ? '' : `@${endpoint}`}`,
      litellmKey: candidate.key,
      name: `${family.name} — Bedrock, ${where}`,
      provider: family.provider,
      platform: 'bedrock',
      region,
      source: { label: LITELLM_LABEL, asOf: LITELLM_AS_OF, url: LITELLM_URL },
      retiresOn: retires?.date ?? null,
      quality: qualityFor(family, benchmarks),
    };
    {
      const correction = awsOverride(model, aws);
      if (correction !== null) {
        row.override = { pricing: correction.override };
        row.overrideReason = correction.reason;
        row.source = { label: `${AWS_LABEL}; other fields ${LITELLM_LABEL}`, asOf: AWS_AS_OF, url: AWS_URL };
      } else {
        notes.push(`Prices checked against the AWS price list (${AWS_AS_OF}): they agree.`);
        row.source = {
          ...row.source,
          label: `${LITELLM_LABEL}; prices confirmed on AWS's price list (${AWS_AS_OF}, ${aws.priceRegion})`,
        };
      }
      if (endpoint === 'eu' && aws.priceRegion === 'eu-west-1')
        notes.push(
          "Priced at eu-west-1, the EU Region AWS's price-list extract covers: the EU profile bills at the price of the Region a request is sent from, and for some models (Nova, Llama 3.2) other EU Regions such as eu-central-1 cost more (LiteLLM's eu key may carry one of those).",
        );
      const rounded = roundedBatchNote(aws);
      if (rounded !== null) notes.push(rounded);
    }
    const contextFix = CONTEXT_FIXES[`${slug}@${endpoint}`] ?? CONTEXT_FIXES[slug];
    if (contextFix !== undefined) {
      const windowWrong = model.contextWindow !== contextFix.contextWindow;
      const tierWrong =
        contextFix.noLongContext === true &&
        model.pricing.kind === 'per-token' &&
        model.pricing.longContext !== null;
      if (windowWrong) row.override = { ...row.override, contextWindow: contextFix.contextWindow };
      if (tierWrong)
        row.override = { ...row.override, pricing: { ...row.override?.pricing, longContext: null } };
      if (windowWrong || tierWrong)
        row.overrideReason = [row.overrideReason, contextFix.reason].filter(Boolean).join(' ');
      if (contextFix.labelNote !== undefined)
        row.source = { ...row.source, label: `${row.source.label}; ${contextFix.labelNote}` };
    } else if (aws?.contextWindow !== undefined && aws.contextWindow !== model.contextWindow) {
      row.source = {
        ...row.source,
        label: `${row.source.label}; context window LiteLLM's (${model.contextWindow?.toLocaleString('en-US') ?? 'none'}; AWS's list: ${aws.contextWindow.toLocaleString('en-US')})`,
      };
    }
    if (family.openWeight) row.openWeight = true;
    if (family.tokenizerFactor !== undefined) row.tokenizerFactor = family.tokenizerFactor;
    if (notes.length > 0) row.notes = notes.join(' ');
    return row;
  }

  // 3. Models AWS sells that LiteLLM's file has no key for (verified AWS rows only).
  for (const aws of awsFile.rows) {
    if (aws.litellmKey !== null || !aws.verified || AWS_ROWS_LITELLM_HAS[`${aws.model}|${aws.endpoint}`])
      continue;
    const extra = NEW_MODELS[aws.model];
    if (extra === undefined) throw new Error(`AWS row without LiteLLM key not classified: ${aws.model}`);
    rows.push(extra(aws, benchmarks));
  }

  rows.push(novaTwoProGlobal(benchmarks));

  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const outFile = path.join(buildDir, 'rows', 'bedrock.json');
  const config = (await resolveConfig(outFile)) ?? {};
  await writeFile(outFile, await format(JSON.stringify(rows, null, 2), { ...config, parser: 'json' }));
  left.sort((a, b) => (a.key < b.key ? -1 : 1));
  await writeFile(
    path.join(buildDir, 'bedrock-left-out.md'),
    await format(
      `# Bedrock keys left out of rows/bedrock.json\n\nWritten by \`scripts/catalog-build/generate-bedrock-rows.ts\`. Aliases of a kept key, and in-region or regional keys at the same price as a kept row, are not listed.\n\n| LiteLLM key | why |\n| --- | --- |\n${left.map((item) => `| \`${item.key}\` | ${item.reason.replaceAll('|', '\\|')} |`).join('\n')}\n`,
      { ...config, parser: 'markdown' },
    ),
  );
  console.log(`wrote ${rows.length} rows; ${left.length} keys left out`);
}

/**
 * Claude 3.5 Sonnet (both versions): LiteLLM's plain in-region keys give a 1M window and an above-200K tier copied
 * from Claude Sonnet 4; its geo keys, like Anthropic, give 200K and no tier.
 */
const CLAUDE_35_SONNET_CONTEXT = {
  contextWindow: 200_000,
  noLongContext: true,
  reason:
    "Anthropic's help center, article 8606395 'How large is the Claude API's context window?' (https://support.claude.com/ja/articles/8606395, Japanese and Chinese versions, read 2026-12-03): the Claude API takes 1M tokens only with Claude Opus 4.6, Sonnet 4.5 and Sonnet 4, and 200K with every other model. So Claude 3.5 Sonnet has a 200K window and no call to it can pass 200K input tokens: LiteLLM's plain key gives a 1M window and an above-200K tier ($6 / $30), which could never apply; its us, eu and apac keys for the same model give 200K and no tier.",
};

/**
 * Context windows where the provider's model card disagrees with LiteLLM; `noLongContext` also drops a long-context
 * tier LiteLLM gives the model, which the provider never priced (and the window would make unreachable). Keyed by
 * model slug, or by `<slug>@<endpoint>` where one endpoint differs from the rest.
 */
const CONTEXT_FIXES: Record<
  string,
  { contextWindow: number; noLongContext?: boolean; reason: string; labelNote?: string }
> = {
  'llama-4-maverick': {
    contextWindow: 1_000_000,
    reason: `AWS model card (via the AWS price-list mirror, ${AWS_AS_OF}): 1M-token context; LiteLLM says 128K.`,
  },
  'claude-sonnet-4.5': {
    contextWindow: 200_000,
    noLongContext: true,
    reason: `AWS's price list (via the mirror, ${AWS_AS_OF}) gives Claude Sonnet 4.5 a 200K window and lists no long-context SKU in any Region, so the above-200K tier LiteLLM's key carries ($6 / $22.50 global, 1.1x on the geo and in-region profiles) has no primary source on Bedrock and is not shipped; the window is AWS's 200K (LiteLLM's too), so no call is billed past it at the base price. Anthropic's own API does sell the 1M window with that tier (the anthropic:claude-sonnet-4.5 row).`,
  },
  'claude-sonnet-4': {
    contextWindow: 200_000,
    noLongContext: true,
    reason: `AWS's price list (via the mirror, ${AWS_AS_OF}) gives Claude Sonnet 4 a 200K window and lists no long-context SKU in any Region, so the above-200K tier LiteLLM's keys carry ($6 / $22.50, cache read $0.60, write $7.50) has no primary source on Bedrock and is not shipped, nor LiteLLM's 1M window that made it reachable; the window is AWS's 200K. (Anthropic's help center, article 8606395, gives Sonnet 4 a 1M window on Anthropic's own API, which is not Bedrock's list.)`,
  },
  'mistral-large-3': {
    contextWindow: 262_144,
    reason:
      "Mistral's model file (mistralai/platform-docs-public, mistral-large-3-25-12.ts at 222f4ba9: 256k context) and AWS's price-list mirror (2026-10-08: contextWindow 256000) say 256K, written 262,144 as on Mistral's own Large 3 row; LiteLLM's Bedrock key says 128K.",
  },
  'claude-3.5-sonnet': CLAUDE_35_SONNET_CONTEXT,
  'claude-3.5-sonnet-20240620': CLAUDE_35_SONNET_CONTEXT,
};

/** Why the mirror settles no price for an endpoint, by endpoint. */
const UNCONFIRMED_ENDPOINT: Record<string, string> = {
  mantle: 'it prices the runtime endpoints, not the OpenAI-compatible Mantle endpoint',
  apac: "the APAC profile bills at its source Region's price and the mirror's Asia-Pacific Regions do not all agree, or are not all listed, for this model",
  'us-gov-east-1': 'no us-gov-east-1 SKU for this model',
  'us-gov-west-1': 'no us-gov-west-1 SKU for this model',
  eu: 'no eu-west-1 SKU for this model (the eu rows are priced at eu-west-1, the EU Region the price list extract covers)',
  'eu-west-1': 'no eu-west-1 SKU for this model',
};

/** Why the mirror settles no price, by model, where the endpoint's reason is not the whole story. */
const UNCONFIRMED_WHY: Record<string, string> = {
  'command-r-plus':
    "its Command R+ row gives us-west-2 $3 / $15 but us-east-1 $0.50 / $15, which cannot both be this model's in-region price; its model card says Legacy, EOL 2026-08-19",
  'command-r': 'no Command R row (only Command R+, Command and Command Light)',
  'titan-text-express': 'the mirror lists no Titan Text model',
  'titan-text-lite': 'the mirror lists no Titan Text model',
  'titan-text-premier': 'the mirror lists no Titan Text model',
  'claude-sonnet-4':
    'its APAC Regions agree on $3 / $15 and cache read $0.30, but only some list a batch SKU (so the batch discount is not settled), ap-southeast-3 and ap-southeast-4 carry no price, and it lists a 200K window and no long-context SKU',
  'claude-haiku-4.5': 'no GovCloud SKU for Claude Haiku 4.5',
  'claude-opus-4': 'no EU SKU for Claude Opus 4 (us-east-1, us-east-2, us-west-2 only)',
  'claude-opus-4.1': 'no EU SKU for Claude Opus 4.1 (us-east-1, us-east-2, us-west-2 only)',
  'claude-3-opus': 'no EU SKU for Claude 3 Opus (us-east-1 and us-west-2 only)',
  'llama-3-70b': 'no eu-west-1 SKU for Llama 3 70B',
  'llama-3-8b': 'no eu-west-1 SKU for Llama 3 8B',
  'nova-pro': 'no us-gov-east-1 SKU for Nova Pro; in APAC its Regions differ ($0.84 to $1.08 input)',
};

/** Models sold in one AWS region only (AWS price list): their in-region row names it. */
const ONLY_REGION: Record<string, string> = { 'mistral-large-2407': 'us-west-2' };

/** AWS rows the research recorded without a LiteLLM key although the 2026-07-24 file has one. */
const AWS_ROWS_LITELLM_HAS: Record<string, string> = {
  'Claude Opus 4.8|global': 'global.anthropic.claude-opus-4-8',
  'Claude Opus 4.8|us': 'us.anthropic.claude-opus-4-8',
};

/** Nova 2 Pro on the global profile: in the AWS price list (us row's notes), no LiteLLM key. */
function novaTwoProGlobal(benchmarks: Map<string, Benchmark>): RowSpecInput {
  return {
    id: 'bedrock:nova-2-pro@global',
    litellmKey: null,
    name: 'Nova 2 Pro (preview) — Bedrock, global',
    provider: 'Amazon',
    platform: 'bedrock',
    region: 'global',
    source: { label: AWS_LABEL, asOf: AWS_AS_OF, url: AWS_URL },
    model: {
      pricing: {
        kind: 'per-token',
        inputPerMTok: 1.25,
        outputPerMTok: 10,
        cacheWritePerMTok: null,
        cacheReadPerMTok: null,
        batchDiscount: 0.5,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
      contextWindow: 1_000_000,
      reasoning: true,
    },
    retiresOn: null,
    quality: qualityFor(
      { slug: 'nova-2-pro', name: 'Nova 2 Pro', provider: 'Amazon', quality: 'Amazon Nova 2 Pro' },
      benchmarks,
    ),
    notes: `No global key in LiteLLM's ${LITELLM_AS_OF} file. AWS price list (${AWS_AS_OF}): global profile $1.25 / $10, batch $0.625 / $5; no cache-read SKU listed (caching off here). Context window 1M as LiteLLM's other Nova 2 Pro keys.`,
  };
}

type Extra = (aws: AwsRow, benchmarks: Map<string, Benchmark>) => RowSpecInput;

/** A whole row for a model LiteLLM's file does not list, from a verified AWS price-list row. */
function newClaudeRow(
  slug: string,
  name: string,
  quality: Family['quality'],
  minCachePrefixTokens: number,
  minCacheNote: string,
  extraNotes = '',
  longContext: PerTokenPricing['longContext'] = null,
): Extra {
  return (aws, benchmarks) => {
    const pricing = awsPricing(aws);
    return {
      id: `bedrock:${slug}@${aws.endpoint}`,
      litellmKey: null,
      name: `${name} — Bedrock, ${ENDPOINT_LABEL[aws.endpoint] ?? aws.endpoint}`,
      provider: 'Anthropic',
      platform: 'bedrock',
      region: aws.endpoint,
      source: { label: AWS_LABEL, asOf: AWS_AS_OF, url: AWS_URL },
      model: {
        pricing: {
          kind: 'per-token',
          inputPerMTok: aws.inputPerMTok!,
          outputPerMTok: aws.outputPerMTok!,
          cacheWritePerMTok: pricing.cacheWritePerMTok ?? null,
          cacheReadPerMTok: pricing.cacheReadPerMTok ?? null,
          batchDiscount: pricing.batchDiscount ?? null,
          cacheWrite1hPerMTok: pricing.cacheWrite1hPerMTok ?? null,
          minCachePrefixTokens,
          batchCaching: true,
          longContext,
        },
        contextWindow: 1_000_000,
        reasoning: true,
        tokenizerFactor: 1.3,
      },
      retiresOn: null,
      quality: qualityFor({ slug, name, provider: 'Anthropic', quality }, benchmarks),
      notes: [
        `Not in LiteLLM's ${LITELLM_AS_OF} file; prices from the AWS price list (${AWS_AS_OF}), no batch SKU.`,
        'contextWindow 1M: as the Claude 5 generation on Bedrock (assumption; confirm in the model card).',
        minCacheNote,
        CLAUDE_47_TOKENIZER,
        extraNotes,
      ]
        .filter(Boolean)
        .join(' '),
    };
  };
}

const NEW_MODELS: Record<string, Extra> = {
  'Claude Opus 4.8': newClaudeRow(
    'claude-opus-4.8',
    'Claude Opus 4.8',
    'Claude Opus 4.8',
    1024,
    "minCachePrefixTokens 1,024: Anthropic's prompt-caching docs.",
  ),
  'Claude Opus 5.5': newClaudeRow(
    'claude-opus-5.5',
    'Claude Opus 5.5',
    { assume: 94, why: 'the successor of Opus 5 (93.2), placed just above it' },
    512,
    "minCachePrefixTokens 512: Anthropic's prompt-caching docs.",
  ),
  'Claude Sonnet 5.5': newClaudeRow(
    'claude-sonnet-5.5',
    'Claude Sonnet 5.5',
    { assume: 92, why: 'the successor of Sonnet 5 (91.1), placed just above it' },
    1024,
    'minCachePrefixTokens 1,024: assumed as for Sonnet 5 (not published for 5.5 in our sources).',
  ),
  'Claude Haiku 5.5 (prompt <=100K)': (aws, benchmarks) => {
    const global = aws.endpoint === 'global';
    // AWS price list (row notes): long-context SKUs above 100K prompt tokens, global 0.5 / 2.5 with cache read 0.05,
    // 5-minute write 0.625, 1-hour write 1; regional 0.55 / 2.75 only (no regional long-context cache SKUs listed).
    const longContext: PerTokenPricing['longContext'] = global
      ? {
          aboveInputTokens: 100_000,
          inputPerMTok: 0.5,
          outputPerMTok: 2.5,
          cacheReadPerMTok: 0.05,
          cacheWritePerMTok: 0.625,
          cacheWrite1hPerMTok: 1,
        }
      : { aboveInputTokens: 100_000, inputPerMTok: 0.55, outputPerMTok: 2.75 };
    return newClaudeRow(
      'claude-haiku-5.5',
      'Claude Haiku 5.5',
      { assume: 70, why: 'the successor of Haiku 4.5 (64.6), placed above it' },
      1024,
      'minCachePrefixTokens 1,024: assumed (not published for Haiku 5.5 in our sources).',
      `Above 100K prompt tokens every token bills at the long-context SKUs (${
        global
          ? `global 0.5 / 2.5, cache read 0.05, writes 0.625 (5 min) / 1 (1 h): all five from the AWS price list (${AWS_AS_OF})`
          : `regional 0.55 / 2.75 from the AWS price list (${AWS_AS_OF}), which lists no regional long-context cache SKUs; the tier's cache prices are left to scale with input (read 0.055, writes 0.6875 / 1.1, i.e. 1.1x the global SKUs)`
      }).`,
      longContext,
    )(aws, benchmarks);
  },
  'Claude Fable 5.1': newClaudeRow(
    'claude-fable-5.1',
    'Claude Fable 5.1',
    'Claude Fable 5.1',
    512,
    "minCachePrefixTokens 512: Anthropic's prompt-caching docs (Fable).",
  ),
};

await main();
