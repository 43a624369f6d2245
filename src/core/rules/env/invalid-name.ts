/**
 * env/invalid-name: names outside the env-variable grammar. It replaces the schema's propertyNames report
 * with one that says what to write, and renames the key when the upper-case spelling is a Claude Code
 * variable (`anthropic_model` -> ANTHROPIC_MODEL).
 */

import { renameKey } from '../../fix/edits';
import type { Rule } from '../rule';
import { envEntries, envPointer, hasVariable, knownVariables, NAME_GRAMMAR } from './variables';

function spelledRight(name: string): string {
  const upper = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

function advice(better: string, isKnown: boolean, free: boolean): string {
  if (better.length <= 1) return 'Rename it.';
  if (!free) return `${better} is already set in this file; remove this one.`;
  return isKnown ? `Did you mean the Claude Code variable ${better}?` : `Write it as ${better}.`;
}

export const invalidName: Rule = {
  id: 'env/invalid-name',
  meta: {
    description: 'env names outside upper-case letters, digits and underscores, which the settings schema rejects.',
    severity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const [name] of envEntries(ctx.file.value)) {
      if (NAME_GRAMMAR.test(name)) continue;
      const pointer = envPointer(name);
      const better = spelledRight(name);
      const isKnown = knownVariables().has(better);
      const free = better.length > 1 && !hasVariable(ctx.file.value, better);
      ctx.report({
        pointer,
        at: 'key',
        replaces: ['schema/invalid-value'],
        message:
          `${JSON.stringify(name)} is not a valid env variable name: names must be upper-case letters, digits and underscores, ` +
          `not starting with a digit; the settings schema rejects any other name, so Claude Code may refuse the whole file. ` +
          advice(better, isKnown, free),
        fix: isKnown && free ? renameKey(ctx.file, pointer, better) : undefined,
      });
    }
  },
};
