/**
 * The schemas' structure and x- annotations (generated/schema-shape.json), walked along an instance path.
 * Messages use it for did-you-mean candidates and pattern hints; scope rules and the merger read each
 * key's x-scope and x-merge from it. Ajv's own schemaPath cannot serve: inside a $ref'd definition it is
 * relative to that definition.
 */

import { pointerSegments } from '../source/pointer';

export interface SchemaNode {
  $id?: string;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  pattern?: string;
  'x-scope'?: string;
  'x-scope-note'?: string;
  'x-trust'?: boolean;
  'x-merge'?: string;
  'x-strictness'?: string[];
  'x-deprecated'?: { since?: string; use?: string; note?: string };
  'x-since'?: string;
  'x-pattern-hint'?: string;
  'x-enum-deprecated'?: Record<string, string>;
  'x-locked-by'?: string;
  'x-key-noun'?: string;
}

export type ShapeDoc = 'settings' | 'tierFile' | 'config';

let shapes: Record<ShapeDoc, SchemaNode> | undefined;
const patternCache = new Map<string, RegExp>();

function docs(): Record<ShapeDoc, SchemaNode> {
  shapes ??= require('../../../generated/schema-shape.json') as Record<ShapeDoc, SchemaNode>;
  return shapes;
}

export function rootShape(doc: ShapeDoc): SchemaNode {
  return docs()[doc];
}

/** Resolves "#/$defs/x" within `base`, or "other.schema.json#/$defs/x" across our documents. */
function resolveRef(ref: string, base: SchemaNode): { node: SchemaNode; base: SchemaNode } | undefined {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  let doc = base;
  if (file) {
    const found = Object.values(docs()).find((d) => d.$id?.endsWith('/' + file) || d.$id === file);
    if (!found) return undefined;
    doc = found;
  }
  let node: unknown = doc;
  for (const seg of pointerSegments(hash === -1 ? '' : ref.slice(hash + 1))) {
    node = (node as Record<string, unknown> | undefined)?.[seg];
  }
  return node && typeof node === 'object' ? { node: node as SchemaNode, base: doc } : undefined;
}

interface Located {
  node: SchemaNode;
  base: SchemaNode;
}

/** Every subschema that applies at this node for this value: through $ref, allOf, if/then/else, anyOf/oneOf. */
function expand(start: Located, value: unknown, out: Located[] = [], depth = 0): Located[] {
  if (depth > 32) return out;
  out.push(start);
  const { node, base } = start;
  if (node.$ref) {
    const r = resolveRef(node.$ref, base);
    if (r) expand(r, value, out, depth + 1);
  }
  for (const sub of node.allOf ?? []) expand({ node: sub, base }, value, out, depth + 1);
  for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) expand({ node: sub, base }, value, out, depth + 1);
  if (node.if) {
    const verdict = simpleMatch(node.if, value);
    if (verdict !== false && node.then) expand({ node: node.then, base }, value, out, depth + 1);
    if (verdict !== true && node.else) expand({ node: node.else, base }, value, out, depth + 1);
  }
  return out;
}

/** Evaluates the discriminator conditions our schemas use in `if` (const/enum/required on properties). */
function simpleMatch(cond: SchemaNode, value: unknown): boolean | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  for (const key of cond.required ?? []) if (!(key in obj)) return false;
  for (const [key, sub] of Object.entries(cond.properties ?? {})) {
    if (!(key in obj)) continue;
    if ('const' in sub && obj[key] !== sub.const) return false;
    if (sub.enum && !sub.enum.includes(obj[key])) return false;
  }
  return true;
}

function childOf(located: Located, key: string, isIndex: boolean): Located[] {
  const { node, base } = located;
  const out: Located[] = [];
  const own = node.properties !== undefined && Object.prototype.hasOwnProperty.call(node.properties, key);
  if (!isIndex || own) {
    const prop = own ? node.properties![key] : undefined;
    if (prop) out.push({ node: prop, base });
    for (const [pattern, sub] of Object.entries(node.patternProperties ?? {})) {
      let re = patternCache.get(pattern);
      if (!re) patternCache.set(pattern, (re = new RegExp(pattern, 'u')));
      if (re.test(key)) out.push({ node: sub, base });
    }
    if (!out.length && node.additionalProperties && typeof node.additionalProperties === 'object') {
      out.push({ node: node.additionalProperties, base });
    }
  }
  if (isIndex && node.items) out.push({ node: node.items, base });
  return out;
}

/** All subschemas that apply to the value at `pointer` in `root` (the whole parsed document). */
export function schemasAt(doc: ShapeDoc, pointer: string, root: unknown): SchemaNode[] {
  const top = docs()[doc];
  let current = expand({ node: top, base: top }, root);
  let value = root;
  for (const seg of pointerSegments(pointer)) {
    const isIndex = Array.isArray(value) && /^\d+$/.test(seg);
    value = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, seg) ? (value as Record<string, unknown>)[seg] : undefined;
    const next: Located[] = [];
    for (const loc of current) for (const child of childOf(loc, seg, isIndex)) expand(child, value, next);
    if (!next.length) return [];
    current = next;
  }
  return current.map((l) => l.node);
}

/** The first value of an annotation among the subschemas at `pointer`. */
export function annotationAt<K extends keyof SchemaNode>(doc: ShapeDoc, pointer: string, root: unknown, key: K): SchemaNode[K] | undefined {
  for (const node of schemasAt(doc, pointer, root)) if (node[key] !== undefined) return node[key];
  return undefined;
}

/** Property names the schema knows for the object at `pointer`. */
export function knownPropertiesAt(doc: ShapeDoc, pointer: string, root: unknown): string[] {
  const names = new Set<string>();
  for (const node of schemasAt(doc, pointer, root)) for (const k of Object.keys(node.properties ?? {})) names.add(k);
  return [...names];
}
