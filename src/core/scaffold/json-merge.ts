/**
 * Merging what init proposes into a JSON file that already exists, as text edits that keep the file's own
 * formatting and key order: missing keys are added, union lists (permission rules) gain the entries they
 * lack, and every other value already there is kept unless `force` says to replace it. Running the same
 * merge on its own output changes nothing.
 */

import { modify } from 'jsonc-parser';
import type { TextEdit } from '../diagnostic';
import { applyEdits } from '../fix/apply';
import { setValue } from '../fix/edits';
import { nodeAtPointer, parseJson, pointerFrom, pointerSegments } from '../source';

export interface MergePolicy {
  /** Lists that combine as a union: entries are appended, none is removed or reordered. */
  isUnion(pointer: string): boolean;
  /** Objects that are one value (a team's set of tiers): added or replaced whole, never key by key. */
  isWhole(pointer: string): boolean;
  /** Replace values that differ from the proposal. */
  force: boolean;
}

export interface ValueChange {
  pointer: string;
  /** Absent for an added key. */
  current?: unknown;
  proposed: unknown;
}

export interface MergeResult {
  text: string;
  /** Keys that were missing. */
  added: ValueChange[];
  /** Entries appended to union lists (pointer: the list). */
  appended: ValueChange[];
  /** Values that differ and stay as they are (no force). */
  kept: ValueChange[];
  /** Values that differed and were replaced (force). */
  replaced: ValueChange[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function has(obj: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** JSON text with object keys sorted, so equal values compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return { insertSpaces: true, tabSize: 2 };
  return m[1]!.startsWith('\t') ? { insertSpaces: false, tabSize: 1 } : { insertSpaces: true, tabSize: m[1]!.length };
}

/** `$schema` goes first, where editors and readers expect it; jsonc-parser appends new keys at the end. */
function insertFirst(text: string, key: string, value: unknown): TextEdit | undefined {
  const edits = modify(text, [key], value, {
    formattingOptions: { ...indentOf(text), eol: text.includes('\r\n') ? '\r\n' : '\n' },
    getInsertionIndex: () => 0,
  });
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  let slice = text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    slice = slice.slice(0, e.offset - start) + e.content + slice.slice(e.offset - start + e.length);
  }
  return { range: [start, end], text: slice };
}

class Editor {
  constructor(public text: string) {}

  private tree() {
    const parsed = parseJson(this.text);
    if (!parsed.tree) throw new Error('merge: the text stopped being JSON');
    return parsed.tree;
  }

  apply(edit: TextEdit | undefined): void {
    if (edit) this.text = applyEdits(this.text, [edit]).text;
  }

  /** Adds a key the object does not have. */
  add(pointer: string, value: unknown): void {
    if (this.addProperty(pointer, value)) return;
    if (pointer === '/$schema') this.apply(insertFirst(this.text, '$schema', value));
    else this.apply(setValue({ text: this.text, tree: this.tree() }, pointer, value));
  }

  /** Replaces the value at `pointer` in place, laid out like its object (pretty when that spans lines). */
  replace(pointer: string, value: unknown): void {
    const segments = pointerSegments(pointer);
    const tree = this.tree();
    const found = nodeAtPointer(tree, pointer);
    const parent = nodeAtPointer(tree, pointerFrom(segments.slice(0, -1))).node;
    if (!found.exact) return this.add(pointer, value);
    const node = found.node;
    const multiline = parent.children?.length ? this.text.slice(parent.offset, parent.children[0]!.offset).includes('\n') : false;
    const lineStart = this.text.lastIndexOf('\n', node.offset - 1) + 1;
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart, node.offset))![0];
    this.apply({ range: [node.offset, node.offset + node.length], text: this.render(value, multiline, indent) });
  }

  private render(value: unknown, multiline: boolean, indent: string): string {
    if (!multiline) return JSON.stringify(value);
    const { insertSpaces, tabSize } = indentOf(this.text);
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    return JSON.stringify(value, null, insertSpaces ? ' '.repeat(tabSize) : '\t').replace(/\n/g, eol + indent);
  }

  /**
   * Adds a missing key beside the object's other keys, in their layout (one per line at their indentation,
   * or inline), touching nothing else: jsonc-parser would reformat the neighbouring lines. `$schema` goes
   * first, where editors and readers expect it; other keys go last. False when the object has no keys yet.
   */
  private addProperty(pointer: string, value: unknown): boolean {
    const segments = pointerSegments(pointer);
    const key = segments.pop()!;
    const found = nodeAtPointer(this.tree(), pointerFrom(segments));
    const object = found.node;
    if (!found.exact || object.type !== 'object' || !object.children?.length) return false;
    const props = object.children;
    const anchor = pointer === '/$schema' ? props[0]! : props[props.length - 1]!;
    const multiline = this.text.slice(object.offset, props[0]!.offset).includes('\n');
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    const lineStart = this.text.lastIndexOf('\n', anchor.offset - 1) + 1;
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart, anchor.offset))![0];
    const rendered = this.render(value, multiline, indent);
    const property = `${JSON.stringify(key)}: ${rendered}`;
    const sep = multiline ? eol + indent : ' ';
    if (anchor === props[0] && pointer === '/$schema') this.apply({ range: [anchor.offset, anchor.offset], text: `${property},${sep}` });
    else this.apply({ range: [anchor.offset + anchor.length, anchor.offset + anchor.length], text: `,${sep}${property}` });
    return true;
  }

  /**
   * Appends items to the list at `pointer` in the list's own layout: one per line at the last entry's
   * indentation when the list spans lines, inline when it is written on one line. jsonc-parser would
   * reformat the whole list.
   */
  append(pointer: string, items: readonly unknown[]): void {
    const found = nodeAtPointer(this.tree(), pointer);
    const list = found.node;
    if (!found.exact || list.type !== 'array' || !list.children?.length) {
      let index = found.exact ? (list.children?.length ?? 0) : 0;
      for (const item of items) this.add(pointerFrom([...pointerSegments(pointer), index++]), item);
      return;
    }
    const last = list.children[list.children.length - 1]!;
    const end = last.offset + last.length;
    const lineStart = this.text.lastIndexOf('\n', last.offset - 1) + 1;
    const multiline = this.text.slice(list.offset, last.offset).includes('\n');
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    const indent = /^[ \t]*/.exec(this.text.slice(lineStart, last.offset))![0];
    const first = list.children[0]!;
    const second = list.children[1];
    const gap = second ? this.text.slice(first.offset + first.length, second.offset).replace(/^\s*,/, '') : ' ';
    const sep = multiline ? eol + indent : gap.includes('\n') ? ' ' : gap;
    const inserted = items.map((item) => `,${sep}${JSON.stringify(item)}`).join('');
    this.apply({ range: [end, end], text: inserted });
  }
}

/**
 * Merges `proposed` into `text`, which must be a strict-JSON object (the caller checks). Keys are visited
 * in the proposal's order, so the additions appear in that order.
 */
export function mergeJsonText(text: string, proposed: Json, policy: MergePolicy): MergeResult {
  const editor = new Editor(text);
  const result: MergeResult = { text, added: [], appended: [], kept: [], replaced: [] };
  const walk = (current: Json, wanted: Json, segments: string[]): void => {
    for (const [key, value] of Object.entries(wanted)) {
      const path = [...segments, key];
      const pointer = pointerFrom(path);
      if (!has(current, key)) {
        editor.add(pointer, value);
        result.added.push({ pointer, proposed: value });
        continue;
      }
      const existing = current[key];
      if (isObject(existing) && isObject(value) && !policy.isWhole(pointer)) {
        walk(existing, value, path);
        continue;
      }
      if (Array.isArray(existing) && Array.isArray(value) && policy.isUnion(pointer)) {
        const present = new Set(existing.map(canonical));
        const missing: unknown[] = [];
        for (const item of value) {
          if (present.has(canonical(item))) continue;
          present.add(canonical(item));
          missing.push(item);
          result.appended.push({ pointer, proposed: item });
        }
        if (missing.length > 0) editor.append(pointer, missing);
        continue;
      }
      if (canonical(existing) === canonical(value)) continue;
      if (policy.force) {
        editor.replace(pointer, value);
        result.replaced.push({ pointer, current: existing, proposed: value });
      } else {
        result.kept.push({ pointer, current: existing, proposed: value });
      }
    }
  };
  const root = JSON.parse(text) as unknown;
  if (!isObject(root)) throw new Error('merge: the existing text is not a JSON object');
  walk(root, proposed, []);
  result.text = editor.text;
  return result;
}

/** The value at `pointer` in a parsed document, if there is one. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointerSegments(pointer)) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) node = node[Number(seg)];
    else if (isObject(node) && has(node, seg)) node = node[seg];
    else return undefined;
  }
  return node;
}
