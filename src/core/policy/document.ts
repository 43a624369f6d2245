/**
 * A policy file read with the position of every value: JSON through the strict parser every settings file
 * goes through, YAML through the yaml package's Document API (which keeps each node's range). Either way
 * the value has only own keys (`__proto__` stays an ordinary key) and every JSON Pointer into it can be
 * turned into a line and column, so each policy rule can say where it was written.
 */

import * as path from 'node:path';
import { decode, LineIndex, parseJson, pointerFrom, type JsonNode, type Position } from '../source';

export type PolicyFormat = 'json' | 'yaml';

export interface PolicyDocument {
  file: string;
  format: PolicyFormat;
  value: unknown;
  /** Where the value (or, with `at: 'key'`, the property name) at a pointer sits; the nearest ancestor when the pointer goes further. */
  locate(pointer: string, at?: 'key' | 'value'): Position;
}

export interface DocumentProblem {
  message: string;
  line: number;
  column: number;
}

export type ParsedDocument = { ok: true; doc: PolicyDocument } | { ok: false; problem: DocumentProblem };

/** `.json` is JSON, `.yaml`/`.yml` YAML; anything else is JSON when it looks like JSON. */
export function formatOf(file: string, text: string): PolicyFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function parsePolicyText(file: string, bytes: Uint8Array): ParsedDocument {
  const decoded = decode(bytes);
  const blocking = decoded.problems.find((p) => p.kind !== 'bom');
  if (blocking) {
    const what = blocking.kind === 'empty' || blocking.kind === 'whitespace' ? 'is empty' : 'is not UTF-8 text';
    return { ok: false, problem: { message: `The policy file ${what}; a policy needs at least \`version: 1\`.`, line: 1, column: 1 } };
  }
  const text = decoded.text;
  return formatOf(file, text) === 'json' ? parseJsonPolicy(file, text) : parseYamlPolicy(file, text);
}

function parseJsonPolicy(file: string, text: string): ParsedDocument {
  const parsed = parseJson(text);
  const lines = new LineIndex(text);
  const problem = parsed.problems[0];
  if (problem || !parsed.tree) {
    const at = lines.position(problem?.start ?? 0);
    return { ok: false, problem: { message: problem?.message ?? 'Not valid JSON.', ...at } };
  }
  const offsets = new Map<string, [key: number, value: number]>();
  const walk = (node: JsonNode, pointer: string, keyOffset: number): void => {
    offsets.set(pointer, [keyOffset, node.offset]);
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) walk(v, pointer + pointerFrom([String(k.value)]), k.offset);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, `${pointer}/${i}`, child.offset));
    }
  };
  walk(parsed.tree, '', parsed.tree.offset);
  return { ok: true, doc: { file, format: 'json', value: parsed.value, locate: locator(offsets, lines) } };
}

/** Deeper than this is no policy; YAML aliases could otherwise expand without bound. */
const MAX_DEPTH = 64;

function parseYamlPolicy(file: string, text: string): ParsedDocument {
  // yaml is only loaded for YAML policies.
  const YAML = require('yaml') as typeof import('yaml');
  const lines = new LineIndex(text);
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { ok: false, problem: { message: `Not valid YAML: ${e.message.split('\n')[0]}`, ...lines.position(e.pos?.[0] ?? 0) } };
  }
  const offsets = new Map<string, [key: number, value: number]>();
  let tooDeep = false;
  const convert = (node: unknown, pointer: string, keyOffset: number, depth: number): unknown => {
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return null;
    }
    if (YAML.isAlias(node)) return convert(node.resolve(doc), pointer, keyOffset, depth + 1);
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? keyOffset;
    offsets.set(pointer, [keyOffset, start]);
    if (YAML.isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as { range?: [number, number, number] } | null;
        const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const kOff = keyNode?.range?.[0] ?? start;
        Object.defineProperty(out, key, { value: convert(pair.value, pointer + pointerFrom([key]), kOff, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (YAML.isSeq(node)) {
      return node.items.map((item, i) => {
        const off = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? start;
        return convert(item, `${pointer}/${i}`, off, depth + 1);
      });
    }
    if (YAML.isScalar(node)) return node.value;
    return node ?? null;
  };
  const value = convert(doc.contents, '', 0, 0);
  if (tooDeep) return { ok: false, problem: { message: `Nesting deeper than ${MAX_DEPTH} levels (or aliases that refer to each other); no policy needs this.`, line: 1, column: 1 } };
  return { ok: true, doc: { file, format: 'yaml', value, locate: locator(offsets, lines) } };
}

function locator(offsets: ReadonlyMap<string, [number, number]>, lines: LineIndex): PolicyDocument['locate'] {
  return (pointer, at = 'value') => {
    let p = pointer;
    for (;;) {
      const found = offsets.get(p);
      if (found) return lines.position(at === 'key' && p === pointer ? found[0] : found[1]);
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
}
