/**
 * Fixture-driven rule tests. Each case is a file test/fixtures/rules/<group>/<rule>/<case>.<role>.json,
 * where <role> is user, project, local, managed or tier (the tier file). Beside it:
 *   <case>.<role>.expected.json  the diagnostics of rules in <group>/ that the case must produce, exactly:
 *                                [{ "ruleId", "line", "column", "severity"?, "messageIncludes"? }]
 *                                (no file: the case must produce none)
 *   <case>.<role>.fixed.json     the text --fix must produce; a second pass must find nothing to fix
 * Every registered rule must be exercised by at least one case that expects it.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintBytes, lintBytesFixing } from '../src/core/lint/lint-text';
import { RULES, SOURCE_RULES } from '../src/core/rules/registry';
import type { FileRole, Scope } from '../src/core/scope';

const ROOT = path.join(__dirname, 'fixtures', 'rules');
const ROLES: Record<string, FileRole> = {
  user: { kind: 'settings', scope: 'user' },
  project: { kind: 'settings', scope: 'project' },
  local: { kind: 'settings', scope: 'local' },
  managed: { kind: 'settings', scope: 'managed' as Scope },
  tier: { kind: 'tier-file', scope: 'user' },
};
const SETTINGS = { strict: false, severities: new Map() };

interface Expected {
  ruleId: string;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  messageIncludes?: string;
}

interface Case {
  group: string;
  name: string;
  file: string;
  role: FileRole;
}

function cases(): Case[] {
  const out: Case[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const m = /^(.+)\.(user|project|local|managed|tier)\.json$/.exec(entry.name);
        if (!m || /\.(expected|fixed)\.json$/.test(entry.name)) continue;
        const rel = path.relative(ROOT, p);
        out.push({ group: rel.split(path.sep)[0]!, name: rel, file: p, role: ROLES[m[2]!]! });
      }
    }
  };
  walk(ROOT);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const ALL = cases();
const sibling = (c: Case, suffix: string): string => c.file.replace(/\.json$/, `.${suffix}.json`);

describe.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const bytes = fs.readFileSync(c.file);
  const expectedFile = sibling(c, 'expected');
  const expected: Expected[] = fs.existsSync(expectedFile) ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : [];

  it(`reports exactly the expected ${c.group}/* diagnostics`, () => {
    const result = lintBytes(c.file, bytes, c.role, SETTINGS);
    const actual = result.diagnostics
      .filter((d) => d.ruleId.startsWith(c.group + '/'))
      .map((d) => ({ ruleId: d.ruleId, line: d.line, column: d.column, severity: d.severity, message: d.message }));
    expect(actual.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual(
      expected.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
    );
    expected.forEach((e, i) => {
      if (e.severity) expect(actual[i]!.severity).toBe(e.severity);
      if (e.messageIncludes) expect(actual[i]!.message).toContain(e.messageIncludes);
      expect(actual[i]!.message).not.toMatch(/must NOT|must match pattern|\^\(/);
    });
  });

  const fixedFile = sibling(c, 'fixed');
  if (fs.existsSync(fixedFile)) {
    it('fixes to the expected text, and a second pass finds nothing to fix', () => {
      const fixed = lintBytesFixing(c.file, bytes, c.role, SETTINGS);
      expect(fixed.output).toBe(fs.readFileSync(fixedFile, 'utf8'));
      const again = lintBytes(c.file, Buffer.from(fixed.output!, 'utf8'), c.role, SETTINGS);
      expect(again.diagnostics.filter((d) => d.fix)).toEqual([]);
    });
  }
});

test('every rule has at least one fixture that expects it', () => {
  const covered = new Set<string>();
  for (const c of ALL) {
    const f = sibling(c, 'expected');
    if (fs.existsSync(f)) for (const e of JSON.parse(fs.readFileSync(f, 'utf8')) as Expected[]) covered.add(e.ruleId);
  }
  // Problems with paths and raw bytes are tested through the CLI (test/cli).
  const ids = [...RULES.map((r) => r.id), ...Object.keys(SOURCE_RULES).filter((id) => !['file/unreadable', 'file/too-large', 'json/encoding'].includes(id))];
  expect(ids.filter((id) => !covered.has(id))).toEqual([]);
});
