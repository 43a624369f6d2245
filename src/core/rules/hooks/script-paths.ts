/**
 * The repository scripts a hook command runs, found by reading the command the way a shell would, only as
 * far as that can be done with confidence: quotes, `$CLAUDE_PROJECT_DIR`, `&&`/`||`/`;`/`|`, redirections,
 * `cd`, and the common interpreters (`bash x.sh`, `python3 x.py`, `node x.mjs`, `pwsh -File x.ps1`).
 * Anything uncertain (other variables, globs, `~`, absolute paths, a `cd` it cannot follow, a script
 * guarded by `[ -f … ]`) is left out: a missed report costs less than a false one.
 */

import * as path from 'node:path';

/** A script path, relative to the project root, and how the command wrote it. */
export interface ScriptRef {
  written: string;
  relative: string;
}

interface Word {
  /** The text after quote removal, without the leading project-dir variable when `anchored`. */
  text: string;
  written: string;
  anchored: boolean;
  /** False when the word holds something only the shell can know (other variables, $(…), globs). */
  certain: boolean;
}

type Token = { kind: 'word'; word: Word } | { kind: 'sep' } | { kind: 'redirect'; takesTarget: boolean };

const PROJECT_DIR = /^\$(?:\{CLAUDE_PROJECT_DIR\}|CLAUDE_PROJECT_DIR(?![A-Za-z0-9_]))/;
const SCRIPT_EXT = /\.(?:sh|bash|zsh|fish|py|js|mjs|cjs|ts|mts|cts|rb|pl|php|ps1|lua)$/i;
const GLOB = /[*?[\]{}]/;
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish']);
const INTERPRETERS = new Set([...SHELLS, 'node', 'bun', 'deno', 'tsx', 'ts-node', 'ruby', 'perl', 'php', 'lua', 'uv']);
/** Options after which the interpreter runs inline code or a module, not a script file. */
const INLINE_OPTIONS = new Set(['-c', '-e', '-m', '-p', '-r', '--eval', '--print', '-Command', '-EncodedCommand', '--command']);
const WRAPPERS = new Set(['exec', 'command', 'nohup', 'time', 'nice', 'builtin', 'env', 'sudo']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', '(', ')']);
const TEST_COMMANDS = new Set(['[', '[[', 'test']);
const FILE_TESTS = new Set(['-f', '-e', '-x', '-r', '-s', '-d', '-L', '-h']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Scripts a shell-form command runs; `args` switches to exec form (no shell, placeholders still filled). */
export function scriptRefs(command: string, args?: readonly unknown[]): ScriptRef[] {
  if (args) {
    const words = [command, ...args].map((a) => (typeof a === 'string' ? execWord(a) : undefined));
    if (words.some((w) => w === undefined)) return [];
    return refsOf([words as Word[]], new Set());
  }
  const tokens = tokenize(command);
  if (!tokens) return [];
  const commands: Word[][] = [[]];
  let skipTarget = false;
  for (const t of tokens) {
    if (t.kind === 'sep') commands.push([]);
    else if (t.kind === 'redirect') skipTarget = t.takesTarget;
    else if (skipTarget) skipTarget = false;
    else commands[commands.length - 1]!.push(t.word);
  }
  const guarded = new Set<string>();
  for (const words of commands.map(simpleCommand)) {
    if (!TEST_COMMANDS.has(words[0]?.text ?? '')) continue;
    words.forEach((w, i) => {
      const target = words[i + 1];
      if (FILE_TESTS.has(w.text) && target) guarded.add(target.anchored ? '/' + target.text : target.text);
    });
  }
  return refsOf(commands, guarded);
}

function refsOf(commands: readonly Word[][], guarded: ReadonlySet<string>): ScriptRef[] {
  const out: ScriptRef[] = [];
  // Relative paths resolve against the working directory: the project root until a `cd` we cannot follow.
  let cwd: string | undefined = '';
  for (const words of commands.map(simpleCommand)) {
    const program = words[0];
    if (!program || TEST_COMMANDS.has(program.text) || program.text === 'for' || program.text === 'case') continue;
    if (program.text === 'cd' || program.text === 'pushd') {
      cwd = followCd(cwd, words[1]);
      continue;
    }
    const script = program.text.includes('/') || program.anchored ? program : scriptArgument(words);
    if (!script || !looksLikeScript(script)) continue;
    const relative = resolve(script, cwd);
    if (relative === undefined) continue;
    const written = script.anchored ? '/' + script.text : script.text;
    if (guarded.has(written) || guarded.has(relative)) continue;
    out.push({ written: script.written, relative });
  }
  return out;
}

/** The words from the program on: shell keywords, leading assignments and wrappers such as `exec` dropped. */
function simpleCommand(command: readonly Word[]): readonly Word[] {
  let words = command;
  for (;;) {
    const first = words[0];
    if (!first) return words;
    if (KEYWORDS.has(first.text) || ASSIGNMENT.test(first.text)) words = words.slice(1);
    else if (WRAPPERS.has(first.text)) {
      words = words.slice(1);
      while (words.length && (words[0]!.text.startsWith('-') || ASSIGNMENT.test(words[0]!.text))) words = words.slice(1);
    } else return words;
  }
}

function followCd(cwd: string | undefined, target: Word | undefined): string | undefined {
  if (!target || !target.certain) return undefined;
  if (target.anchored) return resolve({ ...target, text: target.text || '/' }, '') ?? undefined;
  if (cwd === undefined || target.text.startsWith('/') || target.text.startsWith('~') || target.text === '-') return undefined;
  return resolve(target, cwd);
}

/** The script an interpreter is asked to run: `bash x.sh`, `python3 -u x.py`, `uv run x.py`, `pwsh -File x.ps1`. */
function scriptArgument(words: readonly Word[]): Word | undefined {
  const name = path.basename(words[0]!.text).replace(/\.exe$/i, '');
  if (/^(?:pwsh|powershell)$/i.test(name)) {
    const i = words.findIndex((w) => /^-f(?:ile)?$/i.test(w.text));
    return i > 0 ? words[i + 1] : undefined;
  }
  if (!INTERPRETERS.has(name) && !/^python[\d.]*$/.test(name)) return undefined;
  let rest = words.slice(1);
  if ((name === 'uv' || name === 'bun' || name === 'deno') && rest[0]?.text === 'run') rest = rest.slice(1);
  else if (name === 'uv') return undefined;
  for (const w of rest) {
    if (INLINE_OPTIONS.has(w.text)) return undefined;
    if (w.text.startsWith('-')) continue;
    return w;
  }
  return undefined;
}

function looksLikeScript(w: Word): boolean {
  return w.anchored || w.text.includes('/') || SCRIPT_EXT.test(w.text);
}

/** The path relative to the project root, or undefined when it is not certainly inside the repository. */
function resolve(w: Word, cwd: string | undefined): string | undefined {
  if (!w.certain || GLOB.test(w.text) || w.text.includes('\\')) return undefined;
  let rel: string;
  if (w.anchored) {
    if (w.text !== '' && !w.text.startsWith('/')) return undefined;
    rel = w.text.slice(1);
  } else {
    if (cwd === undefined || w.text.startsWith('/') || w.text.startsWith('~') || /^[A-Za-z]:/.test(w.text)) return undefined;
    rel = path.posix.join(cwd, w.text);
  }
  const normal = path.posix.normalize(rel === '' ? '.' : rel);
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) return undefined;
  return normal.replace(/\/$/, '');
}

/** An exec-form argument: only the project-dir placeholder is filled in. */
function execWord(arg: string): Word {
  const m = PROJECT_DIR.exec(arg);
  const text = m ? arg.slice(m[0].length) : arg;
  return { text, written: arg, anchored: !!m, certain: !text.includes('$') };
}

/** Splits shell text into words, separators and redirections; undefined when it holds a heredoc. */
function tokenize(s: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      if (c === '&' && s[i + 1] === '>') {
        tokens.push({ kind: 'redirect', takesTarget: true });
        i += s[i + 2] === '>' ? 3 : 2;
        continue;
      }
      tokens.push({ kind: 'sep' });
      i += (c === '&' || c === '|') && s[i + 1] === c ? 2 : 1;
      continue;
    }
    if (c === '#') {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? s.length : nl;
      continue;
    }
    const redirect = /^\d*(?:<<|>>|<>|>\||[<>])(&\d*-?)?/.exec(s.slice(i, i + 8));
    if (redirect) {
      if (redirect[0].includes('<<')) return undefined;
      tokens.push({ kind: 'redirect', takesTarget: !redirect[1] });
      i += redirect[0].length;
      continue;
    }
    const read = readWord(s, i);
    tokens.push({ kind: 'word', word: read.word });
    i = read.end;
  }
  return tokens;
}

function readWord(s: string, start: number): { word: Word; end: number } {
  let text = '';
  let certain = true;
  let anchored = false;
  let i = start;
  const dollar = (): void => {
    const m = text === '' && !anchored ? PROJECT_DIR.exec(s.slice(i)) : null;
    if (m) {
      anchored = true;
      i += m[0].length;
      return;
    }
    certain = false;
    if (s[i + 1] === '(' || s[i + 1] === '{') i = skipGroup(s, i + 1);
    else {
      i++;
      while (i < s.length && /[A-Za-z0-9_?@#*!$-]/.test(s[i]!)) i++;
    }
  };
  while (i < s.length) {
    const c = s[i]!;
    if (/[\s;&|()<>]/.test(c)) {
      // `<(…)` inside a word is process substitution: part of the word, never a path.
      if ((c === '<' || c === '>') && s[i + 1] === '(' && text === '' && !anchored) {
        certain = false;
        i = skipGroup(s, i + 1);
        continue;
      }
      break;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end === -1) return { word: { text, written: s.slice(start), anchored, certain: false }, end: s.length };
      text += s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) {
          text += s[i + 1];
          i += 2;
        } else if (s[i] === '$') dollar();
        else if (s[i] === '`') {
          certain = false;
          const end = s.indexOf('`', i + 1);
          i = end === -1 ? s.length : end + 1;
        } else text += s[i++];
      }
      i++;
    } else if (c === '\\') {
      text += s[i + 1] ?? '';
      i += 2;
    } else if (c === '$') dollar();
    else if (c === '`') {
      certain = false;
      const end = s.indexOf('`', i + 1);
      i = end === -1 ? s.length : end + 1;
    } else if (c === '~' && text === '' && !anchored) {
      certain = false;
      text += c;
      i++;
    } else {
      text += c;
      i++;
    }
  }
  return { word: { text, written: s.slice(start, i), anchored, certain }, end: i };
}

/** The index just past the bracket group opening at `open` (`(` or `{`), counting nesting. */
function skipGroup(s: string, open: number): number {
  const opener = s[open];
  const closer = opener === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === opener) depth++;
    else if (s[i] === closer && --depth === 0) return i + 1;
  }
  return s.length;
}
