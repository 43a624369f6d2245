/**
 * permissions/never-applied: rules Claude Code reads but never uses the way they look (facts §3.1, §3.5,
 * §2.3): path rules for Write, NotebookEdit, MultiEdit and Glob (only Edit and Read rules are consulted);
 * single-slash paths that look absolute but start at the settings source; tool-name globs in allow that are
 * not anchored after mcp__<server>__ (skipped with a warning); and allow rules in a file that starts in
 * bypassPermissions mode, where allow rules have no effect. Warnings: the file still works.
 */

import type { FileRole } from '../../scope';
import type { Rule } from '../rule';
import { own, permissionsView, ruleLabel } from './permission-lists';
import { SYNTAX_PROBLEMS, type PermissionRule } from './rule-grammar';

/** First path segments that only make sense at the filesystem root (`/etc/passwd`, `/Users/alice`). */
const SYSTEM_ROOTS = new Set([
  'Applications', 'Library', 'System', 'Users', 'Volumes', 'bin', 'boot', 'dev', 'etc', 'home', 'lib', 'media', 'mnt',
  'nix', 'opt', 'private', 'proc', 'root', 'run', 'sbin', 'snap', 'srv', 'sys', 'tmp', 'usr', 'var', 'Windows',
]);

/** Where a single-slash rule path starts, per kind of settings file (facts §3.5). */
function settingsRoot(role: FileRole): string {
  if (role.kind === 'tier-file') return '~/.claude when this file is used as user settings';
  switch (role.scope) {
    case 'project':
      return 'the project root';
    case 'local':
      return 'the directory Claude Code was started in';
    case 'user':
      return '~/.claude';
    case 'managed':
      return 'the location of this settings file';
  }
}

function looksAbsolute(rule: PermissionRule): boolean {
  const p = rule.path;
  if (!p || p.anchor !== 'settings') return false;
  if (p.path === '' || p.path === '*' || p.path === '**') return true;
  const [first, second] = p.path.split('/');
  if (SYSTEM_ROOTS.has(first!)) return true;
  return /^[A-Za-z]$/.test(first!) && (second === 'Users' || second === 'Windows' || second === 'Program Files');
}

const IGNORED_EFFECT = { allow: 'allows nothing', ask: 'never prompts', deny: 'blocks nothing' } as const;

export const neverApplied: Rule = {
  id: 'permissions/never-applied',
  meta: {
    description: 'Rules Claude Code never applies as written: Write/NotebookEdit/MultiEdit/Glob path rules, single-slash paths that look absolute, unanchored tool-name globs in allow, allow rules under bypassPermissions.',
    severity: 'warning',
  },
  check(ctx) {
    const view = permissionsView(ctx.file);
    for (const { list, pointer, rule } of view.rules) {
      if (rule.problems.some((p) => SYNTAX_PROBLEMS.has(p))) continue;
      const label = ruleLabel(rule.text);
      const use = rule.builtin?.pathRulesIgnored;
      if (use && rule.kind === 'path' && rule.specifier !== '*') {
        ctx.report({
          pointer,
          message: `${label}: Claude Code never consults ${rule.tool}(path) rules (file checks use only Edit and Read rules), so this ${list} rule ${IGNORED_EFFECT[list]}. Write ${ruleLabel(`${use}(${rule.specifier})`)}, which ${use === 'Edit' ? 'also covers Write and NotebookEdit' : 'also covers Glob and Grep'}.`,
        });
      } else if (looksAbsolute(rule)) {
        const spec = rule.specifier!;
        const whole = !rule.path!.path.includes('/') && !/^[A-Za-z]/.test(rule.path!.path);
        const instead = whole
          ? `write ${ruleLabel(`${rule.tool}(.${spec})`)} for the working directory (${ruleLabel(`${rule.tool}(/${spec})`)} would be the whole filesystem)`
          : `for the absolute path write ${ruleLabel(`${rule.tool}(/${spec})`)}`;
        ctx.report({
          pointer,
          message: `${label}: a path starting with a single "/" is relative to ${settingsRoot(ctx.file.role)}, not the filesystem root, so this ${list} rule does not cover ${JSON.stringify(spec)} as it seems to; ${instead}.`,
        });
      } else if (rule.problems.includes('unanchored-tool-glob')) {
        const every = rule.tool.startsWith('mcp__') ? 'every MCP tool' : 'every tool it matches';
        ctx.report({
          pointer,
          message: `${label}: allow rules accept a tool-name glob only after a literal mcp__<server>__ prefix; Claude Code skips this one with a warning (it would allow ${every}). Name the servers or tools to allow, such as "mcp__github__*".`,
        });
      }
    }
    const allow = view.object && own(view.object, 'allow');
    if (view.object && own(view.object, 'defaultMode') === 'bypassPermissions' && Array.isArray(allow) && allow.length > 0) {
      ctx.report({
        pointer: '/permissions/allow',
        at: 'key',
        message: 'These allow rules have no effect while this file\'s defaultMode "bypassPermissions" applies: in that mode every call no deny or ask rule names runs without asking anyway.',
      });
    }
  },
};
