/**
 * The `name` and `model` of a subagent file (`.claude/agents/<name>.md`), read from its YAML frontmatter
 * with the model's position. A file without frontmatter is not a subagent Claude Code loads: undefined.
 */

import { LineIndex, type Position } from '../source';

export interface AgentModel {
  /** The frontmatter `name`, else the file name without `.md`. */
  name: string;
  /** Absent when the agent names no model (it runs on the session's model). */
  model?: { value: string; at: Position };
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function readAgentModel(fileName: string, text: string): AgentModel | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = CLOSE.exec(text.slice(start));
  if (!close) return undefined;
  // yaml is only loaded when a repository has subagents.
  const YAML = require('yaml') as typeof import('yaml');
  const doc = YAML.parseDocument(text.slice(start, start + close.index), { uniqueKeys: false });
  if (doc.errors.length || !YAML.isMap(doc.contents)) return undefined;
  let name = fileName.replace(/\.md$/i, '');
  let model: AgentModel['model'];
  for (const pair of doc.contents.items) {
    if (!YAML.isScalar(pair.key) || !YAML.isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = pair.value.value;
    if (key === 'name' && typeof value === 'string' && value.trim()) name = value.trim();
    if (key === 'model' && typeof value === 'string' && value.trim()) {
      model = { value: value.trim(), at: new LineIndex(text).position(start + (pair.value.range?.[0] ?? 0)) };
    }
  }
  return model ? { name, model } : { name };
}
