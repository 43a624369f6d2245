// Start-up and one file: what a pre-commit hook pays on every commit. Target: `cctier lint <one file>`
// within 2x of `node -e 0`.

import fs from 'node:fs';
import path from 'node:path';
import { lintExitOk, ratioTarget } from '../lib/checks.mjs';
import { PEER, PEER_ENV } from '../lib/peer.mjs';

const ONE_FILE_TARGET = 2;

export default {
  id: 'startup',
  title: 'Start-up and one file (.claude/settings.json: permissions, hooks, env)',
  rounds: (ctx) => (ctx.quick ? 3 : 15),

  async prepare(ctx) {
    const project = path.join(ctx.work, 'one-project');
    const file = path.join(project, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(ctx.repo, 'bench', 'data', 'one-project.settings.json'), file);

    const cases = [
      ctx.baselineCase(),
      {
        id: 'cctier-version',
        label: 'cctier --version',
        command: [...ctx.cctier, '--version'],
        cwd: project,
        peerOf: 'peer-version',
        verify: (o) => (o.status === 0 && o.stdout.trim() === ctx.version ? undefined : `printed ${JSON.stringify(o.stdout.trim())}, exit ${o.status}`),
      },
      {
        id: 'cctier-lint-file',
        label: 'cctier lint <file>',
        command: [...ctx.cctier, 'lint', file],
        cwd: project,
        peerOf: 'peer-validate-settings',
        verify: lintExitOk,
      },
      {
        id: 'cctier-lint-project',
        label: 'cctier lint (finds it in the project)',
        command: [...ctx.cctier, 'lint'],
        cwd: project,
        peerOf: 'peer-check-all',
        verify: lintExitOk,
      },
    ];
    const notes = [];
    if (ctx.peer.ok) {
      const peer = [ctx.node, ctx.peer.bin];
      cases.push(
        {
          id: 'peer-version',
          label: 'claudelint --version',
          peer: true,
          command: [...peer, '--version'],
          cwd: project,
          env: PEER_ENV,
          verify: (o) => (o.stdout.includes(PEER.version) ? undefined : `printed ${JSON.stringify(o.stdout.trim())}`),
        },
        {
          id: 'peer-validate-settings',
          label: 'claudelint validate-settings --path <file>',
          peer: true,
          command: [...peer, 'validate-settings', '--path', file],
          cwd: project,
          env: PEER_ENV,
          verify: (o) => (o.status === 0 || o.status === 1 ? undefined : `exit ${o.status}: ${o.stderr.trim().slice(0, 200)}`),
        },
        {
          id: 'peer-check-all',
          label: 'claudelint check-all --no-cache (in the project)',
          peer: true,
          command: [...peer, 'check-all', '--no-cache'],
          cwd: project,
          env: PEER_ENV,
          verify: (o) => (/Checked 1 file/.test(o.stdout + o.stderr) ? undefined : `did not check the file: ${(o.stdout + o.stderr).trim().slice(0, 200)}`),
        },
      );
    }
    return {
      cases,
      notes,
      targets: (rows) => [ratioTarget(rows.get('cctier-lint-file'), `one file within ${ONE_FILE_TARGET}x of node -e 0`, ONE_FILE_TARGET)],
    };
  },
};
