/**
 * Other vendors' model names, as teams route them through gateways (LiteLLM, OpenRouter, a company proxy).
 * Such a model has no tier cctier can know, which is not by itself a mistake.
 */

/** Pattern over the lower-cased reference; a boundary is the start or one of `/ . : _ -`. */
const VENDORS: ReadonlyArray<[vendor: string, pattern: RegExp]> = [
  ['OpenAI', /(?:^|[/.:_])(?:gpt|chatgpt|codex|davinci|openai\/|o[1-9](?:-|$))/],
  ['Google', /(?:^|[/.:_])(?:gemini|gemma|google\/|palm)/],
  ['Zhipu (GLM)', /(?:^|[/.:_])(?:glm|chatglm|zhipu|z-ai\/|zai\/)/],
  ['DeepSeek', /deepseek/],
  ['Alibaba (Qwen)', /(?:qwen|qwq|dashscope)/],
  ['Moonshot (Kimi)', /(?:kimi|moonshot)/],
  ['MiniMax', /(?:minimax|abab)/],
  ['Meta (Llama)', /(?:llama|meta-llama\/)/],
  ['Mistral', /(?:mistral|mixtral|codestral|devstral|magistral|ministral|pixtral)/],
  ['xAI (Grok)', /(?:grok|(?:^|\/)x-?ai\/)/],
  ['Cohere', /(?:cohere|command-r|command-a)/],
  ['Amazon', /(?:^|[/.:_])(?:amazon\.|nova-|titan)/],
  ['Microsoft (Phi)', /(?:^|[/.:_])phi-?\d/],
  ['NVIDIA', /nemotron/],
  ['AI21', /(?:jamba|ai21)/],
  ['Baidu (ERNIE)', /ernie/],
  ['ByteDance (Doubao)', /doubao/],
  ['Tencent (Hunyuan)', /hunyuan/],
];

/** The vendor a non-Claude model name points to, if any pattern knows it. */
export function guessVendor(key: string): string | undefined {
  return VENDORS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** A `vendor/model` path names some gateway model even when the vendor is not one we know. */
export function looksRouted(key: string): boolean {
  return /^[a-z0-9][\w.-]*\/[\w.:@-]+/.test(key);
}
