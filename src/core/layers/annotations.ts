/**
 * The merge annotations (x-merge, x-scope, x-locked-by, x-strictness, default) of each settings key, read
 * from the settings schema once per path and kept in a tree, so merging 100,000 keys walks the schema once
 * per distinct shape rather than once per key. The walk follows what `schemasAt` follows ($ref, allOf,
 * anyOf/oneOf, properties, patternProperties, additionalProperties) but takes both branches of an `if`:
 * no merge annotation sits under a condition, which test/core/layers/annotations.test.ts checks against
 * `schemasAt` over the real-world corpus.
 */

import { rootShape, type SchemaNode } from '../schema/shape';

export type MergeStrategy = 'replace' | 'deep' | 'union' | 'whole' | 'entries-whole' | 'managed-replaces' | 'any-true' | 'any-false' | 'strictest' | 'sticky';

export interface MergeAnnotations {
  merge?: MergeStrategy;
  scope?: string;
  lockedBy?: string;
  strictness?: readonly string[];
  default?: unknown;
}

export interface AnnotationNode {
  readonly ann: MergeAnnotations;
  /** The schema nodes that apply here, expanded. */
  readonly schemas: readonly SchemaNode[];
  /** Children by declared property name. */
  readonly named: Map<string, AnnotationNode>;
  /** Children of undeclared keys, by the set of patternProperties they match. */
  readonly generic: Map<string, AnnotationNode>;
}

interface Located {
  node: SchemaNode;
  base: SchemaNode;
}

const patterns = new Map<string, RegExp>();
const EMPTY: AnnotationNode = Object.freeze({ ann: Object.freeze({}), schemas: [], named: new Map(), generic: new Map() }) as AnnotationNode;
let root: AnnotationNode | undefined;
// The located schema nodes behind each annotation node, kept apart so the public node stays plain data.
const locatedOf = new WeakMap<AnnotationNode, Located[]>();

/** The annotation node of the settings document's root. */
export function rootAnnotations(): AnnotationNode {
  if (!root) {
    const top = rootShape('settings');
    root = makeNode(expand({ node: top, base: top }));
  }
  return root;
}

/** The annotations of `key` inside the object at `parent`. */
export function childAnnotations(parent: AnnotationNode, key: string): AnnotationNode {
  if (parent === EMPTY) return EMPTY;
  const known = parent.named.get(key);
  if (known) return known;
  const located = locatedOf.get(parent) ?? [];
  const declared = located.some((l) => l.node.properties !== undefined && Object.prototype.hasOwnProperty.call(l.node.properties, key));
  // Undeclared keys differ only by which patternProperties they match: one node per combination.
  let signature = '';
  if (!declared) {
    for (let i = 0; i < located.length; i++) {
      const pp = located[i]!.node.patternProperties;
      if (!pp) continue;
      for (const p of Object.keys(pp)) if (pattern(p).test(key)) signature += `${i}:${p}\u0000`;
    }
    const shared = parent.generic.get(signature);
    if (shared) return shared;
  }
  const next: Located[] = [];
  for (const l of located) for (const child of childOf(l, key)) expand(child, next);
  const node = next.length ? makeNode(next) : EMPTY;
  if (declared) parent.named.set(key, node);
  else parent.generic.set(signature, node);
  return node;
}

/** The annotations at a JSON Pointer's segments. */
export function annotationsAt(segments: readonly string[]): MergeAnnotations {
  let node = rootAnnotations();
  for (const s of segments) node = childAnnotations(node, s);
  return node.ann;
}

function pattern(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) patterns.set(p, (re = new RegExp(p, 'u')));
  return re;
}

function makeNode(located: Located[]): AnnotationNode {
  const ann: MergeAnnotations = {};
  // The first subschema that says something wins, as with annotationAt.
  for (const { node } of located) {
    if (ann.merge === undefined && node['x-merge'] !== undefined) ann.merge = node['x-merge'] as MergeStrategy;
    if (ann.scope === undefined && node['x-scope'] !== undefined) ann.scope = node['x-scope'];
    if (ann.lockedBy === undefined && node['x-locked-by'] !== undefined) ann.lockedBy = node['x-locked-by'];
    if (ann.strictness === undefined && node['x-strictness'] !== undefined) ann.strictness = node['x-strictness'];
    if (ann.default === undefined && (node as { default?: unknown }).default !== undefined) ann.default = (node as { default?: unknown }).default;
  }
  const node: AnnotationNode = { ann: Object.freeze(ann), schemas: located.map((l) => l.node), named: new Map(), generic: new Map() };
  locatedOf.set(node, located);
  return node;
}

function resolveRef(ref: string, base: SchemaNode): Located | undefined {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  let doc = base;
  if (file) {
    const found = (['settings', 'tierFile', 'config'] as const).map(rootShape).find((d) => d.$id?.endsWith('/' + file) || d.$id === file);
    if (!found) return undefined;
    doc = found;
  }
  let node: unknown = doc;
  const frag = hash === -1 ? '' : ref.slice(hash + 1);
  for (const seg of frag === '' ? [] : frag.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    node = (node as Record<string, unknown> | undefined)?.[seg];
  }
  return node && typeof node === 'object' ? { node: node as SchemaNode, base: doc } : undefined;
}

function expand(start: Located, out: Located[] = [], depth = 0): Located[] {
  if (depth > 32) return out;
  out.push(start);
  const { node, base } = start;
  if (node.$ref) {
    const r = resolveRef(node.$ref, base);
    if (r) expand(r, out, depth + 1);
  }
  for (const sub of node.allOf ?? []) expand({ node: sub, base }, out, depth + 1);
  for (const sub of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) expand({ node: sub, base }, out, depth + 1);
  if (node.then) expand({ node: node.then, base }, out, depth + 1);
  if (node.else) expand({ node: node.else, base }, out, depth + 1);
  return out;
}

function childOf({ node, base }: Located, key: string): Located[] {
  const out: Located[] = [];
  const prop = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
  if (prop) out.push({ node: prop, base });
  for (const [p, sub] of Object.entries(node.patternProperties ?? {})) if (pattern(p).test(key)) out.push({ node: sub, base });
  if (!out.length && node.additionalProperties && typeof node.additionalProperties === 'object') out.push({ node: node.additionalProperties, base });
  return out;
}
