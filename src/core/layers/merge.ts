/**
 * Claude Code's layer merge (facts §2), with the provenance of every effective value. The strategy for each
 * key comes from the settings schema's annotations (x-merge, x-scope, x-locked-by), read through
 * ./annotations; the few rules those annotations cannot say (a value ignored in some files, a key that
 * project files may only tighten, hooks switched off by disableAllHooks) are data in merge-exceptions.json.
 * Highest layer wins for scalars; objects merge key by key; arrays concatenate with scalar duplicates
 * dropped; some keys come whole from one layer, or only from managed settings.
 * Inputs are never mutated, and keys such as `__proto__` stay ordinary own keys of plain objects.
 */

import { annotationsAt, childAnnotations, rootAnnotations, type AnnotationNode, type MergeAnnotations, type MergeStrategy } from './annotations';
import { scopeKind, type Layer, type LayerKind, type ScopeKind } from './layer';
import exceptions from './merge-exceptions.json';

export interface Provenance {
  layer: string;
  file: string;
  line?: number;
  column?: number;
  /** The pointer of the value in its own file (differs from the effective pointer for array elements). */
  pointer: string;
}

/** Why a value did not make it into the effective settings. */
export type OverrideCause =
  | 'precedence'
  | 'scope'
  | 'ignored-value'
  | 'managed-only'
  | 'lock'
  | 'switched-off'
  | 'managed-list'
  | 'any-true'
  | 'any-false'
  | 'strictest'
  | 'tighten-only'
  | 'sticky'
  | 'duplicate';

export interface Overridden {
  pointer: string;
  value: unknown;
  layer: string;
  file: string;
  line?: number;
  column?: number;
  /** The layer whose value won, or that made this one not count. */
  by: string;
  cause: OverrideCause;
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

/** Which layers honour a key with this x-scope (facts §1.3), and how to say why the others do not. */
const SCOPES: Record<string, { kinds: ReadonlySet<ScopeKind>; why: string }> = {
  any: { kinds: new Set(['user', 'project', 'local', 'flag', 'managed']), why: '' },
  managed: { kinds: new Set(['managed']), why: 'Claude Code reads this key from managed settings only' },
  'user-managed': { kinds: new Set(['user', 'flag', 'managed']), why: 'Claude Code ignores this key in project and local files (user, --settings and managed settings only)' },
  'not-project': { kinds: new Set(['user', 'local', 'flag', 'managed']), why: 'Claude Code ignores this key in the shared project file' },
  'global-config': { kinds: new Set(), why: 'this key is read from ~/.claude.json, not from settings files' },
  removed: { kinds: new Set(), why: 'Claude Code no longer reads this key' },
};

interface IgnoredValue {
  equals?: unknown;
  prefix?: string;
  in: readonly ScopeKind[];
  why: string;
}
interface TightenOnly {
  from: readonly ScopeKind[];
  order: readonly unknown[] | 'x-strictness';
  why: string;
}

const byPointer = <T extends { pointer: string }>(list: readonly T[]): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const e of list) m.set(e.pointer, [...(m.get(e.pointer) ?? []), e]);
  return m;
};
const IGNORED_VALUES = byPointer(exceptions.ignoredValues as Array<IgnoredValue & { pointer: string }>);
const TIGHTEN_ONLY = new Map((exceptions.tightenOnly as Array<TightenOnly & { pointer: string }>).map((e) => [e.pointer, e]));
const MANAGED_ONLY_ONCE_MANAGED = new Map(exceptions.managedOnlyOnceManaged.map((e) => [e.pointer, e.why]));
const FAIL_CLOSED_LOCKS = new Set(exceptions.failClosedLocks.map((e) => e.pointer));
/** Key -> the switch that turns it off (disableAllHooks for hooks and the status line commands). */
const SWITCHED_KEYS = new Map<string, string>();
for (const s of exceptions.switches) for (const k of s.keys) SWITCHED_KEYS.set(k, s.pointer);

const own = (o: unknown, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One pointer segment, escaped (RFC 6901); most keys need nothing. */
function esc(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A deep copy of JSON data that keeps `__proto__` and friends as own keys. */
function copy(value: unknown): unknown {
  if (isScalar(value)) return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value as object)) define(out, k, copy((value as Record<string, unknown>)[k]));
  return out;
}

function valueAt(value: unknown, segments: readonly string[]): { found: boolean; value?: unknown } {
  let v = value;
  for (const s of segments) {
    if (!isObject(v) || !own(v, s)) return { found: false };
    v = v[s];
  }
  return { found: true, value: v };
}

const RANK_HIGHER = (by: string): string => `${by} settings rank higher and set it`;

const label = (pointer: string): string => segmentsOf(pointer).join('.');

/** Merges `layers`, given lowest precedence first. */
export function mergeLayers(layers: readonly Layer[]): EffectiveSettings {
  return new Merger(layers).run();
}

/**
 * The layers whose values count for the key at `pointer` before any value is looked at: its x-scope, a
 * managed lock (x-locked-by), managed-only-once-managed keys and switches. Permission checks use this to
 * pool every rule of every counted layer, since Claude Code evaluates rules per file, not the merged list.
 */
export function countedLayers(layers: readonly Layer[], pointer: string): { counted: Layer[]; dropped: Array<{ layer: Layer; reason: string }> } {
  const m = new Merger(layers);
  const dropped: Array<{ layer: Layer; reason: string }> = [];
  const contributions = layers.map((layer) => ({ layer, at: pointer, value: undefined }));
  const kept = m.filterLayers(pointer, annotationsAt(segmentsOf(pointer)), contributions, (c, _cause, reason) => dropped.push({ layer: c.layer, reason }));
  return { counted: kept.map((c) => c.layer), dropped };
}

class Merger {
  private readonly provenance: Record<string, Provenance> = {};
  private readonly overridden: Overridden[] = [];
  private readonly managed: readonly Layer[];
  private readonly locks = new Map<string, Layer | undefined>();
  private readonly switches = new Map<string, { state: 'off' | 'all' | 'non-managed'; by?: Layer }>();

  constructor(private readonly layers: readonly Layer[]) {
    this.managed = layers.filter((l) => l.kind === 'managed');
  }

  run(): EffectiveSettings {
    const top = this.layers.filter((l) => isObject(l.value)).map((layer) => ({ layer, at: '', value: layer.value as unknown }));
    const settings = this.mergeObject(rootAnnotations(), '', top);
    // Pointers start with "/", so no provenance key can reach Object.prototype.
    return { settings, provenance: this.provenance, overridden: this.overridden };
  }

  private mergeObject(node: AnnotationNode, pointer: string, contributions: readonly Contribution[]): Record<string, unknown> {
    // Bucket each key's contributions once, keys in the order they first appear (lowest layer first).
    const byKey = new Map<string, Contribution[]>();
    for (const c of contributions) {
      const obj = c.value as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        const child = { layer: c.layer, at: c.at + '/' + esc(k), value: obj[k] };
        const list = byKey.get(k);
        if (list) list.push(child);
        else byKey.set(k, [child]);
      }
    }
    const result: Record<string, unknown> = {};
    for (const [key, children] of byKey) {
      const merged = this.mergeKey(childAnnotations(node, key), pointer + '/' + esc(key), children);
      if (merged.present) define(result, key, merged.value);
    }
    return result;
  }

  /** Drops the contributions that do not count for this key, whatever their value, recording why. */
  filterLayers<C extends Contribution>(
    pointer: string,
    ann: MergeAnnotations,
    all: readonly C[],
    drop: (c: C, cause: OverrideCause, reason: string, by: string) => void,
  ): C[] {
    const scope = SCOPES[ann.scope ?? 'any'] ?? SCOPES.any!;
    let kept = all.filter((c) => {
      if (scope.kinds.has(scopeKind(c.layer.kind))) return true;
      drop(c, 'scope', `${scope.why}; it does nothing in ${describeKind(c.layer.kind)}`, c.layer.name);
      return false;
    });
    const managedOnly = MANAGED_ONLY_ONCE_MANAGED.get(pointer);
    if (managedOnly && this.managed.length) {
      kept = kept.filter((c) => {
        if (c.layer.kind === 'managed') return true;
        drop(c, 'managed-only', `managed settings exist, and ${managedOnly}`, this.managed[this.managed.length - 1]!.name);
        return false;
      });
    }
    if (ann.lockedBy) {
      const lock = this.lock(ann.lockedBy);
      if (lock) {
        kept = kept.filter((c) => {
          if (c.layer.kind === 'managed') return true;
          drop(c, 'lock', `managed settings set ${label(ann.lockedBy!)}, so only managed values count`, lock.name);
          return false;
        });
      }
    }
    const sw = SWITCHED_KEYS.get(pointer);
    if (sw) {
      const { state, by } = this.switchState(sw);
      if (state !== 'off') {
        kept = kept.filter((c) => {
          if (state === 'non-managed' && c.layer.kind === 'managed') return true;
          const what = state === 'all' ? 'managed settings set it, so nothing of this kind runs' : `${by!.name} settings set it, which stops all but managed values`;
          drop(c, 'switched-off', `${label(sw)} is true: ${what}`, by!.name);
          return false;
        });
      }
    }
    return kept;
  }

  private mergeKey(node: AnnotationNode, pointer: string, all: readonly Contribution[]): { present: boolean; value?: unknown } {
    const ann = node.ann;
    const drop = (c: Contribution, cause: OverrideCause, reason: string, by: string): void => this.override(pointer, c, by, cause, reason);
    let contributions = this.filterLayers(pointer, ann, all, drop);
    const ignored = IGNORED_VALUES.get(pointer);
    if (ignored) {
      contributions = contributions.filter((c) => {
        const rule = ignored.find((r) => r.in.includes(scopeKind(c.layer.kind)) && (r.prefix !== undefined ? typeof c.value === 'string' && c.value.startsWith(r.prefix) : c.value === r.equals));
        if (!rule) return true;
        drop(c, 'ignored-value', `Claude Code ignores this value here: ${rule.why}`, c.layer.name);
        return false;
      });
    }
    if (contributions.length === 0) return { present: false };

    const tighten = TIGHTEN_ONLY.get(pointer);
    if (tighten) return this.tightenOnly(pointer, tighten, ann, contributions);

    const strategy = strategyFor(ann, contributions);
    switch (strategy) {
      case 'deep': {
        const objects = this.sameTypeRun(pointer, contributions, isObject);
        if (!objects) return this.replace(pointer, contributions, 'precedence', RANK_HIGHER);
        const value = this.mergeObject(node, pointer, objects);
        this.record(pointer, objects[objects.length - 1]!);
        return { present: true, value };
      }
      case 'union':
      case 'managed-replaces': {
        let lists = this.sameTypeRun(pointer, contributions, Array.isArray);
        if (!lists) return this.replace(pointer, contributions, 'precedence', RANK_HIGHER);
        if (strategy === 'managed-replaces' && lists.some((c) => c.layer.kind === 'managed')) {
          // The managed file and its drop-ins are one managed source: their lists concatenate (facts §1.2).
          const managedLists = lists.filter((c) => c.layer.kind === 'managed');
          const by = managedLists[managedLists.length - 1]!.layer.name;
          for (const c of lists) if (c.layer.kind !== 'managed') this.override(pointer, c, by, 'managed-list', 'a managed list replaces the lists of every other layer');
          lists = managedLists;
        }
        return { present: true, value: this.union(pointer, lists) };
      }
      case 'entries-whole': {
        const maps = this.sameTypeRun(pointer, contributions, isObject);
        if (!maps) return this.replace(pointer, contributions, 'precedence', RANK_HIGHER);
        const byName = new Map<string, Contribution[]>();
        for (const c of maps) {
          for (const name of Object.keys(c.value as object)) {
            const entry = { layer: c.layer, at: c.at + '/' + esc(name), value: (c.value as Record<string, unknown>)[name] };
            const list = byName.get(name);
            if (list) list.push(entry);
            else byName.set(name, [entry]);
          }
        }
        const result: Record<string, unknown> = {};
        for (const [name, entries] of byName) {
          define(result, name, this.replace(pointer + '/' + esc(name), entries, 'precedence', (by) => `${by} settings rank higher and have an entry of the same name, which replaces this one whole (entries are not merged)`).value);
        }
        this.record(pointer, maps[maps.length - 1]!);
        return { present: true, value: result };
      }
      case 'any-true':
      case 'any-false': {
        const wanted = strategy === 'any-true';
        const decisive = contributions.filter((c) => c.value === wanted);
        if (decisive.length === 0) return this.replace(pointer, contributions, 'precedence', RANK_HIGHER);
        const winner = decisive[decisive.length - 1]!;
        for (const c of contributions) if (c !== winner) this.override(pointer, c, winner.layer.name, strategy, `${wanted} in any layer wins`);
        this.record(pointer, winner);
        return { present: true, value: winner.value };
      }
      case 'strictest': {
        const order = ann.strictness ?? [];
        const rank = (v: unknown): number => order.indexOf(String(v));
        let winner = contributions[0]!;
        for (const c of contributions) if (rank(c.value) >= rank(winner.value)) winner = c;
        for (const c of contributions) if (c !== winner) this.override(pointer, c, winner.layer.name, 'strictest', 'the strictest value wins');
        this.record(pointer, winner);
        return { present: true, value: winner.value };
      }
      case 'sticky': {
        const winner = contributions[0]!;
        for (const c of contributions.slice(1)) this.override(pointer, c, winner.layer.name, 'sticky', 'once any layer sets it, nothing undoes it');
        this.recordWhole(pointer, winner);
        return { present: true, value: copy(winner.value) };
      }
      case 'whole':
        return this.replace(pointer, contributions, 'precedence', (by) => `${by} settings rank higher; this key comes whole from the highest layer that sets it`);
      default:
        return this.replace(pointer, contributions, 'precedence', RANK_HIGHER);
    }
  }

  /**
   * The contributions above the highest one of another type, when the highest has the wanted type (a
   * higher layer that changes the type replaces everything below it); undefined when the highest does not.
   */
  private sameTypeRun(pointer: string, contributions: readonly Contribution[], is: (v: unknown) => boolean): Contribution[] | undefined {
    let start = contributions.length;
    while (start > 0 && is(contributions[start - 1]!.value)) start--;
    if (start === contributions.length) return undefined;
    const by = contributions[start]!.layer.name;
    for (const c of contributions.slice(0, start)) this.override(pointer, c, by, 'precedence', `${by} settings rank higher and set a value of another type`);
    return contributions.slice(start);
  }

  /** Base value by precedence from the other layers; the listed layers' values count only when stricter. */
  private tightenOnly(pointer: string, rule: TightenOnly, ann: MergeAnnotations, contributions: readonly Contribution[]): { present: boolean; value?: unknown } {
    const order = rule.order === 'x-strictness' ? (ann.strictness ?? []) : rule.order;
    const rank = (v: unknown): number => order.findIndex((o) => o === v);
    const from = new Set(rule.from);
    const base = contributions.filter((c) => !from.has(scopeKind(c.layer.kind)));
    const tighteners = contributions.filter((c) => from.has(scopeKind(c.layer.kind)));
    let winner = base[base.length - 1];
    for (const c of base.slice(0, -1)) this.override(pointer, c, winner!.layer.name, 'precedence', RANK_HIGHER(winner!.layer.name));
    let floor = winner ? rank(winner.value) : ann.default !== undefined ? rank(ann.default) : -1;
    for (const t of tighteners) {
      if (rank(t.value) > floor) {
        if (winner) this.override(pointer, winner, t.layer.name, 'tighten-only', `${describeKind(t.layer.kind)} sets a stricter value: ${rule.why}`);
        winner = t;
        floor = rank(t.value);
      } else {
        this.override(pointer, t, winner?.layer.name ?? 'default', 'tighten-only', `not stricter than what it would change: ${rule.why}`);
      }
    }
    if (!winner) return { present: false };
    this.record(pointer, winner);
    return { present: true, value: winner.value };
  }

  /** The managed layer that turns a lock on, if one does. Fail-closed locks count any non-boolean as true. */
  private lock(lockPointer: string): Layer | undefined {
    if (this.locks.has(lockPointer)) return this.locks.get(lockPointer);
    const segs = segmentsOf(lockPointer);
    const anyTrue = annotationsAt(segs).merge === 'any-true';
    let on: Layer | undefined;
    for (const m of this.managed) {
      const v = valueAt(m.value, segs);
      if (!v.found) continue;
      const lit = v.value === true || (FAIL_CLOSED_LOCKS.has(lockPointer) && typeof v.value !== 'boolean');
      if (lit) on = m;
      else if (!anyTrue) on = undefined; // a later drop-in's false replaces an earlier true
    }
    this.locks.set(lockPointer, on);
    return on;
  }

  /** Whether a switch such as disableAllHooks is on, by plain precedence, and who set it. */
  private switchState(pointer: string): { state: 'off' | 'all' | 'non-managed'; by?: Layer } {
    let s = this.switches.get(pointer);
    if (s) return s;
    const segs = segmentsOf(pointer);
    let winner: Layer | undefined;
    let value: unknown;
    for (const l of this.layers) {
      const v = valueAt(l.value, segs);
      if (v.found) [winner, value] = [l, v.value];
    }
    s = value === true && winner ? { state: winner.kind === 'managed' ? 'all' : 'non-managed', by: winner } : { state: 'off' };
    this.switches.set(pointer, s);
    return s;
  }

  private replace(pointer: string, contributions: readonly Contribution[], cause: OverrideCause, reason: (by: string) => string): { present: true; value: unknown } {
    const winner = contributions[contributions.length - 1]!;
    const why = reason(winner.layer.name);
    for (let i = 0; i < contributions.length - 1; i++) this.override(pointer, contributions[i]!, winner.layer.name, cause, why);
    this.recordWhole(pointer, winner);
    return { present: true, value: copy(winner.value) };
  }

  /** Concatenates lowest layer first; a scalar already present is dropped (objects are kept: facts §2.2). */
  private union(pointer: string, lists: readonly Contribution[]): unknown[] {
    const result: unknown[] = [];
    const first = new Map<unknown, string>();
    for (const c of lists) {
      const items = c.value as unknown[];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const at = c.at + '/' + i;
        if (isScalar(item)) {
          const already = first.get(item);
          if (already !== undefined) {
            this.override(pointer, { layer: c.layer, at, value: item }, already, 'duplicate', `the same entry is already listed by ${already} settings`);
            continue;
          }
          first.set(item, c.layer.name);
          this.recordAt(pointer + '/' + result.length, c.layer, at);
          result.push(item);
        } else {
          this.recordWhole(pointer + '/' + result.length, { layer: c.layer, at, value: item });
          result.push(copy(item));
        }
      }
    }
    this.record(pointer, lists[lists.length - 1]!);
    return result;
  }

  private record(pointer: string, c: Contribution): void {
    this.recordAt(pointer, c.layer, c.at);
  }

  private recordAt(pointer: string, layer: Layer, at: string): void {
    const pos = layer.locate?.(at);
    this.provenance[pointer] = pos ? { layer: layer.name, file: layer.file, line: pos.line, column: pos.column, pointer: at } : { layer: layer.name, file: layer.file, pointer: at };
  }

  /** Records provenance for a value taken whole from one contribution, descending into it. */
  private recordWhole(pointer: string, c: Contribution): void {
    this.record(pointer, c);
    const v = c.value;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) this.recordWhole(pointer + '/' + i, { layer: c.layer, at: c.at + '/' + i, value: v[i] });
    } else if (isObject(v)) {
      for (const k of Object.keys(v)) this.recordWhole(pointer + '/' + esc(k), { layer: c.layer, at: c.at + '/' + esc(k), value: v[k] });
    }
  }

  private override(pointer: string, c: Contribution, by: string, cause: OverrideCause, reason: string): void {
    const pos = c.layer.locate?.(c.at);
    this.overridden.push({
      pointer,
      value: copy(c.value),
      layer: c.layer.name,
      file: c.layer.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      by,
      cause,
      reason,
    });
  }
}

function strategyFor(ann: MergeAnnotations, contributions: readonly Contribution[]): MergeStrategy {
  if (ann.merge) return ann.merge;
  if (contributions.every((c) => isObject(c.value))) return 'deep';
  if (contributions.every((c) => Array.isArray(c.value))) return 'union';
  return 'replace';
}

const KIND_WORDS: Record<LayerKind, string> = {
  user: 'user settings',
  team: 'a team file (shared, so read like project settings)',
  project: 'the shared project file',
  local: 'local settings',
  flag: 'a --settings file',
  managed: 'managed settings',
};

function describeKind(kind: LayerKind): string {
  return KIND_WORDS[kind];
}
