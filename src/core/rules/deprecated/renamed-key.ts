/**
 * deprecated/renamed-key: keys and env variables the schema marks x-deprecated, reported with their
 * successor. Fixes where the meaning carries over exactly:
 * - includeCoAuthoredBy: false -> "attribution": { "commit": "", "pr": "" } (both opt out of the trailer and
 *   the PR line); true -> removed (the default, and a false in any layer wins anyway); removed as well when
 *   attribution.commit or .pr is set, which makes Claude Code ignore it.
 * - voiceEnabled: X -> "voice": { "enabled": X }; removed when voice.enabled is set, which wins over it.
 * - env ANTHROPIC_SMALL_FAST_MODEL -> ANTHROPIC_DEFAULT_HAIKU_MODEL, unless that is set too.
 * A successor that this file's scope ignores (enableArtifact in a project file) is no advice: not reported.
 */

import type { TextEdit } from '../../diagnostic';
import { renameKey } from '../../fix/edits';
import type { SchemaNode } from '../../schema/shape';
import { pointerFrom } from '../../source/pointer';
import type { FileRole } from '../../scope';
import type { Rule, RuleContext } from '../rule';
import keys from './keys.json';
import { envEntries, hasVariable, knownVariables } from '../env/variables';
import { topLevelKeys, valueAt } from './schema-notes';
import { removeProperty, replaceProperty } from './property-edits';

const FIXES: Readonly<Record<string, string>> = keys.renameFixes;
const HINTS: Readonly<Record<string, string>> = keys.renameHints;

function successorIgnored(use: string, role: FileRole): boolean {
  const scope = topLevelKeys().get(use.split('.')[0]!)?.['x-scope'];
  if (scope === 'managed') return role.scope !== 'managed';
  if (scope === 'user-managed') return role.kind === 'settings' && (role.scope === 'project' || role.scope === 'local');
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: unknown, k: string): boolean => isObject(o) && Object.prototype.hasOwnProperty.call(o, k);

interface Advice {
  text: string;
  fix?: TextEdit;
}

function fixFor(ctx: RuleContext, kind: string | undefined, pointer: string, name: string, value: unknown): Advice | undefined {
  const root = ctx.file.value;
  switch (kind) {
    case 'attribution': {
      const attribution = valueAt(root, ['attribution']);
      if (has(attribution, 'commit') || has(attribution, 'pr')) {
        return { text: 'attribution.commit or attribution.pr is set in this file, so Claude Code ignores it: remove it.', fix: removeProperty(ctx.file, pointer) };
      }
      if (value === true) return { text: 'true is the default, and a false in any other file wins over it: remove it.', fix: removeProperty(ctx.file, pointer) };
      if (value !== false) return undefined;
      if (attribution !== undefined) return { text: 'To keep the opt-out, set "commit": "" and "pr": "" in attribution and remove this key.' };
      return {
        text: 'To keep the opt-out, write "attribution": { "commit": "", "pr": "" }.',
        fix: replaceProperty(ctx.file, pointer, 'attribution', { commit: '', pr: '' }),
      };
    }
    case 'voice': {
      const voice = valueAt(root, ['voice']);
      if (has(voice, 'enabled')) return { text: 'voice.enabled is set in this file and wins over it: remove it.', fix: removeProperty(ctx.file, pointer) };
      if (typeof value !== 'boolean') return undefined;
      if (voice !== undefined) return { text: `Set "enabled": ${value} in voice and remove this key.` };
      return { text: `Write "voice": { "enabled": ${value} }.`, fix: replaceProperty(ctx.file, pointer, 'voice', { enabled: value }) };
    }
    case 'rename': {
      const use = (knownVariables().get(name)?.['x-deprecated'] ?? topLevelKeys().get(name)?.['x-deprecated'])?.use;
      if (!use) return undefined;
      if (hasVariable(root, use)) return { text: `${use} is set too and is the one to keep: remove ${name}.` };
      return { text: `Rename it to ${use}; the value means the same.`, fix: renameKey(ctx.file, pointer, use) };
    }
    default:
      return undefined;
  }
}

function report(ctx: RuleContext, segments: string[], label: string, node: SchemaNode, value: unknown): void {
  const deprecated = node['x-deprecated'];
  if (!deprecated?.use || successorIgnored(deprecated.use, ctx.file.role)) return;
  const pointer = pointerFrom(segments);
  const name = segments[segments.length - 1]!;
  const advice = fixFor(ctx, FIXES[pointer], pointer, name, value);
  const since = deprecated.since ? ` since v${deprecated.since}` : '';
  const note = advice ? '' : ` ${HINTS[pointer] ?? deprecated.note ?? ''}`;
  ctx.report({
    pointer,
    at: 'key',
    message: `${label} is deprecated${since}; ${deprecated.use} replaces it.${note}${advice ? ` ${advice.text}` : ''}`.trimEnd(),
    fix: advice?.fix,
  });
}

export const renamedKey: Rule = {
  id: 'deprecated/renamed-key',
  meta: {
    description: 'Keys and env variables with a successor (includeCoAuthoredBy -> attribution, voiceEnabled -> voice.enabled, ANTHROPIC_SMALL_FAST_MODEL -> ANTHROPIC_DEFAULT_HAIKU_MODEL).',
    severity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const root = ctx.file.value;
    if (!isObject(root)) return;
    for (const [key, value] of Object.entries(root)) {
      const node = topLevelKeys().get(key);
      if (node) report(ctx, [key], key, node, value);
    }
    for (const [name, value] of envEntries(root)) {
      const node = knownVariables().get(name);
      if (node) report(ctx, ['env', name], `env.${name}`, node, value);
    }
  },
};
