/**
 * Every model reference in a file, resolved once and shared by the models/* rules: the settings keys and
 * env variables of sites.ts, and in the tier file also defaultModel, maxModelForRoutineTasks and each
 * tier's model.
 */

import { CATALOG, type ModelCatalog } from '../../models/catalog';
import { resolveModel, type ModelResolution } from '../../models/resolve';
import { pointerFrom } from '../../source';
import { pointerLabel } from '../../text/preview';
import type { LintFile, RuleContext } from '../rule';
import { MODEL_ENV_VARS, MODEL_KEYS, TIER_MODEL_KEYS } from './sites';

/** tier: a tier-file key; one: a single-model setting or env variable; list: a fallbackModel entry; allowlist: an availableModels entry. */
export type SiteKind = 'tier' | 'one' | 'list' | 'allowlist';

export interface ModelValue {
  pointer: string;
  /** The place as messages name it: `model`, `env.ANTHROPIC_MODEL`, `availableModels[1]`, `tiers.quick.model`. */
  label: string;
  kind: SiteKind;
  value: string;
  resolution: ModelResolution;
}

type Json = Record<string, unknown>;

const own = (obj: Json, key: string): unknown => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined);
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export function catalogOf(ctx: RuleContext): ModelCatalog {
  return ctx.options.catalog ?? CATALOG;
}

const memo = new WeakMap<LintFile, { catalog: ModelCatalog; values: readonly ModelValue[] }>();

export function modelValues(ctx: RuleContext): readonly ModelValue[] {
  const catalog = catalogOf(ctx);
  const hit = memo.get(ctx.file);
  if (hit && hit.catalog === catalog) return hit.values;
  const values = collect(ctx.file, catalog);
  memo.set(ctx.file, { catalog, values });
  return values;
}

function collect(file: LintFile, catalog: ModelCatalog): ModelValue[] {
  const root = file.value;
  if (!isObject(root)) return [];
  const out: ModelValue[] = [];
  const add = (segments: (string | number)[], kind: SiteKind, value: unknown) => {
    if (typeof value !== 'string') return;
    const pointer = pointerFrom(segments);
    out.push({ pointer, label: pointerLabel(pointer), kind, value, resolution: resolveModel(value, catalog) });
  };
  if (file.role.kind === 'tier-file') {
    for (const key of TIER_MODEL_KEYS) add([key], 'tier', own(root, key));
    const tiers = own(root, 'tiers');
    if (isObject(tiers)) for (const [name, def] of Object.entries(tiers)) if (isObject(def)) add(['tiers', name, 'model'], 'tier', own(def, 'model'));
  }
  for (const [key, shape] of Object.entries(MODEL_KEYS)) {
    const v = own(root, key);
    if (shape === 'one') add([key], 'one', v);
    else if (Array.isArray(v)) v.forEach((item, i) => add([key, i], shape, item));
  }
  const env = own(root, 'env');
  if (isObject(env)) for (const name of MODEL_ENV_VARS) add(['env', name], 'one', own(env, name));
  return out;
}
