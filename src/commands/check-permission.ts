/**
 * `cctier check-permission "<tool use>" [dir]`: allow, ask, deny or no rule for one tool use in a session
 * started in dir, with the rule that decides and the file and line it comes from. Exit 0 for any answer,
 * 2 when the tool use cannot be read (or the team's `extends` chain is broken, as for `effective`).
 */

import type { Layer } from '../core/layers/layer';
import { mergeLayers } from '../core/layers/merge';
import { checkPermission, poolRules, type Decision, type PooledRule, type Verdict } from '../core/layers/permission-check';
import { parseToolUse } from '../core/layers/tool-use';
import { EXIT_OK, EXIT_USAGE, UsageError, type ExitCode, type Io } from './io';
import { hasChainErrors, readLayers, type LayerOptions } from './layer-options';
import { diagnosticLine, displayPath } from './effective';

export interface CheckPermissionOptions extends LayerOptions {
  toolUse: string;
  format: 'stylish' | 'json';
}

const WORDS: Record<Decision, string> = { deny: 'deny', ask: 'ask', allow: 'allow', none: 'no rule' };

/** What Claude Code does when no rule matches, by permission mode (facts §3.7, [DOC:permission-modes]). */
const FALLBACK: Record<string, string> = {
  default: 'it asks',
  manual: 'it asks',
  acceptEdits: 'it asks, except for file edits and common filesystem commands (mkdir, touch, mv, cp) in the working directories',
  plan: 'plan mode: it explores but asks before changing anything',
  auto: 'auto mode: a classifier decides',
  dontAsk: 'dontAsk mode: it denies',
  bypassPermissions: 'bypassPermissions mode: it runs without asking',
};

export async function run(opts: CheckPermissionOptions, io: Io): Promise<ExitCode> {
  const parsed = parseToolUse(opts.toolUse);
  if ('error' in parsed) throw new UsageError(parsed.error);
  const loaded = readLayers(opts, io);
  const pool = poolRules(loaded.layers);
  const verdict = checkPermission(parsed.use, pool, { cwd: loaded.dir, home: loaded.home });
  const mode = defaultMode(loaded.layers);
  const skipped = pool.skipped.filter((r) => r.parsed.tool === parsed.use.tool || r.parsed.toolIsGlob || r.parsed.mcp?.server === parsed.use.mcp?.server);

  if (opts.format === 'json') {
    const rule = (r: PooledRule | undefined) => (r ? { list: r.list, text: r.text, layer: r.layer, file: r.file, line: r.line, column: r.column } : null);
    io.stdout(
      JSON.stringify(
        {
          toolUse: parsed.use.text,
          decision: verdict.decision,
          rule: rule(verdict.rule),
          parts: verdict.parts.map((p) => ({ subject: p.subject, decision: p.decision, rule: rule(p.rule) })),
          matched: verdict.matched.map((m) => ({ subject: m.subject, ...rule(m.rule) })),
          defaultMode: mode,
          skipped: skipped.map((r) => ({ ...rule(r), problems: r.parsed.problems })),
          ignoredFiles: pool.dropped,
          notes: verdict.notes,
          diagnostics: loaded.diagnostics,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout(stylish(parsed.use.text, verdict, mode, skipped, pool.dropped, io).join('\n') + '\n');
    for (const d of loaded.diagnostics) io.stdout(diagnosticLine(d, io) + '\n');
  }
  return hasChainErrors(loaded) ? EXIT_USAGE : EXIT_OK;
}

/** The effective permissions.defaultMode, merged alone: the rule lists can be large. */
function defaultMode(layers: readonly Layer[]): string {
  const only = layers.map((l) => {
    const p = l.value.permissions as Record<string, unknown> | undefined;
    const has = p !== null && typeof p === 'object' && Object.prototype.hasOwnProperty.call(p, 'defaultMode');
    return { ...l, value: has ? { permissions: { defaultMode: p.defaultMode } } : {} };
  });
  const mode = (mergeLayers(only).settings.permissions as { defaultMode?: unknown } | undefined)?.defaultMode;
  return typeof mode === 'string' ? mode : 'default';
}

function stylish(text: string, v: Verdict, mode: string, skipped: PooledRule[], dropped: ReturnType<typeof poolRules>['dropped'], io: Io): string[] {
  const src = (r: PooledRule): string => `${r.layer} settings, ${displayPath(r.file, io)}${r.line ? `:${r.line}:${r.column}` : ''}`;
  const lines = [`${WORDS[v.decision]}: ${text}`];
  if (v.parts.length > 1) {
    for (const p of v.parts) lines.push(`  ${JSON.stringify(p.subject)}: ${WORDS[p.decision]}${p.rule ? ` by ${p.rule.list} rule ${JSON.stringify(p.rule.text)} (${src(p.rule)})` : ''}`);
  } else if (v.rule) {
    lines.push(`  by ${v.rule.list} rule ${JSON.stringify(v.rule.text)} in ${src(v.rule)}`);
  }
  if (v.decision === 'none') lines.push(`  No allow, ask or deny rule decides; Claude Code falls back to the permission mode (${mode}): ${FALLBACK[mode] ?? 'see the permission modes'}.`);
  const others = v.matched.filter((m) => m.rule !== v.rule && !v.parts.some((p) => p.rule === m.rule));
  for (const m of others) {
    const why = v.decision !== 'none' && m.rule.list !== v.decision ? `; ${v.decision} rules are checked before ${m.rule.list} rules, whichever file they are in` : '';
    lines.push(`  also matches: ${m.rule.list} rule ${JSON.stringify(m.rule.text)} in ${src(m.rule)}${why}`);
  }
  for (const r of skipped) lines.push(`  skipped by Claude Code: ${r.list} rule ${JSON.stringify(r.text)} in ${src(r)} (${r.parsed.problems.join(', ') || 'never consulted'})`);
  const ignored = new Set(dropped.map((d) => `${d.layer}: ${d.reason}`));
  for (const d of ignored) lines.push(`  rules not counted from ${d}`);
  for (const n of v.notes) lines.push(`  note: ${n}`);
  return lines;
}
