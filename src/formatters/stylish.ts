/**
 * The default formatter, laid out like ESLint's stylish: per file with problems, its path and an aligned
 * table of `line:column  severity  message  ruleId`; then a summary. Empty output when nothing was found.
 */

import { createColors } from 'picocolors';
import type { Diagnostic } from '../core/diagnostic';
import { inSourceOrder } from './order';
import { relativePath } from './paths';
import type { Formatter } from './types';

type Colors = ReturnType<typeof createColors>;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line per diagnostic: line breaks would break the table. ESLint also drops a final period. */
function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, ' ').replace(/([^ ])\.$/, '$1');
}

function fileTable(diagnostics: readonly Diagnostic[], c: Colors): string {
  const rows = inSourceOrder(diagnostics).map((d) => ({
    line: String(d.line),
    column: String(d.column),
    severity: d.severity,
    message: oneLine(d.message),
    ruleId: d.ruleId,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string): number =>
    Math.max(...rows.map((row) => pick(row).length));
  const lineWidth = width((r) => r.line);
  const columnWidth = width((r) => r.column);
  const severityWidth = width((r) => r.severity);
  const messageWidth = width((r) => r.message);

  return rows
    .map((r) => {
      const position =
        ' '.repeat(lineWidth - r.line.length) +
        c.dim(`${r.line}:${r.column}`) +
        ' '.repeat(columnWidth - r.column.length);
      const severity =
        (r.severity === 'error' ? c.red(r.severity) : c.yellow(r.severity)) +
        ' '.repeat(severityWidth - r.severity.length);
      const message = r.message + ' '.repeat(messageWidth - r.message.length);
      return `  ${position}  ${severity}  ${message}  ${c.dim(r.ruleId)}`.trimEnd();
    })
    .join('\n');
}

export const formatStylish: Formatter = (results, context) => {
  const c = createColors(context.color);
  let output = '\n';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;

  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    for (const d of result.diagnostics) {
      if (d.severity === 'error') {
        errors++;
        if (d.fix) fixableErrors++;
      } else {
        warnings++;
        if (d.fix) fixableWarnings++;
      }
    }
    output += `${c.underline(relativePath(result.file, context.cwd))}\n`;
    output += `${fileTable(result.diagnostics, c)}\n\n`;
  }

  const total = errors + warnings;
  if (total === 0) return '';

  const summary = (text: string): string => (errors > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
  output += `${summary(`\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}\n`;
  if (fixableErrors > 0 || fixableWarnings > 0) {
    output += `${summary(
      `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the --fix option.`,
    )}\n`;
  }
  return output;
};
