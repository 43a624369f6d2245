/**
 * The formatter registry. Only the chosen formatter's module is loaded, so a run with the default
 * stylish output never loads SARIF or the others.
 *
 * Line endings follow ESLint: json, sarif and github text has no final newline, stylish text opens and
 * closes with one; whoever writes the text adds a newline when it is not empty (ESLint's console.log).
 */

import type { Formatter } from './types';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export function loadFormatter(name: FormatName): Formatter {
  switch (name) {
    case 'stylish':
      return (require('./stylish') as typeof import('./stylish')).formatStylish;
    case 'json':
      return (require('./json') as typeof import('./json')).formatJson;
    case 'sarif':
      return (require('./sarif') as typeof import('./sarif')).formatSarif;
    case 'github':
      return (require('./github') as typeof import('./github')).formatGithub;
  }
}
