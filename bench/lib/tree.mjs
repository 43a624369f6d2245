// Generates a tree of N projects, each with the settings files a team commits or keeps locally, plus the
// ordinary files a real checkout has (so discovery walks something realistic). Deterministic: the same
// N and seed give the same bytes.
//
//   <dir>/package.json                         workspaces manifest: the peer only walks workspaces
//   <dir>/projects/p00042/.claude/settings.json          every project
//   <dir>/projects/p00042/.claude/settings.local.json    ~30 %
//   <dir>/projects/p00042/claude_settings.json           ~15 %
//   <dir>/projects/p00042/README.md, package.json, src/index.js, .git/HEAD
//   <dir>/projects/p00042/node_modules/dep/.claude/settings.json   ~5 %, must be skipped

import fs from 'node:fs';
import path from 'node:path';
import * as F from '../data/settings-fragments.mjs';

const SHARE = { local: 0.3, tier: 0.15, packageJson: 0.5, src: 0.5, git: 0.1, nodeModules: 0.05, problem: 0.1 };

/** mulberry32: a small seeded generator, plenty for picking fragments. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes the tree into `dir` (which must not exist yet) and says what is in it.
 * `lintable`: files cctier should find; `peerVisible`: the subset claude-code-lint's workspace mode reads.
 */
export function generateTree(dir, projects, seed = 20260101) {
  const rand = seededRandom(seed + projects);
  const count = { settings: 0, local: 0, tier: 0, withProblems: 0, bytes: 0 };
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    count.bytes += text.length;
  };
  const settingsText = (obj, problemShare) => {
    let problem;
    if (rand() < problemShare) {
      problem = pick(rand, F.PROBLEMS);
      count.withProblems++;
    }
    if (problem?.object) problem.object(obj, rand);
    let text = format(obj, rand);
    if (problem?.text) text = problem.text(text);
    return text;
  };

  fs.mkdirSync(dir, { recursive: true });
  write(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-tree', private: true, workspaces: ['projects/*'] }, null, 2) + '\n');
  const width = Math.max(5, String(projects - 1).length);
  for (let i = 0; i < projects; i++) {
    const name = 'p' + String(i).padStart(width, '0');
    const proj = path.join(dir, 'projects', name);
    write(path.join(proj, '.claude', 'settings.json'), settingsText(projectSettings(rand), SHARE.problem));
    count.settings++;
    if (rand() < SHARE.local) {
      write(path.join(proj, '.claude', 'settings.local.json'), settingsText(localSettings(rand), SHARE.problem));
      count.local++;
    }
    if (rand() < SHARE.tier) {
      write(path.join(proj, 'claude_settings.json'), settingsText(tierSettings(rand), SHARE.problem));
      count.tier++;
    }
    write(path.join(proj, 'README.md'), `# ${name}\n\nA generated project for cctier's benchmark.\n`);
    if (rand() < SHARE.packageJson) write(path.join(proj, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }, null, 2) + '\n');
    if (rand() < SHARE.src) write(path.join(proj, 'src', 'index.js'), `export const name = ${JSON.stringify(name)};\n`);
    if (rand() < SHARE.git) write(path.join(proj, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    if (rand() < SHARE.nodeModules) write(path.join(proj, 'node_modules', 'dep', '.claude', 'settings.json'), '{ "not": "linted" }\n');
  }
  return {
    dir,
    projects,
    files: { settings: count.settings, local: count.local, tier: count.tier },
    lintable: count.settings + count.local + count.tier,
    peerVisible: count.settings + count.local,
    withProblems: count.withProblems,
    bytes: count.bytes,
  };
}

function projectSettings(rand) {
  const s = {};
  for (const [key, value] of F.EXTRAS) if (rand() < 0.25) s[key] = structuredClone(value);
  if (rand() < 0.5) s.model = pick(rand, F.MODELS);
  const permissions = { allow: sample(rand, F.ALLOW, 2 + int(rand, 11)) };
  if (rand() < 0.6) permissions.deny = sample(rand, F.DENY, 1 + int(rand, 5));
  if (rand() < 0.3) permissions.ask = sample(rand, F.ASK, 1 + int(rand, 3));
  if (rand() < 0.3) permissions.defaultMode = pick(rand, F.MODES);
  s.permissions = permissions;
  if (rand() < 0.5) s.env = Object.fromEntries(sample(rand, F.ENV, 1 + int(rand, 4)));
  if (rand() < 0.4) {
    s.hooks = {};
    for (const event of sample(rand, Object.keys(F.HOOKS), 1 + int(rand, 3))) {
      const [matcher, command] = pick(rand, F.HOOKS[event]);
      const handler = { type: 'command', command };
      if (rand() < 0.3) handler.timeout = 30;
      s.hooks[event] = [matcher === null ? { hooks: [handler] } : { matcher, hooks: [handler] }];
    }
  }
  return s;
}

function localSettings(rand) {
  const s = { permissions: { allow: sample(rand, [...F.LOCAL_ALLOW, ...F.ALLOW], 1 + int(rand, 8)) } };
  if (rand() < 0.2) s.env = Object.fromEntries(sample(rand, F.ENV, 1 + int(rand, 2)));
  return s;
}

function tierSettings(rand) {
  const s = {};
  if (rand() < 0.5) s.$schema = 'https://json.schemastore.org/claude-code-settings.json';
  s.defaultModel = pick(rand, F.TIER_MODELS);
  if (rand() < 0.6) s.maxModelForRoutineTasks = pick(rand, F.TIER_MODELS);
  if (rand() < 0.4) s.model = pick(rand, F.MODELS);
  if (rand() < 0.5) s.permissions = { allow: sample(rand, F.ALLOW, 1 + int(rand, 5)) };
  return s;
}

/** Mostly two-space JSON as editors write it; some four-space, tab and minified files. */
function format(obj, rand) {
  const r = rand();
  const indent = r < 0.7 ? 2 : r < 0.9 ? 4 : r < 0.95 ? '\t' : undefined;
  return JSON.stringify(obj, null, indent) + '\n';
}

function int(rand, n) {
  return Math.floor(rand() * n);
}

function pick(rand, list) {
  return list[int(rand, list.length)];
}

/** k distinct items in random order (a partial Fisher-Yates shuffle of a copy). */
function sample(rand, list, k) {
  const copy = list.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + int(rand, copy.length - i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}
