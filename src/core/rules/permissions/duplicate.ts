/**
 * permissions/duplicate: the same string twice in one list (allow, ask, deny or additionalDirectories).
 * The later copy changes nothing, so the fix removes it; equal rules written differently are left to
 * permissions/legacy-prefix, whose fix makes them identical.
 */

import type { TextEdit } from '../../diagnostic';
import { nodeAtPointer, pointerFrom, type JsonNode } from '../../source';
import type { Rule } from '../rule';
import { own, permissionsView, ruleLabel } from './permission-lists';

const LISTS = ['allow', 'ask', 'deny', 'additionalDirectories'] as const;

/**
 * Deletes element `index` (never the first) with the separator before it: from the end of the previous
 * element to the end of this one, so the rest of the line and the file's layout stay as they were.
 * (fix/edits.ts `remove` reformats the array through jsonc-parser, which breaks one-line arrays.)
 */
function removeLaterElement(tree: JsonNode, list: string, index: number): TextEdit | undefined {
  const found = nodeAtPointer(tree, pointerFrom(['permissions', list]));
  const items = found.exact && found.node.type === 'array' ? found.node.children : undefined;
  const prev = items?.[index - 1];
  const cur = items?.[index];
  if (!prev || !cur) return undefined;
  return { range: [prev.offset + prev.length, cur.offset + cur.length], text: '' };
}

export const duplicate: Rule = {
  id: 'permissions/duplicate',
  meta: {
    description: 'The same rule (or directory) twice in one permissions list; the fix removes the later copy.',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const object = permissionsView(ctx.file).object;
    if (!object) return;
    for (const list of LISTS) {
      const entries = own(object, list);
      if (!Array.isArray(entries)) continue;
      const first = new Map<string, number>();
      entries.forEach((entry, index) => {
        if (typeof entry !== 'string') return;
        const earlier = first.get(entry);
        if (earlier === undefined) {
          first.set(entry, index);
          return;
        }
        const pointer = pointerFrom(['permissions', list, index]);
        ctx.report({
          pointer,
          message: `${ruleLabel(entry)} is already in permissions.${list}[${earlier}]; this copy changes nothing. Remove it.`,
          fix: removeLaterElement(ctx.file.tree, list, index),
        });
      });
    }
  },
};
