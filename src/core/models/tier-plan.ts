/**
 * The team's tiering intent, read from a parsed claude_settings.json: the session default, the routine cap
 * and the named tiers. Tolerant by design: whatever the schema rules report as malformed is skipped here,
 * so `route` and the tier rules work on the parts that make sense.
 */

import balanced from './balanced-tiers.json';

export interface TierDef {
  name: string;
  /** The model reference as written. */
  model: string;
  description?: string;
  /** Task categories, as written ("bug fixes", "database migrations"). */
  tasks: readonly string[];
  /** Extra words and phrases that route a task here. */
  keywords: readonly string[];
  maxCostPercent?: number;
  minCostPercent?: number;
}

export interface TierPlan {
  defaultModel?: string;
  maxModelForRoutineTasks?: string;
  tiers: readonly TierDef[];
  /** The file's own `tiers`, or the balanced defaults (no tier file, or one without `tiers`). */
  tiersFrom: 'file' | 'balanced';
  /** Name of the tier for routine work, where a task nothing matches goes. */
  routine: string;
}

type Json = Record<string, unknown>;

function own(obj: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function texts(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function percent(v: unknown): number | undefined {
  return typeof v === 'number' && v >= 0 && v <= 100 ? v : undefined;
}

function tierDefs(value: unknown): TierDef[] {
  if (!isObject(value)) return [];
  const out: TierDef[] = [];
  for (const [name, def] of Object.entries(value)) {
    if (!isObject(def)) continue;
    const model = text(own(def, 'model'));
    if (!model) continue;
    const description = text(own(def, 'description'));
    const max = percent(own(def, 'maxCostPercent'));
    const min = percent(own(def, 'minCostPercent'));
    out.push({
      name,
      model,
      ...(description ? { description } : {}),
      tasks: texts(own(def, 'tasks')),
      keywords: texts(own(def, 'keywords')),
      ...(max !== undefined ? { maxCostPercent: max } : {}),
      ...(min !== undefined ? { minCostPercent: min } : {}),
    });
  }
  return out;
}

/** The balanced defaults: quick on Haiku, routine on Sonnet, critical on Opus. */
export const BALANCED_TIERS: readonly TierDef[] = Object.freeze(tierDefs(balanced.tiers));

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The plan in a tier file's parsed value; `undefined` (no tier file) gives the balanced defaults. */
export function tierPlan(value: unknown): TierPlan {
  const file = isObject(value) ? value : {};
  const defaultModel = text(own(file, 'defaultModel'));
  const cap = text(own(file, 'maxModelForRoutineTasks'));
  const declared = tierDefs(own(file, 'tiers'));
  const base = { ...(defaultModel ? { defaultModel } : {}), ...(cap ? { maxModelForRoutineTasks: cap } : {}) };
  if (declared.length > 0) {
    const routine =
      declared.find((t) => t.name === 'routine') ?? (defaultModel ? declared.find((t) => same(t.model, defaultModel)) : undefined) ?? declared[Math.floor((declared.length - 1) / 2)]!;
    return { ...base, tiers: declared, tiersFrom: 'file', routine: routine.name };
  }
  // Without tiers of its own, the file's defaultModel is what routine work runs on.
  const tiers = BALANCED_TIERS.map((t) => (t.name === 'routine' && defaultModel ? { ...t, model: defaultModel } : t));
  return { ...base, tiers, tiersFrom: 'balanced', routine: 'routine' };
}

/** True when the parsed value states any tiering intent (a dotfiles copy of user settings does not). */
export function hasTierKeys(value: unknown): boolean {
  return isObject(value) && ['defaultModel', 'maxModelForRoutineTasks', 'tiers'].some((k) => own(value, k) !== undefined);
}
