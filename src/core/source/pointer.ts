/** JSON Pointers (RFC 6901) over the position-keeping tree. */

import type { JsonNode } from './parse';

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerFrom(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The property node (key + value) that holds `key` in an object; the last one wins, as in JSON.parse. */
export function propertyNode(object: JsonNode, key: string): JsonNode | undefined {
  if (object.type !== 'object' || !object.children) return undefined;
  for (let i = object.children.length - 1; i >= 0; i--) {
    const prop = object.children[i]!;
    if (prop.children?.[0]?.value === key) return prop;
  }
  return undefined;
}

/** The value node at `pointer`, or the deepest existing ancestor when the path goes further than the tree. */
export function nodeAtPointer(root: JsonNode, pointer: string): { node: JsonNode; exact: boolean } {
  let node = root;
  for (const seg of pointerSegments(pointer)) {
    let next: JsonNode | undefined;
    if (node.type === 'object') next = propertyNode(node, seg)?.children?.[1];
    else if (node.type === 'array' && /^\d+$/.test(seg)) next = node.children?.[Number(seg)];
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** The key node of the property at `pointer` (for "unknown key" reports), falling back to the value. */
export function keyNodeAtPointer(root: JsonNode, pointer: string): JsonNode {
  const segs = pointerSegments(pointer);
  const key = segs.pop();
  const parent = nodeAtPointer(root, pointerFrom(segs));
  if (key !== undefined && parent.exact && parent.node.type === 'object') {
    const prop = propertyNode(parent.node, key);
    if (prop?.children?.[0]) return prop.children[0];
  }
  return nodeAtPointer(root, pointer).node;
}
