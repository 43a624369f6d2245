// The benchmarks `npm run bench` runs, in order. Adding one is adding a module here.
//
// A benchmark module's default export:
//   id, title            names for --only and for the table
//   rounds(ctx)          how many interleaved rounds by default (ctx.runs, from --runs, overrides it)
//   prepare(ctx)         async; returns { cases, notes?, targets? }
//     cases              see bench/lib/measure.mjs (spawned `command` or in-process `run`); add
//                        ctx.baselineCase() to have "x node -e 0" ratios measured alongside
//     notes              lines printed under the group (what a comparison leaves out, ...)
//     targets(rows)      [{ label, status: 'PASS'|'FAIL'|'SKIP', detail }] from the measured rows (by case id)
// ctx (bench/run.mjs): repo, node, cctier (the command prefix), work (a temp dir removed at the end),
// tree(projects) (generated once per run, shared), peer ({ ok, bin } or { ok: false, reason }),
// quick, runs, projectCounts, log(message).

import merge from '../merge.mjs';
import startup from './startup.mjs';
import trees from './trees.mjs';

export default [startup, trees, merge];
