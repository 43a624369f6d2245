/**
 * Merge scenarios: one folder per fact in test/fixtures/layers, named after the fact with its source tag
 * (`:` written as a space, so the folders check out on Windows too). A folder holds either `layers.json`
 * (the layers, lowest first) or `load.json` + `tree/` (files read the way `cctier effective` reads them),
 * and `expected.json`: the settings, the provenance of every value (pointer -> layer), and the overridden
 * values and diagnostics that matter.
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Layer } from '../../../src/core/layers/layer';
import { loadLayers } from '../../../src/core/layers/load';
import { mergeLayers, type EffectiveSettings } from '../../../src/core/layers/merge';

const ROOT = path.join(__dirname, '../../fixtures/layers');
const scenarios = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort();

interface Expected {
  fact: string;
  source: string;
  settings: Record<string, unknown>;
  provenance: Record<string, string>;
  overridden?: Array<Record<string, unknown>>;
  diagnostics?: Array<{ file: string; ruleId: string }>;
}

interface LoadSpec {
  dir: string;
  home: string;
  gitRoots?: string[];
  managed?: string;
  settings?: string;
  userSettings?: string;
  env?: Record<string, string>;
}

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function fromLayersJson(file: string): Layer[] {
  return read<Array<{ kind: Layer['kind']; name?: string; value: Record<string, unknown> }>>(file).map((l) => ({
    kind: l.kind,
    name: l.name ?? l.kind,
    file: `${l.name ?? l.kind}.json`,
    value: l.value,
  }));
}

function fromTree(dir: string, tmp: string): { layers: Layer[]; diagnostics: Array<{ file: string; ruleId: string }> } {
  const spec = read<LoadSpec>(path.join(dir, 'load.json'));
  fs.cpSync(path.join(dir, 'tree'), tmp, { recursive: true });
  for (const g of spec.gitRoots ?? []) fs.mkdirSync(path.join(tmp, g, '.git'), { recursive: true });
  fs.mkdirSync(path.join(tmp, spec.dir), { recursive: true });
  // A managed folder the tree does not hold is an empty one (git keeps no empty folders): no managed settings.
  if (spec.managed) fs.mkdirSync(path.join(tmp, spec.managed), { recursive: true });
  const at = (p: string | undefined): string | undefined => (p === undefined ? undefined : path.join(tmp, p));
  const env = Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, v.replace('${root}', tmp)]));
  const loaded = loadLayers({ dir: path.join(tmp, spec.dir), home: path.join(tmp, spec.home), managed: at(spec.managed), flagSettings: at(spec.settings), userSettings: at(spec.userSettings), env });
  return { layers: loaded.layers, diagnostics: loaded.diagnostics.map((d) => ({ file: path.relative(tmp, d.file), ruleId: d.ruleId })) };
}

/** Every value in the settings, array elements and nested objects included, has provenance. */
function unsourced(e: EffectiveSettings): string[] {
  const missing: string[] = [];
  const walk = (v: unknown, p: string): void => {
    if (p !== '' && !e.provenance[p]) missing.push(p);
    if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(e.settings, '');
  return missing;
}

test('there are at least 25 scenarios, each named after its fact and citing its source tag', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(25);
  for (const s of scenarios) {
    const expected = read<Expected>(path.join(ROOT, s, 'expected.json'));
    expect(expected.source).toMatch(/^\[[A-Z][A-Z0-9-]*(:[a-z0-9-]+| [\d.]+)?\]$/);
    expect(s.endsWith(' ' + expected.source.replace(/:/g, ' '))).toBe(true);
  }
});

describe.each(scenarios)('%s', (scenario) => {
  const dir = path.join(ROOT, scenario);
  const expected = read<Expected>(path.join(dir, 'expected.json'));
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-scenario-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test(`${expected.fact} ${expected.source}`, () => {
    const fromFiles = fs.existsSync(path.join(dir, 'load.json'));
    const { layers, diagnostics } = fromFiles ? fromTree(dir, tmp) : { layers: fromLayersJson(path.join(dir, 'layers.json')), diagnostics: [] };
    const before = JSON.stringify(layers.map((l) => l.value));
    const e = mergeLayers(layers);

    expect(e.settings).toEqual(expected.settings);
    expect(Object.fromEntries(Object.entries(e.provenance).map(([p, v]) => [p, v.layer]))).toEqual(expected.provenance);
    expect(unsourced(e)).toEqual([]);
    if (expected.overridden?.length === 0) expect(e.overridden).toEqual([]);
    for (const o of expected.overridden ?? []) expect(e.overridden).toContainEqual(expect.objectContaining(o));
    expect(diagnostics).toEqual(expected.diagnostics ?? []);
    // Merging never changes its inputs.
    expect(JSON.stringify(layers.map((l) => l.value))).toBe(before);
  });
});
