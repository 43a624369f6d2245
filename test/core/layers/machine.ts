/** A throwaway machine for the layer commands: a home with user settings, a git repository, a managed folder. */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../../src/commands/io';

export interface Machine {
  root: string;
  home: string;
  repo: string;
  managed: string;
  write(rel: string, content: unknown): string;
  io(cwd?: string): Io & { out: string; err: string };
  remove(): void;
}

export function machine(): Machine {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-layers-')));
  const home = path.join(root, 'home');
  const repo = path.join(root, 'repo');
  const managed = path.join(root, 'managed');
  for (const d of [home, path.join(repo, '.git'), managed]) fs.mkdirSync(d, { recursive: true });
  return {
    root,
    home,
    repo,
    managed,
    write(rel, content) {
      const file = path.join(root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
      return file;
    },
    io(cwd = repo) {
      const io = { cwd, env: { HOME: home }, isTTY: false, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
      return io;
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
