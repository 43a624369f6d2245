/** The order diagnostics are shown in: by line, then column, as the file reads. */

import type { Diagnostic } from '../core/diagnostic';

export function inSourceOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
