/** `cctier explain <pointer> [dir]`: why a setting has the value it has: the winner, and what it overrode. */

import { mergeLayers } from '../core/layers/merge';
import { pointerLabel } from '../core/text/preview';
import { EXIT_OK, EXIT_USAGE, UsageError, type ExitCode, type Io } from './io';
import { hasChainErrors, readLayers, type LayerOptions } from './layer-options';
import { redactValue } from '../core/text/redact-json';
import { diagnosticLine, displayPath, lastSegment, where } from './effective';

export interface ExplainOptions extends LayerOptions {
  pointer: string;
  format: 'stylish' | 'json';
}

/** People write `model` or `permissions.allow` as often as `/model`. */
export function toPointer(input: string): string {
  const pointer = input.startsWith('/') || input === '' ? input : '/' + input.split('.').join('/');
  if (/\/\//.test(pointer) || pointer.endsWith('/')) throw new UsageError(`"${input}" is not a JSON Pointer such as /model or /permissions/allow`);
  return pointer;
}

export async function run(opts: ExplainOptions, io: Io): Promise<ExitCode> {
  const pointer = toPointer(opts.pointer);
  const loaded = readLayers(opts, io);
  const e = mergeLayers(loaded.layers);
  const within = (p: string): boolean => p === pointer || p.startsWith(pointer + '/');
  const value = pointer === '' ? e.settings : valueAt(e.settings, pointer);
  const winner = e.provenance[pointer];
  const lost = e.overridden.filter((o) => within(o.pointer));
  const code = hasChainErrors(loaded) ? EXIT_USAGE : EXIT_OK;

  if (opts.format === 'json') {
    const source = winner ? { layer: winner.layer, file: winner.file, line: winner.line, column: winner.column } : null;
    io.stdout(JSON.stringify({ pointer, value: redactValue(value, lastSegment(pointer)), source, overridden: lost.map((o) => ({ ...o, value: redactValue(o.value, lastSegment(o.pointer)) })), diagnostics: loaded.diagnostics }, null, 2) + '\n');
    return code;
  }
  const out: string[] = [];
  const name = pointerLabel(pointer);
  if (value === undefined) out.push(`${name} is not set by any file Claude Code honours here: it uses its default.`);
  else {
    out.push(`${name} = ${JSON.stringify(redactValue(value, lastSegment(pointer)))}`);
    const contributors = value !== null && typeof value === 'object' ? layersBelow(e.provenance, pointer) : [];
    if (contributors.length > 1) out.push(`  merged from ${contributors.join(', ')}`);
    else if (winner) out.push(`  from ${where(winner, io)}`);
  }
  for (const o of lost) {
    const at = `${displayPath(o.file, io)}${o.line ? `:${o.line}` : ''}`;
    const what = o.pointer === pointer ? '' : `${pointerLabel(o.pointer)} `;
    out.push(`  not used: ${what}${JSON.stringify(redactValue(o.value, lastSegment(o.pointer)))} in ${o.layer} settings (${at}): ${o.reason}${o.by !== o.layer && !o.reason.includes(o.by) ? ` [${o.by}]` : ''}`);
  }
  for (const d of loaded.diagnostics) out.push(diagnosticLine(d, io));
  io.stdout(out.join('\n') + '\n');
  return code;
}

/** The layers that set some value at or under `pointer`, in the order they appear. */
function layersBelow(provenance: Record<string, { layer: string }>, pointer: string): string[] {
  const names = new Set<string>();
  for (const [p, v] of Object.entries(provenance)) if (p.startsWith(pointer + '/')) names.add(v.layer);
  return [...names];
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
