/**
 * Removing one property or array element as a single text edit that touches nothing else: the member goes
 * with the comma and spacing that separated it from its neighbour, so a compact one-line object stays on one
 * line. (jsonc-parser's `modify`, behind fix/edits.ts `remove`, re-formats the neighbouring members.)
 */

import type { TextEdit } from '../../diagnostic';
import { nodeAtPointer, pointerSegments, pointerFrom, type JsonNode } from '../../source';

export function removeMember(target: { tree: JsonNode }, pointer: string): TextEdit | undefined {
  const segs = pointerSegments(pointer);
  const last = segs.pop();
  if (last === undefined) return undefined;
  const parent = nodeAtPointer(target.tree, pointerFrom(segs));
  if (!parent.exact || !parent.node.children) return undefined;
  const members = parent.node.children;
  let index: number;
  if (parent.node.type === 'object') {
    const same = members.filter((m) => m.children?.[0]?.value === last);
    // With a duplicate key, removing one copy would bring the other back into force.
    if (same.length !== 1) return undefined;
    index = members.indexOf(same[0]!);
  } else if (parent.node.type === 'array' && /^\d+$/.test(last)) {
    index = Number(last);
    if (index >= members.length) return undefined;
  } else return undefined;
  const member = members[index]!;
  const next = members[index + 1];
  const prev = members[index - 1];
  if (next) return { range: [member.offset, next.offset], text: '' };
  if (prev) return { range: [prev.offset + prev.length, member.offset + member.length], text: '' };
  // The only member: empty the brackets, whatever spacing was inside.
  return { range: [parent.node.offset + 1, parent.node.offset + parent.node.length - 1], text: '' };
}
