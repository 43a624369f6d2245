/**
 * deprecated/comment-key: top-level keys used as comments (`_comment`, `//`, `$comment`). JSON has no
 * comments; Claude Code ignores such keys today, but unknown top-level keys have been rejected by some
 * versions. One report per key, in place of the generic unknown-key one.
 */

import { pointerFrom } from '../../source/pointer';
import type { Rule } from '../rule';
import keys from './keys.json';

const COMMENT_KEY = new RegExp(keys.commentKey);

export const commentKey: Rule = {
  id: 'deprecated/comment-key',
  meta: {
    description: 'Top-level keys used as comments (_comment, //): harmless today, but not settings, and some Claude Code versions reject unknown keys.',
    severity: 'warning',
  },
  check(ctx) {
    const root = ctx.file.value;
    if (root === null || typeof root !== 'object' || Array.isArray(root)) return;
    for (const key of Object.keys(root)) {
      if (!COMMENT_KEY.test(key)) continue;
      ctx.report({
        pointer: pointerFrom([key]),
        at: 'key',
        replaces: ['schema/unknown-key'],
        message:
          `${JSON.stringify(key)} is a comment written as a key: JSON has no comments, and Claude Code has no comment setting. ` +
          'Current versions ignore it, but some have rejected unknown top-level keys; keep the note in a README or the commit message.',
      });
    }
  },
};
