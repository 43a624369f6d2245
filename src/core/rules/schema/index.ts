/**
 * Schema failures are rules like any other, so a team can tune them: each rule reports the schema issues
 * of its own kind (the validation itself runs once per file, in the linter).
 */

import type { SchemaRuleId } from '../../schema/issues';
import type { Rule, RuleContext, RuleMeta } from '../rule';

function schemaRule(id: SchemaRuleId, meta: RuleMeta, severity?: (ctx: RuleContext) => RuleMeta['severity']): Rule {
  return {
    id,
    meta,
    check(ctx) {
      for (const issue of ctx.schemaIssues()) {
        if (issue.ruleId !== id) continue;
        ctx.report({ pointer: issue.pointer, at: issue.at, message: issue.message, severity: severity?.(ctx) });
      }
    },
  };
}

export const unknownKey = schemaRule(
  'schema/unknown-key',
  {
    description: 'Top-level keys Claude Code does not know. A warning, because Claude Code adds keys often; an error under --strict.',
    severity: 'warning',
  },
  (ctx) => (ctx.options.strict ? 'error' : 'warning'),
);

export const unknownProperty = schemaRule('schema/unknown-property', {
  description: 'Unknown keys inside objects Claude Code closes (permissions, hooks, sandbox, ...): Claude Code rejects the file or the entry.',
  severity: 'error',
});

export const invalidType = schemaRule('schema/invalid-type', {
  description: 'Values of the wrong JSON type, such as "30" where Claude Code needs the number 30.',
  severity: 'error',
});

export const invalidValue = schemaRule('schema/invalid-value', {
  description: 'Values outside what Claude Code accepts: enum values, malformed patterns, out-of-range numbers.',
  severity: 'error',
});

export const missingKey = schemaRule('schema/missing-key', {
  description: 'Required keys that are missing, such as "command" in a command hook.',
  severity: 'error',
});

export const schemaRules: readonly Rule[] = [unknownKey, unknownProperty, invalidType, invalidValue, missingKey];
