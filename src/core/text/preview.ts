/** Short, safe renderings of JSON values and pointers for messages. */

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

const SECRET_PREFIX = /^(sk-|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abprs]-|AKIA|ASIA|eyJ|AIza|hf_|pk_live|sk_live|rk_live)/;

/** Values that could be credentials are never shown in full: a few leading characters at most. */
export function looksSecret(s: string): boolean {
  if (SECRET_PREFIX.test(s)) return true;
  if (s.length < 20 || /\s/.test(s)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(s)).length;
  return classes === 3 && !/^[a-z]+:\/\//i.test(s) && !s.includes('/');
}

export function redact(s: string): string {
  return `${s.slice(0, Math.min(6, Math.floor(s.length / 4)))}…(redacted)`;
}

export function valuePreview(value: unknown): string {
  if (typeof value === 'string') {
    if (looksSecret(value)) return JSON.stringify(redact(value));
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value);
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
