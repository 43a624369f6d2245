/** A problem found in one file, shaped like ESLint's messages so CI tools can read it. */

export type Severity = 'error' | 'warning';

/** A text edit: replace the characters in [start, end) of the original text with `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  /** Stable id `group/name`; the key a team uses to change its severity. */
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based positions. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON Pointer to the offending value ('' for the whole document). */
  pointer: string;
  fix?: TextEdit;
}

/** Everything cctier found in one file. */
export interface FileResult {
  file: string;
  /** Source text when it could be decoded; formatters use it for context, fixes apply to it. */
  source?: string;
  diagnostics: Diagnostic[];
  /** The fixed text, when fixing changed it (--fix writes it, --fix-dry-run only reports it). */
  output?: string;
  /** Diagnostics a config suppression accepted, with its reason. */
  suppressed?: Array<Diagnostic & { reason: string }>;
}

export function countBySeverity(results: readonly FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
