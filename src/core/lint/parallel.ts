/**
 * Large runs (a monorepo, a CI sweep) split their files over worker threads, one per spare core: linting
 * is CPU-bound, and each file is independent. Small runs stay on the main thread, where a worker's start-up
 * would cost more than it saves. Results come back in discovery order.
 */

import * as os from 'node:os';
import type * as WorkerThreads from 'node:worker_threads';
import { discoverFor, lintFiles, problemResults, type LintOutcome, type LintRequest } from './lint-paths';

/** Below this many files a worker's start-up outweighs what it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const MAX_WORKERS = 3;

interface Chunk {
  cctierLintChunk: true;
  files: ReturnType<typeof discoverFor>['files'];
  req: LintRequest;
}

/**
 * Lints like lintPaths, spreading the files over workers started from `workerScript` (the CLI's own file,
 * which calls runLintWorker when it starts as a worker). Without a script, or with a team catalog (which
 * does not cross threads), everything runs here.
 */
export async function lintPathsParallel(req: LintRequest, workerScript?: string): Promise<LintOutcome> {
  const found = discoverFor(req);
  const lanes = Math.min(MAX_WORKERS + 1, os.availableParallelism?.() ?? os.cpus().length);
  if (!workerScript || req.catalog || lanes < 2 || found.files.length < MIN_FILES_FOR_WORKERS) {
    const rest = lintFiles(found.files, req);
    return { results: [...problemResults(found.problems), ...rest.results], unreadable: found.problems.length > 0 || rest.unreadable };
  }
  // worker_threads is loaded only when a run is large enough to use it.
  const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
  const size = Math.ceil(found.files.length / lanes);
  const chunks = Array.from({ length: lanes }, (_, i) => found.files.slice(i * size, (i + 1) * size));
  const workers = chunks.slice(1).map(
    (files) =>
      new Promise<LintOutcome>((resolve, reject) => {
        const w = new Worker(workerScript, { argv: [WORKER_FLAG], workerData: { cctierLintChunk: true, files, req } satisfies Chunk });
        w.once('message', (m: LintOutcome) => resolve(m));
        w.once('error', reject);
        w.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`lint worker exited with code ${code}`))));
      }),
  );
  const mine = lintFiles(chunks[0]!, req);
  const theirs = await Promise.all(workers);
  const all = [mine, ...theirs];
  return {
    results: [...problemResults(found.problems), ...all.flatMap((o) => o.results)],
    unreadable: found.problems.length > 0 || all.some((o) => o.unreadable),
  };
}

/** Marks a lint worker's argv, so the CLI can tell without loading worker_threads on every start. */
export const WORKER_FLAG = '--cctier-lint-worker';

/** True when this thread was started by lintPathsParallel; it then lints its chunk and reports back. */
export function isLintWorker(): boolean {
  const { parentPort, workerData } = require('node:worker_threads') as typeof WorkerThreads;
  return Boolean(parentPort && (workerData as Partial<Chunk> | undefined)?.cctierLintChunk);
}

export function runLintWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof WorkerThreads;
  const { files, req } = workerData as Chunk;
  parentPort!.postMessage(lintFiles(files, req));
}
