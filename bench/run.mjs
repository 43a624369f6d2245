#!/usr/bin/env node
// `npm run bench`: cctier's speed as medians over interleaved runs, and ratios measured in the same run
// (to `node -e 0`, and to the peer claude-code-lint). Machines here are shared and noisy, so the ratios are
// the result; absolute times are context. The benchmarks themselves are modules listed in
// bench/benchmarks/index.mjs.
//
//   node bench/run.mjs [--quick] [--runs N] [--projects 1000,10000] [--no-peer | --peer]
//                      [--only startup,trees] [--json <file>] [--keep]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import benchmarks from './benchmarks/index.mjs';
import { Interrupted, measureGroup } from './lib/measure.mjs';
import { ensurePeer, PEER } from './lib/peer.mjs';
import { formatPeerSummary, formatTable, formatTargets, summarize } from './lib/report.mjs';
import { generateTree } from './lib/tree.mjs';

const repo = path.resolve(import.meta.dirname, '..');

const USAGE = `usage: node bench/run.mjs [options]   (npm run bench builds first)
  --quick            smoke run: few rounds, trees of 100 and 1,000 projects, no peer unless --peer
  --runs N           interleaved rounds per group (default: 15 start-up, 5 trees; the peer's tree run at most 3)
  --projects A,B     tree sizes in projects (default 1000,10000)
  --no-peer          do not install or run claude-code-lint
  --peer             run the peer even with --quick
  --only ID,...      run only these benchmarks (${benchmarks.map((b) => b.id).join(', ')})
  --json FILE        where to write the results (default: <tmpdir>/cctier-bench/latest.json)
  --keep             keep the generated trees (their folder is printed)
`;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      projects: { type: 'string' },
      peer: { type: 'boolean' },
      'no-peer': { type: 'boolean', default: false },
      only: { type: 'string' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const whole = (s, name) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) usage(`${name} needs a whole number of at least 1, not "${s}"`);
    return n;
  };
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of only ?? []) if (!benchmarks.some((b) => b.id === id)) usage(`unknown benchmark "${id}"`);
  return {
    quick: values.quick,
    runs: values.runs === undefined ? undefined : whole(values.runs, '--runs'),
    projectCounts: values.projects
      ? values.projects.split(',').map((s) => whole(s.trim(), '--projects'))
      : values.quick ? [100, 1000] : [1000, 10000],
    peer: values['no-peer'] ? false : values.peer ?? !values.quick,
    only,
    json: values.json ? path.resolve(values.json) : path.join(os.tmpdir(), 'cctier-bench', 'latest.json'),
    keep: values.keep,
  };
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

const log = (message) => process.stderr.write(`bench: ${message}\n`);

async function main() {
  const opts = options();
  const bin = path.join(repo, 'bin', 'cctier.js');
  if (!fs.existsSync(path.join(repo, 'dist', 'cli', 'cctier.js'))) {
    process.stderr.write('bench: dist/cli/cctier.js is missing; run `npm run build` first (`npm run bench` does).\n');
    return 2;
  }
  const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-bench-'));
  const removeWork = () => {
    if (!opts.keep) fs.rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      removeWork();
      process.exit(130);
    });
  }

  try {
    const peer = opts.peer ? ensurePeer(undefined, log) : { ok: false, reason: opts.quick ? '--quick (add --peer to include it)' : '--no-peer' };
    const trees = new Map();
    const ctx = {
      repo,
      version,
      node: process.execPath,
      cctier: [process.execPath, bin],
      work,
      quick: opts.quick,
      runs: opts.runs,
      projectCounts: opts.projectCounts,
      peer,
      log,
      baselineCase: () => ({ id: 'baseline', label: 'node -e 0 (baseline)', baseline: true, command: [process.execPath, '-e', '0'] }),
      tree(projects) {
        if (!trees.has(projects)) {
          const start = Date.now();
          trees.set(projects, generateTree(path.join(work, `tree-${projects}`), projects));
          log(`generated ${projects.toLocaleString('en')} projects in ${((Date.now() - start) / 1000).toFixed(1)} s`);
        }
        return trees.get(projects);
      },
    };

    const groups = [];
    const targets = [];
    const started = Date.now();
    for (const b of benchmarks) {
      if (opts.only && !opts.only.includes(b.id)) continue;
      const plan = await b.prepare(ctx);
      const rounds = opts.runs ?? b.rounds(ctx);
      log(`${b.id}: ${plan.cases.length} cases, warm-up + ${rounds} interleaved rounds`);
      const state = await measureGroup(plan.cases, rounds, progress(b.id));
      const rows = summarize(plan.cases, state);
      groups.push({ id: b.id, title: b.title, rounds, rows, notes: plan.notes ?? [] });
      targets.push(...(plan.targets?.(rows) ?? []));
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

    const cpus = os.cpus();
    const header =
      `cctier ${version} bench · node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'})` +
      ` · load ${os.loadavg()[0].toFixed(1)} · medians of interleaved runs${opts.quick ? ' · --quick' : ''}`;
    const peerLine = peer.ok
      ? `peer: ${PEER.name} ${PEER.version} (${peer.cached ? 'cached' : 'installed'} in ${peer.dir})`
      : `peer: skipped (${peer.reason})`;
    const peerSummary = formatPeerSummary(groups);
    process.stdout.write(
      [header, peerLine, '', formatTable(groups), '', ...(peerSummary ? ['cctier vs peer:', peerSummary, ''] : []), formatTargets(targets)].join('\n') + '\n',
    );

    const result = {
      tool: 'cctier',
      version,
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim(),
      loadAverage: os.loadavg(),
      options: { quick: opts.quick, runs: opts.runs, projectCounts: opts.projectCounts, only: opts.only },
      peer: peer.ok ? { name: PEER.name, version: PEER.version, dir: peer.dir } : { name: PEER.name, skipped: peer.reason },
      durationSeconds: Math.round((Date.now() - started) / 100) / 10,
      groups: groups.map((g) => ({ id: g.id, title: g.title, rounds: g.rounds, notes: g.notes, cases: [...g.rows.values()] })),
      targets,
    };
    fs.mkdirSync(path.dirname(opts.json), { recursive: true });
    fs.writeFileSync(opts.json, JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`results: ${opts.json}\n`);
    if (opts.keep) process.stdout.write(`trees kept in ${work}\n`);

    // Timings are noisy, so a missed target is reported, not failed on; a cctier case that could not run is.
    const broken = groups.flatMap((g) => [...g.rows.values()]).filter((r) => r.problem && !r.peer);
    return broken.length ? 1 : 0;
  } catch (err) {
    if (!(err instanceof Interrupted)) throw err;
    process.stderr.write('\nbench: interrupted\n');
    return 130;
  } finally {
    removeWork();
  }
}

function progress(group) {
  if (!process.stderr.isTTY) return () => {};
  return (step) => process.stderr.write(`\r\x1b[Kbench: ${group}: ${step}`);
}

process.exitCode = await main();
