/** Reading a settings file without ever hanging or throwing: every failure becomes a reason. */

import * as fs from 'node:fs';

/**
 * Larger than this is not a settings file: real ones are a few kilobytes, and Claude Code refuses --settings
 * files over 2 MiB. We stop before reading, so a huge file is reported at once rather than parsed for seconds.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; ruleId: 'file/unreadable' | 'file/too-large'; message: string };

export function readSettingsFile(file: string): ReadOutcome {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { ok: false, ruleId: 'file/unreadable', message: describeFsError(err) };
  }
  if (stat.isDirectory()) return { ok: false, ruleId: 'file/unreadable', message: 'This is a directory, not a settings file.' };
  // FIFOs, sockets and devices could block forever or never end.
  if (!stat.isFile()) return { ok: false, ruleId: 'file/unreadable', message: 'This is not a regular file (a pipe, socket or device); cctier does not read it.' };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, ruleId: 'file/too-large', message: `The file is ${(stat.size / 1048576).toFixed(1)} MiB; cctier reads settings files up to ${MAX_FILE_BYTES / 1048576} MiB (Claude Code refuses --settings files over 2 MiB; real settings files are a few kilobytes).` };
  }
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (err) {
    return { ok: false, ruleId: 'file/unreadable', message: describeFsError(err) };
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: cctier cannot read this path.';
    case 'ELOOP':
      return 'A symbolic link loop: the link points, directly or not, back to itself.';
    case 'EISDIR':
      return 'This is a directory, not a settings file.';
    case 'ENAMETOOLONG':
      return 'The path is too long.';
    default:
      return `Cannot read this path (${code ?? String((err as Error)?.message ?? err)}).`;
  }
}
