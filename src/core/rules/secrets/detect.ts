/**
 * Finding credentials in text: by their format (known token prefixes, JWTs, private keys), by the name
 * they are assigned to (`PGPASSWORD=…`, `Authorization: Bearer …`, `--token …`, `https://user:pass@…`),
 * and by randomness. Placeholders and references (`${VAR}`, `$VAR`, `<your-key>`, `xxx`) are never
 * credentials. Pure functions over strings; the shapes themselves are data in shapes.ts.
 */

import {
  DOCUMENTED_EXAMPLES,
  GENERIC_WORDS,
  NOT_SECRET_NAME,
  PLACEHOLDER_MARKS,
  PLACEHOLDER_VALUES,
  PLACEHOLDER_WORDS,
  SECRET_NAME,
  SECRET_NAMES,
  TOKEN_HINT,
  TOKEN_SHAPES,
} from './shapes';

export interface SecretMatch {
  /** [start, end) of the credential itself within the text searched. */
  start: number;
  end: number;
  /** What it is, for messages: "an OpenRouter API key", "the value of PGPASSWORD". */
  label: string;
}

/** `x-api-key` -> X_API_KEY, `clientSecret` -> CLIENT_SECRET. */
function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * Every secret name holds tok, key, auth, pwd, pat, secret, pass or cookie in some case: most names and
 * texts are ruled out by this test alone. (Written as first letter + rest: several times faster than the
 * plain alternation, and a rare false hit only costs the full check.)
 */
const MAY_BE_SECRET_NAME = /[tkapsc](?:ok|ey|uth|wd|at|ecret|ass|ookie)/i;

/** Whether a variable, header, option or property of this name holds a secret. */
export function isSecretName(name: string): boolean {
  if (!MAY_BE_SECRET_NAME.test(name)) return false;
  const n = upperSnake(name);
  if (SECRET_NAMES.has(n)) return true;
  if (n === 'PWD' || NOT_SECRET_NAME.test(n)) return false;
  return SECRET_NAME.test(n);
}

const REFERENCE = /\$\{?[A-Za-z_]|\$\(|%[A-Za-z_][A-Za-z0-9_]*%|\{\{|^(?:op|vault|env|file|keychain|secret):/;
const BRACKETED = /^(?:<[^>]*>|\[[^\]]*\])$/;

/** Values written in place of a credential: empty, references, wildcards, `<your-key>`, `xxxx`, `changeme`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || REFERENCE.test(v) || BRACKETED.test(v) || v.includes('*') || /\.\.\.|…/.test(v)) return true;
  if (DOCUMENTED_EXAMPLES.has(v)) return true;
  const lower = v.toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (compact.length === 0 || /^(.)\1*$/.test(compact) || PLACEHOLDER_VALUES.has(compact)) return true;
  if (PLACEHOLDER_MARKS.some((m) => lower.includes(m))) return true;
  const words = lower.split(/[^a-z0-9]+/).filter(Boolean);
  return words.some((w) => PLACEHOLDER_WORDS.has(w)) || words.every((w) => GENERIC_WORDS.has(w));
}

const PATH_LIKE = /^(?:~|\.{1,2})?\/|^[A-Za-z]:[\\/]|\.(?:pem|key|crt|cer|p12|pfx|json|txt|env|gpg|asc)$/i;
const URL_WITHOUT_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i;

/** A value that, assigned to a secret name, is a credential in clear text rather than a path, URL or flag. */
export function isLiteralCredential(value: string): boolean {
  const v = value.trim();
  if (v.length < 4 || isPlaceholder(v)) return false;
  return !PATH_LIKE.test(v) && !URL_WITHOUT_CREDENTIALS.test(v);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A whole value that looks machine-generated: 20+ characters of a token alphabet with lower case, upper
 * case and digits, and high entropy. UUIDs, hex digests, paths and identifiers with words are not.
 */
export function looksRandom(value: string): boolean {
  if (value.length < 20 || value.length > 1000 || !/^[A-Za-z0-9+/=_.~-]+$/.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  if (UUID.test(value) || /^[./~]/.test(value) || isPlaceholder(value)) return false;
  return !wordy(value) && entropy(value) >= 3.5;
}

/**
 * Identifiers made of words (`tlStudio.versions.v1`, `ProjectTimelineStudio2024`): split at case changes,
 * digits and punctuation, their pieces average four characters or more; a random token's average about two.
 */
function wordy(value: string): boolean {
  const pieces = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  const letters = pieces.reduce((n, p) => n + p.length, 0);
  if (pieces.length === 0 || letters / pieces.length >= 4) return true;
  const segments = value.split(/[._/-]/);
  return segments.length > 1 && segments.every((seg) => /^(?:[A-Za-z][a-z]+)+\d*$|^[A-Za-z]?\d+$/.test(seg));
}

/** Token shapes: the text must pass the cheap hint first. */
function tokenMatches(text: string, out: SecretMatch[]): void {
  if (!TOKEN_HINT.test(text)) return;
  for (const s of TOKEN_SHAPES) {
    s.pattern.lastIndex = 0;
    for (let m = s.pattern.exec(text); m; m = s.pattern.exec(text)) {
      const token = m[0];
      const body = token.replace(s.prefix, '');
      if (s.mixedBody && !/[A-Z0-9]/.test(body)) continue;
      if (isPlaceholder(body) || DOCUMENTED_EXAMPLES.has(token)) continue;
      out.push({ start: m.index, end: m.index + token.length, label: s.label });
    }
  }
}

// A value after `=`, `:` or a space: quoted, or up to whitespace, a quote or a shell operator.
const VALUE = String.raw`(?:"([^"]*)"|'([^']*)'|([^\s"'\x60;|&()<>,\\]+))`;
const ASSIGNMENT = new RegExp(String.raw`(?<![A-Za-z0-9_-])([A-Za-z_][A-Za-z0-9_]*)=` + VALUE, 'g');
const OPTION = new RegExp(String.raw`(?<![A-Za-z0-9_-])--([A-Za-z][A-Za-z0-9-]*)(?:=|[ \t]+)` + VALUE, 'g');
const HEADER = new RegExp(
  String.raw`(?<![A-Za-z0-9_-])([A-Za-z][A-Za-z0-9_-]*)["']?[ \t]*:[ \t]*["']?(?:(?:Bearer|Basic|Token|Bot)[ \t]+)?` + VALUE,
  'gi',
);
const BEARER = /(?<![A-Za-z0-9])(?:Bearer|Basic)[ \t]+([A-Za-z0-9._~+/=-]{8,})/g;
const URL_PASSWORD = /(?<![A-Za-z0-9])[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:([^\s/@"']+)@/gi;

/** Pushes the value group of each match whose name is a secret name and whose value is a literal. */
function namedMatches(text: string, re: RegExp, out: SecretMatch[], labelOf: (name: string) => string): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1]!;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (!isSecretName(name) || !isLiteralCredential(value)) continue;
    const start = m.index + m[0].length - value.length - (m[2] !== undefined || m[3] !== undefined ? 1 : 0);
    out.push({ start, end: start + value.length, label: labelOf(name) });
  }
}

/** Every credential in a piece of text (a command, a permission rule, a header list), in order. */
export function findSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  tokenMatches(text, found);
  // Secrets by name need a secret name somewhere in the text: most strings are ruled out here.
  const eq = text.includes('=');
  const dashes = text.includes('--');
  const colon = text.includes(':');
  if ((eq || dashes || colon) && MAY_BE_SECRET_NAME.test(text)) {
    if (eq) namedMatches(text, ASSIGNMENT, found, (n) => `the value of ${n}`);
    if (dashes) namedMatches(text, OPTION, found, (n) => `the value of --${n}`);
    if (colon) namedMatches(text, HEADER, found, (n) => `the ${n} value`);
  }
  if (colon && text.includes('@') && text.includes('://')) {
    URL_PASSWORD.lastIndex = 0;
    for (let m = URL_PASSWORD.exec(text); m; m = URL_PASSWORD.exec(text)) {
      const pass = m[1]!;
      if (!isLiteralCredential(pass)) continue;
      const start = m.index + m[0].length - 1 - pass.length;
      found.push({ start, end: start + pass.length, label: 'a password in a URL' });
    }
  }
  if (text.includes('Bearer') || text.includes('Basic')) {
    BEARER.lastIndex = 0;
    for (let m = BEARER.exec(text); m; m = BEARER.exec(text)) {
      const token = m[1]!;
      if (!isLiteralCredential(token)) continue;
      const start = m.index + m[0].length - token.length;
      found.push({ start, end: start + token.length, label: 'a bearer token' });
    }
  }
  if (found.length < 2) return found;
  // Keep the first of overlapping matches: a token shape names it better than the name it is assigned to.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end > last.end) last.end = m.end;
      continue;
    }
    out.push({ ...m });
  }
  return out;
}

/** The token shape a credential has, if any. */
export function shapeOf(token: string): { label: string; prefixLength: number } | undefined {
  if (!TOKEN_HINT.test(token)) return undefined;
  for (const s of TOKEN_SHAPES) {
    s.pattern.lastIndex = 0;
    const m = s.pattern.exec(token);
    if (m && m.index === 0) return { label: s.label, prefixLength: s.prefix.exec(token)?.[0].length ?? 0 };
  }
  return undefined;
}
