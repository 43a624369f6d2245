/** Where settings name a model: the keys and env variables the models/* rules read, as data. */

/** How a site treats its value: one model, a list tried in order, or an allowlist of families, prefixes and IDs. */
export type SiteShape = 'one' | 'list' | 'allowlist';

/** Top-level settings keys that hold model references. */
export const MODEL_KEYS: Readonly<Record<string, SiteShape>> = {
  model: 'one',
  advisorModel: 'one',
  fallbackModel: 'list',
  availableModels: 'allowlist',
};

/** `env` variables whose value is a model reference (facts §5); `[1m]` may follow any of them. */
export const MODEL_ENV_VARS: readonly string[] = [
  'ANTHROPIC_MODEL',
  'ANTHROPIC_DEFAULT_MODEL',
  'ANTHROPIC_DEFAULT_OPUS_MODEL',
  'ANTHROPIC_DEFAULT_SONNET_MODEL',
  'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'ANTHROPIC_DEFAULT_FABLE_MODEL',
  'CLAUDE_CODE_SUBAGENT_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
];

/** Sites where `inherit` means something (the parent conversation's model). */
export const INHERIT_SITES: ReadonlySet<string> = new Set(['/env/CLAUDE_CODE_SUBAGENT_MODEL']);

/** The tier file's own model keys, besides each tier's `model`. */
export const TIER_MODEL_KEYS: readonly string[] = ['defaultModel', 'maxModelForRoutineTasks'];

/** Single-model sites availableModels governs (facts §5); fallbackModel entries are governed too. */
export const ALLOWLIST_GOVERNS: ReadonlySet<string> = new Set([
  '/model',
  '/advisorModel',
  '/env/ANTHROPIC_MODEL',
  '/env/ANTHROPIC_DEFAULT_MODEL',
  '/env/CLAUDE_CODE_SUBAGENT_MODEL',
]);

/**
 * env variables that send requests to a cloud provider or a gateway instead of the Claude API. There,
 * Anthropic's retirement dates need not hold (Bedrock, Google Cloud and Foundry keep their own schedules).
 */
export const ROUTED_ELSEWHERE_ENV: readonly string[] = [
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CODE_USE_FOUNDRY',
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_BEDROCK_BASE_URL',
  'ANTHROPIC_VERTEX_BASE_URL',
  'ANTHROPIC_FOUNDRY_BASE_URL',
  'CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY',
];
