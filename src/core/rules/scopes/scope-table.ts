/**
 * Where the schema says a key has a limited scope (x-scope other than "any"), as a tree of paths built once
 * from the schema shape: `sandbox.bwrapPath`, `sandbox.credentials.files[].extract`, ... Walking a file
 * along this tree touches only the keys that can matter, instead of resolving every key's subschemas.
 * `env` is left out: variables ignored in some files are env/*'s to report. A key whose x-scope is
 * "global-config" or "removed" ends its branch without an entry (nothing below it is looked at).
 */

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
  if (!tree) {
    const doc = rootShape('settings');
    tree = { children: new Map() };
    const keys = doc.$defs?.settingsKeys;
    for (const [key, sub] of Object.entries(keys?.properties ?? {})) {
      if (SKIPPED_TOP_LEVEL.has(key)) continue;
      addChild(tree, key, sub, doc, 0, new Set());
    }
    prune(tree);
  }
  return tree;
}

/** Adds what `node` (and every subschema it pulls in) says about this path and the paths below it. */
function fill(target: ScopeTree, node: SchemaNode, doc: SchemaNode, depth: number, refs: Set<string>): void {
  if (depth > MAX_DEPTH || target.scope) return;
  const scope = node['x-scope'];
  if (scope === 'global-config' || scope === 'removed') return;
  if (scope && LIMITED.has(scope)) {
    target.scope = scope as LimitedScope;
    target.children.clear();
    delete target.any;
    return;
  }
  if (node.$ref?.startsWith('#/') && !refs.has(node.$ref)) {
    const resolved = resolveLocal(doc, node.$ref);
    if (resolved) fill(target, resolved, doc, depth, new Set([...refs, node.$ref]));
  }
  for (const sub of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? []), node.then, node.else]) {
    if (sub) fill(target, sub, doc, depth, refs);
  }
  for (const [key, sub] of Object.entries(node.properties ?? {})) addChild(target, key, sub, doc, depth, refs);
  if (node.items) addChild(target, undefined, node.items, doc, depth, refs);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') addChild(target, undefined, node.additionalProperties, doc, depth, refs);
}

function addChild(target: ScopeTree, key: string | undefined, node: SchemaNode, doc: SchemaNode, depth: number, refs: Set<string>): void {
  let child: ScopeTree;
  if (key === undefined) child = target.any ??= { children: new Map() };
  else {
    child = target.children.get(key) ?? { children: new Map() };
    target.children.set(key, child);
  }
  fill(child, node, doc, depth + 1, refs);
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
