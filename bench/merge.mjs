// Merging layers with 100,000 permission rules (issue 6): in this process through the built merger
// (dist/core/layers/merge.js), and end to end as `cctier effective` and `cctier check-permission` on five
// settings files of 20,000 rules each (user, project, local, --settings, managed). A tenth of each file's
// rules repeat another file's, so de-duplication has work to do. Target: the in-process merge of 100,000
// rules under 1 second (a shared, noisy machine; run alone it takes a fraction of that).
//
// Also usable on its own: `node bench/merge.mjs [--quick]` prints the rows as JSON.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeTarget } from './lib/checks.mjs';

const RULES = 100_000;
const LAYERS = ['user', 'project', 'local', 'flag', 'managed'];
const TARGET_MS = 1_000;

/** Five layers' values, RULES permission rules in all, plus env variables and hooks to merge beside them. */
export function generateLayers(rules = RULES) {
  const per = Math.floor(rules / LAYERS.length);
  return LAYERS.map((kind, li) => {
    const allow = [];
    const ask = [];
    const deny = [];
    for (let i = 0; i < per; i++) {
      // Every tenth rule is one another layer also lists.
      const n = i % 10 === 0 ? i : `${li}-${i}`;
      const list = i % 7 === 0 ? deny : i % 5 === 0 ? ask : allow;
      list.push(i % 3 === 0 ? `Bash(task-${n} *)` : i % 3 === 1 ? `Read(./data/${n}/**)` : `WebFetch(domain:h${n}.example.com)`);
    }
    const env = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`VAR_${i % 50 === 0 ? i : `${li}_${i}`}`, String(i)]));
    const hooks = { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: `audit-${kind}` }] }] };
    return { kind, value: { permissions: { allow, ask, deny }, env, hooks, model: `model-${kind}` } };
  });
}

function countRules(e) {
  const p = e.settings.permissions ?? {};
  return (p.allow?.length ?? 0) + (p.ask?.length ?? 0) + (p.deny?.length ?? 0);
}

/** Distinct rules across the layers: what the merged lists must hold. */
function distinctRules(values) {
  let n = 0;
  for (const list of ['allow', 'ask', 'deny']) n += new Set(values.flatMap((v) => v.permissions[list])).size;
  return n;
}

/** Writes the layers as files the CLI reads: ~/.claude, the project, its local file, a --settings file, a managed folder. */
function writeFiles(dir, layers) {
  const home = path.join(dir, 'home');
  const repo = path.join(dir, 'repo');
  const managed = path.join(dir, 'managed');
  const files = {
    user: path.join(home, '.claude', 'settings.json'),
    project: path.join(repo, '.claude', 'settings.json'),
    local: path.join(repo, '.claude', 'settings.local.json'),
    flag: path.join(dir, 'session.json'),
    managed: path.join(managed, 'managed-settings.json'),
  };
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  for (const l of layers) {
    fs.mkdirSync(path.dirname(files[l.kind]), { recursive: true });
    fs.writeFileSync(files[l.kind], JSON.stringify(l.value, null, 2) + '\n');
  }
  return { home, repo, managed, flag: files.flag };
}

export default {
  id: 'merge',
  title: 'Merging layers with 100,000 permission rules (effective, check-permission)',
  rounds: (ctx) => (ctx.quick ? 3 : 9),

  async prepare(ctx) {
    const require = createRequire(import.meta.url);
    const { mergeLayers } = require(path.join(ctx.repo, 'dist', 'core', 'layers', 'merge.js'));
    const generated = generateLayers();
    const layers = generated.map((l) => ({ kind: l.kind, name: l.kind, file: `${l.kind}.json`, value: l.value }));
    const expected = distinctRules(generated.map((l) => l.value));
    const tree = writeFiles(path.join(ctx.work, 'merge-100k'), generated);
    const env = { ...process.env, HOME: tree.home, CLAUDE_CONFIG_DIR: '' };
    const layerFlags = ['--settings', tree.flag, '--managed', tree.managed, '--no-config'];
    const bytes = Object.values(generated).reduce((n, l) => n + JSON.stringify(l.value, null, 2).length, 0);

    const cases = [
      ctx.baselineCase(),
      {
        id: 'merge-in-process',
        label: `mergeLayers: ${RULES.toLocaleString('en')} rules, 5 layers (in process)`,
        run: () => {
          const e = mergeLayers(layers);
          if (countRules(e) !== expected) throw new Error(`merged ${countRules(e)} rules, expected ${expected}`);
        },
      },
      {
        id: 'effective-json',
        label: 'cctier effective --format json (5 files, parse + merge + print)',
        command: [...ctx.cctier, 'effective', '--format', 'json', ...layerFlags],
        cwd: tree.repo,
        env,
        verify: (o) => {
          if (o.status !== 0) return `exit ${o.status}: ${o.stderr.trim().slice(0, 200)}`;
          const doc = JSON.parse(o.stdout);
          const n = countRules(doc);
          return n === expected ? undefined : `printed ${n} rules, expected ${expected}`;
        },
      },
      {
        id: 'check-permission',
        label: 'cctier check-permission "Bash(task-0 run)" (5 files)',
        command: [...ctx.cctier, 'check-permission', 'Bash(task-0 run)', ...layerFlags],
        cwd: tree.repo,
        env,
        verify: (o) => (o.status === 0 && /^deny: /.test(o.stdout) ? undefined : `exit ${o.status}: ${(o.stdout + o.stderr).trim().slice(0, 200)}`),
      },
    ];
    return {
      cases,
      notes: [
        `${RULES.toLocaleString('en')} rules (${expected.toLocaleString('en')} distinct), 200 env variables and a hook per layer; files ${(bytes / 1e6).toFixed(1)} MB`,
        'in-process rows have no ratio to node -e 0 (they start no process)',
      ],
      targets: (rows) => [timeTarget(rows.get('merge-in-process'), `merge of ${RULES.toLocaleString('en')} rules under ${TARGET_MS / 1000} s`, TARGET_MS)],
    };
  },
};

// `node bench/merge.mjs [--quick]`: the in-process merge alone, as rows { name, medianMs, ... }.
export async function run({ quick = false } = {}) {
  const require = createRequire(import.meta.url);
  const repo = path.resolve(import.meta.dirname, '..');
  const { mergeLayers } = require(path.join(repo, 'dist', 'core', 'layers', 'merge.js'));
  const layers = generateLayers().map((l) => ({ kind: l.kind, name: l.kind, file: `${l.kind}.json`, value: l.value }));
  const samples = [];
  mergeLayers(layers); // warm-up
  for (let i = 0; i < (quick ? 3 : 9); i++) {
    const start = process.hrtime.bigint();
    mergeLayers(layers);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return [{ name: `mergeLayers ${RULES} rules`, medianMs: samples[samples.length >> 1], samplesMs: samples, cpus: os.cpus().length, loadAverage: os.loadavg()[0] }];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await run({ quick: process.argv.includes('--quick') }), null, 2) + '\n');
}
