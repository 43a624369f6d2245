/**
 * cctier's own config through the built binary: every search place, severities, `strict`, --config and
 * --no-config, broken configs (exit 2 naming the file), and config code that must never run.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../src/core';
import { ensureBuilt, parseJsonReport, STACK_FRAME, TempTree, type CliRun } from './run-cli';

/** One unknown top-level key (a warning by default) and one value of the wrong type (an error). */
const SETTINGS = '{\n  "model": "sonnet",\n  "permisions": {},\n  "cleanupPeriodDays": "30"\n}\n';
const SETTINGS_FILE = '.claude/settings.json';

let tree: TempTree;

beforeAll(() => {
  ensureBuilt();
}, 300_000);

/** Each test gets a fresh project: config files must not leak from one test into another. */
beforeEach(() => {
  tree = new TempTree('config', { packageJson: false });
  tree.write(SETTINGS_FILE, SETTINGS);
});

afterEach(() => tree.remove());

function clean(run: CliRun): CliRun {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toContain(STACK_FRAME);
  expect(run.stdout).not.toContain(STACK_FRAME);
  return run;
}

/** Severity (1 warning, 2 error) per rule id, and the exit code. */
function lint(args: string[] = [], cwd?: string): { status: number | null; severities: Record<string, number> } {
  const run = clean(tree.run(['--format', 'json', ...args], cwd ? { cwd } : {}));
  expect(run.stderr).toBe('');
  const severities: Record<string, number> = {};
  for (const r of parseJsonReport(run.stdout)) for (const m of r.messages) severities[m.ruleId] = m.severity;
  return { status: run.status, severities };
}

const DEFAULTS = { 'schema/unknown-key': 1, 'schema/invalid-type': 2 };

describe('found by searching, in every documented place', () => {
  // Each sets unknown-key to error and turns invalid-type off: both must show.
  const places: Array<[string, string]> = [
    ['package.json', JSON.stringify({ name: 'p', private: true, cctier: { rules: { 'schema/unknown-key': 'error', 'schema/invalid-type': 'off' } } })],
    ['.cctierrc', '{ "rules": { "schema/unknown-key": "error", "schema/invalid-type": "off" } }\n'],
    ['.cctierrc', 'rules:\n  schema/unknown-key: error\n  schema/invalid-type: "off"\n'],
    ['.cctierrc.json', '{ "rules": { "schema/unknown-key": 2, "schema/invalid-type": 0 } }\n'],
    ['.cctierrc.yaml', 'rules:\n  schema/unknown-key: 2\n  schema/invalid-type: 0\n'],
    ['.cctierrc.yml', '# comments are fine in YAML\nrules: { schema/unknown-key: error, schema/invalid-type: "off" }\n'],
    ['cctier.config.json', '{ "rules": { "schema/unknown-key": "error", "schema/invalid-type": "off" } }\n'],
    ['cctier.config.yaml', 'rules:\n  schema/unknown-key: error\n  schema/invalid-type: "off"\n'],
  ];

  test.each(places.map(([name, content], i) => [`${name}${name === '.cctierrc' ? (i === 1 ? ' (JSON)' : ' (YAML)') : ''}`, name, content]))('%s', (_label, name, content) => {
    tree.write(name, content);
    expect(lint()).toEqual({ status: 1, severities: { 'schema/unknown-key': 2 } });
    // Found from a subfolder too: the search goes up to the project root.
    fs.mkdirSync(tree.path('src/deep'), { recursive: true });
    expect(lint(['../..'], 'src/deep')).toEqual({ status: 1, severities: { 'schema/unknown-key': 2 } });
  });

  test('no config: the rules\' own severities', () => {
    expect(lint()).toEqual({ status: 1, severities: DEFAULTS });
  });

  test('the first place wins: package.json before .cctierrc.json', () => {
    tree.write('package.json', JSON.stringify({ name: 'p', cctier: { rules: { 'schema/invalid-type': 'warn' } } }));
    tree.write('.cctierrc.json', JSON.stringify({ rules: { 'schema/invalid-type': 'off', 'schema/unknown-key': 'off' } }));
    expect(lint()).toEqual({ status: 0, severities: { 'schema/unknown-key': 1, 'schema/invalid-type': 1 } });
  });

  test('a package.json without a "cctier" key is passed over', () => {
    tree.write('package.json', JSON.stringify({ name: 'p', eslintConfig: {} }));
    tree.write('.cctierrc.yaml', 'rules:\n  schema/invalid-type: warn\n');
    expect(lint()).toEqual({ status: 0, severities: { 'schema/unknown-key': 1, 'schema/invalid-type': 1 } });
  });

  test('a package.json that does not parse: passed over, or exit 2 naming it; never an internal error', () => {
    tree.write('package.json', '{ "name": "p", "cctier": { "strict": true } \n');
    tree.write('.cctierrc.yaml', 'rules:\n  schema/invalid-type: warn\n');
    const run = clean(tree.run(['--format', 'json']));
    if (run.status === 2) {
      expect(run.stderr).toContain(tree.path('package.json'));
      expect(run.stderr).toMatch(/not valid JSON/);
    } else {
      expect(run.stderr).toBe('');
      expect(lint()).toEqual({ status: 0, severities: { 'schema/unknown-key': 1, 'schema/invalid-type': 1 } });
    }
  });

  test('the search stops at the project root (the nearest package.json)', () => {
    tree.write('.cctierrc.json', JSON.stringify({ rules: { 'schema/unknown-key': 'off' } }));
    tree.write('app/package.json', JSON.stringify({ name: 'app' }));
    tree.write('app/.claude/settings.json', SETTINGS);
    expect(lint(['.'], 'app')).toEqual({ status: 1, severities: DEFAULTS });
  });
});

describe('what a config sets', () => {
  test.each([
    ['"off"', '"off"', {}],
    ['0', '0', {}],
    ['"warn"', '"warn"', { 'schema/unknown-key': 1, 'schema/invalid-type': 1 }],
    ['1', '1', { 'schema/unknown-key': 1, 'schema/invalid-type': 1 }],
    ['"error"', '"error"', { 'schema/unknown-key': 2, 'schema/invalid-type': 2 }],
    ['2', '2', { 'schema/unknown-key': 2, 'schema/invalid-type': 2 }],
  ])('rules: %s', (_label, value, expected) => {
    tree.write('.cctierrc.json', `{ "rules": { "schema/unknown-key": ${value}, "schema/invalid-type": ${value} } }`);
    const status = Object.values(expected).includes(2) ? 1 : 0;
    expect(lint()).toEqual({ status, severities: expected });
  });

  test('strict: true makes unknown top-level keys errors; --no-strict and --strict override the config', () => {
    tree.write('.cctierrc.yaml', 'strict: true\nrules:\n  schema/invalid-type: "off"\n');
    expect(lint()).toEqual({ status: 1, severities: { 'schema/unknown-key': 2 } });
    expect(lint(['--no-strict'])).toEqual({ status: 0, severities: { 'schema/unknown-key': 1 } });
    tree.write('.cctierrc.yaml', 'strict: false\nrules:\n  schema/invalid-type: "off"\n');
    expect(lint(['--strict'])).toEqual({ status: 1, severities: { 'schema/unknown-key': 2 } });
  });

  test('a rule severity beats --strict\'s default for unknown keys', () => {
    tree.write('.cctierrc.json', JSON.stringify({ strict: true, rules: { 'schema/unknown-key': 'warn' } }));
    expect(lint().severities['schema/unknown-key']).toBe(1);
  });
});

describe('--config and --no-config', () => {
  test('--config uses the named file, whatever its name, instead of searching', () => {
    tree.write('.cctierrc.json', '{ "this is": "broken" ');
    tree.write('ci/lint-rules.yaml', 'rules:\n  schema/invalid-type: "off"\n');
    expect(lint(['--config', 'ci/lint-rules.yaml'])).toEqual({ status: 0, severities: { 'schema/unknown-key': 1 } });
    expect(lint(['-c', tree.path('ci/lint-rules.yaml')])).toEqual({ status: 0, severities: { 'schema/unknown-key': 1 } });
  });

  test('--no-config ignores every config, broken ones included', () => {
    tree.write('.cctierrc.json', '{ "this is": "broken" ');
    expect(lint(['--no-config'])).toEqual({ status: 1, severities: DEFAULTS });
  });

  test('--config with a path that does not exist: exit 2 naming it', () => {
    const run = clean(tree.run(['--config', 'nope/cctier.yaml']));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(path.join('nope', 'cctier.yaml'));
    expect(run.stdout).toBe('');
  });

  test('--config with a directory: exit 2 naming it', () => {
    fs.mkdirSync(tree.path('confdir'));
    const run = clean(tree.run(['--config', 'confdir']));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('confdir');
  });
});

describe('a broken config: exit 2 with a message naming the file, nothing linted', () => {
  test.each([
    ['invalid YAML', '.cctierrc.yaml', 'rules:\n  schema/unknown-key: [error\n', /not valid YAML/],
    ['YAML with a key twice', '.cctierrc.yml', 'strict: true\nstrict: false\n', /not valid YAML/],
    ['invalid YAML in .cctierrc', '.cctierrc', 'rules: {\n', /not valid YAML/],
    ['invalid JSON', '.cctierrc.json', '{ "rules": { "schema/unknown-key": "error", } }\n', /not valid JSON/],
    ['invalid JSON in .cctierrc', '.cctierrc', '{ "rules": \n', /not valid JSON/],
    ['an unknown option', 'cctier.config.json', '{ "rulez": { "schema/unknown-key": "error" } }\n', /"rulez".*did you mean "rules"/],
    ['an unknown option in package.json', 'package.json', '{ "name": "p", "cctier": { "stritc": true } }\n', /"stritc"/],
    ['a severity that is not one of off/warn/error/0/1/2', '.cctierrc.json', '{ "rules": { "schema/unknown-key": "warning" } }\n', /"warning"/],
    ['a numeric severity out of range', '.cctierrc.yaml', 'rules:\n  schema/unknown-key: 3\n', /\b3\b/],
    ['a rule id that is not group/name', '.cctierrc.json', '{ "rules": { "unknown-key": "off" } }\n', /unknown-key/],
    ['strict that is not a boolean', '.cctierrc.json', '{ "strict": "yes" }\n', /strict/],
    ['a root that is not an object', 'cctier.config.yaml', '- rules\n- strict\n', /object/],
  ])('%s', (_label, name, content, reason) => {
    tree.write(name, content);
    const run = clean(tree.run([]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(tree.path(name));
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
  });

  test('the same config named by --config: the same exit 2 and message', () => {
    tree.write('ci/rules.json', '{ "rules": { "schema/unknown-key": "warning" } }\n');
    const run = clean(tree.run(['--config', 'ci/rules.json']));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules.json');
    expect(run.stderr).toContain('"warning"');
  });
});

describe('config code is never run', () => {
  const MARKER = 'ran-config-code';

  function evil(value: object = { rules: { 'schema/unknown-key': 'off' } }): string {
    return `require('node:fs').writeFileSync(${JSON.stringify(path.join('MARKER_DIR', MARKER))}, 'ran');\nmodule.exports = ${JSON.stringify(value)};\n`;
  }

  function write(rel: string, content: string): void {
    tree.write(rel, content.replace('MARKER_DIR', tree.root));
  }

  function expectNotRun(run: CliRun): void {
    clean(run);
    expect(tree.exists(MARKER)).toBe(false);
  }

  test('.cctierrc.js, .cctierrc.cjs, cctier.config.js, cctier.config.mjs and .cctierrc.ts are not search places', () => {
    for (const name of ['.cctierrc.js', '.cctierrc.cjs', 'cctier.config.js', 'cctier.config.cjs', '.cctierrc.ts']) write(name, evil());
    write('cctier.config.mjs', `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(path.join('MARKER_DIR', MARKER))}, 'ran');\nexport default {};\n`);
    const run = tree.run(['--format', 'json']);
    expectNotRun(run);
    expect(run.status).toBe(1);
    expect(parseJsonReport(run.stdout)[0]!.messages.map((m) => m.ruleId)).toContain('schema/unknown-key');
  });

  test('--config naming a JavaScript file: exit 2, not run', () => {
    for (const name of ['cctier.config.js', 'cctier.config.cjs', 'cctier.config.mjs', 'cctier.config.ts']) {
      write(name, evil());
      const run = tree.run(['--config', name]);
      expectNotRun(run);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(name);
      expect(run.stderr).toMatch(/JSON or YAML/);
    }
  });

  test('`$import` of a JavaScript file from a JSON or YAML config: exit 2, not run', () => {
    write('shared/base.cjs', evil());
    tree.write('.cctierrc.json', JSON.stringify({ $import: './shared/base.cjs' }));
    let run = tree.run([]);
    expectNotRun(run);
    expect(run.status).toBe(2);
    fs.rmSync(tree.path('.cctierrc.json'));
    tree.write('.cctierrc.yaml', '$import: [./shared/base.cjs]\n');
    run = tree.run([]);
    expectNotRun(run);
    expect(run.status).toBe(2);
  });

  test('cosmiconfig\'s "meta config" (.config/config.js in the working directory) is not loaded', () => {
    write('.config/config.js', evil());
    write('.config/config.cjs', evil());
    write('.config/config.mjs', `import fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(path.join('MARKER_DIR', MARKER))}, 'ran');\nexport default {};\n`);
    expectNotRun(tree.run([]));
  });

  test('nor can a package.json or meta config point the search at JavaScript', () => {
    write('cctier.evil.js', evil({ strict: true }));
    tree.write('package.json', JSON.stringify({ name: 'p', cosmiconfig: { searchPlaces: ['{name}.evil.js'] } }));
    tree.write('.config/config.json', JSON.stringify({ searchPlaces: ['{name}.evil.js'] }));
    const run = tree.run(['--format', 'json']);
    expectNotRun(run);
    expect(run.status).toBe(1);
  });
});

describe('prototype keys in a config', () => {
  test('are rejected or ignored, never merged into Object.prototype', () => {
    tree.write('.cctierrc.json', '{ "__proto__": { "strict": true }, "rules": { "__proto__": "off" } }\n');
    expect(() => loadConfig(tree.root)).toThrow(/cctierrc\.json|__proto__/);
    expect(({} as Record<string, unknown>).strict).toBeUndefined();
    const run = clean(tree.run([]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('__proto__');

    tree.write('.cctierrc.json', '{ "rules": { "constructor/prototype": "off" } }\n');
    const refused = clean(tree.run(['--format', 'json']));
    expect(refused.status).toBe(2); // a rule id no rule has is a typo that would silently do nothing
    expect(refused.stderr).toContain('unknown rule "constructor/prototype"');
    expect(({} as Record<string, unknown>).off).toBeUndefined();
  });
});
