/**
 * Readable names for LiteLLM's price-file keys: `global.anthropic.claude-sonnet-4-5-20250929-v1:0` becomes
 * "Claude Sonnet 4.5 — Bedrock, global" by Anthropic on platform `bedrock`. Pure string work, no lookups beyond
 * the tables below.
 */

/** What a key says about the model it prices, for people and for the catalog's filters. */
export type LitellmModelLabel = {
  /** "Claude Sonnet 4.5 — Bedrock, global", "GPT-4o — OpenAI". */
  name: string;
  /** Who makes the model: "Anthropic", "Meta", "Mistral AI"; LiteLLM's provider name when the family is unknown. */
  provider: string;
  /** Where it is bought: "bedrock", "openai", "anthropic", "mistral", "google", "azure", or LiteLLM's provider. */
  platform: string;
};

/** Model makers by the vendor segment of a Bedrock model id (`anthropic.claude-…`). */
const VENDORS: ReadonlyMap<string, string> = new Map([
  ['anthropic', 'Anthropic'],
  ['amazon', 'Amazon'],
  ['meta', 'Meta'],
  ['mistral', 'Mistral AI'],
  ['deepseek', 'DeepSeek'],
  ['openai', 'OpenAI'],
  ['qwen', 'Qwen'],
  ['google', 'Google'],
  ['cohere', 'Cohere'],
  ['ai21', 'AI21'],
  ['writer', 'Writer'],
  ['moonshot', 'Moonshot AI'],
  ['moonshotai', 'Moonshot AI'],
  ['minimax', 'MiniMax'],
  ['zai', 'Z.ai'],
  ['nvidia', 'NVIDIA'],
  ['twelvelabs', 'TwelveLabs'],
  ['stability', 'Stability AI'],
  ['xai', 'xAI'],
]);

/** Model makers by the first word of the model's own name, checked in order. */
const FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/^claude/, 'Anthropic'],
  [/^(gpt|chatgpt|o[1-9](-|$)|text-davinci|davinci|babbage|codex)/, 'OpenAI'],
  [/^(gemini|gemma|palm|chat-bison|text-bison)/, 'Google'],
  [/^llama/, 'Meta'],
  [
    /^(mistral|mixtral|codestral|ministral|magistral|devstral|pixtral|open-mistral|open-mixtral|voxtral)/,
    'Mistral AI',
  ],
  [/^(nova|titan)/, 'Amazon'],
  [/^command/, 'Cohere'],
  [/^(jamba|j2)/, 'AI21'],
  [/^deepseek/, 'DeepSeek'],
  [/^(qwen|qwq)/, 'Qwen'],
  [/^grok/, 'xAI'],
  [/^kimi/, 'Moonshot AI'],
  [/^glm/, 'Z.ai'],
  [/^minimax/, 'MiniMax'],
  [/^palmyra/, 'Writer'],
  [/^nemotron/, 'NVIDIA'],
];

/** Model makers by LiteLLM's provider, when neither the vendor segment nor the family says. */
const PROVIDER_MAKERS: ReadonlyMap<string, string> = new Map([
  ['openai', 'OpenAI'],
  ['text-completion-openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['mistral', 'Mistral AI'],
  ['codestral', 'Mistral AI'],
  ['gemini', 'Google'],
  ['palm', 'Google'],
  ['deepseek', 'DeepSeek'],
  ['xai', 'xAI'],
  ['cohere', 'Cohere'],
  ['cohere_chat', 'Cohere'],
  ['ai21', 'AI21'],
  ['amazon_nova', 'Amazon'],
  ['moonshot', 'Moonshot AI'],
  ['dashscope', 'Qwen'],
  ['zai', 'Z.ai'],
  ['minimax', 'MiniMax'],
  ['meta_llama', 'Meta'],
]);

/** People's names of the platforms, for the name's suffix. */
const PLATFORM_NAMES: ReadonlyMap<string, string> = new Map([
  ['bedrock', 'Bedrock'],
  ['openai', 'OpenAI'],
  ['anthropic', 'Anthropic'],
  ['mistral', 'Mistral'],
  ['azure', 'Azure'],
  ['amazon_nova', 'Amazon Nova API'],
  ['xai', 'xAI'],
  ['deepseek', 'DeepSeek'],
]);

/** Words written other than capitalised. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['gpt', 'GPT'],
  ['glm', 'GLM'],
  ['vl', 'VL'],
  ['ai', 'AI'],
  ['deepseek', 'DeepSeek'],
  ['minimax', 'MiniMax'],
  ['oss', 'OSS'],
  ['qwen3', 'Qwen3'],
  ['qwen2', 'Qwen2'],
  ['qwq', 'QwQ'],
  ['llama', 'Llama'],
  ['gpt-oss', 'gpt-oss'],
]);

/** Words a catalog name does without: the model id says them when they matter. */
const DROPPED_WORDS = new Set(['instruct', 'chat', 'it', 'latest']);

const GEO_PREFIX = /^(global|us-gov|us|eu|apac|au|jp|ca)\./;
const AWS_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;
const COMMITMENT = /^(\d+)-month-commitment$/;

/**
 * Where a key is bought. Every Bedrock flavour (`bedrock`, `bedrock_converse`, `bedrock_mantle`) is `bedrock`;
 * OpenAI's (`openai`, `text-completion-openai`), Mistral's (`mistral`, `codestral`, …) and Azure's are folded the
 * same way; Google's (`gemini`, `vertex_ai`, `vertex_ai-…`, `palm`) is `google`; anything else keeps LiteLLM's name.
 */
export function normaliseLitellmPlatform(litellmProvider: string): string {
  if (litellmProvider.startsWith('bedrock')) return 'bedrock';
  if (litellmProvider === 'openai' || litellmProvider === 'text-completion-openai') return 'openai';
  if (litellmProvider === 'mistral' || litellmProvider.endsWith('codestral')) return 'mistral';
  if (litellmProvider.startsWith('vertex_ai') || litellmProvider === 'gemini' || litellmProvider === 'palm')
    return 'google';
  if (litellmProvider.startsWith('azure')) return 'azure';
  return litellmProvider;
}

/** The platform's name as people write it, with Google's two doors told apart. */
function describePlatform(platform: string, litellmProvider: string): string {
  if (platform === 'google') return litellmProvider === 'gemini' ? 'Gemini API' : 'Vertex AI';
  return PLATFORM_NAMES.get(platform) ?? platform;
}

type KeyParts = { vendor: string | null; model: string; region: string | null; commitment: string | null };

/** Splits a key into its vendor segment, model, region (geo prefix or AWS region) and commitment term. */
function splitKey(key: string, litellmProvider: string): KeyParts {
  const segments = key.split('/');
  let region: string | null = null;
  let commitment: string | null = null;
  let start = 0;
  // A provider prefix (`bedrock/`, `mistral/`, `gemini/`, `vertex_ai/`) says nothing the platform does not.
  const first = segments[0] ?? '';
  if (
    segments.length > 1 &&
    (first === litellmProvider || first.startsWith('bedrock') || first.startsWith('vertex_ai'))
  )
    start = 1;
  const rest: string[] = [];
  for (let index = start; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const last = index === segments.length - 1;
    if (!last && (segment === '*' || segment === 'invoke' || segment === 'converse')) continue;
    if (!last && AWS_REGION.test(segment)) region = segment;
    else if (!last && COMMITMENT.test(segment)) commitment = segment.replace(COMMITMENT, '$1-month');
    else rest.push(segment);
  }
  let model = rest.join('/') || key;
  const geo = GEO_PREFIX.exec(model);
  if (geo) {
    region ??= geo[1] ?? null;
    model = model.slice(geo[0].length);
  }
  let vendor: string | null = null;
  const dot = model.indexOf('.');
  const head = dot > 0 ? model.slice(0, dot) : '';
  if (VENDORS.has(head)) {
    vendor = head;
    model = model.slice(dot + 1);
  }
  return { vendor, model, region, commitment };
}

/** Removes version and date suffixes: `-v1:0`, `-1:0`, `-20250929`, `-2025-04-14`, `-001`, `@001`. */
function stripVersion(model: string): string {
  let name = model.replace(/@.*$/, '');
  let previous = '';
  while (previous !== name) {
    previous = name;
    name = name
      .replace(/-v\d+(:\d+)?$/, (match, _minor, offset: number) =>
        name.slice(0, offset).includes('-') ? '' : match,
      )
      .replace(/-\d+:\d+$/, '')
      .replace(/-\d{8}$/, '')
      .replace(/-\d{4}-\d{2}-\d{2}$/, '')
      .replace(/-\d{2}-\d{2}$/, '')
      .replace(/-\d{2}-\d{4}$/, '')
      .replace(/-\d{3}$/, '');
  }
  return name;
}

/** One word as people write it: sizes and short codes upper-cased (`70b` → 70B, `v3.2` → V3.2), others capitalised. */
function formatWord(word: string): string {
  const known = WORDS.get(word);
  if (known) return known;
  if (/^v\d+:\d+$/.test(word)) return word.toUpperCase().replace(':', '.');
  if (/^\d+x\d+b$/.test(word)) return word.replace(/b$/, 'B');
  if (/^\d+(\.\d+)?[bmk]$/.test(word) || /^[a-z]\d+(\.\d+)?[bmk]?$/.test(word)) return word.toUpperCase();
  if (/^\d/.test(word)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `llama3` → `llama 3`, `nova-2` stays; a version written as separate digits (`4-5`) joins as `4.5`. */
function formatModelWords(model: string): string {
  if (/^gpt-oss/.test(model)) return model;
  if (/^gpt-/.test(model)) {
    const [first = '', ...others] = model.slice(4).split('-');
    return [`GPT-${first}`, ...others].join(' ');
  }
  if (/^o\d/.test(model)) return model;
  const words = model
    .replace(/^(llama|nova|titan)(\d)/, '$1-$2')
    .split(/[-\s]+/)
    .filter((word) => word !== '' && !DROPPED_WORDS.has(word));
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    // Two single digits in a row are a version written with a dash (3-5 → 3.5); 3-3-70b gives 3.3 and 70B.
    if (previous !== undefined && /^\d$/.test(previous) && /^\d$/.test(word))
      joined[joined.length - 1] = `${previous}.${word}`;
    else joined.push(word);
  }
  return joined.map(formatWord).join(' ');
}

/** Who makes the model: the vendor segment, else the family of its name, else LiteLLM's provider. */
function findMaker(vendor: string | null, model: string, litellmProvider: string): string {
  if (vendor !== null) return VENDORS.get(vendor) ?? vendor;
  const lower = model.toLowerCase();
  const family = FAMILIES.find(([pattern]) => pattern.test(lower));
  if (family) return family[1];
  if (litellmProvider.startsWith('vertex_ai')) return 'Google';
  return PROVIDER_MAKERS.get(litellmProvider) ?? litellmProvider;
}

/**
 * A readable name, the maker and the platform of one LiteLLM key.
 *
 * The name is the model's own words with versions dotted and sizes upper-cased ("Llama 3.3 70B"), then " — " and
 * where it is bought: the platform, and for a regional SKU its region ("— Bedrock, global", "— Bedrock,
 * eu-west-3"); a Provisioned Throughput commitment adds "1-month commitment". Dates and version suffixes
 * (`-20250929`, `-v1:0`) are left out: the key, kept as `priceKey`, carries them.
 */
export function describeLitellmKey(key: string, litellmProvider: string): LitellmModelLabel {
  const platform = normaliseLitellmPlatform(litellmProvider);
  const { vendor, model, region, commitment } = splitKey(key, litellmProvider);
  const lower = model.toLowerCase();
  const fineTuned = lower.startsWith('ft:');
  let own = fineTuned ? (lower.slice(3).split(':')[0] ?? lower) : lower;
  // DeepSeek's Bedrock ids leave the family out (`deepseek.v3.2`).
  if (vendor === 'deepseek' && !own.startsWith('deepseek')) own = `deepseek-${own}`;
  const bare = stripVersion(own);
  const words = `${formatModelWords(bare) || model}${fineTuned ? ' (fine-tuned)' : ''}`;
  const where = [
    describePlatform(platform, litellmProvider),
    region,
    commitment && `${commitment} commitment`,
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
  return { name: `${words} — ${where}`, provider: findMaker(vendor, bare, litellmProvider), platform };
}
