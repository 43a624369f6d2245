/**
 * How Claude Code reads a hook matcher, and the ways one silently fails. A matcher made only of letters,
 * digits, `_`, `-`, spaces, `,` and `|` is a list of exact names (split on `|` or `,`); anything else is
 * an unanchored JavaScript regex; matching is case-sensitive; "" and "*" match everything.
 */

import { closest } from '../../text/suggest';
import toolData from './tool-names.json';

const CURRENT_TOOLS: readonly string[] = toolData.tools;
const KNOWN_TOOLS: ReadonlySet<string> = new Set([...toolData.tools, ...toolData.legacy]);
const TOOLS_BY_LOWER: ReadonlyMap<string, string> = new Map([...KNOWN_TOOLS].map((t) => [t.toLowerCase(), t]));

const EXACT_LIST = /^[A-Za-z0-9_\- ,|]+$/;
/** `Bash(git *)` or `write:src/**`: a permission rule or a path written where only a tool name is tested. */
const RULE_FORM = /^\s*([A-Za-z]+)\s*(?:\((.*)\)|:(.+))\s*$/;
/** The comma list form arrived in v2.1.191; older versions took "Edit,Write" as one literal name. */
const COMMA_SINCE = [2, 1, 191] as const;

export function matchesEverything(matcher: string): boolean {
  return matcher === '' || matcher === '*';
}

export function isExactList(matcher: string): boolean {
  return EXACT_LIST.test(matcher);
}

export function exactNames(matcher: string): string[] {
  return matcher
    .split(/[|,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function isKnownTool(name: string): boolean {
  return KNOWN_TOOLS.has(name);
}

interface NameFix {
  name: string;
  replacement: string;
  why: string;
}

function toolNameFix(name: string): NameFix | undefined {
  if (KNOWN_TOOLS.has(name)) return undefined;
  if (name.startsWith('mcp__')) {
    if (name.slice(5).includes('__')) return undefined;
    return { name, replacement: `${name}__.*`, why: 'a server name, not a tool; MCP tools are named mcp__<server>__<tool>' };
  }
  const sameCase = TOOLS_BY_LOWER.get(name.toLowerCase());
  if (sameCase) return { name, replacement: sameCase, why: 'tool names are case-sensitive' };
  const near = closest(name, KNOWN_TOOLS);
  if (near) return { name, replacement: near, why: 'no tool has this name' };
  // An unknown name may be a tool newer than this list: say nothing.
  return undefined;
}

/** Verdicts by matcher: the same few matchers recur across files, and each costs a few regex compilations. */
const verdicts = new Map<string, string | undefined>();
const MAX_VERDICTS = 2000;

/** Why a tool-event matcher never matches (or matches more than it says), or undefined when it is fine. */
export function toolMatcherProblem(matcher: string, requiredMinimumVersion?: string): string | undefined {
  if (matchesEverything(matcher)) return undefined;
  const key = `${requiredMinimumVersion ?? ''}\n${matcher}`;
  if (verdicts.has(key)) return verdicts.get(key);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  const verdict = judgeToolMatcher(matcher, requiredMinimumVersion);
  verdicts.set(key, verdict);
  return verdict;
}

function judgeToolMatcher(matcher: string, requiredMinimumVersion?: string): string | undefined {
  if (isExactList(matcher)) {
    const names = exactNames(matcher);
    const fixes = names.map(toolNameFix).filter((f): f is NameFix => f !== undefined);
    if (fixes.length) {
      const fixed = names.map((n) => fixes.find((f) => f.name === n)?.replacement ?? n).join('|');
      const parts = fixes.map((f) => `${JSON.stringify(f.name)}: ${f.why}`);
      return `The matcher ${JSON.stringify(matcher)} never matches ${fixes.length === names.length ? 'any tool' : 'some of the tools it names'} (${parts.join('; ')}). Write ${JSON.stringify(fixed)}.`;
    }
    if (matcher.includes(',') && requiredMinimumVersion && olderThan(requiredMinimumVersion, COMMA_SINCE)) {
      return `The matcher ${JSON.stringify(matcher)} is a comma-separated list, which Claude Code understands only from v2.1.191; requiredMinimumVersion still lets ${requiredMinimumVersion} start, and there it never matches. Write ${JSON.stringify(names.join('|'))}.`;
    }
    return undefined;
  }
  const ruleForms = matcher
    .split('|')
    .map((alt) => RULE_FORM.exec(alt))
    .filter((m): m is RegExpExecArray => m !== null && TOOLS_BY_LOWER.has(m[1]!.toLowerCase()));
  if (ruleForms.length) {
    const tools = [...new Set(ruleForms.map((m) => TOOLS_BY_LOWER.get(m[1]!.toLowerCase())!))];
    const first = ruleForms[0]!;
    const example = `${TOOLS_BY_LOWER.get(first[1]!.toLowerCase())}(${(first[2] ?? first[3] ?? '').trim()})`;
    return (
      `The matcher ${JSON.stringify(matcher)} never matches: matchers test only the tool name, not its arguments or file paths. ` +
      `Use ${JSON.stringify(tools.join('|'))} as the matcher, and narrow it with one permission rule per handler in "if" (for example "if": ${JSON.stringify(example)}) or inside the hook.`
    );
  }
  let re: RegExp;
  try {
    re = new RegExp(matcher);
  } catch {
    return `The matcher ${JSON.stringify(matcher)} is not a valid regular expression, so it matches no tool and these hooks never run. Matchers test only the tool name, e.g. "Edit|Write"; check file paths or arguments inside the hook.`;
  }
  const matched = CURRENT_TOOLS.filter((t) => re.test(t));
  if (matched.length === 0) {
    if (/mcp/i.test(matcher)) return undefined;
    const insensitive = new RegExp(matcher, 'i');
    const wouldMatch = CURRENT_TOOLS.filter((t) => insensitive.test(t));
    if (wouldMatch.length) {
      return `The matcher ${JSON.stringify(matcher)} matches no tool because matching is case-sensitive (it would match ${list(wouldMatch)} with the right case). Write the tool names as Claude Code spells them, e.g. ${JSON.stringify(wouldMatch[0])}.`;
    }
    return undefined;
  }
  const anchored = new RegExp(`^(?:${matcher})$`);
  const exact = matched.filter((t) => anchored.test(t));
  const extra = matched.filter((t) => !anchored.test(t));
  if (exact.length && extra.length) {
    return `The matcher ${JSON.stringify(matcher)} is a regular expression that Claude Code tests anywhere in the tool name, so it also matches ${list(extra)}. To match only ${list(exact)}, write ${JSON.stringify(exact.length <= 6 ? exact.join('|') : `^(?:${matcher})$`)}.`;
  }
  return undefined;
}

/** For events whose matcher values form a closed set: a tool name or a misspelled value never matches. */
export function valueMatcherProblem(event: string, subject: string, values: readonly string[], matcher: string): string | undefined {
  if (matchesEverything(matcher) || !isExactList(matcher)) return undefined;
  const known = new Set(values);
  const lower = new Map(values.map((v) => [v.toLowerCase(), v]));
  const problems: string[] = [];
  for (const name of exactNames(matcher)) {
    if (known.has(name)) continue;
    const suggestion = lower.get(name.toLowerCase()) ?? closest(name, values);
    if (suggestion) problems.push(`${JSON.stringify(name)} (did you mean ${JSON.stringify(suggestion)}?)`);
    else if (KNOWN_TOOLS.has(name)) problems.push(`${JSON.stringify(name)} (a tool name)`);
  }
  if (!problems.length) return undefined;
  return `${event} matchers test ${subject} (${values.map((v) => JSON.stringify(v)).join(', ')}), so ${problems.join(', ')} never ${problems.length === 1 ? 'matches' : 'match'}. Write one of those values, or "*" for all.`;
}

function list(names: readonly string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

function olderThan(version: string, than: readonly number[]): boolean {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!parts) return false;
  for (let i = 0; i < 3; i++) {
    const a = Number(parts[i + 1]);
    if (a !== than[i]) return a < than[i]!;
  }
  return false;
}
