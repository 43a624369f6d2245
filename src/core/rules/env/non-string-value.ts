/**
 * env/non-string-value: numbers, booleans, null, arrays or objects in env, where Claude Code takes strings
 * only. It replaces the schema's type report so it can fix what has one reading: a plain number becomes
 * its digits in quotes, a boolean its word, unless the word would flip a presence flag's meaning
 * (`DISABLE_TELEMETRY: false` as "false" would turn telemetry off).
 */

import { replaceValue } from '../../fix/edits';
import { nodeAtPointer } from '../../source';
import { typeName } from '../../text/preview';
import type { Rule, RuleContext } from '../rule';
import { envEntries, envPointer, knownVariables, PRESENCE_FLAGS } from './variables';

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The string that means what the author wrote, or undefined when there is no single reading. */
function asString(ctx: RuleContext, name: string, value: unknown, pointer: string): string | undefined {
  if (typeof value === 'number') {
    const { node, exact } = nodeAtPointer(ctx.file.tree, pointer);
    const raw = exact ? ctx.file.text.slice(node.offset, node.offset + node.length) : '';
    return PLAIN_NUMBER.test(raw) ? raw : undefined;
  }
  if (typeof value !== 'boolean') return undefined;
  if (value) return 'true';
  if (Object.prototype.hasOwnProperty.call(PRESENCE_FLAGS, name)) return undefined;
  // A documented variable that is not an on/off flag has no "false" reading to keep.
  const known = knownVariables().get(name);
  return !known || known.$ref === '#/$defs/envFlag' ? 'false' : undefined;
}

export const nonStringValue: Rule = {
  id: 'env/non-string-value',
  meta: {
    description: 'env values that are not strings (numbers, booleans, null): Claude Code requires strings and rejects the file.',
    severity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const [name, value] of envEntries(ctx.file.value)) {
      if (typeof value === 'string') continue;
      const pointer = envPointer(name);
      const written = asString(ctx, name, value, pointer);
      const what = typeof value === 'number' || typeof value === 'boolean' ? `the ${typeof value} ${String(value)}` : typeName(value);
      let advice: string;
      if (written !== undefined) advice = `Write it as ${JSON.stringify(written)}.`;
      else if (value === false && Object.prototype.hasOwnProperty.call(PRESENCE_FLAGS, name)) {
        advice = `To leave the flag unset, remove the variable: any non-empty string, "false" included, ${PRESENCE_FLAGS[name]}.`;
      } else if (value === null) advice = 'Write "" to cancel a value inherited from the shell, or remove the variable.';
      else advice = 'Write the value as a string.';
      ctx.report({
        pointer,
        replaces: ['schema/invalid-type'],
        message: `env.${name} is ${what}, but every env value must be a string; Claude Code rejects the settings file otherwise. ${advice}`,
        fix: written !== undefined ? replaceValue(ctx.file, pointer, written) : undefined,
      });
    }
  },
};
