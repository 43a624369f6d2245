/**
 * The permission rule grammar: `Tool` or `Tool(specifier)`, read the way Claude Code reads it (facts §3).
 * `parsePermissionRule` is pure and never throws; what it finds odd or broken is listed in `problems`, so
 * the lint rules can word a message and the merger can tell which rules Claude Code would skip.
 */

import { PRIMARY_FIELDS, toolInfo, type ToolInfo } from './tools';

export type RuleListName = 'allow' | 'ask' | 'deny';

/**
 * How the rule matches: `none` a whole tool (no specifier); `bash` a command pattern (Bash, Monitor,
 * PowerShell); `path` a gitignore-style path (Read, Edit, ..., Cd); `domain` a host (WebFetch's `domain:host`,
 * ClaudeInChromeDomain's bare host);
 * `agent` / `skill` a name; `param` a `param:value` parameter rule; `mcp` parentheses after an MCP name
 * that are not a parameter rule; `other` a specifier on a tool whose form is unknown or takes none.
 */
export type RuleKind = 'none' | 'bash' | 'path' | 'domain' | 'agent' | 'skill' | 'param' | 'mcp' | 'other';

/** Where a path pattern starts: `//` filesystem root, `~/` home, `/` the settings source, else the working directory. */
export type PathAnchor = 'root' | 'home' | 'settings' | 'cwd';

export interface CommandPattern {
  /** The pattern as Claude Code matches it: a legacy trailing `:*` reads as ` *`. */
  pattern: string;
  /** Written with the legacy `:*` suffix. */
  legacyPrefix: boolean;
  /** The literal text before the first `*`. */
  head: string;
  wildcards: number;
  /** Only wildcards (`*`): the same as the bare tool. */
  matchesAll: boolean;
}

export interface PathPattern {
  anchor: PathAnchor;
  /** The rest after the anchor (`//`, `~/`, `/` or `./`), e.g. `src/**`. */
  path: string;
  /** Holds a gitignore wildcard (`*`, `?`, `[`). */
  glob: boolean;
}

export interface ParameterMatch {
  name: string;
  value: string;
  /** A primary content field (`command`, `file_path`, ...), which parameter rules cannot match. */
  primary: boolean;
}

export interface McpName {
  server: string;
  /** Undefined for a whole-server name (`mcp__github`). */
  tool?: string;
}

export type RuleProblemCode =
  // The text is not a rule at all (the schema reports these).
  | 'empty'
  | 'invalid-tool-name'
  | 'unclosed-parenthesis'
  | 'unbalanced-parentheses'
  | 'text-after-specifier'
  | 'empty-specifier'
  // A rule Claude Code skips or ignores.
  | 'colon-star-not-at-end'
  | 'parameter-on-primary-field'
  | 'unanchored-tool-glob'
  // A rule that is read, but not the way it looks.
  | 'colon-star-after-wildcard'
  | 'specifier-not-taken'
  | 'domain-missing'
  | 'domain-invalid'
  | 'parameter-in-allow'
  | 'mcp-specifier'
  | 'glob-tool-with-specifier'
  | 'windows-path';

/** Problems that mean the text is not a permission rule at all. */
export const SYNTAX_PROBLEMS: ReadonlySet<RuleProblemCode> = new Set([
  'empty',
  'invalid-tool-name',
  'unclosed-parenthesis',
  'unbalanced-parentheses',
  'text-after-specifier',
  'empty-specifier',
]);

/** Problems with which Claude Code drops the rule (with a warning at startup). */
export const SKIPPED_PROBLEMS: ReadonlySet<RuleProblemCode> = new Set([
  ...SYNTAX_PROBLEMS,
  'colon-star-not-at-end',
  'parameter-on-primary-field',
  'unanchored-tool-glob',
]);

export interface PermissionRule {
  text: string;
  /** The text before `(`, or the whole rule. */
  tool: string;
  /** A glob in the tool position (`*`, `mcp__*`, `mcp__github__get_*`). */
  toolIsGlob: boolean;
  /** Set for `mcp__server` and `mcp__server__tool` names. */
  mcp?: McpName;
  /** The built-in tool, when `tool` names one. */
  builtin?: ToolInfo;
  /** The text inside the outer parentheses; undefined for a bare tool. */
  specifier?: string;
  kind: RuleKind;
  command?: CommandPattern;
  path?: PathPattern;
  /** The host of a WebFetch `domain:` rule (or a ClaudeInChromeDomain rule), lower-cased, without a trailing dot. */
  domain?: string;
  param?: ParameterMatch;
  problems: RuleProblemCode[];
}

const TOOL_NAME = /^[A-Za-z0-9_*-]+$/;
const PARAMETER = /^([A-Za-z_][A-Za-z0-9_]*):([\s\S]*)$/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const PATH_GLOB = /[*?[]/;
/** Characters no `domain:` host holds (a scheme, path, port, credentials, query). */
const HOSTNAME_BREAKERS = /[/\s:@?#]/;
/** The same for a browser URL host, which may carry a port. */
const URL_HOST_BREAKERS = /[/\s@?#]/;

/**
 * Parses one rule. `list` matters for two things only: allow rules read `param:value` with the tool's own
 * syntax (parameter rules are a deny/ask feature) and skip unanchored tool-name globs; without it the rule
 * is read as a deny or ask rule.
 */
export function parsePermissionRule(text: string, list?: RuleListName): PermissionRule {
  const problems: RuleProblemCode[] = [];
  const open = text.indexOf('(');
  const tool = open === -1 ? text : text.slice(0, open);
  const rule: PermissionRule = { text, tool, toolIsGlob: tool.includes('*') && TOOL_NAME.test(tool), kind: 'none', problems };

  if (text.length === 0) {
    problems.push('empty');
    return rule;
  }
  if (!TOOL_NAME.test(tool) || (!tool.startsWith('mcp__') && !/^[A-Z*]/.test(tool))) problems.push('invalid-tool-name');
  if (tool.startsWith('mcp__')) rule.mcp = mcpName(tool);
  rule.builtin = toolInfo(tool);
  if (list === 'allow' && rule.toolIsGlob && !/^mcp__[^*]+__/.test(tool)) problems.push('unanchored-tool-glob');

  if (open === -1) {
    if (text.includes(')')) problems.push('unbalanced-parentheses');
    return rule;
  }
  const close = text.lastIndexOf(')');
  if (close < open) {
    problems.push('unclosed-parenthesis');
    return rule;
  }
  if (close !== text.length - 1) problems.push('text-after-specifier');
  const specifier = text.slice(open + 1, close);
  rule.specifier = specifier;
  if (specifier.length === 0) problems.push('empty-specifier');
  else if (!balanced(specifier)) problems.push('unbalanced-parentheses');
  if (problems.some((p) => SYNTAX_PROBLEMS.has(p))) {
    rule.kind = 'other';
    return rule;
  }
  readSpecifier(rule, specifier, list);
  return rule;
}

/** Inner parentheses must pair up; a backslash escapes the next character. */
function balanced(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function mcpName(tool: string): McpName {
  const rest = tool.slice('mcp__'.length);
  const sep = rest.indexOf('__');
  return sep === -1 ? { server: rest } : { server: rest.slice(0, sep), tool: rest.slice(sep + 2) };
}

function readSpecifier(rule: PermissionRule, spec: string, list: RuleListName | undefined): void {
  const { problems } = rule;
  const param = PARAMETER.exec(spec);
  const paramName = param?.[1];
  const inAllow = list === 'allow';

  if (rule.toolIsGlob) {
    rule.kind = 'other';
    problems.push('glob-tool-with-specifier');
    return;
  }
  if (rule.mcp) {
    // MCP tools have no specifier syntax of their own; deny/ask may match a parameter of one tool.
    if (param && !inAllow && rule.mcp.tool !== undefined) setParam(rule, param[1]!, param[2]!);
    else {
      rule.kind = 'mcp';
      problems.push('mcp-specifier');
    }
    return;
  }
  const info = rule.builtin;
  if (!info) {
    if (param && !inAllow) setParam(rule, param[1]!, param[2]!);
    else rule.kind = 'other';
    return;
  }

  // A parameter rule, when the name is one of the tool's parameters (or a primary field of any tool).
  // `Bash(timeout:*)` stays the legacy prefix form of the `timeout` command.
  const isParam =
    param !== null &&
    (info.params.has(paramName!) || PRIMARY_FIELDS.has(paramName!) || info.form === 'none') &&
    !(info.form === 'command' && param[2] === '*') &&
    !(info.form === 'domain' && paramName === 'domain');
  if (isParam && !inAllow) {
    setParam(rule, paramName!, param[2]!);
    return;
  }
  if (isParam) problems.push('parameter-in-allow');

  switch (info.form) {
    case 'command':
      rule.kind = 'bash';
      rule.command = commandPattern(spec, problems);
      return;
    case 'path':
    case 'cd':
      rule.kind = 'path';
      rule.path = pathPattern(spec);
      if (WINDOWS_DRIVE.test(spec)) problems.push('windows-path');
      return;
    case 'domain': {
      if (!spec.startsWith('domain:')) {
        rule.kind = 'other';
        problems.push('domain-missing');
        return;
      }
      rule.kind = 'domain';
      const host = spec.slice('domain:'.length).toLowerCase().replace(/\.$/, '');
      rule.domain = host;
      if (host.length === 0 || HOSTNAME_BREAKERS.test(host)) problems.push('domain-invalid');
      return;
    }
    case 'host': {
      rule.kind = 'domain';
      // The site as the browser's URL host names it, so a port may follow.
      const host = spec.toLowerCase().replace(/\.$/, '');
      rule.domain = host;
      if (host.length === 0 || URL_HOST_BREAKERS.test(host)) problems.push('domain-invalid');
      return;
    }
    case 'agent':
      rule.kind = 'agent';
      return;
    case 'skill':
      rule.kind = 'skill';
      return;
    case 'none':
      rule.kind = 'other';
      if (!isParam) problems.push('specifier-not-taken');
      return;
  }
}

function setParam(rule: PermissionRule, name: string, value: string): void {
  const primary = PRIMARY_FIELDS.has(name) || rule.builtin?.primary === name;
  rule.kind = 'param';
  rule.param = { name, value, primary };
  if (primary) rule.problems.push('parameter-on-primary-field');
}

/** Reads a Bash-style pattern; the legacy `:*` counts only at the very end (facts §3.3). */
export function commandPattern(spec: string, problems: RuleProblemCode[] = []): CommandPattern {
  const legacyPrefix = spec.endsWith(':*');
  const body = legacyPrefix ? spec.slice(0, -2) : spec;
  if (body.includes(':*')) problems.push('colon-star-not-at-end');
  if (legacyPrefix && body.includes('*')) problems.push('colon-star-after-wildcard');
  const pattern = legacyPrefix ? `${body} *` : spec;
  const star = pattern.indexOf('*');
  const wildcards = pattern.split('*').length - 1;
  return {
    pattern,
    legacyPrefix,
    head: star === -1 ? pattern : pattern.slice(0, star),
    wildcards,
    matchesAll: /^\*+$/.test(pattern),
  };
}

/** Reads a gitignore-style path rule and its anchor (facts §3.5). */
export function pathPattern(spec: string): PathPattern {
  let anchor: PathAnchor;
  let path: string;
  if (spec.startsWith('//')) [anchor, path] = ['root', spec.slice(2)];
  else if (spec === '~' || spec.startsWith('~/')) [anchor, path] = ['home', spec.slice(2)];
  else if (spec.startsWith('/')) [anchor, path] = ['settings', spec.slice(1)];
  else [anchor, path] = ['cwd', spec.startsWith('./') ? spec.slice(2) : spec];
  return { anchor, path, glob: PATH_GLOB.test(path) };
}
