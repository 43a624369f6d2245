// Timing: every case is run once to warm up (and to check it did what we think), then the cases of a group
// take turns, round after round (A B C A B C ...), so a burst of load on this shared machine hits them all
// alike. The starting case rotates each round so no case always follows the same neighbour.

import { spawnSync } from 'node:child_process';

/**
 * A case is either spawned (`command`: [file, ...args]) or timed in this process (`run`: a function).
 * @typedef {object} Case
 * @property {string} id
 * @property {string} label            the row name in the table
 * @property {string[]} [command]
 * @property {() => unknown} [run]
 * @property {string} [cwd]
 * @property {Record<string,string>} [env]
 * @property {number} [maxRuns]        fewer rounds for slow cases (the peer on a tree)
 * @property {boolean} [baseline]      the `node -e 0` row other rows are divided by
 * @property {string} [peerOf]         id of the peer case this row is compared with
 * @property {boolean} [peer]          a row measuring the peer
 * @property {number} [files]          settings files linted, for files/second
 * @property {string[]} [verifyCommand] run instead of `command` for the warm-up, when it checks more
 * @property {(out: {status: number|null, stdout: string, stderr: string}) => string|undefined} [verify]
 *           returns a problem, or undefined when the warm-up output is what we expect
 */

const MAX_BUFFER = 256 * 1024 * 1024;

/** Ctrl-C reaches the child first (same process group); this stops the bench instead of timing the next. */
export class Interrupted extends Error {}

/** Lets pending signal handlers run between spawns (spawnSync blocks the event loop; an await alone does not yield to it). */
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** One spawn: elapsed wall time in ms, measured around spawnSync. */
function spawnTimed(c, command, capture) {
  const [file, ...args] = command;
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, {
    cwd: c.cwd,
    env: c.env,
    // Timed runs write to /dev/null: piping large reports into this process would time our buffering.
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'ignore'],
    encoding: capture ? 'utf8' : undefined,
    maxBuffer: MAX_BUFFER,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.signal === 'SIGINT' || r.signal === 'SIGTERM') throw new Interrupted(r.signal);
  if (r.error) throw new Error(`${c.label}: ${r.error.message}`);
  return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

async function runOnce(c, capture) {
  if (c.run) {
    const start = process.hrtime.bigint();
    await c.run();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: 0, stdout: '', stderr: '' };
  }
  return spawnTimed(c, capture && c.verifyCommand ? c.verifyCommand : c.command, capture);
}

/**
 * Warms up and checks each case, then times `rounds` interleaved rounds.
 * Returns per case: samples (ms) and any problem the warm-up found (such a case is not timed).
 */
export async function measureGroup(cases, rounds, progress = () => {}) {
  const state = new Map(cases.map((c) => [c.id, { samples: [], problem: undefined }]));
  for (const c of cases) {
    progress(`warm-up ${c.label}`);
    try {
      const out = await runOnce(c, true);
      state.get(c.id).problem = c.verify?.(out);
    } catch (err) {
      if (err instanceof Interrupted) throw err;
      state.get(c.id).problem = err.message;
    }
    await yieldToEventLoop();
  }
  const timed = cases.filter((c) => !state.get(c.id).problem);
  for (let r = 0; r < rounds; r++) {
    progress(`round ${r + 1}/${rounds}`);
    for (let k = 0; k < timed.length; k++) {
      const c = timed[(k + r) % timed.length];
      if (c.maxRuns !== undefined && r >= c.maxRuns) continue;
      state.get(c.id).samples.push((await runOnce(c, false)).ms);
      await yieldToEventLoop();
    }
  }
  return state;
}

export function median(xs) {
  if (!xs.length) return undefined;
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Spread as the interquartile range over the median, so a reader can tell a steady row from a noisy one. */
export function relativeIqr(xs) {
  if (xs.length < 4) return undefined;
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))];
  return (q(0.75) - q(0.25)) / median(s);
}
