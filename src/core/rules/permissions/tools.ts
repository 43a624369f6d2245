/** Typed lookups over tools.json: which tools Claude Code knows and how each reads a rule's specifier. */

import data from './tools.json';

/** How a tool's specifier is read: a command pattern, a gitignore-style path, `domain:host`, a bare host, a name, or nothing. */
export type SpecifierForm = 'command' | 'path' | 'domain' | 'host' | 'agent' | 'skill' | 'cd' | 'none';

export interface ToolInfo {
  name: string;
  form: SpecifierForm;
  /** Top-level input parameters a deny or ask rule can match as `Tool(param:value)`. */
  params: ReadonlySet<string>;
  /** The content field parameter rules may not name (`Bash(command:...)` is ignored). */
  primary?: string;
  status: 'current' | 'legacy' | 'deprecated' | 'alias';
  aliasOf?: string;
  /** `Tool(path)` rules are never consulted; rules for this tool apply instead. */
  pathRulesIgnored?: string;
  caseInsensitive: boolean;
}

interface RawTool {
  form: string;
  params?: string[];
  primary?: string;
  status?: string;
  aliasOf?: string;
  pathRulesIgnored?: string;
  caseInsensitive?: boolean;
}

const TOOLS: ReadonlyMap<string, ToolInfo> = new Map(
  Object.entries(data.tools as Record<string, RawTool>).map(([name, t]) => [
    name,
    {
      name,
      form: t.form as SpecifierForm,
      params: new Set(t.params ?? []),
      primary: t.primary,
      status: (t.status ?? 'current') as ToolInfo['status'],
      aliasOf: t.aliasOf,
      pathRulesIgnored: t.pathRulesIgnored,
      caseInsensitive: t.caseInsensitive === true,
    },
  ]),
);

/** Field names that are a tool's main content; parameter rules on them are ignored whatever the tool. */
export const PRIMARY_FIELDS: ReadonlySet<string> = new Set(data.primaryFields);

const RETIRED: ReadonlyMap<string, string> = new Map(Object.entries(data.retired).map(([name, r]) => [name, r.instead]));

/** Every tool name Claude Code accepts in a rule, for did-you-mean. */
export const KNOWN_TOOL_NAMES: readonly string[] = Object.freeze([...TOOLS.keys()]);

export function toolInfo(name: string): ToolInfo | undefined {
  return TOOLS.get(name);
}

/** What to write instead of a tool older releases had, or undefined when `name` was never a tool. */
export function retiredToolReplacement(name: string): string | undefined {
  return RETIRED.get(name);
}

/** The name rules compare by: an alias (`Task`) counts as the tool it names (`Agent`). */
export function canonicalToolName(name: string): string {
  return TOOLS.get(name)?.aliasOf ?? name;
}
