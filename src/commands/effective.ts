/** `cctier effective [dir]`: the settings Claude Code will use for a session started in dir, and where each came from. */

import * as path from 'node:path';
import { mergeLayers, type EffectiveSettings, type Provenance } from '../core/layers/merge';
import type { LoadedLayers } from '../core/layers/load';
import { pointerFrom } from '../core/source/pointer';
import { redactValue } from '../core/text/redact-json';
import type { Diagnostic } from '../core/diagnostic';
import { EXIT_OK, EXIT_USAGE, type ExitCode, type Io } from './io';
import { hasChainErrors, readLayers, type LayerOptions } from './layer-options';

export interface EffectiveOptions extends LayerOptions {
  format: 'stylish' | 'json';
}

export async function run(opts: EffectiveOptions, io: Io): Promise<ExitCode> {
  const loaded = readLayers(opts, io);
  const effective = mergeLayers(loaded.layers);
  const text = opts.format === 'json' ? toJson(effective, loaded) : toStylish(effective, loaded, io);
  io.stdout(text.endsWith('\n') ? text : text + '\n');
  return hasChainErrors(loaded) ? EXIT_USAGE : EXIT_OK;
}

/** A file as people write it: relative to the working directory when inside it, ~ for the home directory. */
export function displayPath(file: string, io: Pick<Io, 'cwd' | 'env'>): string {
  const rel = path.relative(io.cwd, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  const home = io.env.HOME;
  if (home && (file === home || file.startsWith(home + path.sep))) return '~' + file.slice(home.length);
  return file;
}

export function where(p: Pick<Provenance, 'layer' | 'file' | 'line' | 'column'>, io: Pick<Io, 'cwd' | 'env'>): string {
  return `${p.layer}: ${displayPath(p.file, io)}${p.line ? `:${p.line}` : ''}${p.line && p.column ? `:${p.column}` : ''}`;
}

/** Provenance entries as the merger made them: layer, file, line, column, and the value's pointer in its own file. */
function toJson(e: EffectiveSettings, loaded: LoadedLayers): string {
  return JSON.stringify(
    {
      settings: redactValue(e.settings),
      provenance: e.provenance,
      overridden: e.overridden.map((o) => ({ ...o, value: redactValue(o.value, lastSegment(o.pointer)) })),
      layers: loaded.layers.map((l) => ({ name: l.name, kind: l.kind, file: l.file })),
      diagnostics: loaded.diagnostics,
    },
    null,
    2,
  );
}

/** An indented tree of the effective settings, each leaf with the layer, file and line that set it. */
function toStylish(e: EffectiveSettings, loaded: LoadedLayers, io: Io): string {
  const rows: Array<[string, string]> = [];
  const source = (p: string): string => {
    const v = e.provenance[p];
    return v ? where(v, io) : '';
  };
  const walk = (value: unknown, segs: string[], indent: string, label: string): void => {
    const p = pointerFrom(segs);
    const isArray = Array.isArray(value);
    const entries = value !== null && typeof value === 'object' ? Object.entries(value) : [];
    if (entries.length === 0) {
      rows.push([`${indent}${label}${JSON.stringify(redactValue(value, segs[segs.length - 1]))}`, source(p)]);
      return;
    }
    if (segs.length) rows.push([`${indent}${label.trimEnd()}`, '']);
    const inner = segs.length ? indent + '  ' : indent;
    for (const [k, v] of entries) walk(v, [...segs, k], inner, isArray ? '- ' : `${JSON.stringify(k).slice(1, -1)}: `);
  };
  walk(e.settings, [], '', '');
  const lines: string[] = [];
  if (Object.keys(e.settings).length === 0) lines.push('No settings file sets anything here.');
  else {
    const width = Math.min(60, Math.max(...rows.map(([l]) => l.length)));
    for (const [left, right] of rows) lines.push(right ? `${left.padEnd(width)}  ${right}` : left);
  }
  lines.push('', `Layers read (lowest first): ${loaded.layers.length ? loaded.layers.map((l) => l.name).join(', ') : 'none'}`);
  if (e.overridden.length) lines.push(`${e.overridden.length} value${e.overridden.length === 1 ? '' : 's'} overridden or not honoured; \`cctier explain <pointer>\` says why.`);
  for (const d of loaded.diagnostics) lines.push(diagnosticLine(d, io));
  return lines.join('\n');
}

/** The key a value sits under, for secret-name checks. */
export function lastSegment(pointer: string): string | undefined {
  const i = pointer.lastIndexOf('/');
  return i === -1 ? undefined : pointer.slice(i + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function diagnosticLine(d: Diagnostic, io: Pick<Io, 'cwd' | 'env'>): string {
  const kind = d.ruleId.startsWith('extends/') ? 'error' : 'warning';
  return `${kind}: ${displayPath(d.file, io)}:${d.line}:${d.column} ${d.message} (${d.ruleId})`;
}
