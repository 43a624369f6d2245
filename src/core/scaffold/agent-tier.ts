/**
 * The subagent tier check: a subagent (`.claude/agents/*.md`) whose `model:` ranks above the model of the
 * tier its work belongs to. Claude Code runs every delegation to it on that model, so a log summariser on
 * Opus pays critical-tier prices for quick-tier work. The tier is found the way `cctier route` finds one:
 * from the agent's name and description, matched against the tiers' task categories; an agent whose
 * description matches no category is not judged (its tier is unknown).
 *
 * Lint reads only JSON settings files today; this is written as a function over one file's text so the
 * lint engine can call it for Markdown files under .claude/agents.
 */

import type { Diagnostic, Severity } from '../diagnostic';
import { CATALOG, type ModelCatalog } from '../models/catalog';
import { describeResolution, tierLabel } from '../models/describe';
import { tierOf } from '../models/rank';
import { resolveModel } from '../models/resolve';
import { routeTask } from '../models/route';
import type { TierDef, TierPlan } from '../models/tier-plan';
import { valuePreview } from '../text/preview';
import { agentString, parseAgentFile, positionOf, type AgentFile } from './agent-file';
import { claudeCodeModel } from './model-choice';

export const AGENT_ABOVE_TIER = 'tiers/agent-above-tier';
export const AGENT_ABOVE_TIER_META = {
  description: 'A subagent in .claude/agents whose model ranks above the model of the tier its work belongs to (by its name and description), so every delegation to it costs more than the team intends.',
  severity: 'warning' as Severity,
};

export interface AgentTier {
  tier: TierDef;
  /** The categories that matched, as the tier lists them. */
  categories: string[];
}

/** The tier an agent's work belongs to, or undefined when its name and description match no category. */
export function agentTier(agent: AgentFile, plan: TierPlan, catalog: ModelCatalog = CATALOG): AgentTier | undefined {
  const words = [agentString(agent, 'name')?.replace(/[-_]/g, ' '), agentString(agent, 'description')].filter(Boolean).join('. ');
  if (!words) return undefined;
  const routed = routeTask(words, plan, catalog);
  if (routed.fallback) return undefined;
  return { tier: routed.tier, categories: [...new Set(routed.matches.map((m) => m.category))] };
}

/**
 * Diagnostics for one subagent file under the team's tier plan. A file Claude Code would not load as a
 * subagent (no frontmatter) is not this check's business; it returns nothing for it.
 */
export function checkAgentFile(file: string, text: string, plan: TierPlan, catalog: ModelCatalog = CATALOG, severity: Severity = AGENT_ABOVE_TIER_META.severity): Diagnostic[] {
  const parsed = parseAgentFile(text);
  if (!parsed.ok) return [];
  const agent = parsed.agent;
  const modelField = agent.fields.get('model');
  const written = agentString(agent, 'model');
  // No model, or `inherit`: the agent runs on the session's model, which the settings rules judge.
  if (!modelField || written === undefined || written.trim() === 'inherit') return [];
  const used = resolveModel(written, catalog);
  const usedTier = tierOf(used);
  if (usedTier === null) return [];
  const belongs = agentTier(agent, plan, catalog);
  if (!belongs) return [];
  const intended = resolveModel(belongs.tier.model, catalog);
  const intendedTier = tierOf(intended);
  if (intendedTier === null || usedTier <= intendedTier) return [];
  const spelled = claudeCodeModel(belongs.tier.model, catalog);
  const why = belongs.categories.length ? ` (${belongs.categories.map((c) => JSON.stringify(c)).join(', ')})` : '';
  const message =
    `This subagent runs on ${valuePreview(written)} (${describeResolution(used)}, ${tierLabel(catalog, usedTier)}), but its work${why} belongs to the ${belongs.tier.name} tier, ` +
    `whose model is ${valuePreview(belongs.tier.model)} (${describeResolution(intended)}, ${tierLabel(catalog, intendedTier)}). ` +
    `Every task Claude delegates to it is billed at the higher tier's price. Set \`model: ${spelled}\`, or, if this work needs more, move its category to a higher tier in claude_settings.json.`;
  const a = positionOf(text, modelField.start);
  const b = positionOf(text, Math.max(modelField.start, modelField.end));
  return [{ ruleId: AGENT_ABOVE_TIER, severity, message, file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, pointer: '/model' }];
}
