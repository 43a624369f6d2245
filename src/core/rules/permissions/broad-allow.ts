/**
 * permissions/broad-allow: allow rules that give away a whole tool or more than they seem to (facts §3.8).
 * Unrestricted or wide grants are errors in shared files (project, managed, the tier file) and warnings in
 * user and local files; prefixes that run arbitrary code (`Bash(python *)`, `Bash(git *)`) are a lesser
 * finding, a warning everywhere.
 */

import { pointerFrom } from '../../source';
import type { Rule } from '../rule';
import { audience, riskSeverity } from './audience';
import data from './broad-rules.json';
import { isPlainObject, own, permissionsView, ruleLabel } from './permission-lists';
import { parsePermissionRule, SKIPPED_PROBLEMS, type PermissionRule } from './rule-grammar';

interface PrefixRisk {
  level: 'unrestricted' | 'risky';
  why: string;
  instead: string;
}

const PREFIXES: ReadonlyMap<string, PrefixRisk> = new Map(
  data.commandPrefixes.flatMap((group) =>
    group.prefixes.map((p) => [p, { level: group.level as PrefixRisk['level'], why: group.why, instead: group.instead }] as const),
  ),
);
const WIDE_DIRECTORIES: ReadonlySet<string> = new Set(data.wideDirectories);
const SHELL_TOOLS = new Set(['Bash', 'Monitor', 'PowerShell']);
const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit']);

type Grant = { level: 'wide' | 'risky'; what: string; instead: string };

/** What an allow rule grants, when that is too much; undefined for an ordinary rule. */
export function broadGrant(rule: PermissionRule): Grant | undefined {
  const tool = rule.tool;
  if (SHELL_TOOLS.has(tool)) {
    const cmd = rule.command;
    if (rule.specifier === undefined || cmd?.matchesAll || (cmd?.legacyPrefix && cmd.pattern.trim() === '*')) {
      return { level: 'wide', what: `runs any ${tool === 'PowerShell' ? 'PowerShell' : 'shell'} command without asking`, instead: `allow the commands the project needs, such as ${tool}(npm run test *)` };
    }
    if (!cmd || cmd.wildcards !== 1 || !cmd.pattern.endsWith('*')) return undefined;
    const prefix = cmd.head.trim();
    const risk = PREFIXES.get(tool === 'PowerShell' ? prefix.toLowerCase() : prefix);
    if (!risk) return undefined;
    return {
      level: risk.level === 'unrestricted' ? 'wide' : 'risky',
      what: `allows every "${prefix} ..." command without asking, and ${risk.why}`,
      instead: risk.instead.replace(/\{tool\}/g, tool).replace(/\{prefix\}/g, prefix),
    };
  }
  if (EDIT_TOOLS.has(tool) && (rule.specifier === undefined || wholeDisk(rule))) {
    const where = rule.specifier === undefined ? 'any file it can reach, outside the project too' : rule.path!.anchor === 'home' ? 'any file in your home directory' : 'any file on the machine';
    return { level: 'wide', what: `lets Claude write ${where}, without asking`, instead: 'allow edits under the project, such as Edit(./src/**)' };
  }
  if (tool === 'WebFetch' && (rule.specifier === undefined || rule.domain === '*')) {
    return { level: 'wide', what: 'lets Claude fetch any URL without asking, which is how injected instructions send data out', instead: 'allow the sites needed, such as WebFetch(domain:docs.example.com)' };
  }
  if (tool === 'Read' && wholeDisk(rule)) {
    const where = rule.path!.anchor === 'home' ? 'every file in your home directory' : 'every file on the machine';
    return { level: 'wide', what: `lets Claude read ${where} without asking, ~/.ssh and ~/.aws included`, instead: 'allow the directories needed, such as Read(~/projects/shared/**)' };
  }
  return undefined;
}

/** `//**`, `~/**` and the like: the whole filesystem or the whole home directory. */
function wholeDisk(rule: PermissionRule): boolean {
  const p = rule.path;
  if (!p || (p.anchor !== 'root' && p.anchor !== 'home')) return false;
  return p.path === '' || p.path === '**' || p.path === '**/*';
}

/**
 * A top-level `allowedTools` list is not read by Claude Code (deprecated/misplaced-key says to move it to
 * permissions.allow), but moved as it stands, its whole-tool entries would hand over the tool: a warning now
 * rather than an error later.
 */
function latentGrants(root: unknown, report: (pointer: string, message: string) => void): void {
  if (!isPlainObject(root)) return;
  const tools = own(root, 'allowedTools');
  if (!Array.isArray(tools)) return;
  tools.forEach((text, i) => {
    if (typeof text !== 'string') return;
    const rule = parsePermissionRule(text, 'allow');
    const grant = rule.problems.some((p) => SKIPPED_PROBLEMS.has(p)) ? undefined : broadGrant(rule);
    if (grant?.level !== 'wide') return;
    report(
      pointerFrom(['allowedTools', i]),
      `${ruleLabel(text)} in allowedTools does nothing today (Claude Code reads permissions.allow), but moved there it ${grant.what}. Instead, ${grant.instead}.`,
    );
  });
}

export const broadAllow: Rule = {
  id: 'permissions/broad-allow',
  meta: {
    description: 'Allow rules that hand over a whole tool or far more than they look (Bash, Bash(*), WebFetch, Edit, Read(//**), Bash(sudo *)), and additionalDirectories opening / or ~.',
    severity: 'error',
  },
  check(ctx) {
    const view = permissionsView(ctx.file);
    const role = ctx.file.role;
    const why = audience(role);
    for (const { pointer, rule } of view.byList.allow) {
      if (rule.problems.some((p) => SKIPPED_PROBLEMS.has(p))) continue;
      const grant = broadGrant(rule);
      if (!grant) continue;
      ctx.report({
        pointer,
        message: `${ruleLabel(rule.text)} ${grant.what}; ${why}. Instead, ${grant.instead}.`,
        severity: grant.level === 'wide' ? riskSeverity(role) : 'warning',
      });
    }
    latentGrants(ctx.file.value, (pointer, message) => ctx.report({ pointer, message, severity: 'warning' }));
    const dirs = view.object && own(view.object, 'additionalDirectories');
    if (!Array.isArray(dirs)) return;
    dirs.forEach((dir, i) => {
      if (typeof dir !== 'string') return;
      const normal = dir.length > 1 ? dir.replace(/\/+$/, '') || '/' : dir;
      if (!WIDE_DIRECTORIES.has(normal) && !WIDE_DIRECTORIES.has(dir)) return;
      ctx.report({
        pointer: pointerFrom(['permissions', 'additionalDirectories', i]),
        message: `additionalDirectories entry ${JSON.stringify(dir)} makes ${/~|HOME/.test(dir) ? 'your whole home directory' : 'the whole filesystem'} readable without asking (and editable as the mode allows); ${why}. List the directories needed instead.`,
        severity: riskSeverity(role),
      });
    });
  },
};
