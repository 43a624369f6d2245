/**
 * deprecated/removed-key: keys and env variables Claude Code no longer reads: x-scope "removed" in the
 * schema (teammateDefaultModel, CLAUDE_CODE_CONNECT_TIMEOUT_MS, ...) and legacy nested keys the schema now
 * rejects (permissions.ignorePatterns, from keys.json). No fix: on the older versions a team may still run,
 * some of them still work.
 */

import { pointerFrom } from '../../source/pointer';
import { pointerLabel } from '../../text/preview';
import type { Rule } from '../rule';
import keys from './keys.json';
import { envEntries, knownVariables } from '../env/variables';
import { clause, topLevelKeys, valueAt } from './schema-notes';

const NESTED = Object.entries(keys.removedNested as Record<string, string>).map(([pointer, why]) => ({ pointer, why, segments: pointer.split('/').slice(1) }));

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const removedKey: Rule = {
  id: 'deprecated/removed-key',
  meta: {
    description: 'Keys and env variables Claude Code no longer reads (teammateDefaultModel, permissions.ignorePatterns, removed variables).',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    if (!isObject(root)) return;
    for (const key of Object.keys(root)) {
      const node = topLevelKeys().get(key);
      if (node?.['x-scope'] !== 'removed') continue;
      const note = node['x-scope-note'];
      ctx.report({
        pointer: pointerFrom([key]),
        at: 'key',
        message: `${key} was removed from Claude Code and does nothing${note ? ` (${clause(note)})` : ''}. Remove it.`,
      });
    }
    for (const [name] of envEntries(root)) {
      const node = knownVariables().get(name);
      if (node?.['x-scope'] !== 'removed') continue;
      const note = node['x-scope-note'];
      ctx.report({
        pointer: pointerFrom(['env', name]),
        at: 'key',
        message: `env.${name} no longer does anything${note ? ` (${clause(note)})` : ''}. Remove it.`,
      });
    }
    for (const { pointer, why, segments } of NESTED) {
      if (!isObject(valueAt(root, segments.slice(0, -1))) || valueAt(root, segments) === undefined) continue;
      ctx.report({ pointer, at: 'key', replaces: ['schema/unknown-property'], message: `${pointerLabel(pointer)} is ${why}.` });
    }
  },
};
