/**
 * permissions/shadowed: an allow rule that a broader deny or ask rule in the same file always beats (allow
 * `Bash(git push origin main)` under deny `Bash(git push *)`), or an ask rule a broader deny beats. A broad
 * deny cannot carry exceptions (facts §2.3). Reported only when the coverage is certain (rule-cover.ts);
 * identical rules are permissions/conflict's.
 */

import type { Rule } from '../rule';
import { permissionsView, ruleLabel, type ListedRule } from './permission-lists';
import { covers, isUsable, meaningKey, toolBucket } from './rule-cover';

const OUTCOME = {
  deny: 'every call it matches is denied',
  ask: 'Claude Code asks before every call it matches',
} as const;

/** Usable rules grouped by tool bucket, deny before ask, file order within each. */
function byBucket(entries: readonly ListedRule[]): Map<string, ListedRule[]> {
  const out = new Map<string, ListedRule[]>();
  for (const e of entries) {
    if (!isUsable(e.rule)) continue;
    const bucket = toolBucket(e.rule);
    const list = out.get(bucket);
    if (list) list.push(e);
    else out.set(bucket, [e]);
  }
  return out;
}

export const shadowed: Rule = {
  id: 'permissions/shadowed',
  meta: {
    description: 'Allow (or ask) rules that a broader deny (or ask) rule always beats: deny rules take no exceptions.',
    severity: 'warning',
  },
  check(ctx) {
    const view = permissionsView(ctx.file);
    const stronger = {
      allow: byBucket([...view.byList.deny, ...view.byList.ask]),
      ask: byBucket(view.byList.deny),
    };
    for (const list of ['allow', 'ask'] as const) {
      if (stronger[list].size === 0) continue;
      for (const entry of view.byList[list]) {
        if (!isUsable(entry.rule)) continue;
        const candidates = [...(stronger[list].get(toolBucket(entry.rule)) ?? []), ...(stronger[list].get('*') ?? [])];
        const key = meaningKey(entry.rule);
        // A stronger rule with the same meaning is a conflict, reported by permissions/conflict.
        if (candidates.some((s) => meaningKey(s.rule) === key)) continue;
        const winner =
          candidates.find((s) => s.list === 'deny' && covers(s.rule, entry.rule)) ?? candidates.find((s) => s.list === 'ask' && covers(s.rule, entry.rule));
        if (!winner) continue;
        ctx.report({
          pointer: entry.pointer,
          message: `${ruleLabel(entry.rule.text)} can never ${list === 'allow' ? 'allow anything' : 'prompt'}: ${ruleLabel(winner.rule.text)} in permissions.${winner.list}[${winner.index}] covers it, so ${OUTCOME[winner.list as 'deny' | 'ask']}. Narrow that ${winner.list} rule or remove this one.`,
        });
      }
    }
  },
};
