import type { Rule } from '../rule';
import { toolMatcherProblem, valueMatcherProblem } from './matcher';
import { groupEntries, isObject, MATCHER_SUBJECTS, own } from './walk';

/**
 * Matchers that silently fail: a lowercase tool name, an MCP server without `__.*`, a permission rule
 * where only the tool name is tested, an invalid regex, a regex that also catches other tools, a tool name
 * on an event whose matcher tests something else. Claude Code never says so; the hook just never runs.
 */
export const matcherNeverMatches: Rule = {
  id: 'hooks/matcher-never-matches',
  meta: {
    description: 'Matchers that can never match what they name (case, MCP server names, permission-rule syntax, invalid regexes) or that match more than they say.',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    const minVersion = isObject(root) ? own(root, 'requiredMinimumVersion') : undefined;
    for (const g of groupEntries(root)) {
      const matcher = own(g.group, 'matcher');
      if (typeof matcher !== 'string') continue;
      const { matcher: kind } = g.info;
      const message =
        kind === 'tool'
          ? toolMatcherProblem(matcher, typeof minVersion === 'string' ? minVersion : undefined)
          : Array.isArray(kind)
            ? valueMatcherProblem(g.event, MATCHER_SUBJECTS[g.event] ?? 'a fixed set of values', kind, matcher)
            : undefined;
      if (message) ctx.report({ pointer: `${g.pointer}/matcher`, message });
    }
  },
};
