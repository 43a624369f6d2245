/**
 * Checks a parsed policy against schemas/policy.schema.json (compiled at build time, like every schema) and
 * words each failure for the person editing the policy: where, what is wrong, and did-you-mean for
 * misspelt keys and values. Regexes and Ajv's own text never reach a message; patterns are described by
 * the schema's x-pattern-hint.
 */

import type { ErrorObject } from 'ajv';
import type * as Generated from '../../../generated/validators';
import { pointerFrom, pointerSegments } from '../source';
import type { SchemaNode } from '../schema/shape';
import { pointerLabel, typeName, valuePreview } from '../text/preview';
import { closest, didYouMean } from '../text/suggest';

export interface PolicyIssue {
  pointer: string;
  at: 'key' | 'value';
  message: string;
}

let validators: typeof Generated | undefined;
let shapes: Record<string, SchemaNode> | undefined;

function shapeDocs(): Record<string, SchemaNode> {
  shapes ??= require('../../../generated/schema-shape.json') as Record<string, SchemaNode>;
  return shapes;
}

export function policyIssues(value: unknown): PolicyIssue[] {
  validators ??= require('../../../generated/validators.js') as typeof Generated;
  const validate = validators.policy;
  if (validate(value)) return [];
  const errors = withoutAlternativeNoise(validate.errors ?? []);
  const seen = new Set<string>();
  const out: PolicyIssue[] = [];
  for (const e of errors) {
    const issue = toIssue(e, value);
    const key = `${issue.pointer}|${issue.message}`;
    if (!seen.has(key)) out.push(issue), seen.add(key);
  }
  return out;
}

function toIssue(e: ErrorObject, root: unknown): PolicyIssue {
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const names = nodesAt(e.instancePath).map((n) => n.propertyNames).find(Boolean);
    const hint = names ? hintOf(names) : undefined;
    return {
      pointer: e.instancePath + pointerFrom([propertyName]),
      at: 'key',
      message: `${JSON.stringify(propertyName)} is not a valid name in ${label(e.instancePath)}${hint ? `: expected ${hint}` : ''}.`,
    };
  }
  const here = label(e.instancePath);
  const value = valueAt(root, e.instancePath);
  const hint = nodesAt(e.instancePath).map(hintOf).find(Boolean);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = nodesAt(e.instancePath).flatMap((n) => Object.keys(n.properties ?? {}));
      const suggestion = closest(key, known);
      const allowed = known.length <= 10 ? ` (allowed here: ${known.join(', ')})` : '';
      return {
        pointer: e.instancePath + pointerFrom([key]),
        at: 'key',
        message: `${JSON.stringify(key)} is not a policy setting in ${here}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : `${allowed}.`}`,
      };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const why = e.instancePath === '' && missing === 'version' ? ': write `version: 1` at the top, so later cctier releases know which format the file uses' : '';
      return { pointer: e.instancePath, at: 'value', message: `${sentence(here)} needs ${JSON.stringify(missing)}${why}.` };
    }
    case 'const':
    case 'enum': {
      const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      const near = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return { pointer: e.instancePath, at: 'value', message: `${here} is ${valuePreview(value)}; expected ${hint ?? allowed.map((v) => JSON.stringify(v)).join(', ')}${near || '.'}` };
    }
    case 'type': {
      const expected = String((e.params as { type: string }).type).split(',');
      return { pointer: e.instancePath, at: 'value', message: `${here} must be ${expected.map(article).join(' or ')}, not ${typeName(value)}.` };
    }
    case 'pattern':
      return { pointer: e.instancePath, at: 'value', message: `${here} is ${valuePreview(value)}, which is not ${hint ?? 'in the expected form'}.` };
    case 'oneOf':
    case 'anyOf':
      return { pointer: e.instancePath, at: 'value', message: `${here} has none of the accepted forms${hint ? `: expected ${hint}` : e.instancePath === '/extends' ? ': expected a path or package name, or a list of them' : ''}.` };
    case 'minLength':
    case 'minItems':
      return { pointer: e.instancePath, at: 'value', message: `${here} must not be empty.` };
    case 'maxLength':
      return { pointer: e.instancePath, at: 'value', message: `${here} must be at most ${(e.params as { limit: number }).limit} characters long.` };
    default:
      return { pointer: e.instancePath, at: 'value', message: `${here} is not valid here.` };
  }
}

/**
 * oneOf reports each branch's failures and then its own. A branch that failed deeper than the value
 * itself explains the problem; otherwise the oneOf's own error does.
 */
function withoutAlternativeNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') {
      out.push(e);
      continue;
    }
    let start = out.length;
    while (start > 0 && within(out[start - 1]!.instancePath, e.instancePath)) start--;
    const branch = out.splice(start);
    const deeper = branch.filter((b) => b.instancePath !== e.instancePath);
    out.push(...(deeper.length ? deeper : [e]));
  }
  return out;
}

function within(p: string, prefix: string): boolean {
  return p === prefix || p.startsWith(prefix + '/');
}

function label(pointer: string): string {
  return pointer === '' ? 'the policy' : pointerLabel(pointer);
}

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function hintOf(node: SchemaNode): string | undefined {
  return node['x-pattern-hint'];
}

function article(t: string): string {
  if (t === 'null') return 'null';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointerSegments(pointer)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** The policy schema's nodes that apply at an instance path, through $ref (ours and the settings schema's) and oneOf. */
function nodesAt(pointer: string): SchemaNode[] {
  const docs = shapeDocs();
  const root = docs.policy!;
  const expand = (node: SchemaNode, base: SchemaNode, depth = 0): Array<[SchemaNode, SchemaNode]> => {
    const out: Array<[SchemaNode, SchemaNode]> = [[node, base]];
    if (depth > 8) return out;
    if (node.$ref) {
      const [file, frag = ''] = node.$ref.split('#');
      const doc = file ? Object.values(docs).find((d) => d.$id?.endsWith('/' + file)) : base;
      let target: unknown = doc;
      for (const seg of pointerSegments(frag)) target = (target as Record<string, unknown> | undefined)?.[seg];
      if (doc && target && typeof target === 'object') out.push(...expand(target as SchemaNode, doc, depth + 1));
    }
    for (const sub of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) out.push(...expand(sub, base, depth + 1));
    return out;
  };
  let current = expand(root, root);
  for (const seg of pointerSegments(pointer)) {
    const next: Array<[SchemaNode, SchemaNode]> = [];
    for (const [node, base] of current) {
      const child = node.properties?.[seg] ?? (/^\d+$/.test(seg) ? node.items : undefined) ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (child) next.push(...expand(child, base));
    }
    current = next;
  }
  return current.map(([n]) => n);
}
