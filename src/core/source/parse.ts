/**
 * Strict JSON parsing that keeps the position of every value. Claude Code parses settings with
 * JSON.parse, so comments and trailing commas are errors here too, and the value we validate is exactly the
 * value JSON.parse returns (duplicate keys: last one wins; `__proto__` stays an ordinary own key).
 */

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { TextEdit } from '../diagnostic';

export type JsonNode = Node;

/** A problem located by character offsets in the decoded text. */
export interface SourceProblem {
  ruleId: string;
  message: string;
  start: number;
  end: number;
  fix?: TextEdit;
}

export interface ParsedJson {
  tree?: JsonNode;
  value?: unknown;
  problems: SourceProblem[];
}

/** Deeper than this is never a settings file; parsers that recurse would overflow the stack. */
export const MAX_DEPTH = 512;

export function parseJson(text: string): ParsedJson {
  const tooDeep = findExcessiveNesting(text, MAX_DEPTH);
  if (tooDeep !== -1) {
    return {
      problems: [
        {
          ruleId: 'json/too-deep',
          message: `Nesting deeper than ${MAX_DEPTH} levels; no settings file needs this, so cctier stops reading here.`,
          start: tooDeep,
          end: tooDeep + 1,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    // Comments and trailing commas are each worth reporting; after the first other syntax error the
    // parser is guessing, and what follows is noise.
    const all = dedupeByOffset(errors.map((e) => syntaxProblem(text, e)));
    const comments = all.filter((p) => p.ruleId === 'json/comment');
    // The parser trips over every token inside a `#` comment; the comment itself is the one problem.
    const problems = all.filter((p) => p.ruleId === 'json/comment' || !comments.some((c) => p.start > c.start && p.start < c.end));
    const firstSyntax = problems.findIndex((p) => p.ruleId === 'json/syntax');
    return { problems: firstSyntax === -1 ? problems : problems.filter((p, i) => p.ruleId !== 'json/syntax' || i === firstSyntax).filter((p) => p.ruleId === 'json/syntax' || p.start < problems[firstSyntax]!.start) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // jsonc-parser is a little more lenient than JSON.parse in corners (raw control characters in strings).
    const at = /position (\d+)/.exec(String((err as Error).message));
    const offset = at ? Number(at[1]) : 0;
    return {
      problems: [{ ruleId: 'json/syntax', message: `Not valid JSON: ${jsonParseReason(err)}.`, start: offset, end: offset + 1 }],
    };
  }
  const problems: SourceProblem[] = [];
  if (tree) collectDuplicateKeys(tree, problems, text);
  return { tree, value, problems };
}

function syntaxProblem(text: string, e: ParseError): SourceProblem {
  const start = e.offset;
  const end = e.offset + Math.max(1, e.length);
  const code = printParseErrorCode(e.error);
  const shellComment = text[start] === '#' && (start === 0 || text[start - 1] === '\n' || /^\s*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start)));
  if (code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment' || text.startsWith('//', start) || text.startsWith('/*', start) || shellComment) {
    return {
      ruleId: 'json/comment',
      message: 'Comments are not allowed: Claude Code reads settings as strict JSON and rejects the whole file. Remove it; keep notes in the README or a commit message.',
      start,
      end: commentEnd(text, start),
    };
  }
  const comma = trailingCommaBefore(text, start);
  if (comma !== -1 && (text[start] === '}' || text[start] === ']')) {
    return {
      ruleId: 'json/trailing-comma',
      message: 'Trailing comma: Claude Code reads settings as strict JSON and rejects the whole file.',
      start: comma,
      end: comma + 1,
      fix: { range: [comma, comma + 1], text: '' },
    };
  }
  return { ruleId: 'json/syntax', message: `Not valid JSON: ${describeParseError(code, text, start)}.`, start, end };
}

function describeParseError(code: string, text: string, offset: number): string {
  const ch = text.slice(offset, offset + 1);
  const found = offset >= text.length ? 'the end of the file' : ch === '"' ? "'\"'" : `"${printable(ch)}"`;
  switch (code) {
    case 'InvalidSymbol':
      return `unexpected ${found}${text[offset] === "'" ? ' (JSON strings use double quotes)' : ''}`;
    case 'InvalidNumberFormat':
      return 'malformed number';
    case 'PropertyNameExpected':
      return `expected a property name in double quotes, found ${found}`;
    case 'ValueExpected':
      return `expected a value, found ${found}`;
    case 'ColonExpected':
      return `expected ":" after the property name, found ${found}`;
    case 'CommaExpected':
      return `expected "," between entries, found ${found}`;
    case 'CloseBraceExpected':
      return `expected "}" to close the object, found ${found}`;
    case 'CloseBracketExpected':
      return `expected "]" to close the array, found ${found}`;
    case 'EndOfFileExpected':
      return `expected the end of the file after the top-level value, found ${found}`;
    case 'UnexpectedEndOfString':
      return 'a string is not closed';
    case 'UnexpectedEndOfNumber':
      return 'a number is cut off';
    case 'InvalidUnicode':
      return 'malformed \\u escape';
    case 'InvalidEscapeCharacter':
      return 'unknown escape sequence in a string';
    case 'InvalidCharacter':
      return 'a control character inside a string (escape it, for example \\n or \\t)';
    default:
      return `unexpected ${found}`;
  }
}

function jsonParseReason(err: unknown): string {
  const m = String((err as Error).message ?? err);
  return m.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
}

function printable(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0x7f ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
}

function commentEnd(text: string, start: number): number {
  if (text.startsWith('/*', start)) {
    const close = text.indexOf('*/', start + 2);
    return close === -1 ? text.length : close + 2;
  }
  const nl = text.indexOf('\n', start);
  return nl === -1 ? text.length : nl;
}

function trailingCommaBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i >= 0 && text[i] === ',' ? i : -1;
}

function dedupeByOffset(problems: SourceProblem[]): SourceProblem[] {
  const seen = new Set<number>();
  return problems.filter((p) => (seen.has(p.start) ? false : (seen.add(p.start), true)));
}

/** Offset of the first bracket that opens level `max + 1`, or -1. Strings are skipped, escapes honoured. */
export function findExcessiveNesting(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

function collectDuplicateKeys(node: JsonNode, out: SourceProblem[], text: string): void {
  if (node.type === 'object' && node.children) {
    const dupes: Array<[JsonNode, string]> = [];
    const last = new Map<string, JsonNode>();
    for (const prop of node.children) {
      const key = prop.children?.[0];
      if (!key) continue;
      const name = String(key.value);
      const earlier = last.get(name);
      if (earlier) dupes.push([earlier, name]);
      last.set(name, key);
    }
    for (const [earlier, name] of dupes) {
      const later = last.get(name)!;
      out.push({
        ruleId: 'json/duplicate-key',
        message: `Duplicate key "${name}": JSON.parse keeps only the last one (line ${lineOf(text, later.offset)}), so this value is silently ignored.`,
        start: earlier.offset,
        end: earlier.offset + earlier.length,
      });
    }
  }
  for (const child of node.children ?? []) collectDuplicateKeys(child, out, text);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
