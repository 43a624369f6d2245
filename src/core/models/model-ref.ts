/**
 * Takes a model string apart: the `/model ` people paste, the `[1m]` suffix, provider wrapping (Bedrock
 * ARNs and geo prefixes, `anthropic.`, `-v1:0`, Vertex `@date`), gateway prefixes, dates and decorations,
 * then reads a Claude family and version from what is left. Knows no catalog; resolve.ts does the lookups.
 */

import type { ClaudeFamily } from './catalog';

export const CLAUDE_FAMILIES: readonly ClaudeFamily[] = ['haiku', 'sonnet', 'opus', 'fable', 'mythos'];

/** What was peeled off a reference, strongest evidence first when resolve.ts names the match. */
export interface RefMarkers {
  /** ARN, geo prefix, `anthropic.` or a `-v1:0` after it. */
  bedrock: boolean;
  /** `@20250929` or `@default`. */
  vertex: boolean;
  /** `anthropic/`, `openrouter/anthropic/`, `bedrock/`, `vertex_ai/`. */
  gateway: boolean;
  /** A `-YYYYMMDD` snapshot date. */
  dated: boolean;
  /** `-latest`, `-fast`, `-thinking`, a bare `-v2`: spellings no Anthropic ID has. */
  decorated: boolean;
}

export interface ModelRef {
  raw: string;
  /** Without `/model `, surrounding spaces and `[1m]`; original case. */
  written: string;
  /** `written` lower-cased, inner whitespace runs turned into `-`. */
  key: string;
  contextSuffix?: '[1m]';
  /** Nothing but a well-formed `[1m]` had to be removed to get `written`. */
  tidy: boolean;
  /** ARN and Bedrock geo prefix (lower-cased), kept when suggesting a replacement. */
  prefix: string;
  /** `key` without ARN, geo and gateway prefixes: where a Bedrock ID such as `anthropic.claude-opus-4-8` shows. */
  providerForm: string;
  /** `providerForm` without `anthropic.`, provider suffixes, dates and decorations. */
  core: string;
  markers: RefMarkers;
}

export interface ClaudeName {
  family: ClaudeFamily;
  /** "4.5", "4" (for 4-0), "preview"; absent when only the family is known. */
  version?: string;
}

const COMMAND = /^\/model\s+/i;
const ONE_M = /\s*\[1m\]$/i;
const ARN = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:[a-z-]+\//;
const GATEWAY = /^(?:openrouter\/anthropic\/|anthropic\/|bedrock\/|vertex_ai\/)/;
const GEO = /^(?:global|us|eu|apac|au|jp|ca|us-gov)\.(?=anthropic\.)/;
const BEDROCK_VENDOR = /^anthropic\./;

/** Each suffix with the marker it sets; stripped repeatedly since `...-20241022-v2:0` carries two. */
const SUFFIXES: ReadonlyArray<[RegExp, keyof RefMarkers | 'version-tag']> = [
  [/@(?:\d{8}|default)$/, 'vertex'],
  [/-v\d+(?::\d+)?$/, 'version-tag'],
  [/-\d{8}$/, 'dated'],
  [/-latest$/, 'decorated'],
  [/(?:-thinking|:thinking(?::[a-z0-9-]+)?)$/, 'decorated'],
  [/-fast$/, 'decorated'],
];

export function parseModelRef(raw: string): ModelRef {
  let body = raw.trim().replace(COMMAND, '');
  const suffix = ONE_M.exec(body);
  if (suffix) body = body.slice(0, suffix.index);
  // Tidy: no surrounding spaces, no `/model `, no space before `[1m]` (its case does not matter).
  const tidy = raw === body + (suffix?.[0] ?? '') && !/^\s/.test(suffix?.[0] ?? '');
  const written = body.trim();
  const key = written.toLowerCase().replace(/\s+/g, '-');

  const markers: RefMarkers = { bedrock: false, vertex: false, gateway: false, dated: false, decorated: false };
  let rest = key;
  // ARN and geo prefix, kept for suggestions; lower-case like every Bedrock identifier.
  let prefix = '';
  const strip = (length: number, keep: boolean) => {
    if (keep) prefix += rest.slice(0, length);
    rest = rest.slice(length);
  };
  const arn = ARN.exec(rest);
  if (arn) {
    markers.bedrock = true;
    strip(arn[0].length, true);
  }
  for (let gateway = GATEWAY.exec(rest); gateway; gateway = GATEWAY.exec(rest)) {
    markers.gateway = true;
    strip(gateway[0].length, false);
  }
  const geo = GEO.exec(rest);
  if (geo) {
    markers.bedrock = true;
    strip(geo[0].length, true);
  }
  const providerForm = rest;
  if (BEDROCK_VENDOR.test(rest)) {
    markers.bedrock = true;
    rest = rest.replace(BEDROCK_VENDOR, '');
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [pattern, marker] of SUFFIXES) {
      if (!pattern.test(rest)) continue;
      rest = rest.replace(pattern, '');
      changed = true;
      // A version tag is Bedrock's only after `anthropic.`; `claude-3-5-sonnet-v2` is a nickname.
      if (marker === 'version-tag') markers[markers.bedrock ? 'bedrock' : 'decorated'] = true;
      else markers[marker] = true;
    }
  }
  return {
    raw,
    written,
    key,
    ...(suffix ? { contextSuffix: '[1m]' as const } : {}),
    tidy,
    prefix,
    providerForm,
    core: rest,
    markers,
  };
}

const FAMILY = '(haiku|sonnet|opus|fable|mythos)';
/** Minor versions have one or two digits, so a snapshot date is never read as one. */
const NEW_SCHEME = new RegExp(`^claude-${FAMILY}-(\\d+)(?:[-.](\\d{1,2}))?$`);
const NUMBER_FIRST = new RegExp(`^claude-(\\d+)(?:[-.](\\d{1,2}))?-${FAMILY}$`);
const BARE = new RegExp(`^${FAMILY}[-_]?(\\d+)(?:[-._](\\d{1,2}))?$`);
const PREVIEW = /^(?:claude-)?mythos-preview$/;
const FAMILY_WORD = new RegExp(`(?:^|[^a-z])${FAMILY}(?:[^a-z]|$)`);

function version(major: string, minor: string | undefined): string {
  const m = minor === undefined ? 0 : Number(minor);
  return m === 0 ? String(Number(major)) : `${Number(major)}.${m}`;
}

/**
 * Family and version from a stripped reference: `claude-opus-4-5`, `claude-opus-4.5`, `claude-3-5-haiku`,
 * `claude-4-sonnet`, `opus-4.5`, `sonnet4.6`. Undefined when the string has no Claude shape.
 */
export function parseClaudeName(core: string): ClaudeName | undefined {
  if (PREVIEW.test(core)) return { family: 'mythos', version: 'preview' };
  let m = NEW_SCHEME.exec(core) ?? BARE.exec(core);
  if (m) return { family: m[1] as ClaudeFamily, version: version(m[2]!, m[3]) };
  m = NUMBER_FIRST.exec(core);
  if (m) return { family: m[3] as ClaudeFamily, version: version(m[1]!, m[2]) };
  return undefined;
}

/** A Claude family named in a string that otherwise has no Claude shape (`claude-opus-next`). */
export function familyWord(core: string): ClaudeFamily | undefined {
  const m = FAMILY_WORD.exec(core);
  return m ? (m[1] as ClaudeFamily) : undefined;
}

/** Order of versions within a family: major * 100 + minor; Mythos `preview` sits just below 5. */
export function versionRank(version: string): number {
  if (version === 'preview') return 490;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major * 100 + minor;
}

export function compareVersions(a: string, b: string): number {
  return versionRank(a) - versionRank(b);
}
