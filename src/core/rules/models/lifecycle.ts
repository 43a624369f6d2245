/**
 * models/deprecated and models/retired: references to models Anthropic has deprecated or retired, as the
 * catalog records them on its date (the catalog, not today's clock, decides, so results are repeatable).
 * Claude Code's aliases are never reported: Claude Code moves them on by itself.
 */

import type { CatalogModel, ModelCatalog } from '../../models/catalog';
import { isVersionPrefix } from '../../models/allowlist';
import { activeSuccessor, modelName } from '../../models/describe';
import { parseModelRef } from '../../models/model-ref';
import { valuePreview } from '../../text/preview';
import type { Rule, RuleContext } from '../rule';
import { ROUTED_ELSEWHERE_ENV } from './sites';
import { catalogOf, modelValues, type ModelValue } from './values';

interface Hit {
  v: ModelValue;
  model: CatalogModel;
  /** Named by a Bedrock or Vertex ID, or sent through a provider or gateway: those keep their own schedules. */
  onProvider: boolean;
}

/** The file's env sends requests to a cloud provider or a gateway rather than the Claude API. */
function routedElsewhere(value: unknown): boolean {
  const env = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'env') ? (value as { env: unknown }).env : undefined;
  if (env === null || typeof env !== 'object') return false;
  return ROUTED_ELSEWHERE_ENV.some((name) => {
    const v = Object.prototype.hasOwnProperty.call(env, name) ? (env as Record<string, unknown>)[name] : undefined;
    return typeof v === 'string' && v.trim() !== '' && !/^(?:0|false|no|off)$/i.test(v.trim());
  });
}

function hits(ctx: RuleContext, status: CatalogModel['status']): Hit[] {
  const catalog = catalogOf(ctx);
  const out: Hit[] = [];
  let routed: boolean | undefined;
  for (const v of modelValues(ctx)) {
    const r = v.resolution;
    if (r.kind !== 'model' || r.model.status !== status) continue;
    if (v.kind === 'allowlist' && isVersionPrefix(v.value, catalog)) continue;
    routed ??= routedElsewhere(ctx.file.value);
    out.push({ v, model: r.model, onProvider: r.via === 'provider-id' || routed });
  }
  return out;
}

/** The successor, spelled for the platform the reference was written for. */
function successorText(catalog: ModelCatalog, model: CatalogModel, written: string): string {
  const next = activeSuccessor(catalog, model);
  if (!next) return '';
  const { markers, prefix } = parseModelRef(written);
  // Keep a Bedrock geo prefix (us., eu.); an ARN names one account's profile and cannot be carried over.
  const geo = prefix.startsWith('arn:') ? '' : prefix;
  const bedrock = next.providerIds.bedrock ? geo + next.providerIds.bedrock : undefined;
  const spelled = (markers.bedrock ? bedrock : markers.vertex ? next.providerIds.vertex : undefined) ?? next.preferred;
  return ` Move to ${JSON.stringify(spelled)} (${modelName(next)}).`;
}

const PROVIDER_NOTE = ' (dates are for the Claude API; Bedrock, Google Cloud and Foundry keep their own schedules)';

export const deprecatedModel: Rule = {
  id: 'models/deprecated',
  meta: {
    description: 'Models Anthropic has deprecated: they still answer, until their retirement date; the message gives the date and the successor.',
    severity: 'warning',
  },
  check(ctx) {
    const catalog = catalogOf(ctx);
    for (const { v, model, onProvider } of hits(ctx, 'deprecated')) {
      const since = model.deprecatedOn ? ` since ${model.deprecatedOn}` : '';
      const until = model.retiresOn
        ? ` and retires on ${model.retiresOn}; from then on every request to it fails`
        : '; no retirement date is announced yet, but it will come';
      ctx.report({
        pointer: v.pointer,
        message: `${v.label} is ${valuePreview(v.value)}: ${modelName(model)} is deprecated${since}${until}${onProvider ? PROVIDER_NOTE : ''}.${successorText(catalog, model, v.value)}`,
      });
    }
  },
};

export const retiredModel: Rule = {
  id: 'models/retired',
  meta: {
    description: 'Models Anthropic has retired: every request to them fails. A warning where a cloud provider or gateway, on its own schedule, may still serve them.',
    severity: 'error',
  },
  check(ctx) {
    const catalog = catalogOf(ctx);
    for (const { v, model, onProvider } of hits(ctx, 'retired')) {
      const when = model.retiredOn ? ` on ${model.retiredOn}` : '';
      const effect =
        v.kind === 'allowlist'
          ? 'so this entry allows nothing anyone can use'
          : v.kind === 'tier'
            ? 'so no task can run on it'
            : onProvider
              ? 'so requests to it fail unless your provider or gateway still serves it'
              : 'so every request Claude Code sends to it fails';
      ctx.report({
        pointer: v.pointer,
        // A provider or gateway may still serve it, and an allowlist entry does no harm by itself: warnings.
        severity: onProvider || v.kind === 'allowlist' ? 'warning' : 'error',
        message: `${v.label} is ${valuePreview(v.value)}: ${modelName(model)} was retired${when}${onProvider ? PROVIDER_NOTE : ''}, ${effect}.${successorText(catalog, model, v.value)}`,
      });
    }
  },
};
