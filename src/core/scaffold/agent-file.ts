/**
 * Claude Code subagent files (`.claude/agents/<name>.md`): Markdown whose YAML frontmatter sets `name`,
 * `description`, `tools` and `model`. Rendering init's templates, and reading any such file back with the
 * position of each field, for the subagent tier check.
 */

import { LineIndex } from '../source';

export interface AgentField {
  value: unknown;
  /** Offsets of the value in the whole file. */
  start: number;
  end: number;
}

export interface AgentFile {
  fields: ReadonlyMap<string, AgentField>;
}

export type AgentParse = { ok: true; agent: AgentFile } | { ok: false; message: string; offset: number };

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

/** The template with its `{{model}}` filled in. */
export function renderAgent(template: string, model: string): string {
  return template.replace(/\{\{model\}\}/g, model);
}

/** Reads the frontmatter of a subagent file; Claude Code ignores a file without one. */
export function parseAgentFile(text: string): AgentParse {
  const open = OPEN.exec(text);
  if (!open) return { ok: false, message: 'A subagent file starts with YAML frontmatter between two --- lines; this one has none.', offset: 0 };
  const bodyStart = open[0].length;
  const close = CLOSE.exec(text.slice(bodyStart));
  if (!close) return { ok: false, message: 'The frontmatter opened by the first --- line is never closed by another ---.', offset: 0 };
  const yamlText = text.slice(bodyStart, bodyStart + close.index);
  // yaml is only loaded for subagent files.
  const YAML = require('yaml') as typeof import('yaml');
  const doc = YAML.parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, message: `The frontmatter is not valid YAML: ${e.message.split('\n')[0]}`, offset: bodyStart + (e.pos?.[0] ?? 0) };
  }
  const fields = new Map<string, AgentField>();
  const contents = doc.contents;
  if (!YAML.isMap(contents)) return { ok: false, message: 'The frontmatter must be a set of `key: value` lines.', offset: bodyStart };
  for (const pair of contents.items) {
    const key = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const node = pair.value as { range?: [number, number, number]; toJSON?: () => unknown } | null;
    const range = node && 'range' in node && node.range ? node.range : undefined;
    const value = YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value;
    fields.set(key, { value, start: bodyStart + (range?.[0] ?? 0), end: bodyStart + (range?.[1] ?? 0) });
  }
  return { ok: true, agent: { fields } };
}

export function agentString(agent: AgentFile, key: string): string | undefined {
  const v = agent.fields.get(key)?.value;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).position(offset);
}
