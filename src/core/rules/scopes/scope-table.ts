/**
 * Where the schema says a key has a limited scope (x-scope other than "any"), as a tree of paths built once
 * from the schema shape: `sandbox.bwrapPath`, `sandbox.credentials.files[].extract`, ... Walking a file
 * along this tree touches only the keys that can matter, instead of resolving every key's subschemas.
 * `env` is left out: variables ignored in some files are env/*'s to report. A key whose x-scope is
 * "global-config" or "removed" ends its branch without an entry (nothing below it is looked at).
 */

import { derivedTables } from '../../schema/derived';
import { rootShape, type SchemaNode } from '../../schema/shape';

/**
 * Scopes that depend on the file. "global-config" and "removed" keys do nothing in any settings file:
 * deprecated/global-config-key and deprecated/removed-key report those.
 */
export type LimitedScope = 'managed' | 'user-managed' | 'not-project';

export interface ScopeTree {
  /** Set when the key at this path is honoured only in some files; nothing below it is looked at. */
  scope?: LimitedScope;
  children: Map<string, ScopeTree>;
  /** Array items and open-map values. */
  any?: ScopeTree;
}

const LIMITED = new Set<string>(['managed', 'user-managed', 'not-project']);
const SKIPPED_TOP_LEVEL = new Set(['env']);
const MAX_DEPTH = 12;

let tree: ScopeTree | undefined;

export function scopeTree(): ScopeTree {
  const built = derivedTables().scopeTree as SerializedTree | undefined;
  tree ??= built ? revive(built) : computeScopeTree();
  return tree;
}

/** The tree in JSON form (maps as objects), as generated/derived.json holds it. */
export interface SerializedTree {
  s?: LimitedScope;
  c?: Record<string, SerializedTree>;
  a?: SerializedTree;
}

export function serializeScopeTree(t: ScopeTree): SerializedTree {
  const out: SerializedTree = {};
  if (t.scope) out.s = t.scope;
  if (t.children.size) out.c = Object.fromEntries([...t.children].map(([k, c]) => [k, serializeScopeTree(c)]));
  if (t.any) out.a = serializeScopeTree(t.any);
  return out;
}

function revive(t: SerializedTree): ScopeTree {
  const out: ScopeTree = { children: new Map(Object.entries(t.c ?? {}).map(([k, c]) => [k, revive(c)])) };
  if (t.s) out.scope = t.s;
  if (t.a) out.any = revive(t.a);
  return out;
}

export function computeScopeTree(): ScopeTree {
  const doc = rootShape('settings');
  const memo = new WeakMap<SchemaNode, ScopeTree>();
  const root: ScopeTree = { children: new Map() };
  for (const [key, sub] of Object.entries(doc.$defs?.settingsKeys?.properties ?? {})) {
    if (SKIPPED_TOP_LEVEL.has(key)) continue;
    mergeInto(childOf(root, key), treeFor(sub, doc, memo, 0));
  }
  prune(root);
  return root;
}

/**
 * What `node` (and every subschema it pulls in) says about its path and the paths below it. Each schema
 * node is worked out once (hooks, for one, point 31 events at the same definitions); a reference back to
 * a node still being worked out sees it as far as it got, which ends cycles.
 */
function treeFor(node: SchemaNode, doc: SchemaNode, memo: WeakMap<SchemaNode, ScopeTree>, depth: number): ScopeTree {
  const known = memo.get(node);
  if (known) return known;
  const t: ScopeTree = { children: new Map() };
  memo.set(node, t);
  if (depth > MAX_DEPTH) return t;
  const scope = node['x-scope'];
  if (scope === 'global-config' || scope === 'removed') return t;
  if (scope && LIMITED.has(scope)) {
    t.scope = scope as LimitedScope;
    return t;
  }
  if (node.$ref?.startsWith('#/')) {
    const resolved = resolveLocal(doc, node.$ref);
    if (resolved) mergeInto(t, treeFor(resolved, doc, memo, depth));
  }
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? []), node.then, node.else]) {
    if (sub) mergeInto(t, treeFor(sub, doc, memo, depth));
  }
  for (const [key, sub] of Object.entries(node.properties ?? {})) mergeInto(childOf(t, key), treeFor(sub, doc, memo, depth + 1));
  if (node.items) mergeInto((t.any ??= { children: new Map() }), treeFor(node.items, doc, memo, depth + 1));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    mergeInto((t.any ??= { children: new Map() }), treeFor(node.additionalProperties, doc, memo, depth + 1));
  }
  // Most subtrees hold no limited scope at all; dropping them now keeps every later merge small.
  prune(t);
  return t;
}

function childOf(t: ScopeTree, key: string): ScopeTree {
  let child = t.children.get(key);
  if (!child) t.children.set(key, (child = { children: new Map() }));
  return child;
}

/** Copies what `source` says into `target`; a limited scope ends the branch. Never changes `source`. */
function mergeInto(target: ScopeTree, source: ScopeTree): void {
  if (target.scope || target === source) return;
  if (source.scope) {
    target.scope = source.scope;
    target.children.clear();
    delete target.any;
    return;
  }
  for (const [k, c] of source.children) mergeInto(childOf(target, k), c);
  if (source.any) mergeInto((target.any ??= { children: new Map() }), source.any);
}

/** Drops branches with no limited scope anywhere below, so the walk stops early. */
function prune(t: ScopeTree): boolean {
  for (const [k, c] of t.children) if (!prune(c)) t.children.delete(k);
  if (t.any && !prune(t.any)) delete t.any;
  return t.scope !== undefined || t.children.size > 0 || t.any !== undefined;
}

function resolveLocal(doc: SchemaNode, ref: string): SchemaNode | undefined {
  let node: unknown = doc;
  for (const seg of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node && typeof node === 'object' ? (node as SchemaNode) : undefined;
}
