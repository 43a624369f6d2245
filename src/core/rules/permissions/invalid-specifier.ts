/**
 * permissions/invalid-specifier: the part in parentheses does not fit the tool. An error where Claude Code
 * skips the rule (`:*` in the middle, a parameter rule on a command or path field); a warning where the rule
 * is read but cannot match what it seems to say (WebFetch without `domain:`, a specifier on a tool that takes
 * none, a parameter rule in allow, parentheses after an MCP name, a Windows path).
 */

import type { Report, Rule } from '../rule';
import { permissionsView, ruleLabel, type ListedRule } from './permission-lists';
import { SYNTAX_PROBLEMS, type PermissionRule } from './rule-grammar';

const READ_AS: Partial<Record<string, string>> = {
  command: 'a command pattern',
  path: 'a path',
  cd: 'a path',
  agent: 'a subagent name',
  skill: 'a skill name',
  domain: 'a WebFetch specifier without domain:',
};

/** The host of a URL-looking specifier (`https://example.com/x`), for a suggestion. */
function hostOf(spec: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?(?:[/?#].*)?$/i.exec(spec.replace(/^domain:/, ''));
  return m?.[1]?.toLowerCase();
}

function describe(entry: ListedRule): Report[] {
  const { rule, pointer, list } = entry;
  const label = ruleLabel(rule.text);
  const out: Report[] = [];
  const say = (message: string, severity: 'error' | 'warning'): void => void out.push({ pointer, message, severity });
  const spec = rule.specifier ?? '';
  for (const problem of rule.problems) {
    switch (problem) {
      case 'colon-star-not-at-end':
        say(
          `${label}: ":*" is a wildcard only at the very end of a pattern; anywhere else Claude Code skips the whole rule with a warning. Write ${ruleLabel(`${rule.tool}(${spec.replace(/:\*(?!$)/g, ' *')})`)} instead.`,
          'error',
        );
        break;
      case 'parameter-on-primary-field': {
        const p = rule.param!;
        const instead = rule.builtin?.form === 'domain' && hostOf(p.value) ? `${rule.tool}(domain:${hostOf(p.value)})` : `${rule.tool}(${p.value})`;
        say(
          `${label}: parameter rules cannot match "${p.name}", the ${rule.tool} call's main content, so Claude Code ignores this ${list} rule. Write ${ruleLabel(instead)} instead.`,
          'error',
        );
        break;
      }
      case 'parameter-in-allow': {
        const as = READ_AS[rule.builtin?.form ?? ''];
        say(
          `${label}: parameter rules (Tool(param:value)) work only in deny and ask lists; ${as ? `an allow rule reads "${spec}" as ${as}, which is not what this says` : `in allow, ${rule.tool} takes no specifier`}. Move it to ask or deny, or allow the tool with its own syntax.`,
          'warning',
        );
        break;
      }
      case 'specifier-not-taken':
        say(`${label}: ${rule.tool} takes no specifier, so the part in parentheses does not narrow anything. Write "${rule.tool}" to match every use of the tool.`, 'warning');
        break;
      case 'domain-missing': {
        const host = hostOf(spec);
        const instead = spec === '*' ? '"WebFetch" (every site)' : host ? ruleLabel(`WebFetch(domain:${host})`) : 'WebFetch(domain:example.com)';
        say(`${label}: WebFetch rules match the host as "domain:<host>"; this form matches no request. Write ${instead}.`, 'warning');
        break;
      }
      case 'domain-invalid': {
        const host = hostOf(spec);
        if (rule.builtin?.form === 'host') {
          say(`${label}: ${rule.tool} takes a bare host name (no scheme, path or spaces), so this matches no site. Write ${ruleLabel(`${rule.tool}(${host ?? 'example.com'})`)}.`, 'warning');
          break;
        }
        say(
          `${label}: "domain:" takes a bare host name (no scheme, path, port or spaces), so this matches no request. Write ${host ? ruleLabel(`WebFetch(domain:${host})`) : 'WebFetch(domain:example.com)'}.`,
          'warning',
        );
        break;
      }
      case 'mcp-specifier':
        say(
          list === 'allow'
            ? `${label}: MCP allow rules take no parentheses; name the tool instead, as mcp__<server>__<tool> (or mcp__<server> for every tool of the server).`
            : `${label}: MCP rules have no specifier syntax; in deny and ask, parentheses hold a parameter rule of one tool: mcp__<server>__<tool>(param:value).`,
          'warning',
        );
        break;
      case 'glob-tool-with-specifier':
        say(`${label}: a tool-name glob cannot take a specifier; write the glob alone or name one tool.`, 'warning');
        break;
      case 'windows-path':
        say(
          `${label}: path rules use POSIX paths; Claude Code turns C:\\Users\\x into /c/Users/x before matching, so write ${ruleLabel(`${rule.tool}(//${windowsToPosix(spec)})`)}.`,
          'warning',
        );
        break;
      default:
        break;
    }
  }
  return out;
}

function windowsToPosix(spec: string): string {
  return spec[0]!.toLowerCase() + spec.slice(2).replace(/\\/g, '/');
}

function skip(rule: PermissionRule): boolean {
  return rule.problems.some((p) => SYNTAX_PROBLEMS.has(p)) || (!rule.builtin && !rule.mcp && !rule.toolIsGlob);
}

export const invalidSpecifier: Rule = {
  id: 'permissions/invalid-specifier',
  meta: {
    description: 'Specifiers that do not fit the tool: ":*" before the end, parameter rules on a command or path, WebFetch without "domain:", a specifier on a tool that takes none, parentheses after an MCP name.',
    severity: 'error',
  },
  check(ctx) {
    for (const entry of permissionsView(ctx.file).rules) {
      if (entry.rule.problems.length === 0 || skip(entry.rule)) continue;
      for (const report of describe(entry)) ctx.report(report);
    }
  },
};
