/**
 * Claude Code's layer merge (facts §2), with the provenance of every effective value. The strategy for each
 * key comes from the settings schema's annotations (x-merge, x-scope, x-locked-by), never from a table
 * here: highest layer wins for scalars; objects merge key by key; arrays concatenate with scalar
 * duplicates dropped; some keys come whole from one layer, or only from managed settings.
 * Inputs are never mutated, and keys such as `__proto__` stay ordinary own keys.
 */

import { schemasAt, type SchemaNode } from '../schema/shape';
import { pointerFrom } from '../source/pointer';
import type { Layer, LayerKind } from './layer';

export interface Provenance {
  layer: string;
  file: string;
  line?: number;
  column?: number;
  /** The pointer of the value in its own file (differs from the effective pointer for array elements). */
  pointer: string;
}

export interface Overridden {
  pointer: string;
  value: unknown;
  layer: string;
  file: string;
  line?: number;
  column?: number;
  /** The layer whose value won, or that made this one not count. */
  by: string;
  reason: string;
}

export interface EffectiveSettings {
  settings: Record<string, unknown>;
  provenance: Record<string, Provenance>;
  overridden: Overridden[];
}

interface Contribution {
  layer: Layer;
  /** Pointer of this value inside its layer's file. */
  at: string;
  value: unknown;
}

type Strategy = 'replace' | 'deep' | 'union' | 'whole' | 'entries-whole' | 'managed-replaces' | 'any-true' | 'any-false' | 'strictest' | 'sticky';

/** Which layers honour a key with this x-scope (facts §1.3). */
const HONOURED: Record<string, ReadonlySet<LayerKind>> = {
  any: new Set(['user', 'team', 'project', 'local', 'flag', 'managed']),
  managed: new Set(['managed']),
  'user-managed': new Set(['user', 'flag', 'managed']),
  'not-project': new Set(['user', 'local', 'flag', 'managed']),
  'global-config': new Set(),
  removed: new Set(),
};

const PRECEDENCE = 'a layer with higher precedence sets it';

const own = (o: unknown, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let v = value;
  for (const s of segments) {
    if (!isObject(v) && !Array.isArray(v)) return undefined;
    if (!own(v, s)) return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/** Merges `layers`, given lowest precedence first. */
export function mergeLayers(layers: readonly Layer[]): EffectiveSettings {
  const out: EffectiveSettings = { settings: {}, provenance: {}, overridden: [] };
  const managed = layers.filter((l) => l.kind === 'managed');
  const ctx: MergeContext = { out, managed, layers };
  const top = layers.map((layer) => ({ layer, at: '', value: layer.value }));
  const merged = mergeObject([], top.filter((c) => isObject(c.value)), ctx);
  out.settings = merged;
  return out;
}

interface MergeContext {
  out: EffectiveSettings;
  managed: readonly Layer[];
  layers: readonly Layer[];
}

function annotations(segments: readonly string[], contributions: readonly Contribution[]): SchemaNode {
  const pointer = pointerFrom(segments);
  const merged: SchemaNode = {};
  // Annotations can depend on the value (if/then); the highest layer's document decides.
  const root = contributions[contributions.length - 1]?.layer.value;
  for (const node of schemasAt('settings', pointer, root)) {
    for (const key of ['x-merge', 'x-scope', 'x-locked-by', 'x-strictness'] as const) {
      if (node[key] !== undefined && merged[key] === undefined) (merged as Record<string, unknown>)[key] = node[key];
    }
  }
  return merged;
}

function record(ctx: MergeContext, pointer: string, c: Contribution): void {
  const pos = c.layer.locate?.(c.at);
  ctx.out.provenance[pointer] = { layer: c.layer.name, file: c.layer.file, pointer: c.at, ...(pos ? { line: pos.line, column: pos.column } : {}) };
}

function overridden(ctx: MergeContext, pointer: string, c: Contribution, by: string, reason: string): void {
  const pos = c.layer.locate?.(c.at);
  ctx.out.overridden.push({ pointer, value: c.value, layer: c.layer.name, file: c.layer.file, ...(pos ? { line: pos.line, column: pos.column } : {}), by, reason });
}

/** Records provenance for a value taken whole from one contribution, descending into it. */
function recordWhole(ctx: MergeContext, segments: string[], c: Contribution): void {
  const pointer = pointerFrom(segments);
  record(ctx, pointer, c);
  if (Array.isArray(c.value)) {
    c.value.forEach((v, i) => recordWhole(ctx, [...segments, String(i)], { layer: c.layer, at: `${c.at}/${i}`, value: v }));
  } else if (isObject(c.value)) {
    for (const k of Object.keys(c.value)) recordWhole(ctx, [...segments, k], { layer: c.layer, at: pointerFrom([...splitPointer(c.at), k]), value: c.value[k] });
  }
}

function splitPointer(p: string): string[] {
  return p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function mergeObject(segments: string[], contributions: readonly Contribution[], ctx: MergeContext): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const c of contributions) {
    for (const k of Object.keys(c.value as Record<string, unknown>)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  for (const key of keys) {
    const childSegs = [...segments, key];
    const children: Contribution[] = contributions
      .filter((c) => own(c.value, key))
      .map((c) => ({ layer: c.layer, at: pointerFrom([...splitPointer(c.at), key]), value: (c.value as Record<string, unknown>)[key] }));
    const merged = mergeKey(childSegs, children, ctx);
    if (merged.present) define(result, key, merged.value);
  }
  return result;
}

function mergeKey(segments: string[], all: readonly Contribution[], ctx: MergeContext): { present: boolean; value?: unknown } {
  const pointer = pointerFrom(segments);
  const ann = annotations(segments, all);
  const honoured = HONOURED[ann['x-scope'] ?? 'any'] ?? HONOURED.any!;
  let contributions = all.filter((c) => {
    if (honoured.has(c.layer.kind)) return true;
    overridden(ctx, pointer, c, c.layer.name, `not honoured in ${c.layer.kind} settings (x-scope: ${ann['x-scope']})`);
    return false;
  });
  const lock = ann['x-locked-by'];
  if (lock && ctx.managed.some((m) => valueAt(m.value, splitPointer(lock)) === true)) {
    contributions = contributions.filter((c) => {
      if (c.layer.kind === 'managed') return true;
      overridden(ctx, pointer, c, 'managed', `managed settings set ${lock.slice(1).replace(/\//g, '.')}: only managed values count`);
      return false;
    });
  }
  if (contributions.length === 0) return { present: false };

  const strategy = strategyFor(ann, contributions);
  const highest = contributions[contributions.length - 1]!;
  switch (strategy) {
    case 'deep': {
      const objects = contributions.filter((c) => isObject(c.value));
      // A non-object in a higher layer replaces the objects below it (type change: highest wins).
      const lastNonObject = contributions.map((c) => isObject(c.value)).lastIndexOf(false);
      if (lastNonObject !== -1) return replace(segments, contributions, ctx, PRECEDENCE);
      return { present: true, value: mergeObject(segments, objects, ctx) };
    }
    case 'union':
    case 'managed-replaces': {
      let lists = contributions.filter((c) => Array.isArray(c.value));
      if (lists.length !== contributions.length) return replace(segments, contributions, ctx, PRECEDENCE);
      if (strategy === 'managed-replaces' && lists.some((c) => c.layer.kind === 'managed')) {
        const managedLists = lists.filter((c) => c.layer.kind === 'managed');
        const winner = managedLists[managedLists.length - 1]!;
        for (const c of lists) if (c !== winner) overridden(ctx, pointer, c, winner.layer.name, 'a managed list replaces every other list');
        lists = [winner];
      }
      return { present: true, value: union(segments, lists, ctx) };
    }
    case 'entries-whole': {
      if (!contributions.every((c) => isObject(c.value))) return replace(segments, contributions, ctx, PRECEDENCE);
      const result: Record<string, unknown> = {};
      const names = [...new Set(contributions.flatMap((c) => Object.keys(c.value as Record<string, unknown>)))];
      for (const name of names) {
        const entries = contributions
          .filter((c) => own(c.value, name))
          .map((c) => ({ layer: c.layer, at: pointerFrom([...splitPointer(c.at), name]), value: (c.value as Record<string, unknown>)[name] }));
        const w = replace([...segments, name], entries, ctx, 'a same-name entry from a higher layer replaces the lower one whole');
        define(result, name, w.value);
      }
      record(ctx, pointer, highest);
      return { present: true, value: result };
    }
    case 'any-true':
    case 'any-false': {
      const wanted = strategy === 'any-true';
      const decisive = contributions.filter((c) => c.value === wanted);
      if (decisive.length === 0) return replace(segments, contributions, ctx, PRECEDENCE);
      const winner = decisive[decisive.length - 1]!;
      for (const c of contributions) if (c !== winner) overridden(ctx, pointer, c, winner.layer.name, `${wanted} in any layer wins`);
      record(ctx, pointer, winner);
      return { present: true, value: winner.value };
    }
    case 'strictest': {
      const order = ann['x-strictness'] ?? [];
      const rank = (v: unknown): number => order.indexOf(String(v));
      let winner = contributions[0]!;
      for (const c of contributions) if (rank(c.value) >= rank(winner.value)) winner = c;
      for (const c of contributions) if (c !== winner) overridden(ctx, pointer, c, winner.layer.name, 'the strictest value wins');
      record(ctx, pointer, winner);
      return { present: true, value: winner.value };
    }
    case 'sticky': {
      const winner = contributions[0]!;
      for (const c of contributions.slice(1)) overridden(ctx, pointer, c, winner.layer.name, 'once any layer sets it, nothing undoes it');
      recordWhole(ctx, segments, winner);
      return { present: true, value: winner.value };
    }
    case 'whole':
      return replace(segments, contributions, ctx, 'taken whole from the highest layer that sets it');
    default:
      return replace(segments, contributions, ctx, PRECEDENCE);
  }
}

function strategyFor(ann: SchemaNode, contributions: readonly Contribution[]): Strategy {
  const declared = ann['x-merge'] as Strategy | undefined;
  if (declared) return declared;
  if (contributions.every((c) => isObject(c.value))) return 'deep';
  if (contributions.every((c) => Array.isArray(c.value))) return 'union';
  return 'replace';
}

function replace(segments: string[], contributions: readonly Contribution[], ctx: MergeContext, reason: string): { present: true; value: unknown } {
  const pointer = pointerFrom(segments);
  const winner = contributions[contributions.length - 1]!;
  for (const c of contributions.slice(0, -1)) overridden(ctx, pointer, c, winner.layer.name, reason);
  recordWhole(ctx, segments, winner);
  return { present: true, value: structuredClone(winner.value) };
}

/** Concatenates lowest layer first; a scalar already present is dropped (objects are kept: facts §2.2). */
function union(segments: string[], lists: readonly Contribution[], ctx: MergeContext): unknown[] {
  const result: unknown[] = [];
  const scalars = new Set<unknown>();
  for (const c of lists) {
    (c.value as unknown[]).forEach((item, i) => {
      const isScalar = item === null || typeof item !== 'object';
      if (isScalar) {
        if (scalars.has(item)) return;
        scalars.add(item);
      }
      const index = result.length;
      result.push(isScalar ? item : structuredClone(item));
      recordWhole(ctx, [...segments, String(index)], { layer: c.layer, at: `${c.at}/${i}`, value: item });
    });
  }
  record(ctx, pointerFrom(segments), lists[lists.length - 1]!);
  return result;
}
