/**
 * ESLint's JSON result shape, so tools that read `eslint -f json` read cctier too. This is the stable
 * machine contract: one entry per file linted, clean files included, positions 1-based.
 */

import { redactJsonText } from '../core/text/redact-json';
import type { Diagnostic, FileResult, TextEdit } from '../core/diagnostic';
import { inSourceOrder } from './order';
import { absolutePath } from './paths';
import type { Formatter } from './types';

export interface JsonMessage {
  ruleId: string;
  /** ESLint's numbers: 1 warning, 2 error. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: TextEdit;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: 0;
  suppressedMessages: Array<JsonMessage & { suppressions: Array<{ kind: 'config'; justification: string }> }>;
  usedDeprecatedRules: [];
  /** The fixed text, as ESLint reports it under --fix-dry-run. */
  output?: string;
}

function toMessage(d: Diagnostic): JsonMessage {
  return {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
}

export function toJsonResult(result: FileResult, cwd: string): JsonResult {
  const out: JsonResult = {
    filePath: absolutePath(result.file, cwd),
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
    suppressedMessages: [],
    usedDeprecatedRules: [],
  };
  // The fixed text, with any credential in it cut down: no output format echoes a secret.
  if (result.output !== undefined) out.output = redactJsonText(result.output);
  for (const d of inSourceOrder(result.diagnostics)) {
    const message = toMessage(d);
    if (d.fix) message.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
    out.messages.push(message);
    if (d.severity === 'error') {
      out.errorCount++;
      if (d.fix) out.fixableErrorCount++;
    } else {
      out.warningCount++;
      if (d.fix) out.fixableWarningCount++;
    }
  }
  for (const d of result.suppressed ?? []) {
    out.suppressedMessages.push({ ...toMessage(d), suppressions: [{ kind: 'config', justification: d.reason }] });
  }
  return out;
}

export const formatJson: Formatter = (results, context) =>
  JSON.stringify(results.map((result) => toJsonResult(result, context.cwd)));
