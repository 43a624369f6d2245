/**
 * Fixes on whole properties, each a single text edit that touches nothing else: swapping one property for
 * another in place (`"includeCoAuthoredBy": false` -> `"attribution": { "commit": "", "pr": "" }`), laid out
 * like the file (nested lines with its indentation and line endings, or one line when the property shares
 * its line), and removing one property with its comma and line, leaving its siblings as they were.
 */

import type { TextEdit } from '../../diagnostic';
import { keyNodeAtPointer, nodeAtPointer, pointerFrom, pointerSegments, type JsonNode } from '../../source';

function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? (m[1]!.startsWith('\t') ? '\t' : m[1]!) : '  ';
}

function layout(value: unknown, indent: string, unit: string, eol: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value);
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const inner = indent + unit;
  const lines = entries.map(([k, v]) => `${inner}${k === undefined ? '' : `${JSON.stringify(k)}: `}${layout(v, inner, unit, eol)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}${eol}${lines.join(`,${eol}`)}${eol}${indent}${close}`;
}

/** One line: `{ "commit": "", "pr": "" }` in files that space their colons, `{"commit":"","pr":""}` in minified ones. */
function inline(value: unknown, spaced: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const sep = spaced ? ', ' : ',';
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, spaced)).join(sep)}]`;
  const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${spaced ? ' ' : ''}${inline(v, spaced)}`);
  if (parts.length === 0) return '{}';
  return spaced ? `{ ${parts.join(sep)} }` : `{${parts.join(sep)}}`;
}

export function replaceProperty(file: { text: string; tree: JsonNode }, pointer: string, key: string, value: unknown): TextEdit | undefined {
  const keyNode = keyNodeAtPointer(file.tree, pointer);
  const found = nodeAtPointer(file.tree, pointer);
  if (!found.exact || keyNode.type !== 'string' || keyNode === found.node) return undefined;
  const { text } = file;
  const lineStart = text.lastIndexOf('\n', keyNode.offset - 1) + 1;
  const before = text.slice(lineStart, keyNode.offset);
  const spaced = /:\s/.test(text.slice(keyNode.offset + keyNode.length, found.node.offset));
  const rendered = /^[ \t]*$/.test(before)
    ? layout(value, before, indentUnit(text), text.includes('\r\n') ? '\r\n' : '\n')
    : inline(value, spaced);
  return { range: [keyNode.offset, found.node.offset + found.node.length], text: `${JSON.stringify(key)}:${spaced ? ' ' : ''}${rendered}` };
}

/** Where the line holding `offset` starts, and whether only blanks precede `offset` on it. */
function lineOf(text: string, offset: number): { start: number; alone: boolean } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return { start, alone: /^[ \t]*$/.test(text.slice(start, offset)) };
}

export function removeProperty(file: { text: string; tree: JsonNode }, pointer: string): TextEdit | undefined {
  const segments = pointerSegments(pointer);
  const key = segments.pop();
  const found = nodeAtPointer(file.tree, pointerFrom(segments));
  if (!found.exact || found.node.type !== 'object' || !found.node.children) return undefined;
  const props = found.node.children;
  let i = props.length - 1;
  while (i >= 0 && props[i]!.children?.[0]?.value !== key) i--;
  if (i < 0) return undefined;
  const prop = props[i]!;
  const { text } = file;
  const next = props[i + 1];
  if (next) {
    // Up to the next property: its whole lines when both sit on lines of their own.
    const a = lineOf(text, prop.offset);
    const b = lineOf(text, next.offset);
    return a.alone && b.alone && b.start > a.start ? { range: [a.start, b.start], text: '' } : { range: [prop.offset, next.offset], text: '' };
  }
  const prev = props[i - 1];
  if (prev) return { range: [prev.offset + prev.length, prop.offset + prop.length], text: '' };
  return { range: [found.node.offset + 1, found.node.offset + found.node.length - 1], text: '' };
}
