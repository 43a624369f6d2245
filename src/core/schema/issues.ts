/**
 * Ajv's errors turned into problems a person can act on: which rule, where (a JSON Pointer, at the key or
 * the value) and a message in plain words, with did-you-mean for unknown keys and enum values. Raw Ajv
 * text and regexes never reach the user: patterns are described by the schema's `x-pattern-hint`.
 */

import type { ErrorObject } from 'ajv';
import { pointerLabel, typeName, valuePreview } from '../text/preview';
import { closest, didYouMean } from '../text/suggest';
import { pointerSegments } from '../source/pointer';
import { annotationAt, knownPropertiesAt, rootShape, schemasAt, type ShapeDoc } from './shape';
import { validate } from './validators';

export type SchemaRuleId =
  | 'schema/unknown-key'
  | 'schema/unknown-property'
  | 'schema/invalid-type'
  | 'schema/invalid-value'
  | 'schema/missing-key';

export interface SchemaIssue {
  ruleId: SchemaRuleId;
  pointer: string;
  at: 'key' | 'value';
  message: string;
  /** For unknown keys: the key it probably should be. */
  suggestion?: string;
}

/** Keywords whose failure is fully explained by the errors of their subschemas. */
const PASS_THROUGH = new Set(['if', 'then', 'else', 'allOf', 'propertyNames', '$ref']);

/**
 * Validates a parsed document. A tier file is checked in two parts, its tier keys and the rest as settings,
 * so the settings validator is compiled once; the top-level keys, and so the pointers, stay the same.
 */
export function schemaIssues(doc: ShapeDoc, value: unknown): SchemaIssue[] {
  let errors: ErrorObject[];
  if (doc === 'tierFile' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tierNames = new Set(Object.keys(rootShape('tierFile').$defs?.tierKeys?.properties ?? {}));
    const tier: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(tierNames.has(k) ? tier : rest, k, { value: v, enumerable: true });
    errors = [...validate('tierKeys', tier), ...validate('settings', rest)];
  } else {
    errors = validate(doc === 'config' ? 'config' : 'settings', value);
  }
  if (errors.length === 0) return [];
  const issues: SchemaIssue[] = [];
  for (const e of collapseAlternatives(errors)) {
    if (PASS_THROUGH.has(e.keyword)) continue;
    const issue = toIssue(e, value, doc);
    if (issue) issues.push(issue);
  }
  return dedupe(issues);
}

function toIssue(e: ErrorObject, root: unknown, doc: ShapeDoc): SchemaIssue | undefined {
  // Errors inside propertyNames concern a key, not a value.
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const pointer = `${e.instancePath}/${escape(propertyName)}`;
    const hint = schemasAt(doc, e.instancePath, root).find((n) => n.propertyNames)?.propertyNames?.['x-pattern-hint'];
    return {
      ruleId: 'schema/invalid-value',
      pointer,
      at: 'key',
      message: `${JSON.stringify(propertyName)} is not a valid name in ${pointerLabel(e.instancePath)}${hint ? `: expected ${hint}` : ''}.`,
    };
  }
  const here = pointerLabel(e.instancePath);
  const value = valueAt(root, e.instancePath);
  switch (e.keyword) {
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const key = String((e.params as { unevaluatedProperty?: string; additionalProperty?: string }).unevaluatedProperty ??
        (e.params as { additionalProperty?: string }).additionalProperty);
      const candidates = knownPropertiesAt(doc, e.instancePath, root);
      const suggestion = closest(key, candidates);
      const pointer = `${e.instancePath}/${escape(key)}`;
      const didYouMeanIt = suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : undefined;
      if (e.instancePath === '') {
        // Each schema names its own keys (x-key-noun at the root: "cctier option"); settings files by default.
        const noun = annotationAt(doc, '', root, 'x-key-noun') ?? 'Claude Code setting';
        const ignored = doc === 'settings' || doc === 'tierFile' ? ': Claude Code ignores it (some versions reject the whole file).' : '.';
        return { ruleId: 'schema/unknown-key', pointer, at: 'key', suggestion, message: `${JSON.stringify(key)} is not a ${noun}${didYouMeanIt ?? ignored}` };
      }
      const noun = annotationAt(doc, e.instancePath, root, 'x-key-noun');
      const allowedList = candidates.length && candidates.length <= 8 ? ` (allowed: ${candidates.map((c) => JSON.stringify(c)).join(', ')}).` : '.';
      const message = noun
        ? `${JSON.stringify(key)} is not a ${noun}${didYouMeanIt ?? ' (Claude Code skips it; older versions reject the whole file).'}`
        : `${JSON.stringify(key)} is not allowed in ${here}${didYouMeanIt ?? allowedList}`;
      return { ruleId: 'schema/unknown-property', pointer, at: 'key', suggestion, message };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return {
        ruleId: 'schema/missing-key',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} is missing ${JSON.stringify(missing)}, which it requires.`,
      };
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).split(',');
      return {
        ruleId: 'schema/invalid-type',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} must be ${expected.map(article).join(' or ')}, not ${typeName(value)}${typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? ` (${valuePreview(value)})` : ''}${
          expected.length === 1 && expected[0] === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? `; write it in quotes: "${String(value)}"` : ''
        }.`,
      };
    }
    case 'enum':
    case 'const': {
      const all = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      // Legacy and undocumented values stay accepted but are not offered.
      const legacy = annotationAt(doc, e.instancePath, root, 'x-enum-deprecated') ?? {};
      const allowed = all.filter((v) => typeof v !== 'string' || !Object.prototype.hasOwnProperty.call(legacy, v));
      const shown = allowed.slice(0, 10).map((v) => JSON.stringify(v)).join(', ') + (allowed.length > 10 ? ', …' : '');
      const hint = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return {
        ruleId: 'schema/invalid-value',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} is ${valuePreview(value)}, which is not ${allowed.length === 1 ? 'the allowed value' : 'one of the allowed values'}: ${shown}${hint || '.'}`,
      };
    }
    case 'pattern':
    case 'format': {
      const hint = annotationAt(doc, e.instancePath, root, 'x-pattern-hint');
      return {
        ruleId: 'schema/invalid-value',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} is ${valuePreview(value)}, which is not ${hint ?? `in the expected ${e.keyword === 'format' ? 'format' : 'form'}`}.`,
      };
    }
    case 'anyOf':
    case 'oneOf': {
      const hint = annotationAt(doc, e.instancePath, root, 'x-pattern-hint');
      return {
        ruleId: 'schema/invalid-value',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} matches none of the accepted forms${hint ? `: expected ${hint}` : ''}.`,
      };
    }
    default:
      return {
        ruleId: 'schema/invalid-value',
        pointer: e.instancePath,
        at: 'value',
        message: `${here} ${limitMessage(e)}.`,
      };
  }
}

function limitMessage(e: ErrorObject): string {
  const p = e.params as { limit?: number; comparison?: string };
  switch (e.keyword) {
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be greater than ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${p.limit}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minItems':
      return p.limit === 1 ? 'must not be empty' : `must have at least ${p.limit} entries`;
    case 'maxItems':
      return `may have at most ${p.limit} entries`;
    case 'minProperties':
      return p.limit === 1 ? 'must not be empty' : `must have at least ${p.limit} entries`;
    case 'uniqueItems':
      return 'must not repeat an entry';
    case 'multipleOf':
      return `must be a multiple of ${(e.params as { multipleOf: number }).multipleOf}`;
    case 'not':
      return 'has a value that is not allowed here';
    case 'false schema':
      return 'is not allowed here';
    default:
      return `is not valid (${e.keyword})`;
  }
}

/**
 * anyOf/oneOf report every branch's failures, then their own. When the value's type matched some branch,
 * that branch's deeper errors say what is wrong and the type mismatches of the other branches are noise;
 * when no branch's type matched, one "must be X or Y" says it all.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    const at = e.instancePath;
    let start = out.length;
    while (start > 0 && within(out[start - 1]!.instancePath, at)) start--;
    const branch = out.splice(start);
    const typeMisses = branch.filter((b) => b.keyword === 'type' && b.instancePath === at);
    const rest = branch.filter((b) => !(b.keyword === 'type' && b.instancePath === at));
    if (rest.length === 0 && typeMisses.length > 0) {
      const types = [...new Set(typeMisses.flatMap((t) => String((t.params as { type: string }).type).split(',')))];
      out.push({ ...e, keyword: 'type', params: { type: types.join(',') } });
    } else if (rest.some((b) => b.instancePath !== at)) {
      out.push(...rest.filter((b) => b.keyword !== 'if'));
    } else {
      out.push(e);
    }
  }
  return out;
}

function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointerSegments(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string, unknown>)[seg] : undefined;
  }
  return v;
}

function article(t: string): string {
  switch (t) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'an integer';
    case 'null':
      return 'null';
    default:
      return `a ${t}`;
  }
}

function escape(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.ruleId}|${i.pointer}|${i.at}|${i.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
