/**
 * The permissions/* rules on the real-world corpus (../shared/corpus/realworld): the files the corpus README
 * counts as allowing unrestricted Bash are all found, with the severity their kind of file calls for, and
 * the README's other permission figures show up as the rules' findings.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../../../../src/core/diagnostic';
import { lintBytes } from '../../../../src/core/lint/lint-text';
import { parsePermissionRule } from '../../../../src/core/rules/permissions/rule-grammar';
import { pointerSegments } from '../../../../src/core/source';
import type { FileRole } from '../../../../src/core/scope';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/realworld');
const ROLE_OF_FOLDER: Readonly<Record<string, FileRole>> = {
  claude_settings: { kind: 'tier-file', scope: 'user' },
  project: { kind: 'settings', scope: 'project' },
  local: { kind: 'settings', scope: 'local' },
  managed: { kind: 'settings', scope: 'managed' },
};

/**
 * The 13 files allowing unrestricted Bash. Twelve say so in permissions.allow ("Bash", "Bash(*)"); the
 * thirteenth lists "Bash" in a top-level allowedTools, which Claude Code does not read (a warning: it
 * would hand over the shell once moved to permissions.allow, as deprecated/misplaced-key suggests).
 * Not among them: biancalana__hassAqdataWaterSensor has "Bash(*)" in ask, JerryBalmer1 has "Bash" in
 * deny, and won0-kim__agent-settings (bypassPermissions) does not parse.
 */
const UNRESTRICTED_BASH_IN_ALLOW = [
  'claude_settings/LiuTaowen-Tony__dotfiles.json',
  'claude_settings/TonyLiu-Cohere__dotfiles.json',
  'claude_settings/amandeepmittal__dotfiles.json',
  'claude_settings/bestzbf__my_dfrt.json',
  'claude_settings/christophacham__isolated-code-agents.json',
  'claude_settings/hyunishyun__hand-hero.json',
  'claude_settings/lzw19951010__dev_env.json',
  'claude_settings/wujingyue__config.json',
  'managed/Karry__ide-shell.json',
  'project/bi-metrik__metrik-one.json',
  'project/bibash2__netsernity.json',
  'project/bidbinh__vnss_tms.json',
];
const UNRESTRICTED_BASH_IN_ALLOWED_TOOLS = ['claude_settings/JialeZhouxin__qibobenck.json'];

interface Linted {
  rel: string;
  value: unknown;
  diagnostics: Diagnostic[];
}

const LINTED: Linted[] = Object.keys(ROLE_OF_FOLDER).flatMap((dir) =>
  fs
    .readdirSync(path.join(CORPUS, dir))
    .sort()
    .map((name) => {
      const rel = `${dir}/${name}`;
      const bytes = fs.readFileSync(path.join(CORPUS, rel));
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        value = undefined;
      }
      const diagnostics = lintBytes(rel, bytes, ROLE_OF_FOLDER[dir]!, { strict: false, severities: new Map() }).diagnostics;
      return { rel, value, diagnostics: diagnostics.filter((d) => d.ruleId.startsWith('permissions/')) };
    }),
);

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointerSegments(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

/** A broad-allow finding on a rule that hands over every Bash command. */
function isWholeBash(l: Linted, d: Diagnostic): boolean {
  if (d.ruleId !== 'permissions/broad-allow') return false;
  const text = valueAt(l.value, d.pointer);
  if (typeof text !== 'string') return false;
  const rule = parsePermissionRule(text, 'allow');
  return rule.tool === 'Bash' && (rule.specifier === undefined || rule.command!.matchesAll || rule.command!.pattern.trim() === '*');
}

const wholeBash = (l: Linted): Diagnostic[] => l.diagnostics.filter((d) => isWholeBash(l, d));

test('all 13 files allowing unrestricted Bash are found', () => {
  const found = LINTED.filter((l) => wholeBash(l).length > 0).map((l) => l.rel);
  expect(found).toEqual(expect.arrayContaining([...UNRESTRICTED_BASH_IN_ALLOW, ...UNRESTRICTED_BASH_IN_ALLOWED_TOOLS]));
  expect(found.sort()).toEqual([...UNRESTRICTED_BASH_IN_ALLOW, ...UNRESTRICTED_BASH_IN_ALLOWED_TOOLS].sort());
});

test('in permissions.allow of a shared file (project, managed, the tier file) it is an error', () => {
  const wrong: string[] = [];
  for (const rel of UNRESTRICTED_BASH_IN_ALLOW) {
    for (const d of wholeBash(LINTED.find((x) => x.rel === rel)!)) {
      if (!d.pointer.startsWith('/permissions/allow/') || d.severity !== 'error') wrong.push(`${rel} ${d.pointer} ${d.severity}`);
    }
  }
  expect(wrong).toEqual([]);
});

test('in allowedTools, which Claude Code does not read, it is a warning', () => {
  const l = LINTED.find((x) => x.rel === UNRESTRICTED_BASH_IN_ALLOWED_TOOLS[0])!;
  expect(wholeBash(l).map((d) => [d.pointer, d.severity])).toEqual([['/allowedTools/3', 'warning']]);
});

test('Bash in ask or deny is not a broad allow', () => {
  for (const rel of ['project/biancalana__hassAqdataWaterSensor.json', 'managed/JerryBalmer1__claude.agent.images.json']) {
    expect(wholeBash(LINTED.find((x) => x.rel === rel)!)).toEqual([]);
  }
});

test('local files get warnings only: they reach no one else', () => {
  const errors = LINTED.filter((l) => l.rel.startsWith('local/')).flatMap((l) => l.diagnostics.filter((d) => d.severity === 'error'));
  expect(errors.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([]);
});

test('every legacy ":*" command rule is reported, and only Bash and Monitor ones get a fix', () => {
  let legacy = 0;
  for (const l of LINTED) {
    const perms = (l.value as { permissions?: Record<string, unknown> } | undefined)?.permissions;
    for (const list of ['allow', 'ask', 'deny']) {
      const rules = perms?.[list];
      if (Array.isArray(rules)) legacy += rules.filter((r) => typeof r === 'string' && parsePermissionRule(r).command?.legacyPrefix).length;
    }
  }
  const reported = LINTED.flatMap((l) => l.diagnostics.filter((d) => d.ruleId === 'permissions/legacy-prefix'));
  expect(reported).toHaveLength(legacy);
  expect(legacy).toBeGreaterThan(800);
  expect(reported.every((d) => d.severity === 'warning')).toBe(true);
  expect(reported.filter((d) => d.fix && !/^"(Bash|Monitor)\(/.test(d.message))).toEqual([]);
});

test('the parseable files starting in bypassPermissions are found', () => {
  const found = LINTED.filter((l) => l.diagnostics.some((d) => d.ruleId === 'permissions/bypass-mode' && d.pointer === '/permissions/defaultMode')).map((l) => l.rel);
  expect(found.sort()).toEqual(['claude_settings/abatilo__vimrc.json', 'claude_settings/ailzhang__dotfiles.json', 'claude_settings/zxss702__terminal-bench-2.1.json']);
});
