/**
 * A JSON text with every credential in it cut down (see preview.ts redactSecrets), the rest untouched, so
 * that a diff or a fixed file can be shown without echoing a secret. Key names count: an `_TOKEN` value is
 * redacted even when its format says nothing.
 */

import { visit } from 'jsonc-parser';
import { redactSecrets } from './preview';

export function redactJsonText(text: string): string {
  const edits: Array<[number, number, string]> = [];
  let lastKey: string | undefined;
  visit(text, {
    onObjectProperty: (name) => {
      lastKey = name;
    },
    onLiteralValue: (value, offset, length) => {
      if (typeof value === 'string') {
        const safe = redactSecrets(value, lastKey);
        if (safe !== value) edits.push([offset, offset + length, JSON.stringify(safe)]);
      }
      lastKey = undefined;
    },
    onArrayBegin: () => {
      lastKey = undefined;
    },
    onObjectBegin: () => {
      lastKey = undefined;
    },
  });
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) {
    const [start, end, replacement] = edits[i]!;
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}

/** The same for a parsed value: strings redacted by their own content and their key's name. */
export function redactValue(value: unknown, name?: string): unknown {
  if (typeof value === 'string') return redactSecrets(value, name);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, name));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: redactValue(v, k), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
