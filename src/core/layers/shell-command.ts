/**
 * A Bash command as permission rules see it (facts §3.3): split at `&&`, `||`, `;`, `|`, `|&`, `&` and
 * newlines into subcommands, each matched on its own; wrappers (`timeout 30`, `nice -n 5`, bare `xargs`...)
 * and leading `VAR=value` assignments stripped; output redirection targets taken out and checked as file
 * writes. Only what the docs describe: no variable expansion, no aliases, no heredocs.
 */

import data from './bash-wrappers.json';

interface WrapperSpec {
  valueFlags: readonly string[];
  positional?: number;
  numericFlags?: boolean;
  refuseWith?: readonly string[];
  bareOnly?: boolean;
}
interface ReaderSpec {
  valueFlags?: readonly string[];
  skipFirst?: boolean;
  editFlags?: readonly string[];
}

const WRAPPERS = new Map(Object.entries(data.wrappers as Record<string, WrapperSpec>));
const READERS = new Map(Object.entries(data.fileReaders as Record<string, ReaderSpec>));
const NEVER_PREFIX = new Set(data.neverPrefixAllowed.commands);
const FIND_ACTIONS = new Set(data.neverPrefixAllowed.findActions);
const HARMLESS_TARGETS = new Set(data.harmlessWriteTargets);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export interface Word {
  /** The word with quotes and escapes removed. */
  text: string;
  /** As written. */
  raw: string;
  /** A redirection operator (`>`, `2>>`, `&>`, `<`...). */
  redirect?: boolean;
}

export interface Subcommand {
  /** The subcommand as written, redirections included. */
  text: string;
  /** Forms allow rules are matched against: as written (redirections out), then without wrappers. */
  forAllow: string[];
  /** Forms deny and ask rules are matched against: also without any leading assignment. */
  forDenyAsk: string[];
  /** Files written by output redirection (`>`, `>>`, `2>`...), checked against Edit rules. */
  writes: string[];
  /** File arguments of cat/head/tail/sed, covered by Read deny rules. */
  reads: string[];
  /** Files sed -i edits in place, covered by Edit deny rules. */
  edits: string[];
  /** watch, setsid, ionice, flock or find -exec/-delete: wildcard allow rules never cover it. */
  exactAllowOnly: boolean;
}

/** Splits at the control operators outside quotes, `$(...)`, `(...)` and backticks; empty parts dropped. */
export function splitCompound(command: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let quote: '"' | "'" | '`' | undefined;
  const cut = (end: number, skip: number, i: number): number => {
    parts.push(command.slice(start, end));
    start = end + skip;
    return i + skip - 1;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === '\\' && quote !== "'") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const two = command.slice(i, i + 2);
    if (c === '|' && command[i - 1] === '>') continue; // `>|`: a redirection
    if (two === '&&' || two === '||' || two === '|&') i = cut(i, 2, i);
    else if (c === ';' || c === '\n' || c === '|') i = cut(i, 1, i);
    else if (c === '&' && command[i - 1] !== '>' && command[i + 1] !== '>') i = cut(i, 1, i);
  }
  parts.push(command.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Words of one subcommand, with redirection operators as words of their own. */
export function words(part: string): Word[] {
  const out: Word[] = [];
  let text = '';
  let raw = '';
  let inWord = false;
  const flush = (): void => {
    if (inWord) out.push({ text, raw });
    text = '';
    raw = '';
    inWord = false;
  };
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === ' ' || c === '\t') {
      flush();
      continue;
    }
    if (c === "'" || c === '"') {
      const end = closing(part, i, c);
      const body = part.slice(i + 1, end);
      text += c === '"' ? body.replace(/\\(["\\$`])/g, '$1') : body;
      raw += part.slice(i, end + 1);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < part.length) {
      text += part[i + 1];
      raw += c + part[i + 1];
      inWord = true;
      i++;
      continue;
    }
    if (c === '>' || c === '<') {
      // An fd number or & written just before belongs to the operator: 2>, &>.
      const prefix = inWord && /^(\d+|&)$/.test(raw) ? raw : '';
      if (!prefix) flush();
      let op = prefix + c;
      while (part[i + 1] === '>' || part[i + 1] === '|' || (part[i + 1] === '&' && c === '>')) op += part[++i];
      text = '';
      raw = '';
      inWord = false;
      out.push({ text: op, raw: op, redirect: true });
      continue;
    }
    text += c;
    raw += c;
    inWord = true;
  }
  flush();
  return out;
}

function closing(s: string, open: number, q: string): number {
  for (let i = open + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) return i;
  }
  return s.length - 1;
}

/** Reads one subcommand: the forms rules match, and the files it reads and writes. */
export function readSubcommand(part: string): Subcommand {
  const all = words(part);
  const command: Word[] = [];
  const writes: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const w = all[i]!;
    if (!w.redirect) {
      command.push(w);
      continue;
    }
    const target = all[i + 1];
    if (target && !target.redirect) i++;
    // `2>&1`, `>&2`: a descriptor, not a file. `<`: input, not a write.
    if (!target || target.redirect || w.text.startsWith('<') || (w.text.endsWith('&') && /^(\d+|-)$/.test(target.text))) continue;
    if (!HARMLESS_TARGETS.has(target.text)) writes.push(target.text);
  }
  const written = command.map((w) => w.raw).join(' ');
  const allowWords = stripLeading(command, false);
  const denyWords = stripLeading(command, true);
  const forAllow = unique([written, allowWords.map((w) => w.raw).join(' ')]);
  const forDenyAsk = unique([written, allowWords.map((w) => w.raw).join(' '), denyWords.map((w) => w.raw).join(' ')]);
  const { reads, edits } = fileArguments(denyWords);
  const head = denyWords[0]?.text ?? '';
  const exactAllowOnly = NEVER_PREFIX.has(head) || (head === 'find' && denyWords.some((w) => FIND_ACTIONS.has(w.text)));
  return { text: part, forAllow, forDenyAsk, writes, reads, edits, exactAllowOnly };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}

/**
 * Drops wrappers, and with `assignments` every leading `VAR=value`. Allow rules strip only assignments of
 * variables Claude Code knows to be safe; the docs do not list them, so none are stripped for allow.
 */
function stripLeading(ws: readonly Word[], assignments: boolean): Word[] {
  let rest = ws.slice();
  for (;;) {
    const first = rest[0];
    if (!first) return rest;
    if (assignments && ASSIGNMENT.test(first.text)) {
      rest = rest.slice(1);
      continue;
    }
    const after = unwrap(rest);
    if (!after) return rest;
    rest = after;
  }
}

/** The words after a wrapper and its own flags and arguments, or undefined when the first word is none. */
function unwrap(ws: readonly Word[]): Word[] | undefined {
  const spec = WRAPPERS.get(ws[0]!.text);
  if (!spec) return undefined;
  let i = 1;
  while (i < ws.length && ws[i]!.text.startsWith('-') && ws[i]!.text.length > 1) {
    const flag = ws[i]!.text;
    if (spec.bareOnly || spec.refuseWith?.includes(flag)) return undefined;
    if (flag === '--') {
      i++;
      break;
    }
    if (spec.valueFlags.includes(flag)) i += 2;
    else i += 1;
  }
  i += spec.positional ?? 0;
  return i < ws.length ? ws.slice(i) : undefined;
}

function fileArguments(ws: readonly Word[]): { reads: string[]; edits: string[] } {
  const spec = READERS.get(ws[0]?.text ?? '');
  if (!spec) return { reads: [], edits: [] };
  const files: string[] = [];
  let inPlace = false;
  let scriptGiven = false;
  for (let i = 1; i < ws.length; i++) {
    const t = ws[i]!.text;
    if (t.startsWith('-') && t.length > 1) {
      if (spec.editFlags?.some((f) => t === f || t.startsWith(f + '=') || (f === '-i' && /^-i\S*$/.test(t)))) inPlace = true;
      if (spec.valueFlags?.includes(t)) {
        if (t === '-e' || t === '--expression' || t === '-f' || t === '--file') scriptGiven = true;
        i++;
      }
      continue;
    }
    if (spec.skipFirst && !scriptGiven) {
      scriptGiven = true;
      continue;
    }
    files.push(t);
  }
  return { reads: files, edits: inPlace ? files : [] };
}
