import type { Scope } from '../../scope';
import { annotationAt } from '../../schema/shape';
import { pointerFrom } from '../../source';
import { pointerLabel, valuePreview } from '../../text/preview';
import type { Rule, RuleContext } from '../rule';
import ignoredValues from './ignored-values.json';
import { scopeTree, type LimitedScope, type ScopeTree } from './scope-table';
import { isTeamTierFile } from './tier-file-keys';

interface IgnoredValue {
  path: string[];
  equals?: unknown;
  startsWith?: string;
  ignoredIn: Scope[];
  why: string;
  instead: string;
}

const IGNORED_VALUES = ignoredValues.values as IgnoredValue[];

/** Which file scopes honour a key with this x-scope. */
const HONOURED_IN: Record<LimitedScope, readonly Scope[]> = {
  managed: ['managed'],
  'user-managed': ['user', 'managed'],
  'not-project': ['user', 'local', 'managed'],
};

/**
 * Keys and values Claude Code ignores in this kind of file: managed-only keys outside managed settings,
 * user-only keys in a repository's files, keys the shared project file cannot set; where each key is
 * honoured comes from the schema's x-scope. Keys no settings file can set (global-config, removed) are
 * deprecated/*'s, and env variables env/*'s.
 */
export const noEffect: Rule = {
  id: 'scopes/no-effect',
  meta: {
    description: 'Keys and values that have no effect in this file: managed-only keys outside managed settings, user-only keys in project or local files, and the like (from the schema\'s x-scope).',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    // A team's tier file is not read by Claude Code at all: scopes/tier-file-keys says so, once.
    if (ctx.file.role.kind === 'tier-file' && (root === null || typeof root !== 'object' || isTeamTierFile(ctx.file.path, root))) return;
    walk(ctx, root, scopeTree(), []);
    for (const rule of IGNORED_VALUES) {
      if (!rule.ignoredIn.includes(ctx.file.role.scope)) continue;
      for (const [segments, value] of valuesAt(root, rule.path)) {
        const hit = rule.startsWith !== undefined ? typeof value === 'string' && value.startsWith(rule.startsWith) : value === rule.equals;
        if (!hit) continue;
        const pointer = pointerFrom(segments);
        ctx.report({
          pointer,
          message: `${pointerLabel(pointer)}: ${valuePreview(value)} has no effect in ${where(ctx)}: ${rule.why}. To use it, ${rule.instead}.`,
        });
      }
    }
  },
};

function walk(ctx: RuleContext, value: unknown, tree: ScopeTree, segments: Array<string | number>): void {
  if (value === null || typeof value !== 'object') return;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const sub = (typeof key === 'string' ? tree.children.get(key) : undefined) ?? tree.any;
    if (!sub) continue;
    const path = [...segments, key];
    if (sub.scope) report(ctx, path, sub.scope);
    else walk(ctx, child, sub, path);
  }
}

function report(ctx: RuleContext, segments: Array<string | number>, staticScope: LimitedScope): void {
  const { scope } = ctx.file.role;
  const pointer = pointerFrom(segments);
  // The table is built from the schema without the file's values; the annotation at the actual pointer decides.
  const actual = (annotationAt('settings', pointer, ctx.file.value, 'x-scope') as LimitedScope | 'any' | undefined) ?? staticScope;
  const honoured = HONOURED_IN[actual as LimitedScope];
  if (!honoured || honoured.includes(scope)) return;
  const key = JSON.stringify(pointerLabel(pointer));
  let message: string;
  switch (actual) {
    case 'managed':
      message = `${key} takes effect only in managed settings (managed-settings.json, an MDM profile or server-managed settings); Claude Code ignores it in ${where(ctx)}. Set it in managed settings, or remove it here.`;
      break;
    case 'user-managed':
      message = `${key} is read only from user settings (~/.claude/settings.json), managed settings and --settings; Claude Code ignores it in ${where(ctx)}, so that a cloned repository cannot set it. Move it to ~/.claude/settings.json.`;
      break;
    default:
      message = `${key} is ignored in the shared project file (.claude/settings.json). Put it in .claude/settings.local.json for yourself in this repository, or in ~/.claude/settings.json.`;
  }
  ctx.report({ pointer, at: 'key', message });
}

function where(ctx: RuleContext): string {
  if (ctx.file.role.kind === 'tier-file') return 'user settings (this claude_settings.json is linted as a copy of ~/.claude/settings.json)';
  switch (ctx.file.role.scope) {
    case 'project':
      return 'the shared project file (.claude/settings.json)';
    case 'local':
      return 'the local file (.claude/settings.local.json)';
    case 'user':
      return 'user settings';
    default:
      return 'managed settings';
  }
}

/** Every value at `path` ("*" = each array item), with its pointer segments. */
function valuesAt(root: unknown, path: readonly string[]): Array<[Array<string | number>, unknown]> {
  if (root === null || typeof root !== 'object' || !Object.prototype.hasOwnProperty.call(root, path[0]!)) return [];
  let current: Array<[Array<string | number>, unknown]> = [[[], root]];
  for (const seg of path) {
    const next: Array<[Array<string | number>, unknown]> = [];
    for (const [segs, v] of current) {
      if (seg === '*') {
        if (Array.isArray(v)) v.forEach((item, i) => next.push([[...segs, i], item]));
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, seg)) {
        next.push([[...segs, seg], (v as Record<string, unknown>)[seg]]);
      }
    }
    current = next;
  }
  return current;
}
