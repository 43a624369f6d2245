/**
 * GitHub Actions workflow commands, one per diagnostic, which the runner turns into annotations on the
 * pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::<message>`.
 */

import type { Diagnostic } from '../core/diagnostic';
import { inSourceOrder } from './order';
import { relativePosixPath } from './paths';
import type { Formatter } from './types';

/** The command's message, escaped as @actions/core's `escapeData` does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value, escaped as @actions/core's `escapeProperty` does. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic, file: string): string {
  const properties: [string, string | number][] = [
    ['file', file],
    ['line', d.line],
    ['col', d.column],
    ['endLine', d.endLine],
    ['endColumn', d.endColumn],
    ['title', d.ruleId],
  ];
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${d.severity} ${props}::${escapeData(d.message)}`;
}

export const formatGithub: Formatter = (results, context) =>
  results
    .flatMap((result) => {
      const file = relativePosixPath(result.file, context.cwd);
      return inSourceOrder(result.diagnostics).map((d) => command(d, file));
    })
    .join('\n');
