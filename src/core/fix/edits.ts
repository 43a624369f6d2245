/**
 * Building fixes: each is one text edit on the original text that keeps the file's own formatting and
 * key order. jsonc-parser's `modify` computes insertions and removals (commas and indentation included);
 * its edits are merged into the single covering edit a diagnostic carries.
 */

import { modify, type Edit, type JSONPath } from 'jsonc-parser';
import type { TextEdit } from '../diagnostic';
import { keyNodeAtPointer, nodeAtPointer, pointerSegments, type JsonNode } from '../source';

export interface FixTarget {
  text: string;
  tree: JsonNode;
}

function jsonPath(pointer: string): JSONPath {
  return pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Indentation the file already uses (two spaces when it cannot tell). */
function detectIndent(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return { insertSpaces: true, tabSize: 2 };
  if (m[1]!.startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: m[1]!.length };
}

function merge(text: string, edits: Edit[]): TextEdit | undefined {
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  let slice = text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    const s = e.offset - start;
    slice = slice.slice(0, s) + e.content + slice.slice(s + e.length);
  }
  return { range: [start, end], text: slice };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Sets the value at `pointer` (adding the property if missing); `undefined` removes it. */
export function setValue(target: FixTarget, pointer: string, value: unknown): TextEdit | undefined {
  const { insertSpaces, tabSize } = detectIndent(target.text);
  const edits = modify(target.text, jsonPath(pointer), value, {
    formattingOptions: { insertSpaces, tabSize, eol: eol(target.text) },
  });
  return merge(target.text, edits);
}

/**
 * Removes the property or array element at `pointer`, with the comma that separated it from a neighbour.
 * (jsonc-parser's own removal miscounts the last element of a one-line array.)
 */
export function remove(target: FixTarget, pointer: string): TextEdit | undefined {
  const segs = pointerSegments(pointer);
  const last = segs.pop();
  if (last === undefined) return undefined;
  const parent = nodeAtPointer(target.tree, segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join(''));
  if (!parent.exact || !parent.node.children) return undefined;
  const items = parent.node.children;
  const index =
    parent.node.type === 'array' ? Number(last) : items.map((p) => p.children?.[0]?.value).lastIndexOf(last);
  const item = items[index];
  if (!item || !Number.isInteger(index)) return undefined;
  const end = item.offset + item.length;
  if (index > 0) {
    const prev = items[index - 1]!;
    return { range: [prev.offset + prev.length, end], text: '' };
  }
  const next = items[index + 1];
  if (next) return { range: [item.offset, next.offset], text: '' };
  return { range: [item.offset, end], text: '' };
}

/** Replaces just the value's text at `pointer` with `value` as JSON, leaving everything around it alone. */
export function replaceValue(target: FixTarget, pointer: string, value: unknown): TextEdit | undefined {
  const found = nodeAtPointer(target.tree, pointer);
  if (!found.exact) return undefined;
  return { range: [found.node.offset, found.node.offset + found.node.length], text: JSON.stringify(value) };
}

/** Renames the property at `pointer` in place, keeping its value and position. */
export function renameKey(target: FixTarget, pointer: string, newKey: string): TextEdit | undefined {
  const key = keyNodeAtPointer(target.tree, pointer);
  if (key.type !== 'string') return undefined;
  return { range: [key.offset, key.offset + key.length], text: JSON.stringify(newKey) };
}
