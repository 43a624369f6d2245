// The peer, claude-code-lint (binary `claudelint`), installed from npm into a scratch folder outside the
// repository and kept there between runs. It is never a dependency of cctier.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const PEER = { name: 'claude-code-lint', version: '0.5.0', bin: 'bin/claudelint' };

/** The peer checks for updates once a day over the network unless told not to; that is not what we time. */
export const PEER_ENV = { ...process.env, NO_UPDATE_NOTIFIER: '1', CI: '1' };

/**
 * Finds the cached install or installs it. Returns `{ ok: true, bin, dir, cached }` or
 * `{ ok: false, reason }`; never throws, so the bench still runs without network.
 */
export function ensurePeer(dir = path.join(os.tmpdir(), 'cctier-bench-peers'), log = () => {}) {
  const pkgDir = path.join(dir, 'node_modules', PEER.name);
  const installed = () => {
    try {
      return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version === PEER.version;
    } catch {
      return false;
    }
  };
  if (installed()) return { ok: true, bin: path.join(pkgDir, PEER.bin), dir, cached: true };
  log(`installing ${PEER.name}@${PEER.version} into ${dir} (once; cached for later runs)`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    return { ok: false, reason: `cannot create ${dir}: ${err.message}` };
  }
  // --ignore-scripts: nothing from the registry runs at install time; the peer needs no build step.
  const r = spawnSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['install', '--prefix', dir, `${PEER.name}@${PEER.version}`, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' },
  );
  if (r.error) return { ok: false, reason: `npm install failed: ${r.error.message}` };
  if (r.status !== 0 || !installed()) {
    const last = (r.stderr || r.stdout || '').trim().split('\n').filter(Boolean).slice(-2).join(' / ');
    return { ok: false, reason: `npm install exited ${r.status}${last ? `: ${last}` : ''}` };
  }
  return { ok: true, bin: path.join(pkgDir, PEER.bin), dir, cached: false };
}
