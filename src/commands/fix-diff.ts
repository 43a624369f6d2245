/** The unified diff --fix-dry-run prints: what --fix would write, file by file. */

import * as path from 'node:path';
import type { FileResult } from '../core/diagnostic';
import { redactJsonText } from '../core/text/redact-json';

export function fixDiff(results: readonly FileResult[], cwd: string): string {
  const changed = results.filter((r) => r.output !== undefined && r.source !== undefined);
  if (changed.length === 0) return '';
  // jsdiff is only needed here.
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  return changed
    .map((r) => {
      const rel = path.relative(cwd, r.file).split(path.sep).join('/') || r.file;
      // Credentials are cut down on both sides, so the diff never echoes one.
      return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, redactJsonText(r.source!), redactJsonText(r.output!), '', '', { context: 3 });
    })
    .join('');
}
