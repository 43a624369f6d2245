/**
 * The `name` and `model` of a subagent file (`.claude/agents/<name>.md`), read from its YAML frontmatter
 * with the model's position. A file without frontmatter is not a subagent Claude Code loads: undefined.
 */

import type { Position } from '../source';
import { agentString, parseAgentFile, positionOf } from '../scaffold/agent-file';

export interface AgentModel {
  /** The frontmatter `name`, else the file name without `.md`. */
  name: string;
  /** Absent when the agent names no model (it runs on the session's model). */
  model?: { value: string; at: Position };
}

/** Reads the frontmatter with the same reader as init's subagent tier check (scaffold/agent-file.ts). */
export function readAgentModel(fileName: string, text: string): AgentModel | undefined {
  const parsed = parseAgentFile(text);
  if (!parsed.ok) return undefined;
  const name = agentString(parsed.agent, 'name')?.trim() ?? fileName.replace(/\.md$/i, '');
  const written = agentString(parsed.agent, 'model');
  if (written === undefined) return { name };
  return { name, model: { value: written.trim(), at: positionOf(text, parsed.agent.fields.get('model')!.start) } };
}
