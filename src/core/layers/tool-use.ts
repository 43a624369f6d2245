/**
 * A tool use as `cctier check-permission` takes it: `Tool` or `Tool(content)`, where the content is what
 * permission rules look at: the command for Bash, Monitor and PowerShell, the path for Read, Edit and the
 * other file tools, the URL (or `domain:host`) for WebFetch, the subagent for Agent, the skill for Skill.
 * MCP tools are named in full: `mcp__github__get_issue`.
 */

import { canonicalToolName, KNOWN_TOOL_NAMES, retiredToolReplacement, toolInfo, type SpecifierForm } from '../rules/permissions/tools';
import { closest } from '../text/suggest';

export interface ToolUse {
  text: string;
  /** The tool as rules name it: aliases resolved (`Task` is `Agent`), MCP names in full. */
  tool: string;
  form: SpecifierForm | 'mcp';
  content?: string;
  /** WebFetch: the host, lower-cased, without a trailing dot. */
  host?: string;
  mcp?: { server: string; tool: string };
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function parseToolUse(input: string): { use: ToolUse } | { error: string } {
  const text = input.trim();
  if (!text) return { error: 'The tool use is empty; write it as a permission rule would name it, e.g. "Bash(npm test)" or "Read(./src/a.ts)".' };
  const open = text.indexOf('(');
  const name = open === -1 ? text : text.slice(0, open);
  let content: string | undefined;
  if (open !== -1) {
    if (!text.endsWith(')')) return { error: `"${text}" opens a parenthesis it does not close at the end; write Tool(content), e.g. "Bash(git status)".` };
    content = text.slice(open + 1, -1);
    if (content.trim() === '') return { error: `"${text}" has empty parentheses; give the command, path or URL, or leave the parentheses out.` };
  } else if (text.includes(')')) {
    return { error: `"${text}" closes a parenthesis it never opens.` };
  }
  if (name.includes('*')) return { error: `"${name}" is a glob; a tool use names one tool (globs belong in rules).` };

  if (name.startsWith('mcp__')) {
    const rest = name.slice('mcp__'.length);
    const sep = rest.indexOf('__');
    if (!/^[A-Za-z0-9_-]+$/.test(rest) || sep <= 0 || sep + 2 >= rest.length) {
      return { error: `"${name}" names no MCP tool; write mcp__<server>__<tool>, e.g. "mcp__github__get_issue".` };
    }
    return { use: { text, tool: name, form: 'mcp', content, mcp: { server: rest.slice(0, sep), tool: rest.slice(sep + 2) } } };
  }
  if (!NAME.test(name)) return { error: `"${name}" is not a tool name; tool names are words such as Bash, Read or WebFetch.` };
  const info = toolInfo(name);
  if (!info) {
    const instead = retiredToolReplacement(name);
    if (instead) return { error: `"${name}" is a tool older Claude Code releases had; rules now name ${instead}.` };
    const guess = closest(name, KNOWN_TOOL_NAMES);
    return { error: `"${name}" is not a Claude Code tool${guess ? `; did you mean "${guess}"?` : '.'}` };
  }
  const use: ToolUse = { text, tool: canonicalToolName(name), form: info.form, content: content?.trim() };
  if (info.form === 'domain' && use.content !== undefined) {
    const host = hostOf(use.content);
    if (!host) return { error: `"${use.content}" is neither a URL nor domain:<host>; write e.g. "WebFetch(https://example.com/page)".` };
    use.host = host;
  }
  return { use };
}

function hostOf(content: string): string | undefined {
  if (content.startsWith('domain:')) {
    const host = content.slice('domain:'.length).trim().toLowerCase().replace(/\.$/, '');
    return host && !/[/\s:@?#*]/.test(host) ? host : undefined;
  }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(content) ? content : `https://${content}`);
    return url.hostname ? url.hostname.toLowerCase().replace(/\.$/, '') : undefined;
  } catch {
    return undefined;
  }
}
