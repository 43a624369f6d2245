/** `cctier explain <pointer> [dir]`: why a setting has the value it has: the winner, and what it overrode. */

import * as path from 'node:path';
import { mergeLayers } from '../core/layers/merge';
import { pointerLabel } from '../core/text/preview';
import { EXIT_OK, UsageError, type ExitCode, type Io } from './io';
import { readLayers, type LayerOptions } from './layer-options';
import { redactSecrets } from './effective';

export interface ExplainOptions extends LayerOptions {
  pointer: string;
  format: 'stylish' | 'json';
}

export async function run(opts: ExplainOptions, io: Io): Promise<ExitCode> {
  // People write `model` or `permissions.allow` as often as `/model`.
  const pointer = opts.pointer.startsWith('/') || opts.pointer === '' ? opts.pointer : '/' + opts.pointer.split('.').join('/');
  if (/\/\//.test(pointer)) throw new UsageError(`"${opts.pointer}" is not a JSON Pointer such as /model or /permissions/allow`);
  const loaded = readLayers(opts, io);
  const e = mergeLayers(loaded.layers);
  const within = (p: string): boolean => p === pointer || p.startsWith(pointer + '/');
  const value = pointer === '' ? e.settings : valueAt(e.settings, pointer);
  const winner = e.provenance[pointer];
  const lost = e.overridden.filter((o) => within(o.pointer));
  const rel = (f: string): string => path.relative(io.cwd, f) || f;

  if (opts.format === 'json') {
    io.stdout(JSON.stringify({ pointer, value: redactSecrets(value), source: winner ?? null, overridden: lost.map((o) => ({ ...o, value: redactSecrets(o.value) })) }, null, 2) + '\n');
    return EXIT_OK;
  }
  const out: string[] = [];
  if (value === undefined) out.push(`${pointerLabel(pointer)} is not set: Claude Code uses its default.`);
  else out.push(`${pointerLabel(pointer)} = ${JSON.stringify(redactSecrets(value))}`, winner ? `  from ${winner.layer} settings, ${rel(winner.file)}${winner.line ? `:${winner.line}` : ''}` : '  merged from several layers');
  for (const o of lost) {
    out.push(`  overrode ${pointerLabel(o.pointer)} = ${JSON.stringify(redactSecrets(o.value))} in ${o.layer} settings, ${rel(o.file)}${o.line ? `:${o.line}` : ''}: ${o.reason}${o.by !== o.layer ? ` (${o.by})` : ''}`);
  }
  io.stdout(out.join('\n') + '\n');
  return EXIT_OK;
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}
