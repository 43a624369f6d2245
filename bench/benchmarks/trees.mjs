// Linting whole trees of projects in one process, as CI does on a monorepo. Target: 10,000 files under
// 5 seconds, checked on the 10,000-project tree (which holds more than 10,000 settings files).

import { spawnSync } from 'node:child_process';
import { lintExitOk, timeTarget } from '../lib/checks.mjs';
import { PEER_ENV } from '../lib/peer.mjs';

const TARGET_FILES = 10_000;
const TARGET_MS = 5_000;
// The peer takes seconds per run on 1,000 projects; three runs give a median without doubling the bench.
const PEER_TREE_RUNS = 3;

export default {
  id: 'trees',
  title: 'Trees of projects (discovery + lint, one process)',
  rounds: (ctx) => (ctx.quick ? 2 : 5),

  async prepare(ctx) {
    const trees = ctx.projectCounts.map((n) => ctx.tree(n));
    const cases = [ctx.baselineCase()];
    // The peer is compared on the 1,000-project tree (else the smallest): it needs seconds per 1,000.
    const smallest = trees.reduce((a, b) => (b.projects < a.projects ? b : a), trees[0]);
    const peerTree = ctx.peer.ok ? trees.find((t) => t.projects === 1000) ?? smallest : undefined;
    for (const t of trees) {
      cases.push({
        id: `cctier-tree-${t.projects}`,
        label: `cctier lint: ${t.projects.toLocaleString('en')} projects`,
        command: [...ctx.cctier, 'lint'],
        // The warm-up asks for JSON to check every settings file was linted (and no stray one was).
        verifyCommand: [...ctx.cctier, 'lint', '--format', 'json'],
        cwd: t.dir,
        files: t.lintable,
        peerOf: t === peerTree ? `peer-tree-${t.projects}` : undefined,
        verify: (o) => lintExitOk(o) ?? countFiles(o.stdout, t.lintable),
      });
    }
    const notes = trees.map(
      (t) =>
        `${t.projects.toLocaleString('en')} projects: ${t.lintable.toLocaleString('en')} settings files ` +
        `(${t.files.settings} .claude/settings.json, ${t.files.local} settings.local.json, ${t.files.tier} claude_settings.json), ` +
        `${t.withProblems} with a planted problem, ${(t.bytes / 1e6).toFixed(1)} MB written`,
    );
    if (peerTree) {
      const peer = [ctx.node, ctx.peer.bin];
      cases.push({
        id: `peer-tree-${peerTree.projects}`,
        label: `claudelint check-all --workspaces: ${peerTree.projects.toLocaleString('en')}`,
        peer: true,
        command: [...peer, 'check-all', '--no-cache', '--workspaces'],
        cwd: peerTree.dir,
        env: PEER_ENV,
        files: peerTree.peerVisible,
        maxRuns: PEER_TREE_RUNS,
        verify: (o) =>
          (o.stdout + o.stderr).includes(`Total packages: ${peerTree.projects}`) ? undefined : `did not visit every project: ${(o.stderr || o.stdout).trim().slice(0, 200)}`,
      });
      notes.push(...peerLimits(ctx, peerTree));
    }
    return {
      cases,
      notes,
      targets: (rows) => {
        const big = trees.find((t) => t.lintable >= TARGET_FILES);
        const row = big && rows.get(`cctier-tree-${big.projects}`);
        const label = `${TARGET_FILES.toLocaleString('en')} files under ${TARGET_MS / 1000} s`;
        if (!row) return [{ label, status: 'SKIP', detail: `no tree of ${TARGET_FILES.toLocaleString('en')}+ files (run without --quick)` }];
        const per10k = row.medianMs === undefined ? '' : `; ${((row.medianMs * TARGET_FILES) / big.lintable / 1000).toFixed(2)} s per 10,000`;
        return [timeTarget(row, label, TARGET_MS, ` for all ${big.lintable.toLocaleString('en')} files${per10k}`)];
      },
    };
  },
};

function countFiles(json, expected) {
  let results;
  try {
    results = JSON.parse(json);
  } catch {
    return 'the JSON report did not parse';
  }
  if (!Array.isArray(results) || results.length !== expected) return `linted ${results.length} files, expected ${expected}`;
  if (results.some((r) => r.filePath.includes('node_modules'))) return 'linted a file under node_modules';
  return undefined;
}

/** What the peer's tree run does not do, with the one probe that shows it (a plain run finds nothing). */
function peerLimits(ctx, tree) {
  const probe = spawnSync(ctx.node, [ctx.peer.bin, 'check-all', '--no-cache'], { cwd: tree.dir, env: PEER_ENV, encoding: 'utf8' });
  const found = /Checked (\d+) files?/.exec((probe.stdout ?? '') + (probe.stderr ?? ''));
  return [
    `peer: a plain \`claudelint check-all\` at the tree root checked ${found ? found[1] : '?'} files (it reads only ./.claude/ of the folder it runs in);` +
      ' the comparable run is --workspaces, which needs a package.json workspaces manifest (the tree has one).',
    `peer: --workspaces reads .claude/settings.json and settings.local.json only (${tree.peerVisible.toLocaleString('en')} files);` +
      ` it never finds the ${tree.files.tier} claude_settings.json files, and applies its rules to settings.json only (settings.local.json gets its schema check alone).`,
  ];
}
