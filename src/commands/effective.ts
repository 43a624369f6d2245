/** `cctier effective [dir]`: the settings Claude Code will use for a session started in dir, and where each came from. */

import * as path from 'node:path';
import { mergeLayers, type EffectiveSettings } from '../core/layers/merge';
import { pointerFrom } from '../core/source/pointer';
import { looksSecret, pointerLabel, redact } from '../core/text/preview';
import type { Diagnostic } from '../core/diagnostic';
import { EXIT_OK, type ExitCode, type Io } from './io';
import { readLayers, type LayerOptions } from './layer-options';

export interface EffectiveOptions extends LayerOptions {
  format: 'stylish' | 'json';
}

export async function run(opts: EffectiveOptions, io: Io): Promise<ExitCode> {
  const loaded = readLayers(opts, io);
  const effective = mergeLayers(loaded.layers);
  const text = opts.format === 'json' ? toJson(effective, loaded.diagnostics) : toStylish(effective, loaded.diagnostics, io.cwd);
  io.stdout(text.endsWith('\n') ? text : text + '\n');
  return EXIT_OK;
}

/** Credentials are never echoed in full, even in the effective settings. */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === 'string') return looksSecret(value) ? redact(value) : value;
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: redactSecrets(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

function toJson(e: EffectiveSettings, diagnostics: Diagnostic[]): string {
  const provenance: Record<string, unknown> = {};
  for (const [p, v] of Object.entries(e.provenance)) provenance[p] = { layer: v.layer, file: v.file, line: v.line, column: v.column };
  return JSON.stringify(
    {
      settings: redactSecrets(e.settings),
      provenance,
      overridden: e.overridden.map((o) => ({ ...o, value: redactSecrets(o.value) })),
      diagnostics,
    },
    null,
    2,
  );
}

function toStylish(e: EffectiveSettings, diagnostics: Diagnostic[], cwd: string): string {
  const lines: string[] = [];
  const where = (p: string): string => {
    const v = e.provenance[p];
    if (!v) return '';
    return `${v.layer}: ${path.relative(cwd, v.file) || v.file}${v.line ? `:${v.line}` : ''}`;
  };
  const walk = (value: unknown, segs: string[]): void => {
    const p = pointerFrom(segs);
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, [...segs, k]);
      return;
    }
    lines.push(`${pointerLabel(p)} = ${JSON.stringify(redactSecrets(value))}  (${where(p)})`);
  };
  walk(e.settings, []);
  if (lines.length === 0) lines.push('No settings file sets anything here.');
  for (const d of diagnostics) lines.push(`warning: ${path.relative(cwd, d.file) || d.file}:${d.line}:${d.column} ${d.message}`);
  return lines.join('\n');
}
