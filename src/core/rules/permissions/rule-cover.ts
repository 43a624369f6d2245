/**
 * Comparing two permission rules: are they the same rule written two ways, and does one match every call
 * the other matches? Both answers are conservative: `false` whenever the grammar leaves room for doubt,
 * because a lint rule built on them must only report what is certain.
 */

import { SKIPPED_PROBLEMS, type PermissionRule } from './rule-grammar';
import { canonicalToolName } from './tools';

/** A rule Claude Code reads and uses: no syntax problem, not skipped, not a path rule it never consults. */
export function isUsable(rule: PermissionRule): boolean {
  if (rule.builtin?.pathRulesIgnored && rule.kind === 'path' && rule.specifier !== '*') return false;
  return !rule.problems.some((p) => SKIPPED_PROBLEMS.has(p));
}

/**
 * One key per meaning, for the forms Claude Code documents as equal: `Bash(*)` and `Bash`, `Bash(ls:*)`
 * and `Bash(ls *)`, `WebFetch(domain:*)` and `WebFetch`, `mcp__github__*` and `mcp__github`, `Task` and
 * `Agent`, `./src/a.ts` and `src/a.ts`, and host names in any case.
 */
export function meaningKey(rule: PermissionRule): string {
  let key = keys.get(rule);
  if (key === undefined) keys.set(rule, (key = computeMeaningKey(rule)));
  return key;
}

const keys = new WeakMap<PermissionRule, string>();

function computeMeaningKey(rule: PermissionRule): string {
  const tool = canonicalToolName(rule.tool);
  if (rule.mcp && rule.specifier === undefined) {
    if (rule.mcp.tool === '*' || rule.mcp.tool === undefined) return `mcp__${rule.mcp.server}`;
    return rule.tool;
  }
  if (rule.specifier === undefined) return tool;
  switch (rule.kind) {
    case 'bash':
      if (rule.command!.matchesAll) return tool;
      return `${tool}(${rule.builtin?.caseInsensitive ? rule.command!.pattern.toLowerCase() : rule.command!.pattern})`;
    case 'domain':
      return rule.domain === '*' && rule.builtin?.form === 'domain' ? tool : `${tool}(domain:${rule.domain})`;
    case 'path': {
      const p = rule.path!;
      // `./src/a.ts` and `src/a.ts` are both anchored at the working directory; a bare name (`.env`) is not.
      if (p.anchor === 'cwd' && rule.specifier.startsWith('./') && p.path.replace(/\/$/, '').includes('/')) return `${tool}(${p.path})`;
      return `${tool}(${rule.specifier})`;
    }
    case 'param':
      return `${tool}[${rule.param!.name}=${rule.param!.value}]`;
    default:
      return `${tool}(${rule.specifier})`;
  }
}

/**
 * The bucket a rule's tool falls in, so callers compare a rule only with rules that can cover it: the
 * canonical tool name, `mcp__<server>` for MCP names, or `*` for tool-name globs (which can cover anything).
 */
export function toolBucket(rule: PermissionRule): string {
  if (rule.toolIsGlob) return '*';
  if (rule.mcp) return `mcp__${rule.mcp.server}`;
  return canonicalToolName(rule.tool);
}

/** Does the rule match every use of its tool (or, for a glob, of every tool it names)? */
function wholeTool(rule: PermissionRule): boolean {
  if (rule.specifier === undefined) return true;
  if (rule.kind === 'bash') return rule.command!.matchesAll;
  if (rule.kind === 'domain') return rule.domain === '*' && rule.builtin?.form === 'domain';
  return false;
}

/** A tool-name glob as a test; only `*` is special. */
function globTest(glob: string): (name: string) => boolean {
  const re = new RegExp('^' + glob.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return (name) => re.test(name);
}

/** The tool names a bare rule stands for, as a glob (`mcp__github` stands for `mcp__github__*`). */
function toolGlob(rule: PermissionRule): string {
  if (rule.mcp && rule.mcp.tool === undefined && !rule.toolIsGlob) return `${rule.tool}__*`;
  return canonicalToolName(rule.tool);
}

/** Does every tool name that `narrow` names also match the tool position of `broad`? */
function toolsCovered(broad: PermissionRule, narrow: PermissionRule): boolean {
  const b = toolGlob(broad);
  const n = toolGlob(narrow);
  if (!b.includes('*')) return b === n;
  if (!n.includes('*')) return globTest(b)(n);
  // Both globs: certain only when broad is `prefix*` and narrow's literal start extends that prefix.
  const star = b.indexOf('*');
  return star === b.length - 1 && n.slice(0, n.indexOf('*')).startsWith(b.slice(0, -1));
}

/**
 * True when every call `narrow` matches (read as an allow rule) is certainly matched by `broad` (read as a
 * deny or ask rule). Both must be usable; equal meanings count as covered.
 */
export function covers(broad: PermissionRule, narrow: PermissionRule): boolean {
  if (!isUsable(broad) || !isUsable(narrow)) return false;
  if (wholeTool(broad)) {
    if (broad.specifier !== undefined) return canonicalToolName(broad.tool) === canonicalToolName(narrow.tool) && !narrow.toolIsGlob;
    return toolsCovered(broad, narrow);
  }
  if (canonicalToolName(broad.tool) !== canonicalToolName(narrow.tool) || narrow.specifier === undefined) return false;
  if (meaningKey(broad) === meaningKey(narrow)) return true;
  if (broad.kind !== narrow.kind) return false;
  switch (broad.kind) {
    case 'bash':
      return commandCovers(broad, narrow);
    case 'path':
      return pathCovers(broad, narrow);
    case 'domain':
      return domainCovers(broad.domain!, narrow.domain!);
    default:
      return false;
  }
}

/** `prefix *` or `prefix*` covers every pattern whose literal start begins with that prefix. */
function commandCovers(broad: PermissionRule, narrow: PermissionRule): boolean {
  const b = broad.command!;
  const n = narrow.command!;
  // PowerShell matching is case-insensitive and canonicalises aliases: too loose to be certain.
  if (broad.builtin?.caseInsensitive) return false;
  if (b.wildcards !== 1 || !b.pattern.endsWith('*') || b.head.length === 0) return false;
  if (broad.problems.includes('colon-star-after-wildcard')) return false;
  return n.head.startsWith(b.head) && (n.wildcards > 0 || n.pattern.length > b.head.length);
}

/** `dir/**` covers every path under `dir/` with the same anchor; `//**` covers every path. */
function pathCovers(broad: PermissionRule, narrow: PermissionRule): boolean {
  const b = broad.path!;
  const n = narrow.path!;
  if (b.anchor === 'root' && b.path === '**') return true;
  if (b.anchor !== n.anchor) return false;
  if (b.path === '**') return true;
  if (!b.path.endsWith('/**') || /(^|\/)\.\.(\/|$)/.test(n.path)) return false;
  const dir = b.path.slice(0, -2);
  if (/[*?[\]\\]/.test(dir)) return false;
  // A cwd rule needs a slash to be anchored at the working directory; a bare name matches at any depth.
  if (b.anchor === 'cwd' && !n.path.replace(/\/$/, '').includes('/')) return false;
  return n.path.startsWith(dir);
}

/** `*.example.com` covers every subdomain of example.com (not example.com itself). */
function domainCovers(broad: string, narrow: string): boolean {
  if (broad === narrow) return true;
  if (!broad.startsWith('*.') || broad.slice(2).includes('*')) return false;
  const base = broad.slice(1); // ".example.com"
  const host = narrow.startsWith('*.') ? narrow.slice(2) : narrow;
  if (host.includes('*')) return false;
  return `.${host}`.endsWith(base) && host.length >= base.length;
}
