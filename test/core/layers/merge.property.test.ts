/**
 * The merger's invariants, over generated layer stacks (fast-check): deny rules are never lost, managed-only
 * keys come from managed settings only, merging is deterministic, union lists keep first-occurrence order,
 * valid inputs give a valid result, and no prototype is ever polluted.
 */

import fc from 'fast-check';
import { annotationsAt } from '../../../src/core/layers/annotations';
import { LAYER_ORDER, type Layer, type LayerKind } from '../../../src/core/layers/layer';
import { mergeLayers } from '../../../src/core/layers/merge';
import { schemaIssues } from '../../../src/core/schema/issues';

const RUNS = { numRuns: 300 };

/** An object whose keys are own data properties, `__proto__` included (as JSON.parse makes them). */
function plain(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
const record = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(fields, { requiredKeys: [] }).map((r) => plain(Object.entries(r)));
const uniqueOf = <T>(a: fc.Arbitrary<T>, max = 5): fc.Arbitrary<T[]> => fc.uniqueArray(a, { maxLength: max });

const rule = fc.oneof(
  fc.constantFrom('Bash(npm test)', 'Bash(git *)', 'Bash(rm *)', 'Read(./.env)', 'Edit(src/**)', 'WebFetch(domain:example.com)', 'mcp__github__get_issue', 'WebSearch', 'Read'),
  fc.nat(6).map((n) => `Bash(task-${n} *)`),
);
const model = fc.constantFrom('opus', 'sonnet', 'haiku', 'claude-opus-4-5', 'claude-sonnet-4-5');
const envName = fc.constantFrom('FOO', 'BAR', 'MY_FLAG', 'TEAM_REGION', '__proto__', 'constructor', 'prototype');
const hookGroup = fc.record({
  matcher: fc.constantFrom('Bash', 'Edit|Write', '*'),
  hooks: fc.constant([{ type: 'command', command: 'echo checked' }]),
});

/** Values the settings schema accepts, for the keys whose merge rules differ most. */
const settingsValue = record({
  model,
  effortLevel: fc.constantFrom('low', 'medium', 'high'),
  permissions: record({
    allow: uniqueOf(rule),
    ask: uniqueOf(rule),
    deny: uniqueOf(rule),
    defaultMode: fc.constantFrom('default', 'acceptEdits', 'plan', 'auto'),
    disableBypassPermissionsMode: fc.constant('disable'),
  }),
  env: fc.uniqueArray(fc.tuple(envName, fc.constantFrom('1', 'on', 'x')), { selector: (t) => t[0], maxLength: 4 }).map(plain),
  availableModels: uniqueOf(model, 3),
  fallbackModel: uniqueOf(model, 3),
  claudeMdExcludes: uniqueOf(fc.constantFrom('docs/**', 'vendor/CLAUDE.md', '**/old/*.md')),
  crossSessionInbound: fc.constantFrom('accept', 'hold', 'refuse'),
  disableClaudeAiConnectors: fc.boolean(),
  remoteControlAtStartup: fc.boolean(),
  useAutoModeDuringPlan: fc.boolean(),
  disableAllHooks: fc.boolean(),
  hooks: record({ PreToolUse: fc.array(hookGroup, { maxLength: 2 }), Stop: fc.array(hookGroup, { maxLength: 1 }) }),
  sandbox: record({ enabled: fc.boolean(), network: record({ allowedDomains: uniqueOf(fc.constantFrom('github.com', 'npmjs.org', '*.example.com')) }) }),
  extraKnownMarketplaces: fc
    .uniqueArray(fc.tuple(fc.constantFrom('acme', 'tools', 'constructor'), fc.constantFrom('acme/plugins', 'x/tools')), { selector: (t) => t[0], maxLength: 2 })
    .map((es) => plain(es.map(([n, repo]) => [n, { source: { source: 'github', repo } }]))),
  // Managed-only and user-managed keys.
  allowManagedPermissionRulesOnly: fc.boolean(),
  allowManagedHooksOnly: fc.boolean(),
  channelsEnabled: fc.boolean(),
  askUserQuestionTimeout: fc.constantFrom('60s', '5m', 'never'),
  skipDangerousModePermissionPrompt: fc.boolean(),
});

const kind = fc.constantFrom<LayerKind>(...LAYER_ORDER);

/** A stack of layers, lowest first, with unique names. */
const layersOf = (value: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Layer[]> =>
  fc.array(fc.tuple(kind, value), { maxLength: 6 }).map((ls) =>
    ls
      .map(([k, v], i) => ({ k, v, i }))
      .sort((a, b) => LAYER_ORDER.indexOf(a.k) - LAYER_ORDER.indexOf(b.k) || a.i - b.i)
      .map(({ k, v }, i) => ({ kind: k, name: `${k}#${i}`, file: `${k}-${i}.json`, value: v })),
  );

const validStacks = layersOf(settingsValue);

describe('merge properties', () => {
  test('a deny rule in any layer is never lost (unless managed settings allow managed rules only)', () => {
    fc.assert(
      fc.property(validStacks, (layers) => {
        const locked = layers.some((l) => l.kind === 'managed' && l.value.allowManagedPermissionRulesOnly === true);
        const denied = (mergeLayers(layers).settings.permissions as { deny?: string[] } | undefined)?.deny ?? [];
        for (const l of layers) {
          if (locked && l.kind !== 'managed') continue;
          for (const d of ((l.value.permissions as { deny?: string[] } | undefined)?.deny ?? [])) expect(denied).toContain(d);
        }
      }),
      RUNS,
    );
  });

  test('managed-only keys only ever come from managed settings', () => {
    fc.assert(
      fc.property(validStacks, (layers) => {
        const managed = new Set(layers.filter((l) => l.kind === 'managed').map((l) => l.name));
        const { settings, provenance } = mergeLayers(layers);
        for (const key of Object.keys(settings)) {
          if (annotationsAt([key]).scope !== 'managed') continue;
          for (const [p, v] of Object.entries(provenance)) if (p === `/${key}` || p.startsWith(`/${key}/`)) expect(managed.has(v.layer)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('merging is deterministic and leaves its inputs alone', () => {
    fc.assert(
      fc.property(validStacks, (layers) => {
        const before = JSON.stringify(layers);
        const a = mergeLayers(layers);
        const b = mergeLayers(JSON.parse(before) as Layer[]);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(JSON.stringify(layers)).toBe(before);
      }),
      RUNS,
    );
  });

  test('union lists keep the first occurrence of each entry, in layer order', () => {
    const lists = record({ permissions: record({ allow: fc.array(rule, { maxLength: 6 }) }), claudeMdExcludes: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }) });
    fc.assert(
      fc.property(layersOf(lists), (layers) => {
        const { settings } = mergeLayers(layers);
        const firsts = (get: (v: Record<string, unknown>) => unknown): unknown[] => [...new Set(layers.flatMap((l) => (get(l.value) as unknown[] | undefined) ?? []))];
        const allow = firsts((v) => (v.permissions as { allow?: unknown[] } | undefined)?.allow);
        const excludes = firsts((v) => v.claudeMdExcludes);
        expect((settings.permissions as { allow?: unknown[] } | undefined)?.allow ?? []).toEqual(allow);
        expect(settings.claudeMdExcludes ?? []).toEqual(excludes);
      }),
      RUNS,
    );
  });

  test('the result validates against the settings schema whenever every input does', () => {
    let checked = 0;
    fc.assert(
      fc.property(validStacks, (layers) => {
        fc.pre(layers.every((l) => schemaIssues('settings', l.value).length === 0));
        checked++;
        expect(schemaIssues('settings', mergeLayers(layers).settings)).toEqual([]);
      }),
      RUNS,
    );
    // The generator is meant to produce valid settings: most runs must get past the precondition.
    expect(checked).toBeGreaterThan(RUNS.numRuns / 2);
  });

  test('no prototype is ever polluted, and keys such as __proto__ stay own keys', () => {
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'env', 'permissions', 'hooks', 'allow', 'polluted');
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(true, 1, 'x', null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(plain),
      ),
    })).value;
    const stacks = layersOf(fc.array(fc.tuple(key, json), { maxLength: 5 }).map(plain));
    const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(stacks, (layers) => {
        const e = mergeLayers(layers);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        const walk = (v: unknown): void => {
          if (v === null || typeof v !== 'object') return;
          if (!Array.isArray(v)) expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
          for (const c of Object.values(v)) walk(c);
        };
        walk(e.settings);
        // Every key a layer sets at the top is an own key of the result, unless a scope rule drops it.
        for (const l of layers) for (const k of Object.keys(l.value)) if (annotationsAt([k]).scope === undefined) expect(Object.prototype.hasOwnProperty.call(e.settings, k)).toBe(true);
      }),
      RUNS,
    );
  });
});
