/**
 * Loads the research the catalog was built from (copied under fixtures/reference) so the tests can walk
 * every model, ID and alias it lists instead of a hand-picked sample.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

const DIR = path.join(__dirname, 'fixtures', 'reference');

export interface ReferenceModel {
  id: string;
  family: string;
  version: string;
  tierRank: number;
  aliases: string[];
  informalAliases: string[];
  ambiguousInformalAliases?: { aliases: string[] };
  released: string;
  status: {
    state: string;
    deprecatedOn?: string;
    retiredOn?: string;
    retirementNotBefore?: string;
    scheduledRetirement?: string;
  };
  contextWindow: number;
  maxOutput: number | null;
  pricing: {
    inputPerMTok: number;
    outputPerMTok: number;
    cacheWrite5mPerMTok: number | null;
    cacheWrite1hPerMTok: number | null;
    cacheReadPerMTok: number | null;
    longContext: null | {
      threshold: number;
      input: number;
      output: number;
      cacheWrite5m: number;
      cacheWrite1h: number;
      cacheRead: number;
    };
  };
  bedrockId: string | null;
  vertexId: string | null;
  claudeCode?: { aliasResolution: { alias: string }[] };
}

export function referenceModels(): ReferenceModel[] {
  return JSON.parse(fs.readFileSync(path.join(DIR, 'models.json'), 'utf8')) as ReferenceModel[];
}

export const MARKDOWN_FILES = ['models-report.md', 'claude-code-model-aliases.md', 'claude-code-settings-facts-s5.md'];

/** A code span that is a pattern or template (`claude-{family}-{M}`, `<x>`, a regex), not a name. */
const TEMPLATE = /[{<…*|(\\]/;
const WORD = /[A-Za-z0-9][A-Za-z0-9.:@/_[\]-]*/g;
const CLAUDE_LIKE = /^(?:claude-|anthropic[./]|[a-z-]+\.anthropic\.|arn:aws)/;
const ALIAS_LIKE = /^(?:sonnet|opus|haiku|fable|mythos|opusplan|best|default|inherit)(?:\[1m\]|[-.\d]|$)/;

/** Every model-like word inside a code span of the reference markdown files. */
export function referenceTokens(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of MARKDOWN_FILES) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    for (const [, span] of text.matchAll(/`([^`\n]+)`/g)) {
      if (TEMPLATE.test(span!)) continue;
      for (const [word] of span!.matchAll(WORD)) {
        if ((CLAUDE_LIKE.test(word) || ALIAS_LIKE.test(word)) && !found.has(word)) found.set(word, file);
      }
    }
  }
  return found;
}
