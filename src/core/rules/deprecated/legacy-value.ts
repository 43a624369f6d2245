/**
 * deprecated/legacy-value: values the schema accepts but marks x-enum-deprecated: undocumented
 * (`permissions.defaultMode: "delegate"`) or an alias with a canonical spelling (`"manual"`, fixed to
 * `"default"` as keys.json says, since older versions reject the alias).
 */

import { replaceValue } from '../../fix/edits';
import { pointerLabel } from '../../text/preview';
import type { Rule } from '../rule';
import keys from './keys.json';
import { legacyValuePaths, valueAt } from './schema-notes';

const FIXES: Readonly<Record<string, Readonly<Record<string, string>>>> = keys.legacyValueFixes;

export const legacyValue: Rule = {
  id: 'deprecated/legacy-value',
  meta: {
    description: 'Accepted but undocumented or alias values, such as permissions.defaultMode "delegate" or "manual".',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const { pointer, segments, notes, documented } of legacyValuePaths()) {
      const value = valueAt(ctx.file.value, segments);
      if (typeof value !== 'string' || !Object.prototype.hasOwnProperty.call(notes, value)) continue;
      const replacement = FIXES[pointer]?.[value];
      const note = notes[value]!.replace(/\.$/, '');
      const instead = replacement
        ? ''
        : ` Use ${documented.length === 1 ? '' : 'one of '}${documented.map((v) => JSON.stringify(v)).join(', ')}.`;
      ctx.report({
        pointer,
        message: `${pointerLabel(pointer)} is ${JSON.stringify(value)}: ${note.charAt(0).toLowerCase()}${note.slice(1)}.${instead}`,
        fix: replacement ? replaceValue(ctx.file, pointer, replacement) : undefined,
      });
    }
  },
};
