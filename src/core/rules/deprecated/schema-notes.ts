/**
 * The deprecation knowledge the settings schema already holds, read once from its shape: x-deprecated and
 * x-scope ("removed", "global-config") on top-level keys (env variables: env/variables.ts), and
 * x-enum-deprecated values wherever a plain property path leads to them. keys.json adds only what the
 * schema cannot say.
 */

import { derivedTables } from '../../schema/derived';
import { rootShape, type SchemaNode } from '../../schema/shape';
import { pointerFrom } from '../../source/pointer';

export interface LegacyValues {
  pointer: string;
  segments: readonly string[];
  /** value -> why it is legacy or undocumented. */
  notes: Readonly<Record<string, string>>;
  /** The documented values, for "use one of". */
  documented: readonly string[];
}

let topLevel: ReadonlyMap<string, SchemaNode> | undefined;
let legacy: readonly LegacyValues[] | undefined;

export function topLevelKeys(): ReadonlyMap<string, SchemaNode> {
  topLevel ??= new Map(Object.entries(rootShape('settings').$defs?.settingsKeys?.properties ?? {}));
  return topLevel;
}

/** Property paths (no arrays or maps) whose enum marks some values as legacy; resolves local $refs. */
export function legacyValuePaths(): readonly LegacyValues[] {
  legacy ??= (derivedTables().legacyValuePaths as LegacyValues[] | undefined) ?? computeLegacyValuePaths();
  return legacy;
}

export function computeLegacyValuePaths(): LegacyValues[] {
  const root = rootShape('settings');
  const out: LegacyValues[] = [];
  const seen = new Set<SchemaNode>();
  const walk = (node: SchemaNode, path: string[]): void => {
    if (seen.has(node) || path.length > 6) return;
    seen.add(node);
    const ref = node.$ref?.startsWith('#/$defs/') ? root.$defs?.[node.$ref.slice('#/$defs/'.length)] : undefined;
    if (ref) walk(ref, path);
    const notes = node['x-enum-deprecated'];
    if (notes && node.enum) {
      const documented = node.enum.filter((v): v is string => typeof v === 'string' && !(v in notes));
      out.push({ pointer: pointerFrom(path), segments: path, notes, documented });
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key]);
    seen.delete(node);
  };
  for (const [key, node] of topLevelKeys()) walk(node, [key]);
  return out;
}

/** The own property at a plain pointer of the parsed file, or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const seg of segments) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** "Removed in v2.1.186; now a no-op." -> "removed in v2.1.186; now a no-op" */
export function clause(note: string): string {
  return note.charAt(0).toLowerCase() + note.slice(1).replace(/\.$/, '');
}
