/**
 * permissions/conflict: the same rule in allow and in deny or ask (or in ask and deny). Claude Code checks
 * deny first, then ask, then allow, so the weaker copy never decides anything (facts §2.3). Equal forms
 * count as the same rule: `Bash(ls:*)` and `Bash(ls *)`, `Bash(*)` and `Bash`.
 */

import type { Rule } from '../rule';
import { permissionsView, ruleLabel, type ListedRule } from './permission-lists';
import { isUsable, meaningKey } from './rule-cover';
import type { RuleListName } from './rule-grammar';

/** For each list, the stronger lists that beat it. */
const STRONGER: Partial<Record<RuleListName, readonly RuleListName[]>> = { allow: ['deny', 'ask'], ask: ['deny'] };

const OUTCOME: Record<string, string> = {
  'allow>deny': 'the call is always denied and this allow never applies',
  'allow>ask': 'Claude Code always asks, and this allow never skips the prompt',
  'ask>deny': 'the call is always denied and this ask never prompts',
};

export const conflict: Rule = {
  id: 'permissions/conflict',
  meta: {
    description: 'The same rule in allow and in deny or ask (or in ask and deny): deny wins over ask, ask over allow, so the weaker copy is dead.',
    severity: 'warning',
  },
  check(ctx) {
    const view = permissionsView(ctx.file);
    const byKey = new Map<string, ListedRule>();
    for (const list of ['deny', 'ask'] as const) {
      for (const entry of view.byList[list]) {
        if (!isUsable(entry.rule)) continue;
        const key = `${list}\0${meaningKey(entry.rule)}`;
        if (!byKey.has(key)) byKey.set(key, entry);
      }
    }
    if (byKey.size === 0) return;
    for (const list of ['allow', 'ask'] as const) {
      for (const entry of view.byList[list]) {
        if (!isUsable(entry.rule)) continue;
        for (const stronger of STRONGER[list]!) {
          const other = byKey.get(`${stronger}\0${meaningKey(entry.rule)}`);
          if (!other) continue;
          const same = other.rule.text === entry.rule.text ? 'is also' : `means the same as ${ruleLabel(other.rule.text)}`;
          ctx.report({
            pointer: entry.pointer,
            message: `${ruleLabel(entry.rule.text)} ${same} in permissions.${stronger}[${other.index}]. Claude Code checks deny, then ask, then allow: ${OUTCOME[`${list}>${stronger}`]}. Remove it from one of the lists.`,
          });
          break;
        }
      }
    }
  },
};
