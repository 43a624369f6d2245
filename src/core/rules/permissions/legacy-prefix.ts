/**
 * permissions/legacy-prefix: `Bash(npm run test:*)` is the older spelling of `Bash(npm run test *)`.
 * Claude Code still reads it (only at the end of the pattern) and writes the space form itself now, so this
 * is a warning with a fix. About a third of the rules in real files use the old form.
 */

import { replaceValue } from '../../fix/edits';
import type { Rule } from '../rule';
import { holdsCredential, permissionsView, ruleLabel } from './permission-lists';
import { SYNTAX_PROBLEMS } from './rule-grammar';

/** Tools whose `:*` suffix the docs define as the legacy prefix form (facts §3.3). */
const DOCUMENTED = new Set(['Bash', 'Monitor']);

export const legacyPrefix: Rule = {
  id: 'permissions/legacy-prefix',
  meta: {
    description: 'The legacy ":*" suffix (Bash(npm run test:*)); the current form is a space and "*" (Bash(npm run test *)).',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const { pointer, rule } of permissionsView(ctx.file).rules) {
      const cmd = rule.command;
      if (!cmd?.legacyPrefix || rule.problems.some((p) => SYNTAX_PROBLEMS.has(p) || p === 'colon-star-not-at-end')) continue;
      const prefix = rule.specifier!.slice(0, -2);
      const modern = `${rule.tool}(${prefix} *)`;
      const label = ruleLabel(rule.text);
      if (prefix.trim() === '') {
        ctx.report({ pointer, message: `${label} uses the legacy ":*" suffix with nothing before it; write "${rule.tool}" if every command is meant.` });
      } else if (rule.problems.includes('colon-star-after-wildcard')) {
        ctx.report({
          pointer,
          message: `${label} ends in the legacy ":*" after an earlier "*", a combination reported not to match at all; write ${ruleLabel(modern)}.`,
        });
      } else if (!DOCUMENTED.has(rule.tool)) {
        ctx.report({
          pointer,
          message: `${label} uses the ":*" suffix, which Claude Code documents only for Bash rules; ${rule.tool} patterns use "*", so write ${ruleLabel(modern)}.`,
        });
      } else if (/\s$/.test(prefix)) {
        ctx.report({ pointer, message: `${label} uses the legacy ":*" suffix after a space; write ${ruleLabel(`${rule.tool}(${prefix.trimEnd()} *)`)}.` });
      } else {
        ctx.report({
          pointer,
          message: `${label} uses the legacy ":*" suffix; the current form, which means the same, is ${ruleLabel(modern)}.`,
          // A rule holding a credential is not rewritten: the fix would carry the credential into every output.
          fix: holdsCredential(rule.text) ? undefined : replaceValue(ctx.file, pointer, modern),
        });
      }
    }
  },
};
