/**
 * Runs the built binary (`node bin/cctier.js ...`) the way a user or a git hook does, in throwaway
 * directories, and measures each run.
 *
 * The bundle is rebuilt with `npm run build` when dist/cli/cctier.js is missing or older than anything it is
 * built from. Jest runs test files in parallel workers, so the build is guarded by a lock file (one worker
 * builds, the others wait for it) and its outcome is recorded in a stamp file: a build that failed for the
 * current sources is reported again rather than attempted again, so a test run builds at most once.
 */

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'cctier.js');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'cctier.js');
/** What the bundle is built from: a change in any of these makes it stale. */
const BUILD_INPUTS = ['src', 'schemas', 'scripts', 'bin', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

const KEY = createHash('sha1').update(ROOT).digest('hex').slice(0, 12);
const LOCK = path.join(os.tmpdir(), `cctier-cli-test-build-${KEY}.lock`);
const STAMP = path.join(os.tmpdir(), `cctier-cli-test-build-${KEY}.json`);
/** A lock older than this belongs to a build that died; `npm run build` takes seconds, not minutes. */
const STALE_LOCK_MS = 5 * 60_000;
const BUILD_TIMEOUT_MS = 4 * 60_000;
const FAILED_BUILD_TRUST_MS = 10 * 60_000;

interface Stamp {
  /** Newest mtime of the build inputs when the build started. */
  inputsMtime: number;
  ok: boolean;
  log: string;
  /** When the build finished; a failure is only trusted for a while (it may have been transient). */
  at: number;
}

let built = false;

/** Builds the CLI unless dist/cli/cctier.js is current. Call from beforeAll (allow a few minutes). */
export function ensureBuilt(): void {
  if (built) return;
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 30_000;
  for (;;) {
    const inputs = newestMtime(BUILD_INPUTS.map((p) => path.join(ROOT, p)));
    if (bundleMtime() >= inputs) break;
    const stamp = readStamp();
    if (stamp && stamp.inputsMtime === inputs && (stamp.ok || Date.now() - stamp.at < FAILED_BUILD_TRUST_MS)) {
      if (!stamp.ok) throw new Error(`npm run build failed (once, for these sources):\n${stamp.log}`);
      break; // built from exactly these sources (an input's mtime may lie in the future)
    }
    if (takeLock()) {
      try {
        build(inputs);
      } finally {
        fs.rmSync(LOCK, { force: true });
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for another worker's build (lock ${LOCK})`);
    sleep(250);
  }
  built = true;
}

function build(inputsMtime: number): void {
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.slice(-8000);
  const stamp: Stamp = { inputsMtime, ok: r.status === 0, log, at: Date.now() };
  fs.writeFileSync(STAMP, JSON.stringify(stamp));
  if (!stamp.ok) throw new Error(`npm run build failed:\n${log}`);
}

function takeLock(): boolean {
  try {
    fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { force: true });
    } catch {
      // the holder just released it; try again on the next round
    }
    return false;
  }
}

function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

function bundleMtime(): number {
  try {
    return fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return -1;
  }
}

function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the whole run, spawn included. */
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Kill the run after this long (a hang must fail the test, not the suite). */
  timeoutMs?: number;
  uid?: number;
  gid?: number;
  /** Extra node flags before the script (e.g. `--require` a preload). */
  nodeArgs?: string[];
}

/**
 * The environment of every run: the test process's, minus what would change cctier's output (colour
 * forced by jest, a user's CLAUDE_CONFIG_DIR, NODE_OPTIONS), with HOME in a place the tests control.
 */
/** HOME for every run unless a test sets one: a path that does not exist, so no real user file is read. */
export const NO_HOME = path.join(os.tmpdir(), 'cctier-cli-test-no-home');

export function cliEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: '1' };
  for (const k of ['FORCE_COLOR', 'CLAUDE_CONFIG_DIR', 'NODE_OPTIONS', 'XDG_CONFIG_HOME']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runCli(args: readonly string[], opts: RunOptions): CliRun {
  const spawnOpts: SpawnSyncOptions = {
    cwd: opts.cwd,
    env: cliEnv(NO_HOME, opts.env),
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  if (opts.uid !== undefined) spawnOpts.uid = opts.uid;
  if (opts.gid !== undefined) spawnOpts.gid = opts.gid;
  const start = Date.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], spawnOpts);
  const ms = Date.now() - start;
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), ms };
}

/** ESLint's JSON result shape, as `--format json` prints it. */
export interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number }>;
  errorCount: number;
  warningCount: number;
  output?: string;
}

export function parseJsonReport(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

/** A stack frame as Node prints it: what a user must never see without --debug. */
export const STACK_FRAME = '    at ';

/**
 * A throwaway directory tree. Each tree gets a package.json so cosmiconfig's upward search stops inside
 * it (no stray config in /tmp can leak in); pass `packageJson: false` to leave it out.
 */
export class TempTree {
  readonly root: string;

  constructor(label: string, options: { packageJson?: boolean } = {}) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `cctier-cli-${label}-`)));
    if (options.packageJson !== false) this.write('package.json', '{ "name": "fixture", "private": true }\n');
  }

  path(rel: string): string {
    return path.join(this.root, rel);
  }

  write(rel: string, content: string | Uint8Array): string {
    const file = this.path(rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  read(rel: string): string {
    return fs.readFileSync(this.path(rel), 'utf8');
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.path(rel));
  }

  run(args: readonly string[], opts: Omit<RunOptions, 'cwd'> & { cwd?: string } = {}): CliRun {
    return runCli(args, { ...opts, cwd: opts.cwd ? this.path(opts.cwd) : this.root });
  }

  remove(): void {
    // Undo chmod 000 first, or the removal itself fails for a non-root user.
    const unlock = (p: string): void => {
      let st: fs.Stats;
      try {
        st = fs.lstatSync(p);
      } catch {
        return;
      }
      if (st.isSymbolicLink()) return;
      try {
        fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
      } catch {
        return;
      }
      if (st.isDirectory()) for (const name of fs.readdirSync(p)) unlock(path.join(p, name));
    };
    unlock(this.root);
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
