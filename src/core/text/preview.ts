/**
 * Short, safe renderings of JSON values and pointers for messages. No credential is ever shown in full:
 * what counts as one is the secrets rules' knowledge (rules/secrets/detect.ts), shared here.
 */

import { findSecrets, isLiteralCredential, isSecretName, looksRandom, shapeOf } from '../rules/secrets/detect';
import { pointerSegments } from '../source/pointer';

/** `/permissions/allow/2` -> `permissions.allow[2]`. */
export function pointerLabel(pointer: string): string {
  let out = '';
  for (const seg of pointerSegments(pointer)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || 'the document';
}

/** Most characters of a credential any output may show: shorter than any fragment worth searching for. */
const MAX_SHOWN = 11;

/**
 * Whether a string is, or contains, something that could be a credential: a known token format, a
 * secret assigned by name inside it (`PGPASSWORD=…`, `Authorization: Bearer …`), or a random-looking
 * value. With `name` (the key it is stored under), a literal value under a secret name counts too
 * (`ANTHROPIC_AUTH_TOKEN: "abc123…"`).
 */
export function looksSecret(s: string, name?: string): boolean {
  if (name !== undefined && isSecretName(name) && isLiteralCredential(s)) return true;
  return looksRandom(s) || findSecrets(s).length > 0;
}

/**
 * A credential cut down to what identifies its kind: the public prefix and two characters
 * (`sk-or-v1-EX…`), or for an unknown format one character per six, at most four (`hunter2` -> `h…`).
 * Never more than 11 characters of the original.
 */
export function redact(s: string): string {
  const shape = shapeOf(s);
  let shown: string;
  if (shape && shape.prefixLength + 2 <= MAX_SHOWN) shown = s.slice(0, shape.prefixLength + 2);
  else if (shape) shown = s.slice(0, MAX_SHOWN).replace(/[^-_]*$/, '');
  else shown = s.slice(0, Math.min(4, Math.floor(s.length / 6)));
  return `${shown}…`;
}

/** The text with every credential found in it redacted, the rest left as written. */
export function redactSecrets(s: string, name?: string): string {
  if (name !== undefined && isSecretName(name) && isLiteralCredential(s)) return redact(s);
  if (looksRandom(s)) return redact(s);
  const found = findSecrets(s);
  let out = s;
  for (let i = found.length - 1; i >= 0; i--) {
    const m = found[i]!;
    out = out.slice(0, m.start) + redact(s.slice(m.start, m.end)) + out.slice(m.end);
  }
  return out;
}

/** A value as a message shows it: strings quoted and shortened, credentials redacted, containers named. */
export function valuePreview(value: unknown, name?: string): string {
  if (typeof value === 'string') {
    const safe = redactSecrets(value, name);
    return JSON.stringify(safe.length > 60 ? safe.slice(0, 57) + '…' : safe);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}
