/**
 * Suppressions from cctier config: a rule, optionally limited to files (globs) and a JSON Pointer, with a
 * required reason. Suppressed diagnostics leave the report but stay visible in JSON output with the reason.
 */

import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic, FileResult } from '../diagnostic';

export interface Suppression {
  rule: string;
  files?: string[];
  pointer?: string;
  reason: string;
}

export interface SuppressedDiagnostic extends Diagnostic {
  reason: string;
}

export function applySuppressions(results: readonly FileResult[], suppressions: readonly Suppression[], base: string): FileResult[] {
  if (suppressions.length === 0) return [...results];
  const compiled = suppressions.map((s) => ({ ...s, match: s.files?.length ? picomatch(s.files, { dot: true }) : () => true }));
  return results.map((r) => {
    const rel = path.relative(base, path.resolve(r.file)).split(path.sep).join('/');
    const applicable = compiled.filter((s) => s.match(rel));
    if (applicable.length === 0) return r;
    const kept: Diagnostic[] = [];
    const suppressed: SuppressedDiagnostic[] = [...(r.suppressed ?? [])];
    for (const d of r.diagnostics) {
      const s = applicable.find(
        (x) => x.rule === d.ruleId && (x.pointer === undefined || d.pointer === x.pointer || d.pointer.startsWith(x.pointer + '/')),
      );
      if (s) suppressed.push({ ...d, reason: s.reason });
      else kept.push(d);
    }
    return { ...r, diagnostics: kept, suppressed };
  });
}
