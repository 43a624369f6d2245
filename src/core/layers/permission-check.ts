/**
 * Would Claude Code allow, ask about or deny a tool use, and which rule decides (facts §2.3, §3)? Rules
 * are pooled from every file that counts (a deny or ask anywhere beats an allow anywhere; precedence
 * between files plays no part), then checked deny first, then ask, then allow.
 *
 * Matching follows the documented forms: Bash command patterns (exact, `*` anywhere, a space before a
 * trailing `*` as a word boundary, the legacy `:*` suffix) per subcommand of a compound command, with
 * wrappers stripped; gitignore-style Read/Edit paths with their four anchors; WebFetch domains; MCP server
 * and tool names; tool-name globs in deny and ask rules. Pure: the file system is never consulted
 * (symlinks are not followed).
 */

import * as path from 'node:path';
import picomatch from 'picomatch';
import { parsePermissionRule, type PermissionRule, type RuleListName } from '../rules/permissions/rule-grammar';
import { isUsable } from '../rules/permissions/rule-cover';
import { canonicalToolName } from '../rules/permissions/tools';
import { scopeKind, type Layer, type LayerKind } from './layer';
import { countedLayers } from './merge';
import { readSubcommand, splitCompound } from './shell-command';
import type { ToolUse } from './tool-use';

export type Decision = 'deny' | 'ask' | 'allow' | 'none';
export type RuleList = RuleListName;
const LISTS: readonly RuleList[] = ['deny', 'ask', 'allow'];

export interface PooledRule {
  list: RuleList;
  text: string;
  layer: string;
  kind: LayerKind;
  file: string;
  /** The rule's pointer in its own file. */
  pointer: string;
  line?: number;
  column?: number;
  /** The folder `/path` patterns of this rule start from (facts §3.5). */
  root: string;
  parsed: PermissionRule;
}

export interface RulePool {
  rules: PooledRule[];
  /** Rules Claude Code skips (a `:*` not at the end, an unanchored allow glob, ...) or never consults. */
  skipped: PooledRule[];
  /** Files whose rules do not count at all (allowManagedPermissionRulesOnly), with the reason. */
  dropped: Array<{ layer: string; file: string; list: RuleList; reason: string }>;
}

/** Every rule from every file whose rules count, in precedence order (lowest first), per list. */
export function poolRules(layers: readonly Layer[]): RulePool {
  const pool: RulePool = { rules: [], skipped: [], dropped: [] };
  for (const list of LISTS) {
    const { counted, dropped } = countedLayers(layers, `/permissions/${list}`);
    for (const d of dropped) if (Array.isArray(ownList(d.layer, list))) pool.dropped.push({ layer: d.layer.name, file: d.layer.file, list, reason: d.reason });
    for (const layer of counted) {
      const items = ownList(layer, list);
      if (!Array.isArray(items)) continue;
      items.forEach((text, i) => {
        if (typeof text !== 'string') return;
        const pointer = `/permissions/${list}/${i}`;
        const pos = layer.locate?.(pointer);
        const rule: PooledRule = {
          list,
          text,
          layer: layer.name,
          kind: layer.kind,
          file: layer.file,
          pointer,
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          root: layer.root ?? path.dirname(layer.file),
          parsed: parsePermissionRule(text, list),
        };
        (isUsable(rule.parsed) ? pool.rules : pool.skipped).push(rule);
      });
    }
  }
  return pool;
}

function ownList(layer: Layer, list: RuleList): unknown {
  const p = layer.value.permissions;
  if (p === null || typeof p !== 'object' || Array.isArray(p) || !Object.prototype.hasOwnProperty.call(p, list)) return undefined;
  return (p as Record<string, unknown>)[list];
}

export interface CheckContext {
  /** The directory the session starts in: `./path` anchors, relative paths in the tool use. */
  cwd: string;
  home: string;
}

export interface PartVerdict {
  /** What was checked: the subcommand, `write <file>`, or the whole tool use. */
  subject: string;
  decision: Decision;
  rule?: PooledRule;
}

export interface Verdict {
  decision: Decision;
  /** The rule that decides; for a compound command, the one deciding the part that decides. */
  rule?: PooledRule;
  /** One entry per subcommand and file write of a Bash command; one entry otherwise. */
  parts: PartVerdict[];
  /** Every rule that matched, whether or not it decided. */
  matched: Array<{ subject: string; rule: PooledRule }>;
  notes: string[];
}

const READ_FAMILY = new Set(['Read', 'Grep', 'Glob', 'LSP']);
const EDIT_FAMILY = new Set(['Edit', 'Write', 'NotebookEdit', 'MultiEdit']);
const SPLIT_TOOLS = new Set(['Bash', 'Monitor']);

/** What one check looks at. */
type Subject =
  | { type: 'tool'; tool: string; label: string }
  | { type: 'command'; tool: string; label: string; forAllow: string[]; forDenyAsk: string[]; exactAllowOnly: boolean }
  | { type: 'path'; tool: string; label: string; target: string; lists?: ReadonlySet<RuleList> }
  | { type: 'domain'; tool: string; label: string; host: string }
  | { type: 'name'; tool: string; label: string; name: string };

export function checkPermission(use: ToolUse, pool: RulePool, ctx: CheckContext): Verdict {
  const notes: string[] = [];
  const matched: Verdict['matched'] = [];
  const subjects = subjectsOf(use, ctx, notes);
  // A deny-only check (a file cat reads) that no deny matches leaves the decision to the others.
  const parts = subjects.map((s) => decide(s, pool, ctx, matched)).filter((p): p is PartVerdict => p !== undefined);
  const verdict = combine(parts);
  if (pool.rules.some((r) => r.parsed.kind === 'param' && toolMatches(r.parsed, use))) {
    notes.push('Rules on a parameter (Tool(param:value)) were not checked: a tool use written this way carries no parameters, and an omitted parameter never matches.');
  }
  if (verdict.decision === 'allow' && parts.some((p) => p.rule && scopeKind(p.rule.kind) === 'project')) {
    notes.push('Allow rules from the shared project file apply only once the folder is trusted; a -p or SDK run never asks, and ignores them until then.');
  }
  if (verdict.decision === 'none' && parts.length > 1) {
    const open = parts.filter((p) => p.decision === 'none').map((p) => `"${p.subject}"`);
    notes.push(`Every part of a compound command must be allowed; no rule allows ${open.join(', ')}.`);
  }
  return { ...verdict, parts, matched, notes };
}

function combine(parts: readonly PartVerdict[]): { decision: Decision; rule?: PooledRule } {
  for (const d of ['deny', 'ask'] as const) {
    const p = parts.find((x) => x.decision === d);
    if (p) return { decision: d, rule: p.rule };
  }
  if (parts.length && parts.every((p) => p.decision === 'allow')) return { decision: 'allow', rule: parts[0]!.rule };
  return { decision: 'none' };
}

function subjectsOf(use: ToolUse, ctx: CheckContext, notes: string[]): Subject[] {
  const c = use.content;
  switch (use.form) {
    case 'command': {
      if (c === undefined) return [{ type: 'tool', tool: use.tool, label: use.text }];
      if (!SPLIT_TOOLS.has(use.tool)) return [{ type: 'command', tool: use.tool, label: c, forAllow: [c], forDenyAsk: [c], exactAllowOnly: false }];
      const out: Subject[] = [];
      for (const part of splitCompound(c)) {
        const sub = readSubcommand(part);
        out.push({ type: 'command', tool: use.tool, label: part, forAllow: sub.forAllow, forDenyAsk: sub.forDenyAsk, exactAllowOnly: sub.exactAllowOnly });
        for (const f of sub.reads) out.push({ type: 'path', tool: 'Read', label: `read ${f}`, target: resolveTarget(f, ctx), lists: DENY_ONLY });
        for (const f of sub.edits) out.push({ type: 'path', tool: 'Edit', label: `edit ${f}`, target: resolveTarget(f, ctx), lists: DENY_ONLY });
        for (const f of sub.writes) out.push({ type: 'path', tool: 'Edit', label: `write ${f}`, target: resolveTarget(f, ctx) });
      }
      if (out.length === 0) return [{ type: 'tool', tool: use.tool, label: use.text }];
      if (out.some((s) => s.type === 'path' && s.lists === DENY_ONLY)) {
        notes.push('Files that cat, head, tail and sed read are checked against Read deny rules (and sed -i against Edit deny rules), as Claude Code does; other programs are not.');
      }
      return out;
    }
    case 'path':
    case 'cd':
      if (c === undefined) return [{ type: 'tool', tool: use.tool, label: use.text }];
      return [{ type: 'path', tool: use.tool, label: use.text, target: resolveTarget(c, ctx) }];
    case 'domain':
      if (use.host === undefined) return [{ type: 'tool', tool: use.tool, label: use.text }];
      return [{ type: 'domain', tool: use.tool, label: use.text, host: use.host }];
    case 'agent':
    case 'skill':
      if (c === undefined) return [{ type: 'tool', tool: use.tool, label: use.text }];
      return [{ type: 'name', tool: use.tool, label: use.text, name: c }];
    default:
      return [{ type: 'tool', tool: use.tool, label: use.text }];
  }
}

const DENY_ONLY: ReadonlySet<RuleList> = new Set(['deny']);

/** A path in a tool use: relative to the start directory, `~/` from home; Windows drives as /c/... */
function resolveTarget(p: string, ctx: CheckContext): string {
  let s = p.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(s);
  if (drive) s = `/${drive[1]!.toLowerCase()}/${s.slice(3)}`;
  if (s === '~' || s.startsWith('~/')) return path.posix.join(toPosix(ctx.home), s.slice(2));
  return path.posix.resolve(toPosix(ctx.cwd), s);
}

function toPosix(p: string): string {
  const s = p.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(s);
  return drive ? `/${drive[1]!.toLowerCase()}/${s.slice(3)}` : s;
}

function decide(subject: Subject, pool: RulePool, ctx: CheckContext, matched: Verdict['matched']): PartVerdict | undefined {
  let decided: PartVerdict | undefined;
  for (const list of LISTS) {
    if (subject.type === 'path' && subject.lists && !subject.lists.has(list)) continue;
    // The highest layer's matching rule is named: "denied by managed settings" says the most.
    let hit: PooledRule | undefined;
    for (const r of pool.rules) {
      if (r.list !== list || !ruleMatches(r, subject, ctx)) continue;
      matched.push({ subject: subject.label, rule: r });
      hit = r;
    }
    if (hit && !decided) decided = { subject: subject.label, decision: list, rule: hit };
  }
  if (!decided && subject.type === 'path' && subject.lists) return undefined;
  return decided ?? { subject: subject.label, decision: 'none' };
}

function ruleMatches(r: PooledRule, s: Subject, ctx: CheckContext): boolean {
  const rule = r.parsed;
  const list = r.list;
  if (rule.toolIsGlob) return rule.specifier === undefined && globTest(rule.tool)(s.tool);
  if (rule.mcp) {
    if (!s.tool.startsWith('mcp__') || rule.specifier !== undefined) return false;
    return rule.mcp.tool === undefined ? s.tool.startsWith(`mcp__${rule.mcp.server}__`) : rule.tool === s.tool;
  }
  const tool = canonicalToolName(rule.tool);
  if (isWholeTool(rule)) return tool === s.tool || (s.type === 'path' && list === 'allow' && tool === 'Edit' && READ_FAMILY.has(s.tool));
  switch (s.type) {
    case 'command':
      if (rule.kind !== 'bash' || tool !== s.tool) return false;
      if (list === 'allow') return (!s.exactAllowOnly || rule.command!.wildcards === 0) && s.forAllow.some((c) => commandMatches(rule, c));
      return s.forDenyAsk.some((c) => commandMatches(rule, c));
    case 'path':
      return rule.kind === 'path' && pathRuleApplies(tool, list, s.tool) && pathMatches(rule, list, s.target, r.root, ctx, s.tool === 'Cd');
    case 'domain':
      return rule.kind === 'domain' && tool === s.tool && domainMatches(rule.domain!, s.host);
    case 'name':
      if (tool !== s.tool) return false;
      if (rule.kind === 'agent') return rule.specifier === s.name;
      if (rule.kind === 'skill') return commandMatches(rule, s.name);
      return false;
    default:
      return false;
  }
}

function isWholeTool(rule: PermissionRule): boolean {
  if (rule.specifier === undefined) return true;
  if (rule.kind === 'bash') return rule.command!.matchesAll;
  if (rule.kind === 'domain') return rule.domain === '*';
  return false;
}

/**
 * Which rules' paths apply to a file tool (facts §3.5): Read rules to Read, Grep, Glob and LSP; Edit rules
 * to Edit, Write, NotebookEdit (and legacy MultiEdit); an Edit allow also grants reading; a Read deny also
 * blocks editing and writing, but not NotebookEdit.
 */
function pathRuleApplies(ruleTool: string, list: RuleList, useTool: string): boolean {
  if (ruleTool === 'Read') return READ_FAMILY.has(useTool) || (list === 'deny' && EDIT_FAMILY.has(useTool) && useTool !== 'NotebookEdit');
  if (ruleTool === 'Edit') return EDIT_FAMILY.has(useTool) || (list === 'allow' && READ_FAMILY.has(useTool));
  return ruleTool === useTool;
}

const regexes = new Map<string, RegExp>();

/**
 * A command pattern: no `*` is an exact command; `*` matches any run of characters, spaces included; a
 * space before a trailing `*` is a word boundary, so `ls *` matches `ls` and `ls -la` but not `lsof`.
 */
function commandMatches(rule: PermissionRule, command: string): boolean {
  const pattern = rule.command?.pattern ?? rule.specifier ?? '';
  const insensitive = rule.builtin?.caseInsensitive === true;
  const key = (insensitive ? 'i:' : 's:') + pattern;
  let re = regexes.get(key);
  if (!re) {
    const wordBoundary = pattern.endsWith(' *') && pattern.trimEnd() !== '*';
    const body = wordBoundary ? pattern.slice(0, -2) : pattern;
    const source = body
      .split('*')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    re = new RegExp(`^${source}${wordBoundary ? '(?:\\s[\\s\\S]*)?' : ''}$`, insensitive ? 'i' : '');
    regexes.set(key, re);
  }
  return re.test(command.trim());
}

const matchers = new Map<string, (s: string) => boolean>();
function glob(pattern: string): (s: string) => boolean {
  let m = matchers.get(pattern);
  if (!m) matchers.set(pattern, (m = picomatch(pattern, { dot: true })));
  return m;
}

/**
 * A gitignore-style path rule against an absolute target (facts §3.5). `//p` starts at the filesystem
 * root, `~/p` at home, `/p` at the rule's settings source, `./p` and `p` at the start directory. A pattern
 * without a slash (`.env`, `*.pem`) matches at any depth; `dir/**` matches only at the start directory in
 * allow rules but at any depth in deny and ask rules. A pattern naming a folder covers what is inside it.
 * Cd rules: a trailing `/**` also matches the folder itself.
 */
function pathMatches(rule: PermissionRule, list: RuleList, target: string, root: string, ctx: CheckContext, cd: boolean): boolean {
  const p = rule.path!;
  const base = p.anchor === 'root' ? '/' : p.anchor === 'home' ? toPosix(ctx.home) : p.anchor === 'settings' ? toPosix(root) : toPosix(ctx.cwd);
  let pattern = p.path === '' ? '**' : p.path;
  const dirOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '') || '**';
  if (p.anchor === 'cwd' && !rule.specifier!.startsWith('./')) {
    const oneSegmentDir = /^[^/]+\/\*\*$/.test(pattern);
    if (!pattern.includes('/') || (oneSegmentDir && list !== 'allow')) pattern = `**/${pattern}`;
  }
  const rel = path.posix.relative(base, target);
  if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return false;
  if (rel === '') return pattern === '**';
  // picomatch's `dir/**` also matches `dir` itself, which is what Cd rules want (facts §3.6).
  const test = glob(pattern);
  const segs = rel.split('/');
  for (let k = 1; k <= segs.length; k++) {
    // The target of a file tool is a file: a folder-only pattern (`dir/`) can match only its folders.
    if (k === segs.length && dirOnly && !cd) break;
    if (test(segs.slice(0, k).join('/'))) return true;
  }
  return false;
}

/**
 * WebFetch domains (facts §3.6): case-insensitive, trailing dot ignored; `*.example.com` matches
 * subdomains at any depth but not example.com; `*` anywhere else stays within one label; `*` alone matches all.
 */
function domainMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  const labels = host.split('.');
  let rest = pattern;
  let subdomains = false;
  if (rest.startsWith('*.')) {
    subdomains = true;
    rest = rest.slice(2);
  }
  const want = rest.split('.');
  if (subdomains ? labels.length <= want.length : labels.length !== want.length) return false;
  const tail = labels.slice(labels.length - want.length);
  return want.every((w, i) => (w.includes('*') ? globTest(w, '[^.]*')(tail[i]!) : w === tail[i]));
}

function globTest(g: string, star = '[\\s\\S]*'): (s: string) => boolean {
  const key = `g:${star}:${g}`;
  let re = regexes.get(key);
  if (!re) {
    re = new RegExp('^' + g.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(star) + '$');
    regexes.set(key, re);
  }
  const r = re;
  return (s) => r.test(s);
}

function toolMatches(rule: PermissionRule, use: ToolUse): boolean {
  return canonicalToolName(rule.tool) === use.tool || rule.tool === use.tool;
}
