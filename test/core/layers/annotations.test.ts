/**
 * The merger's precomputed annotation tree must say what `annotationAt` (a fresh schema walk with the
 * value in hand) says, at every object key of every real-world settings file and SchemaStore fixture.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { annotationsAt } from '../../../src/core/layers/annotations';
import { schemasAt } from '../../../src/core/schema/shape';
import { pointerFrom } from '../../../src/core/source/pointer';

const SHARED = path.resolve(__dirname, '../../../../shared');
const DIRS = [path.join(SHARED, 'corpus/realworld'), path.join(SHARED, 'conformance/schemastore')];

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsonFiles(p) : e.name.endsWith('.json') && !e.name.includes('schema') ? [p] : [];
  });
}

/** The first value of each merge annotation among the subschemas at a pointer, as the old merger read them. */
function viaSchemaWalk(pointer: string, root: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = { merge: 'x-merge', scope: 'x-scope', lockedBy: 'x-locked-by', strictness: 'x-strictness' } as const;
  for (const node of schemasAt('settings', pointer, root)) {
    for (const [ours, theirs] of Object.entries(names)) if (out[ours] === undefined && node[theirs] !== undefined) out[ours] = node[theirs];
  }
  return out;
}

const files = jsonFiles(DIRS[0]!).concat(jsonFiles(DIRS[1]!));
const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));

test('the corpus is there to compare against', () => {
  expect(files.length).toBeGreaterThan(200);
});

test('annotationsAt agrees with a schema walk at every object key of the corpus', () => {
  let compared = 0;
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const walk = (v: unknown, segs: string[]): void => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
      for (const [k, child] of Object.entries(v)) {
        // shape.ts reads `properties[key]` without an own-property check; such keys are ours to get right.
        if (inherited.has(k)) continue;
        const s = [...segs, k];
        const { merge, scope, lockedBy, strictness } = annotationsAt(s);
        const ours = Object.fromEntries(Object.entries({ merge, scope, lockedBy, strictness }).filter(([, x]) => x !== undefined));
        expect({ at: pointerFrom(s), ...ours }).toEqual({ at: pointerFrom(s), ...viaSchemaWalk(pointerFrom(s), value) });
        compared++;
        walk(child, s);
      }
    };
    walk(value, []);
  }
  expect(compared).toBeGreaterThan(2000);
});

test('keys named like prototype properties get the annotations of an unknown key, not of Object.prototype', () => {
  expect(annotationsAt(['constructor'])).toEqual({});
  expect(annotationsAt(['env', 'constructor'])).toEqual(annotationsAt(['env', 'SOME_VARIABLE']));
  expect(annotationsAt(['permissions', '__proto__'])).toEqual({});
});
