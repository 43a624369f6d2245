/**
 * Which tier a described task belongs to: a transparent word and phrase matcher over the tiers' task
 * categories (task-categories.json), no model and no network. Every tier scores the phrases it matches
 * (a phrase of n words scores n); the highest score wins, a tie goes to the more capable tier (the
 * cheaper mistake), and a task nothing matches goes to the routine tier.
 */

import categoryData from './task-categories.json';
import { CATALOG, type ModelCatalog } from './catalog';
import { tierOf } from './rank';
import { resolveModel } from './resolve';
import type { TierDef, TierPlan } from './tier-plan';

export interface RouteMatch {
  tier: string;
  /** The category as the tier lists it, or "keywords" for the tier's own keywords. */
  category: string;
  /** The phrase as written in the category data or the keyword list. */
  phrase: string;
}

export interface RouteResult {
  tier: TierDef;
  /** What the chosen tier matched, in the order the words appear in the task. */
  matches: readonly RouteMatch[];
  /** Every tier with its score, best first. */
  scores: ReadonlyArray<{ tier: string; score: number }>;
  /** Nothing matched, so the task went to the routine tier. */
  fallback: boolean;
}

interface Token {
  text: string;
  prefix: boolean;
}

interface Phrase {
  written: string;
  tokens: readonly Token[];
}

interface Category {
  label: string;
  phrases: readonly Phrase[];
}

/** Words that say nothing about a task when a team's own category is split into words. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'of', 'to', 'for', 'in', 'on', 'with', 'code', 'work', 'task', 'tasks', 'simple', 'quick', 'new', 'any', 'all']);

/** A crude singular, applied alike to the task and the phrases: logs -> log, fixes -> fix, queries -> query. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function words(s: string): string[] {
  return s.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9*]+/).filter(Boolean);
}

function phrase(written: string): Phrase {
  const tokens = words(written).map((w) => (w.endsWith('*') && w.length > 1 ? { text: w.slice(0, -1).replace(/\*/g, ''), prefix: true } : { text: singular(w.replace(/\*/g, '')), prefix: false }));
  return { written, tokens: tokens.filter((t) => t.text) };
}

function normalName(s: string): string {
  return words(s).join(' ');
}

/** Built-in categories by every name a tier file may use for them. */
const KNOWN: ReadonlyMap<string, Category> = (() => {
  const map = new Map<string, Category>();
  for (const c of categoryData.categories) {
    const category = { label: c.label, phrases: [...c.phrases, c.label].map(phrase) };
    for (const name of [c.label, ...c.names]) map.set(normalName(name), category);
  }
  return map;
})();

/** A category the tier names: a known one, or the team's own, matched by its words. */
function categoryFor(name: string): Category {
  const known = KNOWN.get(normalName(name));
  if (known) return { ...known, label: name };
  const own = words(name).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
  return { label: name, phrases: [phrase(name), ...own.map(phrase)] };
}

interface CompiledTier {
  def: TierDef;
  categories: readonly Category[];
  rank: number;
}

function compile(plan: TierPlan, catalog: ModelCatalog): CompiledTier[] {
  return plan.tiers.map((def) => ({
    def,
    categories: [...def.tasks.map(categoryFor), ...(def.keywords.length ? [{ label: 'keywords', phrases: def.keywords.map(phrase) }] : [])],
    rank: tierOf(resolveModel(def.model, catalog)) ?? 0,
  }));
}

/** Start positions where the phrase occurs in the task's words. */
function find(task: readonly string[], stems: readonly string[], p: Phrase): number[] {
  const n = p.tokens.length;
  if (n === 0) return [];
  const at: number[] = [];
  for (let i = 0; i + n <= task.length; i++) {
    let ok = true;
    for (let j = 0; j < n && ok; j++) {
      const t = p.tokens[j]!;
      ok = t.prefix ? task[i + j]!.startsWith(t.text) : stems[i + j] === t.text;
    }
    if (ok) at.push(i);
  }
  return at;
}

export function routeTask(task: string, plan: TierPlan, catalog: ModelCatalog = CATALOG): RouteResult {
  const raw = words(task).map((w) => w.replace(/\*/g, '')).filter(Boolean);
  const stems = raw.map(singular);
  const scored = compile(plan, catalog).map((tier, order) => {
    const matches: Array<RouteMatch & { at: number }> = [];
    // A phrase inside a longer one already matched ("race" within "race condition") adds nothing.
    const spans: Array<[number, number]> = [];
    let score = 0;
    const candidates = tier.categories.flatMap((c) => c.phrases.map((p) => ({ c, p }))).sort((a, b) => b.p.tokens.length - a.p.tokens.length);
    const seen = new Set<string>();
    for (const { c, p } of candidates) {
      const key = `${c.label}\u0000${p.written}`;
      if (seen.has(key)) continue;
      const starts = find(raw, stems, p).filter((s) => !spans.some(([a, b]) => s >= a && s + p.tokens.length <= b));
      if (starts.length === 0) continue;
      seen.add(key);
      for (const s of starts) spans.push([s, s + p.tokens.length]);
      matches.push({ tier: tier.def.name, category: c.label, phrase: p.written, at: starts[0]! });
      score += p.tokens.length;
    }
    matches.sort((a, b) => a.at - b.at);
    return { tier, order, matches: matches.map(({ at: _at, ...m }) => m), score };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || b.tier.rank - a.tier.rank || a.order - b.order);
  const best = ranked[0];
  const scores = ranked.map((s) => ({ tier: s.tier.def.name, score: s.score }));
  if (!best || best.score === 0) {
    const routine = plan.tiers.find((t) => t.name === plan.routine) ?? plan.tiers[0]!;
    return { tier: routine, matches: [], scores, fallback: true };
  }
  return { tier: best.tier.def, matches: best.matches, scores, fallback: false };
}
